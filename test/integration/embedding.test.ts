import { expect } from '@open-wc/testing';
import { waitUntil } from '../helpers/wait.js';
import type { PpQuestionnaire } from '../../components/pp-questionnaire/pp-questionnaire.js';
import { loadDraft } from '../../src/store/drafts.js';
import { DEFAULT_VAULT } from '../helpers/fixtures.js';
import { answerPhq9, deleteAllDatabases, loadPage, radios, ready, submitButton, windowOf } from './helpers.js';

describe('two questionnaires on one page', () => {
  beforeEach(deleteAllDatabases);

  it('keep separate answers, drafts (by draft-key) and languages', async () => {
    const frame = await loadPage('/test/integration/pages/two.html', 900, 900);
    const first = await ready(() => frame.contentDocument!.querySelector<PpQuestionnaire>('#first'));
    const second = await ready(() => frame.contentDocument!.querySelector<PpQuestionnaire>('#second'));
    radios(first, 'phq9-1')[3]!.click();
    radios(second, 'phq9-2')[1]!.click();
    await first.updateComplete;
    await second.updateComplete;
    expect(first.answers).to.deep.equal({ 'phq9-1': 3 });
    expect(second.answers).to.deep.equal({ 'phq9-2': 1 });
    expect(submitButton(first).textContent!.trim()).to.equal('Submit answers');
    expect(submitButton(second).textContent!.trim()).to.equal('Send svar');
    await waitUntil(async () => (await loadDraft(DEFAULT_VAULT, 'two-first'))?.answers['phq9-1'] === 3, 'no draft under two-first');
    await waitUntil(async () => (await loadDraft(DEFAULT_VAULT, 'two-second'))?.answers['phq9-2'] === 1, 'no draft under two-second');
    expect((await loadDraft(DEFAULT_VAULT, 'two-first'))!.answers).to.not.have.property('phq9-2');
  });

  it('submit one result each', async () => {
    const frame = await loadPage('/test/integration/pages/two.html', 900, 900);
    const first = await ready(() => frame.contentDocument!.querySelector<PpQuestionnaire>('#first'));
    const second = await ready(() => frame.contentDocument!.querySelector<PpQuestionnaire>('#second'));
    await answerPhq9(first, 1);
    submitButton(first).click();
    await waitUntil(() => windowOf(frame).submitted!.length === 1);
    await answerPhq9(second, 3);
    submitButton(second).click();
    await waitUntil(() => windowOf(frame).submitted!.length === 2);
    const results = windowOf(frame).submitted as { scores: Record<string, { value: number }>; instrument: { language: string } }[];
    expect(results.map((r) => [r.scores['total']!.value, r.instrument.language])).to.deep.equal([[9, 'en'], [27, 'da']]);
  });
});

describe('inside a nested iframe', () => {
  beforeEach(deleteAllDatabases);

  it('renders, saves its draft in the origin\'s IndexedDB, and submits', async () => {
    const outer = await loadPage('/test/integration/pages/nested-outer.html', 900, 700);
    const inner = outer.contentDocument!.querySelector<HTMLIFrameElement>('#inner')!;
    await waitUntil(() => inner.contentDocument?.readyState === 'complete' && inner.contentDocument.querySelector('pp-questionnaire'), 'the inner page did not load');
    const el = await ready(() => inner.contentDocument!.querySelector<PpQuestionnaire>('pp-questionnaire'));
    radios(el, 'phq9-1')[2]!.click();
    // Same origin: the draft the nested frame saved is in this origin's database, under its draft-key.
    await waitUntil(async () => (await loadDraft(DEFAULT_VAULT, 'plain-phq9'))?.answers['phq9-1'] === 2, 'the nested frame saved no draft');
    await answerPhq9(el, 1);
    submitButton(el).click();
    await waitUntil(() => (inner.contentWindow as Window & { submitted?: unknown[] }).submitted?.length === 1, 'no pp-submit in the nested frame');
  });
});
