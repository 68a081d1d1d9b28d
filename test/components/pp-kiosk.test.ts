import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { waitUntil } from '../helpers/wait.js';
import '../../components/pp-kiosk/pp-kiosk.js';
import type { PpKiosk } from '../../components/pp-kiosk/pp-kiosk.js';
import type { PpQuestionnaire } from '../../components/pp-questionnaire/pp-questionnaire.js';
import type { KioskResetDetail, QuestionnaireResult, SubmitDetail } from '../../src/events.js';
import { addToHistory, historyOf } from '../../src/store/history.js';
import { daysAfter, openDatabase, type Draft, type RecordKind, type StoredRecord } from '../../src/store/database.js';
import { pendingResults, putInOutbox } from '../../src/store/outbox.js';
import type { Vault } from '../../src/store/records.js';
import { deleteAllDatabases, nextEvent } from '../helpers/fixtures.js';

const SEQUENCE = '/test/fixtures/kiosk-sequence.json';
const root = (el: PpKiosk) => el.shadowRoot!;
const heading = (el: PpKiosk) => root(el).querySelector('[part=screen] > h2, [part=screen] h2[part=title]')?.textContent?.trim();
const button = (el: PpKiosk, name: string) => [...root(el).querySelectorAll('button')].find((b) => b.textContent!.trim() === name)!;
const questionnaire = (el: PpKiosk) => root(el).querySelector('pp-questionnaire') as PpQuestionnaire | null;

async function kiosk(idle = 90, countdown = 20): Promise<PpKiosk> {
  const el = await fixture<PpKiosk>(html`<pp-kiosk src=${SEQUENCE} idle-timeout=${idle} idle-countdown=${countdown}></pp-kiosk>`);
  await waitUntil(() => heading(el) === 'Welcome', 'start screen not shown');
  return el;
}

/** Start → language → consent, as a person would go. */
async function begin(el: PpKiosk, language: 'en' | 'da' | 'ar' = 'en'): Promise<void> {
  button(el, 'Start').click();
  await waitUntil(() => root(el).querySelector('pp-language-picker'));
  const picker = root(el).querySelector('pp-language-picker')!;
  await picker.updateComplete;
  picker.shadowRoot!.querySelector<HTMLInputElement>(`[lang="${language}"] input`)!.click();
  const next = { en: 'Next', da: 'Næste', ar: 'التالي' }[language];
  await waitUntil(() => button(el, next), 'the chosen language was not shown');
  button(el, next).click();
  const consentTitle = { en: 'Your answers', da: 'Dine svar', ar: 'إجاباتك' }[language];
  await waitUntil(() => heading(el) === consentTitle, 'consent not shown');
}

async function answerPainNrs(el: PpKiosk, value: number): Promise<void> {
  await waitUntil(() => questionnaire(el)?.shadowRoot?.querySelector('form'), 'the questionnaire did not render');
  questionnaire(el)!.shadowRoot!.querySelectorAll<HTMLInputElement>('input[type=radio]')[value]!.click();
  await questionnaire(el)!.draftSaved();
}

/** Where the kiosk keeps the results its people left and the clinic has not acknowledged: its own subject, on the device. */
const KIOSK_VAULT: Vault = { subject: 'painpath-kiosk', storage: 'device' };
/** The subject of one person's session at the kiosk. */
const SESSION_SUBJECT = /^painpath-kiosk:[0-9a-f-]{36}$/;
/** The vault of the person now at the kiosk, from their step's subject. */
const sessionVault = (el: PpKiosk): Vault => ({ subject: root(el).querySelector('[subject]')!.getAttribute('subject')!, storage: 'device' });

/** The stored records of a kind, whoever they belong to. */
async function storedRecords(kind: RecordKind): Promise<StoredRecord[]> {
  return (await (await openDatabase()).getAll('records')).filter((record) => record.kind === kind);
}

/** The content of every stored draft, whoever it belongs to. */
async function storedDrafts(): Promise<unknown[]> {
  return (await storedRecords('draft')).map((record) => record.data);
}

