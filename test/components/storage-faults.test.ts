/**
 * Storage faults in the real browser: IndexedDB that cannot be opened or is blocked, a full disk
 * (the DevTools protocol lowers the page's quota), another tab upgrading or deleting the database,
 * and two tabs editing one draft. Each time the questionnaire stays usable, the host hears what
 * happened through `pp-error`, and no answer is lost that could have been kept.
 */
import { expect, waitUntil } from '@open-wc/testing';
import '../../components/pp-questionnaire/pp-questionnaire.js';
import type { PpQuestionnaire } from '../../components/pp-questionnaire/pp-questionnaire.js';
import type { ErrorDetail, SubmitDetail } from '../../src/events.js';
import { loadDraft } from '../../src/store/drafts.js';
import { pendingResults } from '../../src/store/outbox.js';
import { deleteAllDatabases, PHQ9_URL } from '../helpers/fixtures.js';
import { answerPhq9, loadPage, ready } from '../integration/helpers.js';

const radios = (el: Element, itemId: string) => [...el.shadowRoot!.querySelectorAll<HTMLInputElement>(`[data-item="${itemId}"] input[type=radio]`)];
const checked = (el: Element, itemId: string) => radios(el, itemId).findIndex((radio) => radio.checked);

/** A PHQ-9 in the list layout with the `pp-error`s and `pp-submit`s it emits. */
async function questionnaire(draftKey: string): Promise<{ el: PpQuestionnaire; errors: ErrorDetail[]; submitted: SubmitDetail[] }> {
  const el = document.createElement('pp-questionnaire');
  const errors: ErrorDetail[] = [];
  const submitted: SubmitDetail[] = [];
  el.addEventListener('pp-error', (event) => errors.push((event as CustomEvent<ErrorDetail>).detail));
  el.addEventListener('pp-submit', (event) => submitted.push((event as CustomEvent<SubmitDetail>).detail));
  Object.assign(el, { src: PHQ9_URL, layout: 'list', draftKey });
  document.body.append(el);
  await ready(() => el);
  return { el, errors, submitted };
}

declare global {
  interface Navigator {
    readonly storageBuckets: { open(name: string, options: { quota: number }): Promise<StorageBucket>; delete(name: string): Promise<void> };
  }
  interface StorageBucket {
    readonly indexedDB: IDBFactory;
    estimate(): Promise<StorageEstimate>;
  }
}

/**
 * Puts the page's IndexedDB on a small disk: a storage bucket with a real quota, which Chromium
 * enforces on every write. (The DevTools quota override, `Storage.overrideQuotaForOrigin`, shows
 * in `Storage.getUsageAndQuota` but Chromium 156 does not enforce it on IndexedDB writes.)
 * `fill()` takes all the space left, as other data would; `free()` gives it back.
 */
async function smallDisk(): Promise<{ fill(): Promise<void>; free(): Promise<void>; restore(): Promise<void> }> {
  const name = `small-disk-${Date.now()}`;
  const bucket = await navigator.storageBuckets.open(name, { quota: 200_000 });
  const usual = Object.getOwnPropertyDescriptor(window, 'indexedDB')!;
  Object.defineProperty(window, 'indexedDB', { value: bucket.indexedDB, configurable: true });
  const run = <T>(request: IDBRequest<T> | IDBOpenDBRequest): Promise<T> =>
    new Promise((resolve, reject) => {
      request.onsuccess = () => resolve(request.result as T);
      request.onerror = () => reject(request.error);
    });
  const put = async (size: number): Promise<boolean> => {
    const open = bucket.indexedDB.open('filler', 1);
    open.onupgradeneeded = () => open.result.createObjectStore('data', { autoIncrement: true });
    const db = (await run(open)) as IDBDatabase;
    const transaction = db.transaction('data', 'readwrite');
    transaction.objectStore('data').put('x'.repeat(size));
    const written = await new Promise<boolean>((resolve) => {
      transaction.oncomplete = () => resolve(true);
      transaction.onabort = () => resolve(false);
    });
    db.close();
    return written;
  };
  return {
    async fill() {
      for (let size = 100_000; size >= 16; ) if (!(await put(size))) size = Math.floor(size / 2);
    },
    async free() {
      const full = (await bucket.estimate()).usage!;
      await run(bucket.indexedDB.deleteDatabase('filler'));
      // The browser accounts for the freed space shortly after the deletion.
      await waitUntil(async () => (await bucket.estimate()).usage! < full / 2, 'the space was not freed');
    },
    async restore() {
      // Deleting our database in the bucket makes this page's connection step aside, so later tests open the usual one.
      await run(bucket.indexedDB.deleteDatabase('painpath'));
      Object.defineProperty(window, 'indexedDB', usual);
      await navigator.storageBuckets.delete(name);
    },
  };
}

