import { expect } from '@open-wc/testing';
import { waitUntil } from '../helpers/wait.js';
import { DraftWriter, deleteDraft } from '../../src/store/draft-writer.js';
import { loadDraft, lookUpDraft, type Draft } from '../../src/store/drafts.js';
import { pendingResults } from '../../src/store/outbox.js';
import { DEFAULT_VAULT as vault, deleteAllDatabases } from '../helpers/fixtures.js';

const draft = (answers: Record<string, number>, updatedAt = new Date().toISOString()): Draft => ({
  draftKey: 'k',
  instrumentId: 'phq-9',
  instrumentVersion: '1.0.0',
  answers,
  pageIndex: 0,
  startedAt: updatedAt,
  updatedAt,
});

const DAY_MS = 24 * 60 * 60 * 1000;
/**
 * A few days ago: drafts saved from then on have not expired by the real clock, by which every new
 * connection sweeps expired records away (at a time of its own, which may come after a save).
 */
const START = Date.now() - 4 * DAY_MS;
/** The time `days` (and `seconds`) after START. */
const at = (days: number, seconds = 0) => new Date(START + days * DAY_MS + seconds * 1000);
const iso = (days: number, seconds = 0) => at(days, seconds).toISOString();

describe('drafts in IndexedDB', () => {
  beforeEach(deleteAllDatabases);

  it('writes the last of a burst of saves and reports each write', async () => {
    const saved: Draft[] = [];
    const writer = new DraftWriter(() => vault, (d) => saved.push(d), (e) => { throw e; });
    for (let i = 0; i < 20; i += 1) void writer.save(draft({ q: i }));
    await writer.flush();
    expect((await loadDraft(vault, 'k'))?.answers).to.deep.equal({ q: 19 });
    expect(saved.length).to.be.within(1, 20);
    expect(saved.at(-1)!.answers).to.deep.equal({ q: 19 });
  });

  it('deletes and ignores a draft older than the maximum age', async () => {
    const writer = new DraftWriter(() => vault, () => {}, () => {});
    // Kept longer than the maximum age asked for when it is read (a host that lowered it), so that
    // the record has not expired yet when it is read too old.
    writer.keepDays = 30;
    await writer.save(draft({ q: 1 }, iso(0)));
    expect(await loadDraft(vault, 'k', 14, at(9))).to.not.equal(undefined);
    expect(await loadDraft(vault, 'k', 14, at(15))).to.equal(undefined);
    expect(await loadDraft(vault, 'k', 14, at(9)), 'it was deleted').to.equal(undefined);
  });

  it('forgets a deleted draft', async () => {
    await new DraftWriter(() => vault, () => {}, () => {}).save(draft({ q: 1 }));
    await deleteDraft(vault, 'k');
    expect(await loadDraft(vault, 'k')).to.equal(undefined);
  });
});

describe('looking up the draft to resume', () => {
  beforeEach(deleteAllDatabases);
  const phq9 = { id: 'phq-9', version: '1.0.0' };
  const save = (d: Draft) => new DraftWriter(() => vault, () => {}, (e) => { throw e; }).save(d);

  it('resumes the draft of this version, under the host key or the default key', async () => {
    await save({ ...draft({ q: 1 }), draftKey: 'host-key' });
    await save({ ...draft({ q: 2 }), draftKey: 'phq-9@1.0.0' });
    expect(await lookUpDraft(vault, phq9, 'host-key')).to.deep.equal({ draft: await loadDraft(vault, 'host-key') });
    expect((await lookUpDraft(vault, phq9, undefined)).draft?.answers).to.deep.equal({ q: 2 });
  });

  it('sets aside a draft of another version under the host key instead of resuming it', async () => {
    await save({ ...draft({ q: 1 }), draftKey: 'host-key', instrumentVersion: '0.9.0' });
    const found = await lookUpDraft(vault, phq9, 'host-key');
    expect(found.draft).to.equal(undefined);
    expect(found.superseded).to.include({ draftKey: 'host-key', instrumentVersion: '0.9.0' });
  });

  it('finds the newest draft of another version under its default key when the host gives no key', async () => {
    await save({ ...draft({ q: 1 }, iso(0)), draftKey: 'phq-9@0.8.0', instrumentVersion: '0.8.0' });
    await save({ ...draft({ q: 2 }, iso(1)), draftKey: 'phq-9@0.9.0', instrumentVersion: '0.9.0' });
    await save({ ...draft({ q: 3 }, iso(2)), draftKey: 'phq-9-other@1.0.0', instrumentId: 'phq-9-other' });
    const found = await lookUpDraft(vault, phq9, undefined, 14, at(4));
    expect(found).to.deep.equal({ superseded: await loadDraft(vault, 'phq-9@0.9.0', 14, at(4)) });
    expect(await lookUpDraft(vault, phq9, 'host-key', 14, at(4)), 'a host key names one draft only').to.deep.equal({});
  });

  it('ignores an expired draft of another version', async () => {
    await save({ ...draft({ q: 1 }, iso(0)), draftKey: 'phq-9@0.9.0', instrumentVersion: '0.9.0' });
    expect(await lookUpDraft(vault, phq9, undefined, 14, at(31))).to.deep.equal({});
  });
});