describe('<pp-kiosk>', () => {
  beforeEach(deleteAllDatabases);

  it('goes from start to language, consent and the questionnaires, in the chosen language', async () => {
    const el = await kiosk();
    await begin(el, 'da');
    expect(heading(el)).to.equal('Dine svar');
    button(el, 'Jeg accepterer').click();
    await waitUntil(() => questionnaire(el));
    expect(questionnaire(el)!.getAttribute('lang')).to.equal('da');
    expect(questionnaire(el)!.getAttribute('subject'), 'the person has a subject for this session').to.match(SESSION_SUBJECT);
    await expect(el).to.be.accessible();
  });

  it('stays on the language screen while the arrow keys choose, shown in each language chosen, until Next', async () => {
    const el = await kiosk();
    button(el, 'Start').click();
    await waitUntil(() => root(el).querySelector('pp-language-picker')?.shadowRoot?.querySelector('input'), 'no language picker');
    root(el).querySelector('pp-language-picker')!.shadowRoot!.querySelector<HTMLInputElement>('[lang="en"] input')!.focus();
    await sendKeys({ press: 'ArrowDown' });
    await waitUntil(() => button(el, 'Næste'), 'the screen is not shown in the language chosen');
    await sendKeys({ press: 'ArrowDown' });
    await waitUntil(() => button(el, 'التالي'), 'the screen is not shown in the language chosen');
    expect(root(el).querySelector('pp-language-picker'), 'the kiosk left the language screen').to.exist;
    button(el, 'التالي').click();
    await waitUntil(() => heading(el) === 'إجاباتك', 'consent not shown in the language chosen');
  });

  it('moves focus to the questionnaire’s first page when a step starts, so nothing is read from the top of the page', async () => {
    const el = await kiosk();
    await begin(el);
    button(el, 'I agree').click();
    await waitUntil(() => questionnaire(el)?.shadowRoot?.activeElement?.matches('[data-page-start]'), 'focus did not reach the questionnaire');
  });

  describe('languages a questionnaire does not accept', () => {
    /** Goes in Arabic through the own-wording pain NRS to the PHQ-9, whose Arabic is a draft. */
    async function toPhq9InArabic(el: PpKiosk): Promise<PpQuestionnaire> {
      await begin(el, 'ar');
      button(el, 'أوافق').click();
      await answerPainNrs(el, 4);
      questionnaire(el)!.shadowRoot!.querySelector<HTMLButtonElement>('button[type=submit]')!.click();
      await waitUntil(() => questionnaire(el)?.getAttribute('src')?.endsWith('phq-9.json'), 'the PHQ-9 step did not come');
      await waitUntil(() => questionnaire(el)!.shadowRoot?.querySelector('legend'), 'the PHQ-9 did not render');
      return questionnaire(el)!;
    }
    const notice = (el: PpKiosk) => root(el).querySelector('[part=language-notice]')!.textContent!.trim();

    it('tells the person, in their language, that a validated questionnaire is shown in its source language', async () => {
      const el = await kiosk();
      const phq9 = await toPhq9InArabic(el);
      await waitUntil(() => notice(el) !== '', 'no notice');
      expect(notice(el)).to.equal('تُعرض هذه الأسئلة باللغة الإنجليزية: لا توجد بعد ترجمة مُراجَعة إلى لغتك.');
      expect(phq9.shadowRoot!.querySelector('legend')!.textContent!.trim()).to.equal('Little interest or pleasure in doing things');
      await expect(el).to.be.accessible();
    });

    it('passes the clinic\'s accept-translations to every questionnaire, and then says nothing', async () => {
      const el = await kiosk();
      el.setAttribute('accept-translations', 'official verified draft');
      const phq9 = await toPhq9InArabic(el);
      expect(phq9.getAttribute('accept-translations')).to.equal('official verified draft');
      expect(phq9.shadowRoot!.querySelector('legend')!.textContent!.trim()).to.equal('قلة الاهتمام أو قلة الاستمتاع بالقيام بأي عمل');
      expect(notice(el)).to.equal('');
    });
  });

  it('fetches every part a questionnaire loads only for some instruments while the tablet is online', async () => {
    await kiosk();
    const fetched = () => performance.getEntriesByType('resource').map((entry) => entry.name);
    // On the start screen no questionnaire has loaded yet, so only the kiosk's preload fetches them.
    const parts = ['rating-and-field-items', 'body-map-item', 'rules-part', 'field-items', 'parse-scale-options', 'text-pack'];
    await waitUntil(() => parts.every((part) => fetched().some((url) => url.includes(`/${part}.`))), `not all of ${parts.join(', ')} fetched`);
  });

  it('ends the visit without storing anything when the person declines', async () => {
    const el = await kiosk();
    await begin(el);
    const reset = nextEvent<KioskResetDetail>(el, 'pp-kiosk-reset');
    button(el, 'No, thank you').click();
    expect((await reset).detail).to.deep.equal({ reason: 'declined' });
    expect(heading(el)).to.equal('Welcome');
    expect(await storedDrafts()).to.deep.equal([]);
  });

  it('moves to the next questionnaire on submit and thanks the person at the end', async () => {
    const el = await kiosk();
    await begin(el);
    button(el, 'I agree').click();
    await answerPainNrs(el, 4);
    const submitted = nextEvent<SubmitDetail>(el, 'pp-submit');
    questionnaire(el)!.shadowRoot!.querySelector<HTMLButtonElement>('button[type=submit]')!.click();
    expect((await submitted).detail.instrument.id).to.equal('nrs-11');
    await waitUntil(() => questionnaire(el)?.getAttribute('src') === '/content/instruments/phq-9.json', 'not on the second step');
  });

  it('asks "Are you still there?", counts down, then clears the DOM and erases the person, keeping their unsent result for the clinic', async () => {
    const el = await kiosk(0.5, 1);
    await begin(el);
    button(el, 'I agree').click();
    await answerPainNrs(el, 7);
    expect(await storedDrafts()).to.have.length(1);
    const person = sessionVault(el);
    await addToHistory(person, { instrument: { id: 'nrs-11' }, finishedAt: new Date().toISOString(), scores: {} } as unknown as QuestionnaireResult);
    expect((await historyOf(person, 'nrs-11')).results).to.have.length(1);
    const resultId = await putInOutbox(person, { instrument: { id: 'nrs-11' } });
    await waitUntil(() => root(el).querySelector('dialog')!.open, 'no idle warning');
    expect(root(el).querySelector('dialog h2')!.textContent).to.equal('Are you still there?');
    const reset = await nextEvent<KioskResetDetail>(el, 'pp-kiosk-reset');
    expect(reset.detail.reason).to.equal('idle');
    expect(root(el).querySelector('pp-questionnaire'), 'no element of the last person remains').to.equal(null);
    expect(root(el).querySelector('[part=screen]')!.textContent, 'the start screen only').to.not.contain('pain');
    expect(await storedDrafts(), 'no draft of the last person remains').to.deep.equal([]);
    expect((await historyOf(person, 'nrs-11')).results, 'no local chart history remains').to.deep.equal([]);
    expect(await storedRecords('result'), 'nothing of the person remains under their subject').to.have.length(1);
    expect((await pendingResults(KIOSK_VAULT)).entries.map((entry) => entry.id), 'a result not yet acknowledged stays for the clinic').to.deep.equal([resultId]);
    expect(root(el).activeElement?.textContent?.trim(), 'focus back on the start screen').to.equal('Welcome');
  });

  it('keeps the session when the person touches "Yes, I am still here"', async () => {
    const el = await kiosk(0.5, 3);
    await begin(el);
    button(el, 'I agree').click();
    await answerPainNrs(el, 2);
    await waitUntil(() => root(el).querySelector('dialog')!.open, 'no idle warning');
    button(el, 'Yes, I am still here').dispatchEvent(new PointerEvent('pointerdown', { bubbles: true, composed: true }));
    button(el, 'Yes, I am still here').click();
    await el.updateComplete;
    expect(root(el).querySelector('dialog')!.open).to.equal(false);
    expect(questionnaire(el)!.answers).to.deep.equal({ 'nrs-pain': 2 });
  });

  it('runs an education module as a step and clears its saved progress on reset', async () => {
    const sequence = await (await fetch(SEQUENCE)).json();
    sequence.steps = [{ module: '/content/education/pain-is-a-protector.json' }];
    const el = await fixture<PpKiosk>(html`<pp-kiosk .sequence=${sequence}></pp-kiosk>`);
    await waitUntil(() => heading(el) === 'Welcome');
    await begin(el);
    button(el, 'I agree').click();
    await waitUntil(() => root(el).querySelector('pp-education')?.shadowRoot?.querySelector('button'), 'the module did not render');
    const module = root(el).querySelector('pp-education') as HTMLElement & { progressSaved(): Promise<void> };
    expect(module.getAttribute('subject')).to.match(SESSION_SUBJECT);
    [...module.shadowRoot!.querySelectorAll('button')].find((b) => b.textContent!.trim() === 'Next')!.click();
    await module.progressSaved();
    expect(await storedRecords('progress')).to.have.length(1);
    await el.reset('finished');
    expect(await storedRecords('progress'), 'no progress of the last person remains').to.deep.equal([]);
  });

  it('hands over what an earlier session left behind when it starts: its unsent result to the clinic, the rest erased', async () => {
    const earlier: Vault = { subject: 'painpath-kiosk:earlier-session', storage: 'device' };
    const draft: Draft = { draftKey: 'nrs-11@1', instrumentId: 'nrs-11', instrumentVersion: '1', answers: { x: 1 }, pageIndex: 0, startedAt: '', updatedAt: new Date().toISOString() };
    const db = await openDatabase();
    await db.put('records', { subject: earlier.subject, kind: 'draft', name: draft.draftKey, lock: '', savedAt: draft.updatedAt, expiresAt: daysAfter(draft.updatedAt, 14), data: draft });
    await db.put('records', { subject: 'portal-person', kind: 'draft', name: draft.draftKey, lock: '', savedAt: draft.updatedAt, expiresAt: daysAfter(draft.updatedAt, 14), data: draft });
    const resultId = await putInOutbox(earlier, { instrument: { id: 'nrs-11' } });
    const emitted: SubmitDetail[] = [];
    document.addEventListener('pp-submit', (event) => emitted.push((event as CustomEvent<SubmitDetail>).detail), { once: true });
    await kiosk();
    await waitUntil(() => emitted.length === 1, 'the kiosk did not emit the earlier result');
    expect(emitted[0]!.redelivered).to.equal(true);
    expect((await storedRecords('draft')).map((record) => record.subject), 'another subject\'s draft is untouched').to.deep.equal(['portal-person']);
    expect((await storedRecords('result')).map((record) => [record.subject, record.name])).to.deep.equal([['painpath-kiosk', resultId]]);
  });

  it('removes the clinic\'s copy of a result acknowledged after the person left', async () => {
    const el = await kiosk();
    let uploaded!: () => void;
    el.addEventListener('pp-submit', (event) => (event as CustomEvent<SubmitDetail>).detail.waitUntil(new Promise<void>((resolve) => (uploaded = resolve))));
    await begin(el);
    button(el, 'I agree').click();
    await answerPainNrs(el, 3);
    const submitted = nextEvent<SubmitDetail>(el, 'pp-submit');
    questionnaire(el)!.shadowRoot!.querySelector<HTMLButtonElement>('button[type=submit]')!.click();
    await submitted;
    await el.reset('idle');
    expect((await pendingResults(KIOSK_VAULT)).entries, 'handed to the clinic while the upload runs').to.have.length(1);
    uploaded();
    await waitUntil(async () => (await storedRecords('result')).length === 0, 'the acknowledged result stayed at the kiosk');
  });
});
