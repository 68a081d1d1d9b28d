/**
 * Every shipped instrument and education module completed by keyboard alone: real key presses
 * (Tab, Shift+Tab, Space, Enter, arrow keys, digits, letters in text fields) from a focused
 * button before the element. After every press focus must be visible on an element of the
 * component, and the completion event must carry exactly the answers given.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { waitUntil } from '../helpers/wait.js';
import type { PpEducation } from '../../components/pp-education/pp-education.js';
import type { PpQuestionnaire } from '../../components/pp-questionnaire/pp-questionnaire.js';
import type { EducationCompleteDetail, SubmitDetail } from '../../src/events.js';
import { knowledgeChecksOf, parseEducationModule, type KnowledgeCheckAnswer } from '../../src/model/education.js';
import { isQuestion, walkItems, type Answers, type AnswerValue, type Instrument, type QuestionItem } from '../../src/model/instrument.js';
import { parseInstrument } from '../../src/model/parse-instrument.js';
import { REGION_SETS, regionIdsOf } from '../../src/model/region-sets.js';
import { deleteAllDatabases, loadJson, nextEvent } from '../helpers/fixtures.js';
import type { Json } from '../helpers/instrument-builder.js';
import { placeholderPack } from '../helpers/licensed-fixture.js';
import { typeDate, typeKeys } from '../helpers/keyboard.js';
import { deepActiveElement, describe as describeElement, expectVisibleFocus, press, shadow } from './a11y-helpers.js';

const INSTRUMENTS = [
  'acr-2016', 'bpi-sf', 'eq-5d-5l', 'fiqr', 'gad-7', 'global-rating-of-change', 'isi', 'nrs-11', 'odi-2.1a', 'ompsq-10',
  'pcs', 'pdi', 'peg-3', 'phq-4', 'phq-9', 'promis-pi-6a', 'pseq-10', 'pseq-2', 'psfs', 'red-flags-back-pain', 'rmdq',
  'start-back', 'tsk-11', 'who-5',
] as const;
const MODULES = ['flare-up-plan-and-goals', 'hurt-and-harm', 'pacing-and-graded-activity', 'pain-is-a-protector', 'sensitive-alarm', 'sleep-stress-mood'] as const;

/** The element under test: focus must stay inside it. */
let component: HTMLElement;

/** Each press, then a check that focus is still visible on the component. */
async function pressAndCheck(key: string, step: string): Promise<HTMLElement> {
  await press(key);
  return expectVisibleFocus(`${step}, after ${key}`, component);
}

/** Waits for the element's update after a key press, until focus has left `from`. */
async function focusLeaves(from: Element, step: string): Promise<HTMLElement> {
  await waitUntil(() => deepActiveElement() !== from, `${step}: focus stayed on ${describeElement(from)}`);
  return expectVisibleFocus(step, component);
}

/** A button before the element, focused, as where a keyboard user comes from. */
async function withStartButton<T extends HTMLElement>(template: ReturnType<typeof html>): Promise<T> {
  const wrapper = await fixture<HTMLDivElement>(html`<div><button id="before">Before the form</button>${template}</div>`);
  wrapper.querySelector<HTMLButtonElement>('#before')!.focus();
  component = wrapper.lastElementChild as T;
  return component as T;
}

/** Picks the n-th radio of a group whose first radio has focus and none is checked, as keys. */
async function chooseRadio(index: number, step: string): Promise<void> {
  if (index === 0) await pressAndCheck('Space', step);
  for (let i = 0; i < index; i++) await pressAndCheck('ArrowDown', step);
}

/** The answers a person gives to one instrument: varied, so that values are not all the first. */
class AnswerPlan {
  readonly expected: Record<string, AnswerValue> = {};
  private readonly items: Map<string, QuestionItem>;
  private readonly order: string[];

  constructor(instrument: Instrument) {
    const questions = [...walkItems(instrument.items)].filter(isQuestion);
    this.items = new Map(questions.map((item) => [item.id, item]));
    this.order = questions.map((item) => item.id);
  }

  item(id: string): QuestionItem {
    return this.items.get(id)!;
  }

  /** The option index to choose: the second, third, … in turn, wrapping round. */
  optionIndex(id: string, count: number): number {
    return (this.order.indexOf(id) + 1) % count;
  }

  /** Checkboxes to tick: the first and the third of an item, skipping "none of these" options. */
  wantsBox(id: string, index: number): boolean {
    const item = this.item(id);
    if (item.type === 'multi-choice' && item.answers[index]!.exclusive) return false;
    return index === 0 || index === 2;
  }
}

