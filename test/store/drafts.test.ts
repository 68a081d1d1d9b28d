import { expect } from '@open-wc/testing';
import { waitUntil } from '../helpers/wait.js';
import { DraftWriter, deleteDraft, loadDraft, lookUpDraft, type Draft } from '../../src/store/drafts.js';
import { deleteAllDatabases } from '../helpers/fixtures.js';

const draft = (answers: Record<string, number>, updatedAt = new Date().toISOString()): Draft => ({
  draftKey: 'k',
  instrumentId: 'phq-9',
  instrumentVersion: '1.0.0',
  answers,
  pageIndex: 0,
  startedAt: updatedAt,
  updatedAt,
});

describe('drafts in IndexedDB', () => {
  beforeEach(deleteAllDatabases);

  it('writes the last of a burst of saves and reports each write', async () => {
    const saved: Draft[] = [];
    const writer = new DraftWriter((d) => saved.push(d), (e) => { throw e; });
    for (let i = 0; i < 20; i += 1) void writer.save(draft({ q: i }));
    await writer.flush();
    expect((await loadDraft('k'))?.answers).to.deep.equal({ q: 19 });
    expect(saved.length).to.be.within(1, 20);
    expect(saved.at(-1)!.answers).to.deep.equal({ q: 19 });
  });

  it('deletes and ignores a draft older than the maximum age', async () => {
    const writer = new DraftWriter(() => {}, () => {});
    await writer.save(draft({ q: 1 }, '2026-01-01T00:00:00.000Z'));
    expect(await loadDraft('k', 14, new Date('2026-01-10T00:00:00Z'))).to.not.equal(undefined);
    expect(await loadDraft('k', 14, new Date('2026-01-16T00:00:00Z'))).to.equal(undefined);
    expect(await loadDraft('k', 14, new Date('2026-01-10T00:00:00Z'))).to.equal(undefined);
  });

  it('forgets a deleted draft', async () => {
    await new DraftWriter(() => {}, () => {}).save(draft({ q: 1 }));
    await deleteDraft('k');
    expect(await loadDraft('k')).to.equal(undefined);
  });
});

describe('looking up the draft to resume', () => {
  beforeEach(deleteAllDatabases);
  const phq9 = { id: 'phq-9', version: '1.0.0' };
  const save = (d: Draft) => new DraftWriter(() => {}, (e) => { throw e; }).save(d);

  it('resumes the draft of this version, under the host key or the default key', async () => {
    await save({ ...draft({ q: 1 }), draftKey: 'host-key' });
    await save({ ...draft({ q: 2 }), draftKey: 'phq-9@1.0.0' });
    expect(await lookUpDraft(phq9, 'host-key')).to.deep.equal({ draft: await loadDraft('host-key') });
    expect((await lookUpDraft(phq9, undefined)).draft?.answers).to.deep.equal({ q: 2 });
  });

  it('sets aside a draft of another version under the host key instead of resuming it', async () => {
    await save({ ...draft({ q: 1 }), draftKey: 'host-key', instrumentVersion: '0.9.0' });
    const found = await lookUpDraft(phq9, 'host-key');
    expect(found.draft).to.equal(undefined);
    expect(found.superseded).to.include({ draftKey: 'host-key', instrumentVersion: '0.9.0' });
  });

  it('finds the newest draft of another version under its default key when the host gives no key', async () => {
    await save({ ...draft({ q: 1 }, '2026-01-01T00:00:00.000Z'), draftKey: 'phq-9@0.8.0', instrumentVersion: '0.8.0' });
    await save({ ...draft({ q: 2 }, '2026-01-02T00:00:00.000Z'), draftKey: 'phq-9@0.9.0', instrumentVersion: '0.9.0' });
    await save({ ...draft({ q: 3 }, '2026-01-03T00:00:00.000Z'), draftKey: 'phq-9-other@1.0.0', instrumentId: 'phq-9-other' });
    const found = await lookUpDraft(phq9, undefined, 14, new Date('2026-01-05T00:00:00Z'));
    expect(found).to.deep.equal({ superseded: await loadDraft('phq-9@0.9.0', 14, new Date('2026-01-05T00:00:00Z')) });
    expect(await lookUpDraft(phq9, 'host-key', 14, new Date('2026-01-05T00:00:00Z')), 'a host key names one draft only').to.deep.equal({});
  });

  it('ignores an expired draft of another version', async () => {
    await save({ ...draft({ q: 1 }, '2026-01-01T00:00:00.000Z'), draftKey: 'phq-9@0.9.0', instrumentVersion: '0.9.0' });
    expect(await lookUpDraft(phq9, undefined, 14, new Date('2026-02-01T00:00:00Z'))).to.deep.equal({});
  });
});

describe('drafts written from several places at once', () => {
  beforeEach(deleteAllDatabases);

  it('never replaces a draft with one changed earlier, whichever write lands last', async () => {
    const later = new DraftWriter(() => {}, (e) => { throw e; });
    const earlier = new DraftWriter(() => {}, (e) => { throw e; });
    await later.save(draft({ q: 2 }, '2026-01-01T10:00:01.000Z'));
    await earlier.save(draft({ q: 1 }, '2026-01-01T10:00:00.000Z'));
    expect((await loadDraft('k', 14, new Date('2026-01-02T00:00:00Z')))?.answers).to.deep.equal({ q: 2 });
  });

  it('tells every other listening writer, in this document or another, of each draft it saved', async () => {
    const heard: Draft[] = [];
    const listener = new DraftWriter(() => {}, () => {}, { savedElsewhere: (d) => heard.push(d) });
    listener.listen();
    try {
      await listener.save(draft({ q: 0 }));
      await new DraftWriter(() => {}, () => {}).save(draft({ q: 5 }));
      // Its own save came first, so an echo of it would have arrived before the other's.
      await waitUntil(() => heard.length > 0, 'the other save was not heard');
      expect(heard.map((d) => d.answers), 'its own save is not echoed back').to.deep.equal([{ q: 5 }]);
    } finally {
      listener.stopListening();
    }
  });
});
