import { expect } from '@open-wc/testing';
import { waitUntil } from '../helpers/wait.js';
import '../../components/pp-questionnaire/pp-questionnaire.js';
import type { PpQuestionnaire } from '../../components/pp-questionnaire/pp-questionnaire.js';
import type { ErrorDetail } from '../../src/events.js';
import { DraftWriter } from '../../src/store/draft-writer.js';
import { loadDraft, type Draft } from '../../src/store/drafts.js';
import { DEFAULT_VAULT, deleteAllDatabases, PHQ9_URL } from '../helpers/fixtures.js';

const shadow = (el: Element) => el.shadowRoot!;
const radios = (el: PpQuestionnaire, itemId: string) => [...shadow(el).querySelectorAll<HTMLInputElement>(`[data-item="${itemId}"] input[type=radio]`)];
const notice = (el: PpQuestionnaire) => shadow(el).querySelector('[part=draft-notice]');

/** A PHQ-9 on the page in the list layout, with the `pp-error`s it emits; resolves once the form shows. */
async function questionnaire(attributes: Record<string, string> = {}): Promise<{ el: PpQuestionnaire; errors: ErrorDetail[] }> {
  const el = document.createElement('pp-questionnaire');
  const errors: ErrorDetail[] = [];
  el.addEventListener('pp-error', (event) => errors.push((event as CustomEvent<ErrorDetail>).detail));
  for (const [name, value] of Object.entries({ src: PHQ9_URL, layout: 'list', ...attributes })) el.setAttribute(name, value);
  document.body.append(el);
  await waitUntil(() => shadow(el).querySelector('form'), 'the form did not show');
  return { el, errors };
}

async function saveDraft(draft: Partial<Draft> & Pick<Draft, 'draftKey' | 'instrumentVersion'>): Promise<Draft> {
  const now = new Date().toISOString();
  const whole: Draft = { instrumentId: 'phq-9', answers: { 'phq9-1': 3, 'phq9-2': 2 }, pageIndex: 0, startedAt: now, updatedAt: now, ...draft };
  await new DraftWriter(() => DEFAULT_VAULT, () => {}, (error) => { throw error; }).save(whole);
  return whole;
}

describe('<pp-questionnaire> with a draft of another version of the instrument', () => {
  beforeEach(deleteAllDatabases);
  afterEach(() => document.querySelectorAll('pp-questionnaire').forEach((el) => el.remove()));

  it('does not apply it, tells the person, and gives the host the draft', async () => {
    const old = await saveDraft({ draftKey: 'visit-7', instrumentVersion: '0.9.0' });
    const { el, errors } = await questionnaire({ 'draft-key': 'visit-7' });
    expect(el.answers).to.deep.equal({});
    expect(radios(el, 'phq9-1').some((radio) => radio.checked)).to.equal(false);
    expect(notice(el)?.textContent?.trim()).to.equal(
      'This questionnaire has been updated since you started it, so your earlier answers could not be kept. Please answer the questions again.',
    );
    expect(notice(el)?.getAttribute('role')).to.equal('status');
    expect(errors).to.have.length(1);
    expect(errors[0]).to.include({ code: 'draft-version-mismatch' });
    expect(errors[0]!.message).to.contain('0.9.0').and.to.contain('1.0.0');
    expect(errors[0]!.draft).to.deep.equal(old);
  });

  it('tells the person in their language', async () => {
    await saveDraft({ draftKey: 'visit-7', instrumentVersion: '0.9.0' });
    const { el } = await questionnaire({ 'draft-key': 'visit-7', lang: 'da', 'accept-translations': 'official verified draft' });
    await waitUntil(() => notice(el)?.textContent?.includes('Spørgeskemaet er blevet opdateret'), 'no Danish notice');
  });

  it('keeps the old draft stored until the person answers, then saves the new version under the key', async () => {
    await saveDraft({ draftKey: 'visit-7', instrumentVersion: '0.9.0' });
    const first = await questionnaire({ 'draft-key': 'visit-7' });
    first.el.remove();
    expect((await loadDraft(DEFAULT_VAULT, 'visit-7'))?.instrumentVersion, 'merely opening the new version keeps the old draft').to.equal('0.9.0');

    const second = await questionnaire({ 'draft-key': 'visit-7' });
    expect(second.errors.map((e) => e.code), 'told again, as the answers are still set aside').to.deep.equal(['draft-version-mismatch']);
    radios(second.el, 'phq9-1')[1]!.click();
    await second.el.draftSaved();
    expect(await loadDraft(DEFAULT_VAULT, 'visit-7')).to.deep.include({ instrumentVersion: '1.0.0', answers: { 'phq9-1': 1 } });
    expect(notice(second.el), 'the notice stays while the person answers again').to.exist;
  });

  it('finds a draft of an earlier version under its default key, and deletes it once the person answers', async () => {
    const old = await saveDraft({ draftKey: 'phq-9@0.9.0', instrumentVersion: '0.9.0' });
    const { el, errors } = await questionnaire();
    expect(el.answers).to.deep.equal({});
    expect(notice(el)).to.exist;
    expect(errors.map((e) => e.draft)).to.deep.equal([old]);
    radios(el, 'phq9-1')[2]!.click();
    await el.draftSaved();
    await waitUntil(async () => (await loadDraft(DEFAULT_VAULT, 'phq-9@0.9.0')) === undefined, 'the old draft was kept');
    expect((await loadDraft(DEFAULT_VAULT, 'phq-9@1.0.0'))?.answers).to.deep.equal({ 'phq9-1': 2 });
  });

  it('resumes a draft of the same version without a notice', async () => {
    await saveDraft({ draftKey: 'visit-8', instrumentVersion: '1.0.0' });
    const { el, errors } = await questionnaire({ 'draft-key': 'visit-8' });
    await waitUntil(() => Object.keys(el.answers).length === 2, 'the draft was not resumed');
    expect(notice(el)).to.equal(null);
    expect(errors).to.deep.equal([]);
  });
});