describe('drafts written from several places at once', () => {
  beforeEach(deleteAllDatabases);

  it('never replaces a draft with one changed earlier, whichever write lands last', async () => {
    const later = new DraftWriter(() => vault, () => {}, (e) => { throw e; });
    const earlier = new DraftWriter(() => vault, () => {}, (e) => { throw e; });
    await later.save(draft({ q: 2 }, iso(0, 1)));
    await earlier.save(draft({ q: 1 }, iso(0)));
    expect((await loadDraft(vault, 'k', 14, at(1)))?.answers).to.deep.equal({ q: 2 });
  });

  it('tells every other listening writer, in this document or another, of each draft it saved', async () => {
    const heard: Draft[] = [];
    const listener = new DraftWriter(() => vault, () => {}, () => {}, { savedElsewhere: (d) => heard.push(d) });
    listener.listen();
    try {
      await listener.save(draft({ q: 0 }));
      await new DraftWriter(() => vault, () => {}, () => {}).save(draft({ q: 5 }));
      // Its own save came first, so an echo of it would have arrived before the other's.
      await waitUntil(() => heard.length > 0, 'the other save was not heard');
      expect(heard.map((d) => d.answers), 'its own save is not echoed back').to.deep.equal([{ q: 5 }]);
    } finally {
      listener.stopListening();
    }
  });
});

describe('a database of an earlier version', () => {
  beforeEach(deleteAllDatabases);

  /** Creates the version-2 layout (four stores) holding `draft` and `entry`, as Painpath before version 3 did. */
  function createVersion2(stored: Draft, entry: { id: string; createdAt: string; result: unknown }): Promise<void> {
    return new Promise((resolve, reject) => {
      const request = indexedDB.open('painpath', 2);
      request.onupgradeneeded = () => {
        const db = request.result;
        db.createObjectStore('drafts', { keyPath: 'draftKey' }).put(stored);
        db.createObjectStore('outbox', { keyPath: 'id' }).put(entry);
        db.createObjectStore('progress', { keyPath: 'key' });
        db.createObjectStore('history', { keyPath: 'id' }).createIndex('instrumentId', 'instrumentId');
      };
      request.onsuccess = () => {
        request.result.close();
        resolve();
      };
      request.onerror = () => reject(request.error);
    });
  }

  it('moves its drafts and unacknowledged results into the one store of version 3, and drops its stores', async () => {
    const stored = { ...draft({ q: 3 }), draftKey: 'phq-9@1.0.0' };
    const entry = { id: 'result-1', createdAt: new Date().toISOString(), result: { instrument: { id: 'phq-9' }, total: 7 } };
    await createVersion2(stored, entry);

    expect(await loadDraft(vault, 'phq-9@1.0.0')).to.deep.equal(stored);
    const pending = await pendingResults(vault);
    expect(pending.locked).to.equal(0);
    expect(pending.entries).to.have.length(1);
    expect(pending.entries[0]).to.deep.equal(entry);

    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('painpath');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    try {
      expect(db.version).to.equal(3);
      expect([...db.objectStoreNames]).to.deep.equal(['records']);
    } finally {
      db.close();
    }
  });
});
