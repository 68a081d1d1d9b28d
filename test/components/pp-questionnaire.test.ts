import { expect, fixture, html } from '@open-wc/testing';
import { waitUntil } from '../helpers/wait.js';
import { sendKeys } from '@web/test-runner-commands';
import '../../components/pp-questionnaire/pp-questionnaire.js';
import type { PpQuestionnaire } from '../../components/pp-questionnaire/pp-questionnaire.js';
import type { ErrorDetail, ProgressDetail, QuestionnaireResult } from '../../src/events.js';
import { DraftWriter } from '../../src/store/draft-writer.js';
import { DEFAULT_VAULT, deleteAllDatabases, nextEvent, PHQ9_URL, phq9Json } from '../helpers/fixtures.js';
import { pressSpace } from '../helpers/keyboard.js';

const shadow = (el: Element) => el.shadowRoot!;
const isReady = (el: PpQuestionnaire) => () => !!shadow(el).querySelector('form');
const fieldsets = (el: PpQuestionnaire) => [...shadow(el).querySelectorAll('fieldset')];
const legendOf = (fieldset: Element) => fieldset.querySelector('legend')!.textContent!.trim();
const radios = (el: PpQuestionnaire, itemId: string) => [
  ...shadow(el).querySelectorAll<HTMLInputElement>(`[data-item="${itemId}"] input[type=radio]`),
];
const button = (el: PpQuestionnaire, name: string) =>
  [...shadow(el).querySelectorAll('button')].find((b) => b.textContent!.trim() === name);
/** The element focused inside the questionnaire's shadow root. */
const focused = (el: PpQuestionnaire) => shadow(el).activeElement;

async function phq9(layout: 'paged' | 'list', draftKey = `test-${Math.random()}`): Promise<PpQuestionnaire> {
  const el = await fixture<PpQuestionnaire>(
    html`<pp-questionnaire src=${PHQ9_URL} layout=${layout} draft-key=${draftKey}></pp-questionnaire>`,
  );
  await waitUntil(isReady(el), 'PHQ-9 did not render');
  return el;
}

/** Clicks an answer, waiting for its question to be on screen (paging is asynchronous). */
async function choose(el: PpQuestionnaire, itemId: string, value: number): Promise<void> {
  await waitUntil(() => radios(el, itemId).length > 0, `${itemId} is not shown`);
  radios(el, itemId)[value]!.click();
}