/** Answers what has focus by keys; returns when focus is ready for the next Tab. */
async function answerFocused(focused: HTMLElement, plan: AnswerPlan, step: string): Promise<void> {
  const id = focused.closest<HTMLElement>('[data-item]')?.dataset['item'];
  if (!id || plan.expected[id] !== undefined && !(focused instanceof HTMLInputElement && focused.type === 'checkbox')) return;
  const item = plan.item(id);
  switch (item.type) {
    case 'choice': {
      const index = plan.optionIndex(id, item.answers.length);
      await chooseRadio(index, step);
      plan.expected[id] = item.answers[index]!.value;
      expect((deepActiveElement() as HTMLInputElement).checked, `${step}: the chosen radio is checked`).to.equal(true);
      return;
    }
    case 'nrs': {
      const value = plan.optionIndex(id, 11);
      await chooseRadio(value, step);
      plan.expected[id] = value;
      return;
    }
    case 'multi-choice':
    case 'body-map': {
      const boxes = [...focused.closest('[data-item]')!.querySelectorAll('input[type=checkbox]')];
      const index = boxes.indexOf(focused as HTMLInputElement);
      if (!plan.wantsBox(id, index)) return;
      await pressAndCheck('Space', step);
      const value = item.type === 'multi-choice' ? item.answers[index]!.value : regionIdsOf(REGION_SETS[item.regionSet]!)[index]!;
      plan.expected[id] = [...((plan.expected[id] as (string | number)[] | undefined) ?? []), value];
      return;
    }
    case 'vas':
      await pressAndCheck('Home', step);
      for (let i = 0; i < 7; i++) await pressAndCheck('PageUp', step);
      await pressAndCheck('ArrowUp', step);
      plan.expected[id] = 71;
      return;
    case 'integer':
      await typeKeys('42');
      plan.expected[id] = 42;
      return;
    case 'decimal':
      await typeKeys('7.5');
      plan.expected[id] = 7.5;
      return;
    case 'text':
      await typeKeys('Walk the dog');
      plan.expected[id] = 'Walk the dog';
      return;
    case 'date':
      await typeDate('03', '15', '2024');
      plan.expected[id] = '2024-03-15';
      return;
  }
}

const sorted = (answers: Answers) =>
  Object.fromEntries(Object.entries(answers).map(([id, value]) => [id, Array.isArray(value) ? [...value].sort() : value]));

/**
 * Goes through the questionnaire with Tab, answering each question it reaches; on each Next,
 * first steps back with Shift+Tab to the last answer and forward again.
 */
async function completeQuestionnaire(el: PpQuestionnaire, instrument: Instrument): Promise<SubmitDetail> {
  const plan = new AnswerPlan(instrument);
  const submitted = nextEvent<SubmitDetail>(el, 'pp-submit');
  let focused = await pressAndCheck('Tab', `${instrument.id}: into the form`);
  for (let step = 1; ; step++) {
    const where = `${instrument.id}, step ${step}`;
    expect(step, `${where}: too many steps`).to.be.below(1000);
    if (focused.matches('button[type=submit]')) {
      // Back to the last answer (past the Back button, when there is one) and forward again.
      let back = await pressAndCheck('Shift+Tab', `${where}: back from Next`);
      const pastBack = back.matches('button.secondary');
      if (pastBack) back = await pressAndCheck('Shift+Tab', `${where}: back past Back`);
      expect(back.closest('[data-page-start]'), `${where}: Shift+Tab from Next lands on the page, on ${describeElement(back)}`).to.exist;
      if (back.matches('input[type=radio]')) expect((back as HTMLInputElement).checked, `${where}: Shift+Tab lands on the chosen answer`).to.equal(true);
      if (pastBack) await pressAndCheck('Tab', `${where}: forward to Back`);
      expect(await pressAndCheck('Tab', `${where}: forward to Next`), `${where}: Tab returns to Next`).to.equal(focused);
      await press('Enter');
      focused = await focusLeaves(focused, `${where}: after Enter on Next`);
      if (focused.matches('[part=done]')) break;
      continue;
    }
    await answerFocused(focused, plan, where);
    focused = await pressAndCheck('Tab', where);
  }
  const detail = (await submitted).detail;
  expect(sorted(detail.answers), `${instrument.id}: the answers submitted`).to.deep.equal(sorted(plan.expected));
  return detail;
}

async function instrumentOf(file: string): Promise<{ json: Json; instrument: Instrument; pack?: Json }> {
  const json = await loadJson(`/content/instruments/${file}.json`);
  const instrument = parseInstrument(json);
  return instrument.meta.licence.kind === 'bring-your-own-text' ? { json, instrument, pack: placeholderPack(instrument) } : { json, instrument };
}

