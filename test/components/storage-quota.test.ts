/**
 * A full disk, in real Chromium: the page's IndexedDB is put in a storage bucket with a small
 * quota, which Chromium enforces on every write. Storage Buckets are Chromium's alone, so
 * web-test-runner.engines.config.js runs this file there only (docs/engines.md).
 */
import { expect } from '@open-wc/testing';
import { waitUntil } from '../helpers/wait.js';
import { loadDraft } from '../../src/store/drafts.js';
import { pendingResults } from '../../src/store/outbox.js';
import { DEFAULT_VAULT, deleteAllDatabases } from '../helpers/fixtures.js';
import { questionnaire, radios } from '../helpers/storage-fixture.js';
import { answerPhq9 } from '../integration/helpers.js';

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

describe('storage faults: a full disk', function () {
  this.timeout(20000);
  beforeEach(deleteAllDatabases);

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
      expect((await loadDraft(DEFAULT_VAULT, 'full'))?.answers, 'the last draft that fitted is kept').to.deep.equal({ 'phq9-1': 1 });

      await disk.free();
      radios(el, 'phq9-4')[0]!.click();
      await el.draftSaved();
      expect((await loadDraft(DEFAULT_VAULT, 'full'))?.answers).to.deep.equal({ 'phq9-1': 1, 'phq9-2': 2, 'phq9-3': 3, 'phq9-4': 0 });
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
      expect((await pendingResults(DEFAULT_VAULT)).entries).to.deep.equal([]);
      // Give a wrongly started deletion time to land before checking that the draft is still there.
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(Object.keys((await loadDraft(DEFAULT_VAULT, 'full-submit'))?.answers ?? {})).to.have.length(10);
    });
  });
});
