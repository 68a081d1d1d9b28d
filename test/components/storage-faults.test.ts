/**
 * Storage faults in the real browser: IndexedDB that cannot be opened or is blocked, another tab
 * upgrading or deleting the database, and two tabs editing one draft (a full disk: storage-quota.test.ts). Each time the questionnaire stays usable, the host hears what
 * happened through `pp-error`, and no answer is lost that could have been kept.
 */
import { expect } from '@open-wc/testing';
import { waitUntil } from '../helpers/wait.js';
import { loadDraft } from '../../src/store/drafts.js';
import { DEFAULT_VAULT, deleteAllDatabases } from '../helpers/fixtures.js';
import { checked, questionnaire, radios } from '../helpers/storage-fixture.js';
import { loadPage, ready } from '../integration/helpers.js';

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

/** The draft (of no subject) as another tab reads it, without this page's connection. */
async function draftSeenByOtherTab(draftKey: string): Promise<unknown> {
  const request = indexedDB.open('painpath');
  const db = await new Promise<IDBDatabase>((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
  try {
    if (!db.objectStoreNames.contains('records')) return undefined;
    const get = db.transaction('records').objectStore('records').get(['', 'draft', draftKey, '']);
    return await new Promise((resolve) => (get.onsuccess = () => resolve((get.result as { data?: unknown } | undefined)?.data)));
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
      // An old version of the page that ignores versionchange: our upgrade from its version 2 to 3 is blocked.
      const other = await openAsOtherTab(2, (db) => {
        db.createObjectStore('drafts', { keyPath: 'draftKey' });
        db.createObjectStore('outbox', { keyPath: 'id' });
        db.createObjectStore('progress', { keyPath: 'key' });
        db.createObjectStore('history', { keyPath: 'id' }).createIndex('instrumentId', 'instrumentId');
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
          async () => JSON.stringify((await loadDraft(DEFAULT_VAULT, 'blocked').catch(() => undefined))?.answers) === JSON.stringify({ 'phq9-1': 2, 'phq9-2': 1 }),
          'the answers were not saved once the other tab let go',
        );
        expect(errors.map((e) => e.code), 'told once').to.deep.equal(['storage-unavailable']);
      } finally {
        other.db.close();
      }
    });
  });

  describe('another tab changing the database', () => {
    it('steps aside for another tab that upgrades the database, then keeps saving into the upgraded one', async () => {
      const { el, errors } = await questionnaire('upgraded');
      radios(el, 'phq9-1')[1]!.click();
      await el.draftSaved();
      // A newer Painpath in another tab adds a store: version 4.
      const other = await openAsOtherTab(4, (db) => db.createObjectStore('newer'));
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
      const other = await openAsOtherTab(4, (db) => db.deleteObjectStore('records'));
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
      expect((await loadDraft(DEFAULT_VAULT, 'shared'))?.answers).to.deep.equal({ 'phq9-1': 1, 'phq9-2': 0 });
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
      expect((await loadDraft(DEFAULT_VAULT, 'reload-test'))?.answers).to.deep.equal({ 'phq9-1': 2, 'phq9-2': 1 });
    });
  });
});