describe('completing by keyboard alone', () => {
  beforeEach(deleteAllDatabases);

  describe('every shipped instrument, in English (bring-your-own-text ones with a placeholder text pack)', () => {
    for (const file of INSTRUMENTS) {
      it(`${file}: answered and submitted with Tab, arrows, Space and Enter`, async function () {
        this.timeout(120_000);
        const { json, instrument, pack } = await instrumentOf(file);
        const el = await withStartButton<PpQuestionnaire>(html`<pp-questionnaire .instrument=${json} .textPack=${pack} lang="en"></pp-questionnaire>`);
        await waitUntil(() => shadow(el).querySelector('form'), 'the form did not render');
        const detail = await completeQuestionnaire(el, instrument);
        expect(detail.instrument.id).to.equal(instrument.id);
        expect(Object.keys(detail.answers).length, 'every question answered').to.be.greaterThan(0);
      });
    }
  });

  it('the test instrument with every item type: slider, number, text and date fields, checkboxes and the body map', async function () {
    this.timeout(120_000);
    const json = await loadJson('/test/fixtures/every-item-type.json');
    const el = await withStartButton<PpQuestionnaire>(html`<pp-questionnaire .instrument=${json} lang="en"></pp-questionnaire>`);
    await waitUntil(() => shadow(el).querySelector('form'), 'the form did not render');
    const detail = await completeQuestionnaire(el, parseInstrument(json));
    expect(Object.keys(detail.answers)).to.include.members(['pain', 'health', 'where', 'helped', 'age', 'sleep', 'since', 'goal']);
  });

  it('after Enter submits too early, focus goes to the first problem, and the ring stays the focus colour on every field that has one', async function () {
    this.timeout(60_000);
    const json = await loadJson('/test/fixtures/every-item-type.json');
    const el = await withStartButton<PpQuestionnaire>(html`<pp-questionnaire .instrument=${json} lang="en" layout="list"></pp-questionnaire>`);
    await waitUntil(() => shadow(el).querySelector('form'), 'the form did not render');
    const first = await pressAndCheck('Tab', 'into the form');
    await press('Enter');
    await waitUntil(() => shadow(el).querySelectorAll('[data-invalid]').length > 3, 'Enter did not show the problems');
    let focused = expectVisibleFocus('after Enter', el);
    expect(focused, 'focus on the first question with a problem').to.equal(first);
    const focusColour = getComputedStyle(el).getPropertyValue('--_focus').trim();
    expect(focusColour, 'the focus colour token').to.not.equal('');
    const ringColour = (element: Element) => getComputedStyle(element.closest('label') ?? element).outlineColor;
    const probe = document.createElement('span');
    probe.style.color = focusColour;
    document.body.append(probe);
    const expectedColour = getComputedStyle(probe).color;
    probe.remove();
    for (let step = 1; !focused.matches('button[type=submit]'); step++) {
      expect(step, 'too many steps').to.be.below(100);
      if (focused.closest('[data-invalid]')) expect(ringColour(focused), `step ${step}: ring of ${describeElement(focused)}`).to.equal(expectedColour);
      focused = await pressAndCheck('Tab', `step ${step}`);
    }
  });

  describe('every education module, in English', () => {
    for (const file of MODULES) {
      it(`${file}: read to the end, each knowledge check answered wrongly then rightly, and finished`, async function () {
        this.timeout(120_000);
        const module = parseEducationModule(await loadJson(`/content/education/${file}.json`));
        const checks = new Map(knowledgeChecksOf(module).map((check) => [check.id, check]));
        const el = await withStartButton<PpEducation>(html`<pp-education src="/content/education/${file}.json" lang="en"></pp-education>`);
        await waitUntil(() => shadow(el).querySelector('[part=module]'), 'the module did not render');
        const completed = nextEvent<EducationCompleteDetail>(el, 'pp-education-complete');
        const expected: Record<string, KnowledgeCheckAnswer> = {};
        let focused = await pressAndCheck('Tab', `${file}: into the module`);
        for (let step = 1; ; step++) {
          const where = `${file}, step ${step}`;
          expect(step, `${where}: too many steps`).to.be.below(500);
          const checkId = focused.closest<HTMLElement>('[data-question]')?.dataset['question'];
          if (checkId && !expected[checkId]) {
            const check = checks.get(checkId)!;
            const wrong = check.options.findIndex((option) => !option.correct);
            const right = check.options.findIndex((option) => option.correct);
            await chooseRadio(wrong, where);
            expect(focused.closest('fieldset')!.querySelector('[part=feedback] [data-verdict]')?.getAttribute('data-verdict'), `${where}: feedback`).to.equal('not-quite');
            for (let i = 0; i < Math.abs(right - wrong); i++) await pressAndCheck(right > wrong ? 'ArrowDown' : 'ArrowUp', where);
            await el.updateComplete;
            expect(focused.closest('fieldset')!.querySelector('[part=feedback] [data-verdict]')?.getAttribute('data-verdict'), `${where}: feedback`).to.equal('correct');
            expected[checkId] = { option: check.options[right]!.id, correct: true };
          }
          if (focused.matches('[part=navigation] .primary')) {
            const back = await pressAndCheck('Shift+Tab', `${where}: back from Next`);
            expect(back, `${where}: Shift+Tab moves back`).not.to.equal(focused);
            expect(await pressAndCheck('Tab', `${where}: forward again`), `${where}: Tab returns`).to.equal(focused);
            const isFinish = !shadow(el).querySelector('.page:not([hidden]) ~ .page');
            await press('Enter');
            if (isFinish) break;
            focused = await focusLeaves(focused, `${where}: after Enter on Next`);
            expect(focused.matches('.page:not([hidden])'), `${where}: focus on the new page`).to.equal(true);
            continue;
          }
          focused = await pressAndCheck('Tab', where);
        }
        const detail = (await completed).detail;
        expect(detail.answers).to.deep.equal(expected);
        expect(detail.pagesSeen).to.deep.equal(module.pages.map((page) => page.id));
        expectVisibleFocus(`${file}: after Finish`, el);
      });
    }
  });
});