/** Opens `painpath` at `version` as another tab would, running `upgrade` when that creates or raises it. */
function openAsOtherTab(version: number, upgrade: (db: IDBDatabase) => void = () => {}): Promise<{ db: IDBDatabase; blocked: boolean }> {
  return new Promise((resolve, reject) => {
    let blocked = false;
    const request = indexedDB.open('painpath', version);
    request.onupgradeneeded = () => upgrade(request.result);
    request.onblocked = () => (blocked = true);
    request.onsuccess = () => resolve({ db: request.result, blocked });
    request.onerror = () => reject(request.error);
  });
}

/** The draft as another tab reads it, without this page's connection. */
async function draftSeenByOtherTab(draftKey: string): Promise<unknown> {
  const request = indexedDB.open('painpath');
  const db = await new Promise<IDBDatabase>((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
  try {
    if (!db.objectStoreNames.contains('drafts')) return undefined;
    const get = db.transaction('drafts').objectStore('drafts').get(draftKey);
    return await new Promise((resolve) => (get.onsuccess = () => resolve(get.result)));
  } finally {
    db.close();
  }
}

describe('storage faults', function () {
  this.timeout(20000);
  beforeEach(deleteAllDatabases);
  afterEach(() => document.querySelectorAll('pp-questionnaire').forEach((el) => el.remove()));

  describe('IndexedDB that cannot be opened', () => {
    it('shows the form and keeps answers in memory when another tab holds an old connection open, and saves them once it closes', async () => {
      // An old version of the page that ignores versionchange: our upgrade to version 2 is blocked.
      const other = await openAsOtherTab(1, (db) => {
        db.createObjectStore('drafts', { keyPath: 'draftKey' });
        db.createObjectStore('outbox', { keyPath: 'id' });
        db.createObjectStore('progress', { keyPath: 'key' });
      });
      try {
        const { el, errors } = await questionnaire('blocked');
        expect(errors.map((e) => e.code)).to.deep.equal(['storage-unavailable']);
        expect(errors[0]!.message).to.contain('another tab');
        radios(el, 'phq9-1')[2]!.click();
        await el.draftSaved();
        expect(el.answers).to.deep.equal({ 'phq9-1': 2 });

        other.db.close();
        radios(el, 'phq9-2')[1]!.click();
        await waitUntil(
          async () => JSON.stringify((await loadDraft('blocked').catch(() => undefined))?.answers) === JSON.stringify({ 'phq9-1': 2, 'phq9-2': 1 }),
          'the answers were not saved once the other tab let go',
        );
        expect(errors.map((e) => e.code), 'told once').to.deep.equal(['storage-unavailable']);
      } finally {
        other.db.close();
      }
    });
  });

  describe('a full disk', () => {
    let disk: Awaited<ReturnType<typeof smallDisk>>;
    beforeEach(async () => (disk = await smallDisk()));
    afterEach(async () => {
      document.querySelectorAll('pp-questionnaire').forEach((el) => el.remove());
      await disk.restore();
    });

    it('keeps answering in memory and reports once while the disk is full, then saves every answer when space is back', async () => {
      const { el, errors } = await questionnaire('full');
      radios(el, 'phq9-1')[1]!.click();
      await el.draftSaved();
      await disk.fill();
      radios(el, 'phq9-2')[2]!.click();
      await el.draftSaved();
      radios(el, 'phq9-3')[3]!.click();
      await el.draftSaved();
      expect(errors.map((e) => e.code)).to.deep.equal(['storage-unavailable']);
      expect(errors[0]!.message).to.contain('QuotaExceededError');
      expect(el.answers).to.deep.equal({ 'phq9-1': 1, 'phq9-2': 2, 'phq9-3': 3 });
      expect((await loadDraft('full'))?.answers, 'the last draft that fitted is kept').to.deep.equal({ 'phq9-1': 1 });

      await disk.free();
      radios(el, 'phq9-4')[0]!.click();
      await el.draftSaved();
      expect((await loadDraft('full'))?.answers).to.deep.equal({ 'phq9-1': 1, 'phq9-2': 2, 'phq9-3': 3, 'phq9-4': 0 });
    });

    it('still emits the result when the outbox is full, and keeps the draft, the only copy left in the browser', async () => {
      const { el, errors, submitted } = await questionnaire('full-submit');
      await answerPhq9(el, 2);
      await el.draftSaved();
      await disk.fill();
      el.shadowRoot!.querySelector<HTMLButtonElement>('button[type=submit]')!.click();
      await waitUntil(() => submitted.length === 1, 'no result');
      expect(submitted[0]!.scores['total']!.value).to.equal(18);
      expect(errors.map((e) => e.code)).to.deep.equal(['storage-unavailable']);
      expect(await pendingResults()).to.deep.equal([]);
      // Give a wrongly started deletion time to land before checking that the draft is still there.
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(Object.keys((await loadDraft('full-submit'))?.answers ?? {})).to.have.length(10);
    });
  });

  describe('another tab changing the database', () => {
    it('steps aside for another tab that upgrades the database, then keeps saving into the upgraded one', async () => {
      const { el, errors } = await questionnaire('upgraded');
      radios(el, 'phq9-1')[1]!.click();
      await el.draftSaved();
      // A newer Painpath in another tab adds a store: version 3.
      const other = await openAsOtherTab(3, (db) => db.createObjectStore('newer'));
      expect(other.blocked, 'our connection closed at once instead of blocking the upgrade').to.equal(false);
      other.db.close();
      radios(el, 'phq9-2')[2]!.click();
      await el.draftSaved();
      expect(await draftSeenByOtherTab('upgraded')).to.deep.include({ answers: { 'phq9-1': 1, 'phq9-2': 2 } });
      expect(errors).to.deep.equal([]);
    });

    it('keeps working in memory and says so when another tab upgrades the database to a schema it cannot use', async () => {
      const { el, errors } = await questionnaire('incompatible');
      radios(el, 'phq9-1')[1]!.click();
      await el.draftSaved();
      const other = await openAsOtherTab(3, (db) => db.deleteObjectStore('drafts'));
      expect(other.blocked).to.equal(false);
      other.db.close();
      radios(el, 'phq9-2')[2]!.click();
      await el.draftSaved();
      expect(errors.map((e) => e.code)).to.deep.equal(['storage-unavailable']);
      expect(el.answers).to.deep.equal({ 'phq9-1': 1, 'phq9-2': 2 });
    });

    it('saves its draft again, and tells the host, when another tab deletes the database', async () => {
      const { el, errors } = await questionnaire('deleted');
      radios(el, 'phq9-1')[3]!.click();
      await el.draftSaved();
      const deleted = await new Promise<boolean>((resolve) => {
        const request = indexedDB.deleteDatabase('painpath');
        let blocked = false;
        request.onblocked = () => (blocked = true);
        request.onsuccess = () => resolve(!blocked);
      });
      expect(deleted, 'our connection closed at once instead of blocking the deletion').to.equal(true);
      await waitUntil(() => errors.length > 0, 'the host was not told');
      expect(errors.map((e) => e.code)).to.deep.equal(['storage-reset']);
      await el.draftSaved();
      await waitUntil(async () => (await draftSeenByOtherTab('deleted')) !== undefined, 'the draft was not saved again');
      expect(await draftSeenByOtherTab('deleted')).to.deep.include({ answers: { 'phq9-1': 3 } });
      expect(checked(el, 'phq9-1')).to.equal(3);
    });
  });

  describe('two tabs editing one draft', () => {
    it('keeps two questionnaires with the same draft key in step, and the draft holds the answers of both', async () => {
      const a = await questionnaire('shared');
      const b = await questionnaire('shared');
      radios(a.el, 'phq9-1')[1]!.click();
      await a.el.draftSaved();
      await waitUntil(() => checked(b.el, 'phq9-1') === 1, 'the second questionnaire did not follow');
      radios(b.el, 'phq9-2')[3]!.click();
      await b.el.draftSaved();
      await waitUntil(() => checked(a.el, 'phq9-2') === 3, 'the first questionnaire did not follow');
      // The later answer to the same question wins everywhere.
      radios(a.el, 'phq9-2')[0]!.click();
      await a.el.draftSaved();
      await waitUntil(() => checked(b.el, 'phq9-2') === 0, 'the later answer did not win');
      expect((await loadDraft('shared'))?.answers).to.deep.equal({ 'phq9-1': 1, 'phq9-2': 0 });
      expect(a.el.answers).to.deep.equal(b.el.answers);
      expect([...a.errors, ...b.errors]).to.deep.equal([]);
    });

    it('keeps a questionnaire in step with the same draft in another document (an iframe, as another tab)', async () => {
      const frame = await loadPage('/test/pages/phq9-draft.html');
      const other = await ready(() => frame.contentDocument!.querySelector('pp-questionnaire'));
      const here = await questionnaire('reload-test');
      radios(other, 'phq9-1')[2]!.click();
      await other.draftSaved();
      await waitUntil(() => here.el.answers['phq9-1'] === 2, 'this page did not follow the other document');
      radios(here.el, 'phq9-2')[1]!.click();
      await here.el.draftSaved();
      await waitUntil(() => other.answers['phq9-2'] === 1, 'the other document did not follow');
      expect((await loadDraft('reload-test'))?.answers).to.deep.equal({ 'phq9-1': 2, 'phq9-2': 1 });
    });
  });
});