describe('<pp-questionnaire> with PHQ-9', () => {
  beforeEach(deleteAllDatabases);

  it('renders each item as a fieldset with its verbatim wording and native radios', async () => {
    const el = await phq9('list');
    const items = fieldsets(el);
    expect(items).to.have.length(9);
    expect(legendOf(items[0]!)).to.equal('Little interest or pleasure in doing things');
    expect(legendOf(items[8]!)).to.equal('Thoughts that you would be better off dead or of hurting yourself in some way');
    expect(radios(el, 'phq9-1').map((r) => r.closest('label')!.textContent!.trim())).to.deep.equal([
      'Not at all', 'Several days', 'More than half the days', 'Nearly every day',
    ]);
    const stem = shadow(el).querySelector('[part=stem]')!;
    expect(stem.textContent).to.equal('Over the last 2 weeks, how often have you been bothered by any of the following problems?');
    expect(shadow(el).querySelector(`[role=group][aria-labelledby="${stem.id}"] fieldset`), 'the stem names the group of questions').to.exist;
    expect(shadow(el).querySelector('[part=notice]')!.textContent).to.contain('No permission required to reproduce, translate, display or distribute.');
  });

  it('shows one question at a time in the paged layout, with the stem', async () => {
    const el = await phq9('paged');
    expect(fieldsets(el).map(legendOf)).to.deep.equal(['Little interest or pleasure in doing things']);
    expect(shadow(el).querySelector('[part=stem]')!.textContent).to.match(/^Over the last 2 weeks/);
    expect(button(el, 'Next')).to.exist;
    expect(button(el, 'Back')).to.not.exist;
  });

  it('can be completed by keyboard alone', async () => {
    const before = document.createElement('button');
    before.textContent = 'Before';
    document.body.append(before);
    const el = await phq9('paged');
    const submitted = nextEvent<QuestionnaireResult>(el, 'pp-submit');
    before.focus();
    // Answers 1, 0, 2, 0, 3, 0, 0, 1, 0 (total 7), then "Very difficult".
    const wanted = [1, 0, 2, 0, 3, 0, 0, 1, 0, 2];
    for (const [page, value] of wanted.entries()) {
      await sendKeys({ press: 'Tab' });
      expect(focused(el), `page ${page + 1} starts at its first answer`).to.equal(radios(el, fieldsets(el)[0]!.dataset['item']!)[0]);
      await pressSpace();
      for (let step = 0; step < value; step += 1) await sendKeys({ press: 'ArrowDown' });
      await sendKeys({ press: 'Tab' });
      if (page > 0) {
        expect(focused(el)?.textContent?.trim()).to.equal('Back');
        await sendKeys({ press: 'Tab' });
      }
      expect(focused(el)?.textContent?.trim()).to.equal(page === wanted.length - 1 ? 'Submit answers' : 'Next');
      await sendKeys({ press: 'Enter' });
      if (page < wanted.length - 1) await waitUntil(() => focused(el)?.matches('[data-page-start]'), `page ${page + 2} did not take focus`);
    }
    const { detail } = await submitted;
    expect(detail.scores['total']).to.deep.equal({ value: 7, band: 'mild' });
    expect(detail.answers['phq9-difficulty']).to.equal('very-difficult');
    before.remove();
  });

  it('moves focus to the first unanswered question on a failed submit and ties the message to it', async () => {
    const el = await phq9('list');
    await choose(el, 'phq9-1', 0);
    await choose(el, 'phq9-2', 0);
    await el.updateComplete;
    button(el, 'Submit answers')!.click();
    await waitUntil(() => focused(el) === radios(el, 'phq9-3')[0], 'focus did not move to the first problem');
    const error = shadow(el).querySelector('[data-item="phq9-3"] [part=error]')!;
    expect(error.textContent).to.equal('Please choose an answer.');
    expect(radios(el, 'phq9-3')[0]!.getAttribute('aria-describedby')).to.equal(error.id);
    expect(radios(el, 'phq9-3')[0]!.getAttribute('aria-invalid')).to.equal('true');
    expect(shadow(el).querySelectorAll('[part=error]')).to.have.length(7);
  });

  it('stays on a page whose question is unanswered', async () => {
    const el = await phq9('paged');
    button(el, 'Next')!.click();
    await waitUntil(() => focused(el) === radios(el, 'phq9-1')[0]);
    expect(fieldsets(el).map(legendOf)).to.deep.equal(['Little interest or pleasure in doing things']);
  });

  it('announces progress politely and emits pp-change and pp-progress', async () => {
    const el = await phq9('list');
    const change = nextEvent(el, 'pp-change');
    const progress = nextEvent<ProgressDetail>(el, 'pp-progress');
    await choose(el, 'phq9-4', 2);
    expect((await change).detail).to.deep.include({ itemId: 'phq9-4', value: 2, cleared: [] });
    expect((await progress).detail).to.deep.include({ answered: 1, required: 10, total: 10 });
    await el.updateComplete;
    const status = shadow(el).querySelector('[part=progress] [role=status]')!;
    expect(status.textContent).to.equal('1 of 10 answered');
  });

  it('emits a pp-submit result of the documented shape and clears the draft', async () => {
    const el = await phq9('list', 'shape-test');
    const answers = [3, 3, 3, 2, 2, 2, 1, 1, 1];
    for (const [i, value] of answers.entries()) await choose(el, `phq9-${i + 1}`, value);
    await el.updateComplete;
    await choose(el, 'phq9-difficulty', 3);
    const submitted = nextEvent<QuestionnaireResult>(el, 'pp-submit');
    button(el, 'Submit answers')!.click();
    const { detail, bubbles, composed } = await submitted;
    expect({ bubbles, composed }).to.deep.equal({ bubbles: true, composed: true });
    expect(Object.keys(detail).sort()).to.deep.equal([
      'answers', 'classifications', 'finishedAt', 'flags', 'instrument', 'observations', 'questionnaireResponse', 'redelivered', 'schemaVersion', 'scores', 'startedAt', 'urgent', 'waitUntil',
    ]);
    expect(detail.flags).to.deep.equal([{ id: 'self-harm-thoughts', severity: 'urgent' }]);
    expect(detail.urgent).to.equal(true);
    expect(detail.classifications).to.deep.equal({});
    expect(detail.schemaVersion).to.equal(2);
    expect(detail.instrument).to.deep.equal({ id: 'phq-9', version: '1.0.0', language: 'en', translationStatus: 'draft' });
    expect(detail.scores).to.deep.equal({ total: { value: 18, band: 'moderately-severe' } });
    expect(detail.answers).to.deep.equal({
      'phq9-1': 3, 'phq9-2': 3, 'phq9-3': 3, 'phq9-4': 2, 'phq9-5': 2, 'phq9-6': 2, 'phq9-7': 1, 'phq9-8': 1, 'phq9-9': 1, 'phq9-difficulty': 'extremely-difficult',
    });
    expect(Date.parse(detail.startedAt)).to.be.at.most(Date.parse(detail.finishedAt));
    expect(detail.questionnaireResponse.resourceType).to.equal('QuestionnaireResponse');
    expect(detail.questionnaireResponse.item.at(-1)).to.deep.equal({ linkId: 'total', text: 'PHQ-9 total score', answer: [{ valueInteger: 18 }] });
    // Named by a UUID, which the total's Observation is derived from.
    const identifier = detail.questionnaireResponse.identifier!;
    expect(identifier.system).to.equal('urn:ietf:rfc:3986');
    expect(identifier.value).to.match(/^urn:uuid:[0-9a-f-]{36}$/);
    expect(detail.observations).to.have.length(1);
    expect(detail.observations[0]).to.deep.include({
      code: { coding: [{ system: 'http://loinc.org', code: '44261-6', display: 'Patient Health Questionnaire 9 item (PHQ-9) total score [Reported]' }], text: 'PHQ-9 total score' },
      valueQuantity: { value: 18, unit: '{score}', system: 'http://unitsofmeasure.org', code: '{score}' },
      derivedFrom: [{ type: 'QuestionnaireResponse', identifier }],
      identifier: [{ system: identifier.value, value: 'total' }],
    });

    await waitUntil(() => focused(el) === shadow(el).querySelector('[part=done]'), 'focus did not move to the thank-you message');
    const again = await phq9('list', 'shape-test');
    expect(again.answers).to.deep.equal({});
  });

  it('shows the host\'s advice at once when item 9 raises the self-harm flag', async () => {
    const el = await phq9('list');
    el.flagMessages = { 'self-harm-thoughts': 'Please talk to a member of staff today, or call 112.' };
    await el.updateComplete;
    expect(shadow(el).querySelector('[part=flag]')).to.equal(null);
    await choose(el, 'phq9-9', 1);
    await el.updateComplete;
    const advice = shadow(el).querySelector('[part=flag]')!;
    expect(advice.getAttribute('role')).to.equal('alert');
    expect(advice.textContent!.trim()).to.equal('Please talk to a member of staff today, or call 112.');
    expect(advice.previousElementSibling!.getAttribute('data-item'), 'right under the question that raised it').to.equal('phq9-9');
    await choose(el, 'phq9-9', 0);
    await el.updateComplete;
    expect(shadow(el).querySelector('[part=flag]')).to.equal(null);
  });

  it('keeps the advice in view at the top of later pages', async () => {
    const el = await phq9('paged');
    for (let i = 1; i <= 9; i += 1) {
      await choose(el, `phq9-${i}`, i === 9 ? 2 : 0);
      if (i < 9) button(el, 'Next')!.click();
    }
    await el.updateComplete;
    const advice = shadow(el).querySelector('[part=flag]')!;
    expect(advice.textContent, 'the instrument\'s own advice when the host gives none').to.match(/\S/);
    button(el, 'Next')!.click();
    await waitUntil(() => shadow(el).querySelector('[data-item="phq9-difficulty"]'));
    expect(shadow(el).querySelector('form > [part=flag]'), 'at the top once item 9 is on another page').to.exist;
  });

  it('adds the change since the previous visit and whether it reaches the MCID', async () => {
    const el = await phq9('list');
    el.previous = { total: { value: 18, band: 'moderately-severe' } };
    for (let i = 1; i <= 9; i += 1) await choose(el, `phq9-${i}`, i <= 4 ? 3 : 0);
    await el.updateComplete;
    await choose(el, 'phq9-difficulty', 1);
    const submitted = nextEvent<QuestionnaireResult>(el, 'pp-submit');
    button(el, 'Submit answers')!.click();
    expect((await submitted).detail.scores['total']).to.deep.equal({ value: 12, band: 'moderate', change: -6, mcidReached: true });
  });

  it('restores every answer and the page when the element is created again', async () => {
    const first = await phq9('paged', 'recreate-test');
    for (const [i, value] of [2, 1, 0].entries()) {
      await choose(first, `phq9-${i + 1}`, value);
      button(first, 'Next')!.click();
      await first.updateComplete;
    }
    await first.draftSaved();
    first.remove();

    const second = await phq9('paged', 'recreate-test');
    await waitUntil(() => legendOf(fieldsets(second)[0]!) === 'Feeling tired or having little energy', 'not back on question 4');
    expect(second.answers).to.deep.equal({ 'phq9-1': 2, 'phq9-2': 1, 'phq9-3': 0 });
    button(second, 'Back')!.click();
    await second.updateComplete;
    expect(radios(second, 'phq9-3').map((r) => r.checked)).to.deep.equal([true, false, false, false]);
  });

  it('restores the draft after a real page reload', async () => {
    const frame = await fixture<HTMLIFrameElement>(html`<iframe src="/test/pages/phq9-draft.html" style="inline-size: 800px; block-size: 600px"></iframe>`);
    const questionnaire = () => frame.contentDocument?.querySelector('pp-questionnaire') as PpQuestionnaire | null;
    const ready = () => {
      const el = questionnaire();
      return !!el && !!el.shadowRoot?.querySelector('form');
    };
    await waitUntil(ready, 'page did not render');
    const el = questionnaire()!;
    await choose(el, 'phq9-1', 3);
    button(el, 'Next')!.click();
    await el.updateComplete;
    await choose(el, 'phq9-2', 1);
    await el.draftSaved();

    const reloaded = new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
    frame.contentWindow!.location.reload();
    await reloaded;
    await waitUntil(() => ready() && questionnaire() !== el, 'reloaded page did not render');
    const after = questionnaire()!;
    await waitUntil(() => Object.keys(after.answers).length === 2, 'answers not restored');
    expect(after.answers).to.deep.equal({ 'phq9-1': 3, 'phq9-2': 1 });
    expect(legendOf(fieldsets(after)[0]!)).to.equal('Feeling down, depressed, or hopeless');
  });

  it('does not apply a draft saved for another version of the instrument', async () => {
    const writer = new DraftWriter(() => DEFAULT_VAULT, () => {}, () => {});
    const now = new Date().toISOString();
    await writer.save({ draftKey: 'versioned', instrumentId: 'phq-9', instrumentVersion: '0.9.0', answers: { 'phq9-1': 3 }, pageIndex: 0, startedAt: now, updatedAt: now });
    const el = document.createElement('pp-questionnaire');
    const reported = nextEvent<ErrorDetail>(el, 'pp-error');
    Object.assign(el, { src: PHQ9_URL, draftKey: 'versioned' });
    document.body.append(el);
    const { detail } = await reported;
    expect(detail.code).to.equal('draft-version-mismatch');
    expect(detail.message).to.contain('0.9.0');
    await waitUntil(isReady(el));
    expect(el.answers).to.deep.equal({});
    el.remove();
  });

  it('keeps working in memory, and says so once, when IndexedDB cannot be opened', async () => {
    // A database of a newer schema than this code knows cannot be opened (VersionError).
    await new Promise<void>((resolve) => {
      const request = indexedDB.open('painpath', 99);
      request.onsuccess = () => {
        request.result.close();
        resolve();
      };
    });
    const el = document.createElement('pp-questionnaire');
    const errors: ErrorDetail[] = [];
    el.addEventListener('pp-error', (event) => errors.push((event as CustomEvent<ErrorDetail>).detail));
    Object.assign(el, { src: PHQ9_URL, layout: 'list' });
    document.body.append(el);
    await waitUntil(isReady(el));
    await choose(el, 'phq9-1', 2);
    await choose(el, 'phq9-2', 1);
    await el.draftSaved();
    expect(errors.map((e) => e.code)).to.deep.equal(['storage-unavailable']);
    expect(el.answers).to.deep.equal({ 'phq9-1': 2, 'phq9-2': 1 });
    el.remove();
  });

  describe('accessibility (axe-core)', () => {
    it('has no violation in the list layout, with errors shown', async () => {
      const el = await phq9('list');
      await expect(el).to.be.accessible();
      button(el, 'Submit answers')!.click();
      await waitUntil(() => shadow(el).querySelector('[part=error]'));
      await expect(el).to.be.accessible();
    });

    it('has no violation in the paged layout, mid-way and after submitting', async () => {
      const el = await phq9('paged');
      await expect(el).to.be.accessible();
      for (let i = 1; i <= 9; i += 1) {
        await choose(el, `phq9-${i}`, 0);
        button(el, i === 9 ? 'Submit answers' : 'Next')!.click();
        await el.updateComplete;
        if (i === 4) await expect(el).to.be.accessible();
      }
      await waitUntil(() => shadow(el).querySelector('[part=done]'));
      await expect(el).to.be.accessible();
    });
  });

  describe('bad content', () => {
    it('reports invalid content with JSON paths, inside the element and as pp-error', async () => {
      const json = await phq9Json();
      (json['items'] as Record<string, unknown>[])[1]!['enableBehavior'] = 'some';
      const host = await fixture<HTMLDivElement>(html`<div><button id="host-button">Host</button></div>`);
      const el = document.createElement('pp-questionnaire');
      const failed = nextEvent<ErrorDetail>(el, 'pp-error');
      el.instrument = json;
      host.append(el);
      const { detail } = await failed;
      expect(detail.code).to.equal('content-invalid');
      expect(detail.problems).to.deep.equal([{ path: 'items[1].enableBehavior', message: 'expected one of "all", "any", got "some"' }]);
      await el.updateComplete;
      const message = shadow(el).querySelector('[part=error][role=alert]')!;
      expect(message.textContent).to.contain('This questionnaire cannot be shown right now.');
      expect(message.textContent).to.contain('items[1].enableBehavior');
      await expect(el).to.be.accessible();

      let clicks = 0;
      const hostButton = host.querySelector('button')!;
      hostButton.addEventListener('click', () => (clicks += 1));
      hostButton.click();
      expect(clicks).to.equal(1);
    });

    it('reports a file that cannot be fetched', async () => {
      const el = document.createElement('pp-questionnaire');
      const failed = nextEvent<ErrorDetail>(el, 'pp-error');
      el.src = '/content/instruments/no-such-file.json';
      document.body.append(el);
      const { detail } = await failed;
      expect(detail.code).to.equal('content-unreachable');
      expect(detail.message).to.contain('404');
      el.remove();
    });

    it('shows a later valid instrument after a failure', async () => {
      const el = document.createElement('pp-questionnaire');
      el.instrument = { id: 'broken' };
      document.body.append(el);
      await waitUntil(() => shadow(el).querySelector('[role=alert]'));
      el.instrument = await phq9Json();
      await waitUntil(isReady(el));
      expect(shadow(el).querySelector('[role=alert]')).to.equal(null);
      el.remove();
    });
  });
});
