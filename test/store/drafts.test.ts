import { expect } from '@open-wc/testing';
import { DraftWriter, deleteDraft, loadDraft, type Draft } from '../../src/store/drafts.js';
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
