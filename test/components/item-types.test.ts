import { expect, fixture, html } from '@open-wc/testing';
import { waitUntil } from '../helpers/wait.js';
import { sendKeys, sendMouse } from '@web/test-runner-commands';
import '../../components/pp-questionnaire/pp-questionnaire.js';
import type { PpQuestionnaire } from '../../components/pp-questionnaire/pp-questionnaire.js';
import type { ChangeDetail, QuestionnaireResult } from '../../src/events.js';
import { PATH_SEPARATOR } from '../../src/engine/item-path.js';
import { deleteAllDatabases, loadJson, nextEvent } from '../helpers/fixtures.js';
import { pressSpace, typeKeys } from '../helpers/keyboard.js';
import { choice, en, instrument, question } from '../helpers/instrument-builder.js';

const FIXTURE = '/test/fixtures/every-item-type.json';
const shadow = (el: Element) => el.shadowRoot!;
const item = (el: PpQuestionnaire, id: string) => shadow(el).querySelector<HTMLElement>(`[data-item="${id}"]`)!;
const inputs = (el: PpQuestionnaire, id: string) => [...item(el, id).querySelectorAll<HTMLInputElement>('input')];
const slider = (el: PpQuestionnaire) => item(el, 'health').querySelector<HTMLElement>('[role=slider]')!;
const button = (el: PpQuestionnaire, name: string) => [...shadow(el).querySelectorAll('button')].find((b) => b.textContent!.trim() === name)!;

async function form(layout: 'list' | 'paged' = 'list', json?: unknown): Promise<PpQuestionnaire> {
  const instrument = json ?? (await loadJson(FIXTURE));
  const el = await fixture<PpQuestionnaire>(
    html`<pp-questionnaire .instrument=${instrument} layout=${layout} draft-key=${`types-${Math.random()}`}></pp-questionnaire>`,
  );
  await waitUntil(() => shadow(el).querySelector('form'), 'form did not render');
  return el;
}

async function clickAt(element: Element, fraction: number): Promise<void> {
  const rect = element.getBoundingClientRect();
  await sendMouse({ type: 'click', position: [Math.round(rect.left + rect.width * fraction), Math.round(rect.top + rect.height / 2)] });
}

async function typeInto(el: PpQuestionnaire, id: string, text: string): Promise<void> {
  const field = item(el, id).querySelector<HTMLInputElement>('input')!;
  field.focus();
  field.select();
  await typeKeys(text);
  await sendKeys({ press: 'Tab' });
  await el.updateComplete;
}

describe('<pp-questionnaire> item types', () => {
  beforeEach(deleteAllDatabases);

  describe('nrs', () => {
    it('offers 0 to 10 as one radio group with the anchors in the accessible names of the ends', async () => {
      const el = await form();
      const options = inputs(el, 'pain');
      expect(options).to.have.length(11);
      expect(options.every((o) => o.type === 'radio' && o.name === 'pain')).to.equal(true);
      const nameOf = (input: HTMLInputElement) => input.closest('label')!.querySelector('.visually-hidden')?.textContent;
      expect(nameOf(options[0]!)).to.equal('0: No pain');
      expect(nameOf(options[10]!)).to.equal('10: Worst pain imaginable');
    });

    it('is answered by arrow keys', async () => {
      const el = await form();
      inputs(el, 'pain')[0]!.focus();
      await pressSpace();
      for (let i = 0; i < 6; i += 1) await sendKeys({ press: 'ArrowRight' });
      expect(el.answers['pain']).to.equal(6);
    });
  });

  describe('vas', () => {
    it('starts with no value and no thumb, so nothing anchors the answer', async () => {
      const el = await form();
      expect(item(el, 'health').querySelector('.vas-thumb')).to.equal(null);
      expect(slider(el).getAttribute('aria-valuetext')).to.equal('Not answered yet');
      expect(el.answers).to.not.have.property('health');
    });

    it('takes the value where the line is touched and announces it', async () => {
      const el = await form();
      const track = slider(el);
      await clickAt(track, 0.25);
      await el.updateComplete;
      expect(el.answers['health']).to.be.within(24, 26);
      expect(track.getAttribute('aria-valuetext')).to.equal(String(el.answers['health']));
      expect(shadow(el).querySelector('form > [role=status]')!.textContent).to.equal(`Your answer: ${el.answers['health']}`);
      expect(item(el, 'health').querySelector('.vas-thumb')).to.exist;
    });

    it('is answered by keyboard: Home, End, arrows and Page keys', async () => {
      const el = await form();
      slider(el).focus();
      await sendKeys({ press: 'End' });
      expect(el.answers['health']).to.equal(100);
      await sendKeys({ press: 'PageDown' });
      await sendKeys({ press: 'ArrowLeft' });
      expect(el.answers['health']).to.equal(89);
      await sendKeys({ press: 'Home' });
      await sendKeys({ press: 'ArrowUp' });
      expect(el.answers['health']).to.equal(1);
    });

    it('runs from right to left in a right-to-left language', async () => {
      const json = await loadJson(FIXTURE);
      json['languages'] = ['en', 'ar'];
      (json['translations'] as Record<string, unknown>)['ar'] = { status: 'draft', source: 'layout test only: texts fall back to English' };
      const el = await form('list', json);
      el.setAttribute('lang', 'ar');
      await el.updateComplete;
      expect(shadow(el).querySelector('.root')!.getAttribute('dir')).to.equal('rtl');
      await clickAt(slider(el), 0.2);
      await el.updateComplete;
      expect(el.answers['health']).to.be.within(79, 81);
      const before = el.answers['health'] as number;
      slider(el).focus();
      await sendKeys({ press: 'ArrowLeft' });
      expect(el.answers['health'], 'ArrowLeft moves towards 100 when the scale runs right to left').to.equal(before + 1);
    });
  });

  describe('body-map', () => {
    it('toggles the same region from the figure and from the keyboard list', async () => {
      const el = await form();
      const shape = item(el, 'where').querySelector<SVGElement>('[data-region="lower-back"]')!;
      shape.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true }));
      await el.updateComplete;
      expect(el.answers['where']).to.deep.equal(['lower-back']);
      const checkbox = [...item(el, 'where').querySelectorAll<HTMLInputElement>('input[type=checkbox]')].find(
        (c) => c.closest('label')!.textContent!.trim() === 'Lower back',
      )!;
      expect(checkbox.checked).to.equal(true);
      const neck = [...item(el, 'where').querySelectorAll<HTMLInputElement>('input[type=checkbox]')].find(
        (c) => c.closest('label')!.textContent!.trim() === 'Neck',
      )!;
      neck.focus();
      await pressSpace();
      checkbox.focus();
      await pressSpace();
      expect(el.answers['where']).to.deep.equal(['neck']);
      expect(item(el, 'where').querySelector('[data-region="neck"]')!.classList.contains('selected')).to.equal(true);
    });

    it('groups the regions by the ACR 2016 region groups', async () => {
      const el = await form();
      const legends = [...item(el, 'where').querySelectorAll('.region-group > legend')].map((l) => l.textContent);
      expect(legends).to.deep.equal(['Upper body, left side', 'Upper body, right side', 'Lower body, left side', 'Lower body, right side', 'Neck, back and trunk']);
      expect(item(el, 'where').querySelectorAll('.region-group input')).to.have.length(19);
    });

    it('styles the drawing, whose styles load with it', async () => {
      const el = await form();
      const figure = item(el, 'where').querySelector('.body-map-figure')!;
      expect(getComputedStyle(figure).display).to.equal('flex');
      expect(getComputedStyle(figure).touchAction).to.equal('manipulation');
    });
  });

  describe('multi-choice', () => {
    it('clears the other answers when "None of these" is chosen, and the reverse', async () => {
      const el = await form();
      const [exercise, rest, , none] = inputs(el, 'helped');
      exercise!.click();
      rest!.click();
      await el.updateComplete;
      expect(el.answers['helped']).to.deep.equal(['exercise', 'rest']);
      none!.click();
      await el.updateComplete;
      expect(el.answers['helped']).to.deep.equal(['none']);
      expect([exercise!.checked, rest!.checked]).to.deep.equal([false, false]);
      exercise!.click();
      await el.updateComplete;
      expect(el.answers['helped']).to.deep.equal(['exercise']);
      expect(none!.checked).to.equal(false);
    });
  });

  describe('integer and decimal', () => {
    it('shows and announces a format problem, keeping what was typed', async () => {
      const el = await form();
      await typeInto(el, 'age', 'forty');
      const error = item(el, 'age').querySelector('[part=error]')!;
      expect(error.textContent).to.equal('Please enter a whole number, using digits.');
      expect(shadow(el).querySelector('form > [role=status]')!.textContent).to.equal('Please enter a whole number, using digits.');
      expect(inputs(el, 'age')[0]!.value).to.equal('forty');
      expect(inputs(el, 'age')[0]!.getAttribute('aria-describedby')).to.contain(error.id);
      expect(el.answers).to.not.have.property('age');
    });

    it('shows the allowed range for a number outside it, and accepts a corrected one', async () => {
      const el = await form();
      await typeInto(el, 'age', '150');
      expect(item(el, 'age').querySelector('[part=error]')!.textContent).to.equal('Please give a value from 16 to 110.');
      expect(inputs(el, 'age')[0]!.value).to.equal('150');
      await typeInto(el, 'age', '45');
      expect(el.answers['age']).to.equal(45);
      expect(item(el, 'age').querySelector('[part=error]')).to.equal(null);
    });

    it('reads decimals as the language writes them', async () => {
      const json = await loadJson(FIXTURE);
      json['languages'] = ['en', 'da'];
      (json['translations'] as Record<string, unknown>)['da'] = { status: 'draft', source: 'number format test only: texts fall back to English' };
      const el = await form('list', json);
      el.setAttribute('lang', 'da');
      await el.updateComplete;
      await typeInto(el, 'sleep', '7,5');
      expect(el.answers['sleep']).to.equal(7.5);
      expect(inputs(el, 'sleep')[0]!.value).to.equal('7,5');
    });
  });

  describe('text and date', () => {
    it('asks the follow-up text question only when there is pain, and saves text as it is typed', async () => {
      const el = await form();
      expect(item(el, 'goal')).to.equal(null);
      inputs(el, 'pain')[3]!.click();
      await el.updateComplete;
      const textarea = item(el, 'goal').querySelector('textarea')!;
      expect(textarea.maxLength).to.equal(200);
      textarea.focus();
      await typeKeys('Walk the dog');
      expect(el.answers['goal']).to.equal('Walk the dog');
    });

    it('does not accept a start date in the future', async () => {
      const el = await form();
      const date = inputs(el, 'since')[0]!;
      expect(date.max).to.match(/^\d{4}-\d{2}-\d{2}$/);
      date.value = '2999-01-01';
      date.dispatchEvent(new Event('change', { bubbles: true }));
      await el.updateComplete;
      expect(el.answers).to.not.have.property('since');
      expect(item(el, 'since').querySelector('[part=error]')!.textContent).to.match(/^Please give a value of at most /);
      date.value = '2024-03-01';
      date.dispatchEvent(new Event('change', { bubbles: true }));
      await el.updateComplete;
      expect(el.answers['since']).to.equal('2024-03-01');
    });
  });

  it('keeps the items of a page item together in the paged layout', async () => {
    const el = await form('paged');
    const next = async () => {
      const before = shadow(el).querySelector('[data-page-start]')!.innerHTML;
      button(el, 'Next').click();
      await waitUntil(() => shadow(el).querySelector('[data-page-start]')!.innerHTML !== before, 'the page did not change');
    };
    expect(shadow(el).querySelector('.display')!.textContent, 'a display item opens the page of the question after it').to.equal(
      'These questions are about your pain this week.',
    );
    inputs(el, 'pain')[0]!.click();
    await next();
    slider(el).focus();
    await sendKeys({ press: 'End' });
    await next();
    item(el, 'where').querySelector('[data-region="neck"]')!.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true }));
    await next();
    inputs(el, 'helped')[0]!.click();
    await next();
    expect(['age', 'sleep', 'since'].every((id) => item(el, id))).to.equal(true);
    expect(shadow(el).querySelectorAll('[data-item]:is(fieldset, div.item)')).to.have.length(3);
    expect(shadow(el).querySelector('[part=stem]')!.textContent).to.equal('About you');
  });

  it('moves focus to the first problem of any type on submit', async () => {
    const el = await form();
    inputs(el, 'pain')[2]!.click();
    await el.updateComplete;
    button(el, 'Submit answers').click();
    await waitUntil(() => shadow(el).activeElement === slider(el), 'focus did not reach the unanswered slider');
    expect(slider(el).getAttribute('aria-invalid')).to.equal('true');
    expect(shadow(el).querySelectorAll('[part=error]')).to.have.length(4);
  });

  it('submits typed answers of every kind, with a matching FHIR response', async () => {
    const el = await form();
    inputs(el, 'pain')[7]!.click();
    slider(el).focus();
    await sendKeys({ press: 'End' });
    inputs(el, 'helped')[1]!.click();
    await el.updateComplete;
    for (const region of ['neck', 'lower-back']) {
      item(el, 'where').querySelector(`[data-region="${region}"]`)!.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true }));
      await el.updateComplete;
    }
    await typeInto(el, 'age', '52');
    const changes: ChangeDetail[] = [];
    el.addEventListener('pp-change', (e) => changes.push((e as CustomEvent<ChangeDetail>).detail));
    const submitted = nextEvent<QuestionnaireResult>(el, 'pp-submit');
    button(el, 'Submit answers').click();
    const { detail } = await submitted;
    expect(detail.answers).to.deep.equal({ pain: 7, health: 100, helped: ['rest'], where: ['neck', 'lower-back'], age: 52 });
    expect(detail.scores).to.deep.equal({ pain: { value: 7, band: 'severe' }, regions: { value: 2 } });
    const byLink = Object.fromEntries(detail.questionnaireResponse.item.flatMap((i) => (i.item ? i.item : [i])).map((i) => [i.linkId, i.answer]));
    expect(byLink['pain']).to.deep.equal([{ valueInteger: 7 }]);
    expect(byLink['health']).to.deep.equal([{ valueInteger: 100 }]);
    expect(byLink['age']).to.deep.equal([{ valueInteger: 52 }]);
    expect(byLink['where']).to.deep.equal([
      { valueCoding: { system: 'urn:painpath:region-set:acr-2016', code: 'neck', display: 'Neck' } },
      { valueCoding: { system: 'urn:painpath:region-set:acr-2016', code: 'lower-back', display: 'Lower back' } },
    ]);
  });

  describe('accessibility (axe-core)', () => {
    it('has no violation with every item type, answered, unanswered and with problems shown', async () => {
      const el = await form();
      await expect(el).to.be.accessible();
      inputs(el, 'pain')[5]!.click();
      slider(el).focus();
      await sendKeys({ press: 'PageUp' });
      await typeInto(el, 'age', '7');
      await expect(el).to.be.accessible();
      button(el, 'Submit answers').click();
      await waitUntil(() => shadow(el).querySelectorAll('[part=error]').length > 1);
      await expect(el).to.be.accessible();
    });
  });
});

describe('<pp-questionnaire> yes/no, date and time, web address, help and prefix', () => {
  const instrumentJson = () =>
    instrument({
      id: 'fhir-era-types',
      items: [
        question('smoker', 'boolean', { prefix: en('1.'), help: [en('Cigarettes, cigars or pipes.')], required: true }),
        question('since', 'date-time'),
        question('wakes', 'time'),
        question('site', 'url'),
      ],
    });

  async function typesForm(lang = 'en'): Promise<PpQuestionnaire> {
    return form('list', instrumentJson()).then(async (el) => {
      el.lang = lang;
      await el.updateComplete;
      return el;
    });
  }

  async function setField(el: PpQuestionnaire, id: string, value: string): Promise<void> {
    const field = item(el, id).querySelector('input')!;
    field.value = value;
    field.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
    await el.updateComplete;
  }

  it('asks yes or no as a group of two radio buttons after the prefixed question and its help', async () => {
    const el = await typesForm();
    const fieldset = item(el, 'smoker');
    expect(fieldset.tagName).to.equal('FIELDSET');
    expect(fieldset.querySelector('legend')!.textContent!.trim()).to.equal('1. smoker');
    expect(inputs(el, 'smoker').map((input) => input.closest('label')!.textContent!.trim())).to.deep.equal(['Yes', 'No']);
    const help = fieldset.querySelector<HTMLElement>('[part=help]')!;
    expect(help.textContent).to.equal('Cigarettes, cigars or pipes.');
    for (const input of inputs(el, 'smoker')) expect(input.getAttribute('aria-describedby')!.split(' ')).to.include(help.id);
    inputs(el, 'smoker')[0]!.focus();
    await pressSpace();
    await el.updateComplete;
    expect(el.answers['smoker']).to.equal(true);
    await sendKeys({ press: 'ArrowDown' });
    await el.updateComplete;
    expect(el.answers['smoker']).to.equal(false);
  });

  it('keeps a date and time with the offset of the time zone, and a time of day to the second', async () => {
    const el = await typesForm();
    await setField(el, 'since', '2026-03-01T08:15');
    const since = el.answers['since'] as string;
    expect(since).to.match(/^2026-03-01T08:15:00[+-]\d{2}:\d{2}$/);
    // The same moment, wherever the browser is.
    expect(new Date(since).getTime()).to.equal(new Date('2026-03-01T08:15').getTime());
    expect(item(el, 'since').querySelector('input')!.value).to.equal('2026-03-01T08:15');
    await setField(el, 'wakes', '06:30');
    expect(el.answers['wakes']).to.equal('06:30:00');
  });

  it('asks for a web address again when what was typed is not one, and takes one that is', async () => {
    const el = await typesForm();
    const field = item(el, 'site').querySelector('input')!;
    expect(field.type).to.equal('url');
    field.focus();
    await typeKeys('example');
    await sendKeys({ press: 'Tab' });
    await el.updateComplete;
    expect(item(el, 'site').querySelector('[part=error]')!.textContent).to.equal('Please enter a web address, such as https://example.org.');
    expect(el.answers).to.not.have.property('site');
    await setField(el, 'site', 'https://example.org/pain');
    expect(el.answers['site']).to.equal('https://example.org/pain');
    expect(item(el, 'site').querySelector('[part=error]')).to.equal(null);
  });

  it('says what is wrong with a text that does not fit its pattern or length, or a number with too many decimals', async () => {
    const el = await form('list', instrument({ id: 'constraints', items: [question('zip', 'text', { pattern: '\\d{4}', minLength: 4 }), question('kg', 'decimal', { maxDecimals: 1 })] }));
    const type = async (id: string, text: string) => {
      const field = item(el, id).querySelector<HTMLInputElement | HTMLTextAreaElement>('input, textarea')!;
      field.focus();
      await typeKeys(text);
      await sendKeys({ press: 'Tab' });
      await el.updateComplete;
      return item(el, id).querySelector('[part=error]')?.textContent;
    };
    expect(await type('zip', '12')).to.equal('Please write at least 4 characters.');
    expect(await type('zip', 'ab')).to.equal('Please check the form of your answer.');
    expect(await type('kg', '72.25')).to.equal('Please use fewer digits after the decimal point (at most 1).');
  });

  it('writes each in the FHIR type of its item', async () => {
    const el = await typesForm();
    inputs(el, 'smoker')[1]!.click();
    await setField(el, 'since', '2026-03-01T08:15');
    await setField(el, 'wakes', '06:30');
    await setField(el, 'site', 'mailto:clinic@example.org');
    const submitted = nextEvent<QuestionnaireResult>(el, 'pp-submit');
    button(el, 'Submit answers').click();
    const answers = Object.fromEntries((await submitted).detail.questionnaireResponse.item.map((i) => [i.linkId, i.answer]));
    expect(answers['smoker']).to.deep.equal([{ valueBoolean: false }]);
    expect(Object.keys(answers['since']![0]!)).to.deep.equal(['valueDateTime']);
    expect(answers['wakes']).to.deep.equal([{ valueTime: '06:30:00' }]);
    expect(answers['site']).to.deep.equal([{ valueUri: 'mailto:clinic@example.org' }]);
  });

  for (const lang of ['en', 'ar']) {
    it(`has no axe violation, answered, unanswered and with problems shown (${lang})`, async () => {
      const el = await typesForm(lang);
      await expect(el).to.be.accessible();
      await setField(el, 'site', 'not a web address');
      button(el, 'Submit answers').click();
      await waitUntil(() => shadow(el).querySelectorAll('[part=error]').length === 2, 'the two problems were not shown');
      await expect(el).to.be.accessible();
    });
  }
});

describe('<pp-questionnaire> quantities', () => {
  const ucum = (code: string, text: string) => ({ code: { system: 'http://unitsofmeasure.org', code }, text: en(text) });
  const quantities = () =>
    form(
      'list',
      instrument({
        id: 'quantities',
        items: [
          question('weight', 'quantity', { units: [ucum('kg', 'kg'), ucum('[lb_av]', 'lb')], maxDecimals: 1 }),
          question('height', 'quantity', { units: [ucum('cm', 'cm')], min: 50, max: 250 }),
          question('waist', 'quantity', { units: [{ code: { code: 'hand' }, text: en('hand widths') }] }),
          question('count', 'quantity', { required: false }),
        ],
      }),
    );
  const unitSelect = (el: PpQuestionnaire) => item(el, 'weight').querySelector('select')!;
  const choose = async (el: PpQuestionnaire, unit: string) => {
    unitSelect(el).value = unit;
    unitSelect(el).dispatchEvent(new Event('change', { bubbles: true }));
    await el.updateComplete;
  };
  beforeEach(deleteAllDatabases);

  it('asks for the unit when there are several, choosing none for the person, in either order', async () => {
    const el = await quantities();
    expect([...unitSelect(el).options].map((o) => o.textContent)).to.deep.equal(['Unit', 'kg', 'lb']);
    expect(unitSelect(el).value).to.equal('');
    const labelledBy = unitSelect(el).getAttribute('aria-labelledby')!.split(' ').map((id) => shadow(el).getElementById(id)!.textContent!.trim());
    expect(labelledBy).to.deep.equal(['weight (optional)', 'Unit']);
    await typeInto(el, 'weight', '72.5');
    expect(el.answers).to.not.have.property('weight');
    expect(item(el, 'weight').querySelector('[part=error]')!.textContent).to.equal('Please choose a unit.');
    expect(item(el, 'weight').querySelector('input')!.value).to.equal('72.5');
    await choose(el, '[lb_av]');
    expect(el.answers['weight']).to.deep.equal({ value: 72.5, unit: '[lb_av]' });
    expect(item(el, 'weight').querySelector('[part=error]')).to.equal(null);
    await typeInto(el, 'weight', '72.25');
    expect(item(el, 'weight').querySelector('[part=error]')!.textContent).to.equal('Please use fewer digits after the decimal point (at most 1).');
  });

  it('keeps a unit chosen before the number is typed', async () => {
    const el = await quantities();
    await choose(el, 'kg');
    expect(el.answers).to.not.have.property('weight');
    await typeInto(el, 'weight', '80');
    expect(unitSelect(el).value).to.equal('kg');
    expect(el.answers['weight']).to.deep.equal({ value: 80, unit: 'kg' });
  });

  it('names a single unit after the field and takes it, checks the bounds, and takes a number without a unit', async () => {
    const el = await quantities();
    const height = item(el, 'height');
    expect(height.querySelector('select')).to.equal(null);
    const unit = height.querySelector('.unit')!;
    expect(unit.textContent).to.equal('cm');
    expect(height.querySelector('input')!.getAttribute('aria-describedby')).to.equal(unit.id);
    await typeInto(el, 'height', '300');
    expect(height.querySelector('[part=error]')!.textContent).to.equal('Please give a value from 50 to 250.');
    await typeInto(el, 'height', '172');
    expect(el.answers['height']).to.deep.equal({ value: 172, unit: 'cm' });
    await typeInto(el, 'count', '3');
    expect(el.answers['count']).to.deep.equal({ value: 3 });
  });

  it('writes valueQuantity, with the code only beside its system', async () => {
    const el = await quantities();
    await typeInto(el, 'weight', '70');
    await choose(el, 'kg');
    await typeInto(el, 'height', '172');
    await typeInto(el, 'waist', '9');
    await typeInto(el, 'count', '3');
    const submitted = nextEvent<QuestionnaireResult>(el, 'pp-submit');
    button(el, 'Submit answers').click();
    const answers = Object.fromEntries((await submitted).detail.questionnaireResponse.item.map((i) => [i.linkId, i.answer]));
    expect(answers['weight']).to.deep.equal([{ valueQuantity: { value: 70, unit: 'kg', system: 'http://unitsofmeasure.org', code: 'kg' } }]);
    expect(answers['waist']).to.deep.equal([{ valueQuantity: { value: 9, unit: 'hand widths' } }]);
    expect(answers['count']).to.deep.equal([{ valueQuantity: { value: 3 } }]);
  });

  it('is answered by keyboard alone: the number typed, Tab to the unit, arrow keys to choose it', async () => {
    const el = await quantities();
    item(el, 'weight').querySelector('input')!.focus();
    await typeKeys('64');
    await sendKeys({ press: 'Tab' });
    expect(shadow(el).activeElement).to.equal(unitSelect(el));
    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ press: 'ArrowDown' });
    await el.updateComplete;
    expect(el.answers['weight']).to.deep.equal({ value: 64, unit: '[lb_av]' });
  });

  it('has no axe violation with the unit missing', async () => {
    const el = await quantities();
    await typeInto(el, 'weight', '70');
    await expect(el).to.be.accessible();
  });
});

describe('<pp-questionnaire> item controls: drop-down, searchable list, slider, spinner, side by side', () => {
  const controls = () =>
    form(
      'list',
      instrument({
        id: 'controls',
        items: [
          choice('country', ['Denmark', 'Norway', 'Sweden'], { control: 'drop-down' }),
          choice('drug', ['Ibuprofen', 'Naproxen', 'Paracetamol', 'Codeine'], { control: 'autocomplete' }),
          question('sleep', 'decimal', { control: 'slider', min: 0, max: 12, step: 0.5, unit: en('hours') }),
          question('walks', 'integer', { control: 'spinner', min: 0, max: 2 }),
          choice('mood', [{ value: 'low', prefix: en('a)') }, 'ok', 'good'], { orientation: 'horizontal' }),
          question('city', 'text', { singleLine: true }),
        ],
      }),
    );
  const select = (el: PpQuestionnaire) => item(el, 'country').querySelector('select')!;
  beforeEach(deleteAllDatabases);

  it('offers a drop-down list with no answer chosen for the person, labelled by the question, and chosen by keyboard', async () => {
    const el = await controls();
    expect([...select(el).options].map((o) => o.textContent)).to.deep.equal(['Choose an answer', 'Denmark', 'Norway', 'Sweden']);
    expect(select(el).labels[0]!.textContent!.trim()).to.equal('country (optional)');
    select(el).focus();
    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ press: 'ArrowDown' });
    await el.updateComplete;
    expect(el.answers['country']).to.equal('Norway');
  });

  it('narrows a long list to the answers holding what is typed, keeps the chosen one, and says how many are left', async () => {
    const el = await controls();
    const shown = () => [...item(el, 'drug').querySelectorAll<HTMLElement>('.answer')].filter((label) => !label.hidden).map((label) => label.textContent!.trim());
    inputs(el, 'drug').find((input) => input.type === 'radio')!.click();
    await el.updateComplete;
    const search = item(el, 'drug').querySelector<HTMLInputElement>('input[type=search]')!;
    expect(search.labels![0]!.textContent).to.equal('Search the answers');
    search.focus();
    await typeKeys('PARA');
    await el.updateComplete;
    expect(shown()).to.deep.equal(['Ibuprofen', 'Paracetamol']);
    expect(shadow(el).querySelector('p.visually-hidden[role=status]')!.textContent).to.equal('Answers shown: 2');
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'ArrowDown' });
    await el.updateComplete;
    expect(el.answers['drug']).to.equal('Paracetamol');
  });

  it('chooses a number on a slider by its steps, reading out the value with its unit', async () => {
    const el = await controls();
    const track = item(el, 'sleep').querySelector<HTMLElement>('[role=slider]')!;
    expect([track.getAttribute('aria-valuemin'), track.getAttribute('aria-valuemax'), track.getAttribute('aria-valuetext')]).to.deep.equal(['0', '12', 'Not answered yet']);
    track.focus();
    await sendKeys({ press: 'ArrowRight' });
    await sendKeys({ press: 'ArrowRight' });
    await sendKeys({ press: 'ArrowRight' });
    await el.updateComplete;
    expect(el.answers['sleep']).to.equal(1.5);
    expect(item(el, 'sleep').querySelector('[role=slider]')!.getAttribute('aria-valuetext')).to.equal('1.5 hours');
    await sendKeys({ press: 'End' });
    await el.updateComplete;
    expect(el.answers['sleep']).to.equal(12);
    expect(item(el, 'sleep').querySelector('.anchors')!.textContent).to.equal('0 hours12 hours');
  });

  it('steps a number with the spinner buttons, within min and max, keeping focus on the button', async () => {
    const el = await controls();
    const [less, more] = [...item(el, 'walks').querySelectorAll<HTMLButtonElement>('button.step')];
    expect([less!.getAttribute('aria-label'), more!.getAttribute('aria-label')]).to.deep.equal(['Decrease', 'Increase']);
    more!.focus();
    for (let i = 0; i < 4; i++) await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(el.answers['walks']).to.equal(2);
    expect(item(el, 'walks').querySelector('input')!.value).to.equal('2');
    expect(shadow(el).activeElement).to.equal(more);
    less!.click();
    await el.updateComplete;
    expect(el.answers['walks']).to.equal(1);
  });

  it('asks for a short answer on one line', async () => {
    const el = await controls();
    const field = item(el, 'city').querySelector<HTMLInputElement>('[part=input]')!;
    expect([field.tagName, field.type]).to.deep.equal(['INPUT', 'text']);
    await typeInto(el, 'city', 'Bergen');
    expect(el.answers['city']).to.equal('Bergen');
  });

  it('sets answers side by side when asked, one under another on a narrow screen', async () => {
    const el = await controls();
    const answers = item(el, 'mood').querySelector<HTMLElement>('.answers')!;
    expect(answers.classList.contains('horizontal')).to.equal(true);
    expect(answers.querySelector('.answer')!.textContent!.trim()).to.equal('a) low');
    const tops = () => [...answers.querySelectorAll('.answer')].map((a) => Math.round(a.getBoundingClientRect().top));
    expect(new Set(tops()).size).to.equal(1);
    el.style.inlineSize = '200px';
    await el.updateComplete;
    expect(new Set(tops()).size).to.equal(3);
  });

  for (const lang of ['en', 'ar']) {
    it(`has no axe violation with every control, answered and narrowed (${lang})`, async () => {
      const el = await controls();
      el.lang = lang;
      await el.updateComplete;
      const search = item(el, 'drug').querySelector<HTMLInputElement>('input[type=search]')!;
      search.value = 'pro';
      search.dispatchEvent(new Event('input'));
      await expect(el).to.be.accessible();
    });
  }
});

describe('<pp-questionnaire> formatted texts', () => {
  const formatted = (format: string, text: string) => ({ formattedText: { format, text: { en: text } } });
  const formattedForm = () => {
    const json = instrument({
        id: 'formatted',
        items: [
          { id: 'intro', type: 'display', text: { en: 'Intro', de: 'Einleitung' }, ...formatted('markdown', 'Please read **carefully**. [Help](https://example.org/help)') },
          question('pain', 'integer', { text: { en: 'Pain today?', de: 'Schmerz heute?' }, ...formatted('xhtml', '<b>Pain</b> today?<p>x</p><a href="https://x.org">link</a><img src="x" onerror="window.pwned=1">') }),
          { id: 'hostile', type: 'display', text: { en: 'H', de: 'H' }, ...formatted('xhtml', '<p onclick="window.pwned=1">Safe <a href="javascript:window.pwned=1">not a link</a></p><script>window.pwned=1</script><style>*{display:none}</style>') },
        ],
      });
    // Own wording, so that its draft German is shown.
    const meta = { ...(json['meta'] as object), licence: { kind: 'own-wording', notice: en('Test fixture') } };
    return form('list', { ...json, meta, languages: ['en', 'de'], translations: { ...(json['translations'] as object), de: { status: 'draft', source: 'test' } } });
  };
  beforeEach(deleteAllDatabases);

  it('shows formatted text sanitized: phrasing in a label, paragraphs, lists and safe links between questions', async () => {
    const el = await formattedForm();
    await waitUntil(() => shadow(el).querySelector('.display strong'), 'the formatted text was not shown');
    const intro = item(el, 'intro');
    expect(intro.innerHTML.replace(/<!--[^>]*-->/g, '')).to.contain('<strong>carefully</strong>');
    const link = intro.querySelector('a')!;
    expect([link.getAttribute('href'), link.rel, link.target, link.textContent]).to.deep.equal(['https://example.org/help', 'noopener noreferrer', '_blank', 'Help (opens in a new tab)']);
    const label = item(el, 'pain').querySelector('label')!;
    expect(label.querySelector('b')!.textContent).to.equal('Pain');
    expect(label.querySelectorAll('p, a, img')).to.have.length(0);
    expect(label.textContent).to.contain('Pain today?xlink');
    const hostile = item(el, 'hostile');
    expect(hostile.querySelectorAll('script, style, [onclick], [onerror]')).to.have.length(0);
    expect(hostile.querySelector('a')).to.equal(null);
    expect(hostile.textContent).to.equal('Safe not a link');
    expect((window as { pwned?: number }).pwned).to.equal(undefined);
  });

  it('shows the plain translation in a language the formatted text lacks', async () => {
    const el = await formattedForm();
    el.lang = 'de';
    await waitUntil(() => item(el, 'intro').textContent!.trim() === 'Einleitung', 'the German text was not shown');
    expect(item(el, 'pain').querySelector('label')!.textContent).to.contain('Schmerz heute?');
  });

  it('has no axe violation with formatted texts', async () => {
    const el = await formattedForm();
    await waitUntil(() => shadow(el).querySelector('.display strong'));
    await expect(el).to.be.accessible();
  });
});

describe('<pp-questionnaire> attachments', () => {
  const attachments = () =>
    form(
      'list',
      instrument({
        id: 'attachments',
        items: [
          question('photo', 'attachment', { mimeTypes: ['image/png', 'image/jpeg'], maxSize: 1000 }),
          question('letter', 'attachment', { required: true }),
        ],
      }),
    );
  const picker = (el: PpQuestionnaire, id: string) => item(el, id).querySelector<HTMLInputElement>('input[type=file]')!;
  async function choose(el: PpQuestionnaire, id: string, file: File): Promise<void> {
    const transfer = new DataTransfer();
    transfer.items.add(file);
    picker(el, id).files = transfer.files;
    const changed = nextEvent(el, 'pp-change');
    picker(el, id).dispatchEvent(new Event('change', { bubbles: true }));
    await changed;
    await el.updateComplete;
  }
  beforeEach(deleteAllDatabases);

  it('takes a file as the FHIR Attachment, with its bytes in base64 and their SHA-1, and names it under the picker', async () => {
    const el = await attachments();
    expect(picker(el, 'photo').accept).to.equal('image/png,image/jpeg');
    await choose(el, 'photo', new File(['hello'], 'knee.png', { type: 'image/png' }));
    expect(el.answers['photo']).to.deep.equal({ contentType: 'image/png', title: 'knee.png', size: 5, data: 'aGVsbG8=', hash: 'qvTGHdzF6KLavt4PO0gs2a6pQ00=' });
    const chosen = item(el, 'photo').querySelector('.chosen-file')!;
    expect(chosen.textContent).to.contain('Chosen: knee.png (5 bytes)');
    expect(picker(el, 'photo').getAttribute('aria-describedby')).to.equal(chosen.id);
    const submitted = nextEvent<QuestionnaireResult>(el, 'pp-submit');
    await choose(el, 'letter', new File(['%PDF'], 'letter.pdf', { type: 'application/pdf' }));
    button(el, 'Submit answers').click();
    const answers = Object.fromEntries((await submitted).detail.questionnaireResponse.item.map((i) => [i.linkId, i.answer]));
    expect(answers['photo']).to.deep.equal([{ valueAttachment: { contentType: 'image/png', data: 'aGVsbG8=', title: 'knee.png', size: 5, hash: 'qvTGHdzF6KLavt4PO0gs2a6pQ00=' } }]);
  });

  it('refuses a file too large or of another type, saying which, and removes a file by keyboard', async () => {
    const el = await attachments();
    await choose(el, 'photo', new File([new Uint8Array(2000)], 'big.png', { type: 'image/png' }));
    expect(item(el, 'photo').querySelector('[part=error]')!.textContent).to.equal('Please choose a file of at most 1 kB.');
    expect(el.answers).to.not.have.property('photo');
    await choose(el, 'photo', new File(['x'], 'notes.txt', { type: 'text/plain' }));
    expect(item(el, 'photo').querySelector('[part=error]')!.textContent).to.equal('Please choose a file of this type: image/png or image/jpeg.');
    await choose(el, 'letter', new File(['%PDF'], 'letter.pdf', { type: 'application/pdf' }));
    const remove = item(el, 'letter').querySelector<HTMLButtonElement>('.attachment button')!;
    remove.focus();
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(el.answers).to.not.have.property('letter');
    expect(shadow(el).activeElement).to.equal(picker(el, 'letter'));
  });

  it('shows a file name as text, whatever it holds', async () => {
    const el = await attachments();
    const name = '<img src=x onerror="window.pwned=1">.pdf';
    await choose(el, 'letter', new File(['%PDF'], name, { type: 'application/pdf' }));
    expect(item(el, 'letter').querySelector('.chosen-file')!.textContent).to.contain(name);
    expect(shadow(el).querySelector('img')).to.equal(null);
    expect((window as { pwned?: number }).pwned).to.equal(undefined);
  });

  for (const lang of ['en', 'ar']) {
    it(`has no axe violation with a file chosen and a problem shown (${lang})`, async () => {
      const el = await attachments();
      el.lang = lang;
      await choose(el, 'letter', new File(['%PDF'], 'letter.pdf', { type: 'application/pdf' }));
      await choose(el, 'photo', new File(['x'], 'notes.txt', { type: 'text/plain' }));
      await expect(el).to.be.accessible();
    });
  }
});

describe('<pp-questionnaire> questions that take several answers', () => {
  const severalJson = () =>
    instrument({
      id: 'several',
      items: [
        question('names', 'text', { repeats: true, maxOccurs: 3, required: true }),
        question('doses', 'integer', { repeats: true, minOccurs: 2, min: 1, max: 10 }),
        question('days', 'date', { repeats: true }),
      ],
    });
  const several = () => form('list', severalJson());
  const fields = (el: PpQuestionnaire, id: string) => [...item(el, id).querySelectorAll<HTMLInputElement>('.entry input')];
  const addButton = (el: PpQuestionnaire, id: string) => item(el, id).querySelector<HTMLButtonElement>('.add-entry');
  const type = async (el: PpQuestionnaire, field: HTMLInputElement, text: string) => {
    field.focus();
    field.select();
    await typeKeys(text);
    await sendKeys({ press: 'Tab' });
    await el.updateComplete;
  };
  beforeEach(deleteAllDatabases);

  it('adds a field per answer by keyboard, names each with the question and its number, and moves focus to it', async () => {
    const el = await several();
    expect(fields(el, 'names')).to.have.length(1);
    expect(item(el, 'names').tagName).to.equal('FIELDSET');
    await type(el, fields(el, 'names')[0]!, 'Ibuprofen');
    expect(shadow(el).activeElement).to.equal(addButton(el, 'names'));
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    await waitUntil(() => shadow(el).activeElement === fields(el, 'names')[1], 'focus did not move to the new field');
    await typeKeys('Paracetamol');
    await sendKeys({ press: 'Tab' });
    await el.updateComplete;
    expect(el.answers['names']).to.deep.equal(['Ibuprofen', 'Paracetamol']);
    const nameOf = (input: HTMLInputElement) => input.getAttribute('aria-labelledby')!.split(' ').map((id) => shadow(el).getElementById(id)!.textContent!.trim()).join(' ');
    expect(fields(el, 'names').map(nameOf)).to.deep.equal(['names 1', 'names 2']);
    const removes = [...item(el, 'names').querySelectorAll('.entry button')].map((b) => b.getAttribute('aria-label'));
    expect(removes).to.deep.equal(['Remove answer 1', 'Remove answer 2']);
  });

  it('stops adding fields at maxOccurs and removes one with its answer, focus going to the field before', async () => {
    const el = await several();
    for (const [i, name] of ['A', 'B', 'C'].entries()) {
      if (i > 0) addButton(el, 'names')!.click();
      await el.updateComplete;
      await type(el, fields(el, 'names')[i]!, name);
    }
    expect(addButton(el, 'names')).to.equal(null);
    item(el, 'names').querySelectorAll<HTMLButtonElement>('.entry button')[1]!.click();
    await el.updateComplete;
    await waitUntil(() => shadow(el).activeElement === fields(el, 'names')[0], 'focus did not move to the field before');
    expect(el.answers['names']).to.deep.equal(['A', 'C']);
    expect(fields(el, 'names').map((f) => f.value)).to.deep.equal(['A', 'C']);
    expect(addButton(el, 'names')).to.not.equal(null);
  });

  it('keeps an entry that is not yet an answer in its field, says what is wrong, and asks for minOccurs answers', async () => {
    const el = await several();
    await type(el, fields(el, 'doses')[0]!, '4');
    expect(item(el, 'doses').querySelector('[part=error]')!.textContent).to.equal('Please give at least 2 answers.');
    expect(el.answers).to.not.have.property('doses');
    addButton(el, 'doses')!.click();
    await el.updateComplete;
    await type(el, fields(el, 'doses')[1]!, 'two');
    expect(fields(el, 'doses').map((f) => f.value)).to.deep.equal(['4', 'two']);
    expect(item(el, 'doses').querySelector('[part=error]')!.textContent).to.equal('Please enter a whole number, using digits.');
    await type(el, fields(el, 'doses')[1]!, '12');
    expect(item(el, 'doses').querySelector('[part=error]')!.textContent).to.equal('Please give a value from 1 to 10.');
    await type(el, fields(el, 'doses')[1]!, '2');
    expect(el.answers['doses']).to.deep.equal([4, 2]);
    expect(item(el, 'doses').querySelector('[part=error]')).to.equal(null);
  });

  it('shows the answers of a saved draft, one per field', async () => {
    const draftKey = `several-${Math.random()}`;
    const first = await fixture<PpQuestionnaire>(html`<pp-questionnaire .instrument=${severalJson()} layout="list" draft-key=${draftKey}></pp-questionnaire>`);
    await waitUntil(() => shadow(first).querySelector('form'));
    await type(first, fields(first, 'doses')[0]!, '1,5');
    addButton(first, 'doses')!.click();
    await first.updateComplete;
    await type(first, fields(first, 'doses')[1]!, '3');
    expect(first.answers['doses']).to.equal(undefined);
    await type(first, fields(first, 'doses')[0]!, '5');
    await first.draftSaved();
    first.remove();
    const again = await fixture<PpQuestionnaire>(html`<pp-questionnaire .instrument=${severalJson()} layout="list" draft-key=${draftKey}></pp-questionnaire>`);
    await waitUntil(() => shadow(again).querySelector('form'));
    expect(fields(again, 'doses').map((f) => f.value)).to.deep.equal(['5', '3']);
  });

  it('writes one FHIR answer per value, and drops blank fields', async () => {
    const el = await several();
    await type(el, fields(el, 'names')[0]!, 'A');
    addButton(el, 'names')!.click();
    await el.updateComplete;
    const days = fields(el, 'days')[0]!;
    days.value = '2026-01-02';
    days.dispatchEvent(new Event('change', { bubbles: true }));
    await el.updateComplete;
    expect(el.answers).to.deep.equal({ names: ['A'], days: ['2026-01-02'] });
    const submitted = nextEvent<QuestionnaireResult>(el, 'pp-submit');
    button(el, 'Submit answers').click();
    const answers = Object.fromEntries((await submitted).detail.questionnaireResponse.item.map((i) => [i.linkId, i.answer]));
    expect(answers['names']).to.deep.equal([{ valueString: 'A' }]);
    expect(answers['days']).to.deep.equal([{ valueDate: '2026-01-02' }]);
  });

  for (const lang of ['en', 'ar']) {
    it(`has no axe violation with several fields and a problem shown (${lang})`, async () => {
      const el = await several();
      el.lang = lang;
      addButton(el, 'names')!.click();
      await el.updateComplete;
      await type(el, fields(el, 'doses')[0]!, '4');
      await expect(el).to.be.accessible();
    });
  }
});

describe('<pp-questionnaire> repeating groups and questions under questions', () => {
  const S = PATH_SEPARATOR;
  const instrumentJson = () =>
    instrument({
      id: 'repeats',
      items: [
        {
          id: 'medicine',
          type: 'group',
          repeats: true,
          maxOccurs: 3,
          text: en('Each medicine you take'),
          items: [question('name', 'text', { required: true }), choice('helps', ['yes', 'no'], { items: [question('how-much', 'integer')] })],
        },
      ],
    });
  const repeats = (el: PpQuestionnaire) => [...shadow(el).querySelectorAll<HTMLElement>('[part=repeat]')];
  const addButton = (el: PpQuestionnaire) => shadow(el).querySelector<HTMLButtonElement>('.add-repeat');

  it('names each repeat by the group and its number, with a Remove button named after it while there are several', async () => {
    const el = await form('list', instrumentJson());
    expect(repeats(el)[0]!.querySelector('button')).to.equal(null);
    addButton(el)!.click();
    await waitUntil(() => repeats(el).length === 2);
    const [first] = repeats(el);
    expect(first!.getAttribute('role')).to.equal('group');
    expect(first!.getAttribute('aria-label')).to.equal('Each medicine you take 1');
    const remove = first!.querySelector('button')!;
    expect(remove.textContent!.trim()).to.equal('Remove');
    expect(remove.getAttribute('aria-label')).to.equal('Remove Each medicine you take 1');
    expect(addButton(el)!.textContent!.trim()).to.equal('Add another');
  });

  it('adds a repeat from the keyboard, moving focus into it, up to the most allowed', async () => {
    const el = await form('list', instrumentJson());
    const changes: ChangeDetail[] = [];
    el.addEventListener('pp-change', (e) => changes.push((e as CustomEvent<ChangeDetail>).detail));
    addButton(el)!.focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => repeats(el).length === 2, 'no second repeat');
    await waitUntil(() => shadow(el).activeElement === item(el, `medicine${S}1${S}name`).querySelector('textarea'), 'focus did not move into the new repeat');
    await typeKeys('Ibuprofen');
    await sendKeys({ press: 'Tab' });
    await el.updateComplete;
    expect(el.answers).to.deep.equal({ medicine: [{}, { name: 'Ibuprofen' }] });
    expect(changes[0]).to.deep.include({ itemId: 'medicine', value: undefined });
    addButton(el)!.click();
    await waitUntil(() => repeats(el).length === 3);
    expect(addButton(el)).to.equal(null);
  });

  it('removes a repeat with its answers and moves focus to Add another', async () => {
    const el = await form('list', instrumentJson());
    addButton(el)!.click();
    await waitUntil(() => repeats(el).length === 2);
    for (const [i, name] of ['Paracetamol', 'Ibuprofen'].entries()) {
      const field = item(el, `medicine${S}${i}${S}name`).querySelector('textarea')!;
      field.value = name;
      field.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
    }
    await el.updateComplete;
    repeats(el)[0]!.querySelector('button')!.click();
    await waitUntil(() => repeats(el).length === 1);
    expect(el.answers).to.deep.equal({ medicine: [{ name: 'Ibuprofen' }] });
    await waitUntil(() => shadow(el).activeElement === addButton(el), 'focus did not move to Add another');
  });

  it('shows the question under a question once it is answered, and writes it into its answer', async () => {
    const el = await form('list', instrumentJson());
    expect(item(el, `medicine${S}0${S}how-much`)).to.equal(null);
    inputs(el, `medicine${S}0${S}helps`)[0]!.click();
    await el.updateComplete;
    expect(item(el, `medicine${S}0${S}how-much`).closest('.nested')).to.not.equal(null);
    const name = item(el, `medicine${S}0${S}name`).querySelector('textarea')!;
    name.value = 'Paracetamol';
    name.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
    const submitted = nextEvent<QuestionnaireResult>(el, 'pp-submit');
    button(el, 'Submit answers').click();
    const [group] = (await submitted).detail.questionnaireResponse.item;
    expect(group!.item!.map((i) => i.linkId)).to.deep.equal(['name', 'helps']);
    expect(group!.item![1]!.answer![0]!.item).to.equal(undefined);
  });

  it('asks for one answer in a required group, shows why at the group, and focuses its first control', async () => {
    const json = instrument({ id: 'required-group', items: [{ id: 'how', type: 'group', required: true, text: en('How do you get about?'), items: [question('walk', 'boolean'), question('cycle', 'boolean')] }] });
    const el = await form('list', json);
    button(el, 'Submit answers').click();
    await waitUntil(() => item(el, 'how').querySelector(':scope > [part=error]'), 'no problem shown at the group');
    const error = item(el, 'how').querySelector(':scope > [part=error]')!;
    expect(error.textContent).to.equal('Please answer at least one of these questions.');
    expect(item(el, 'how').getAttribute('aria-describedby')).to.equal(error.id);
    await waitUntil(() => shadow(el).activeElement === inputs(el, 'walk')[0], 'focus is not on the first control of the group');
    inputs(el, 'cycle')[1]!.click();
    await el.updateComplete;
    expect(item(el, 'how').querySelector(':scope > [part=error]')).to.equal(null);
  });

  it('restores the repeats of a saved draft', async () => {
    const draftKey = `repeats-${Math.random()}`;
    const first = await fixture<PpQuestionnaire>(html`<pp-questionnaire .instrument=${instrumentJson()} layout="list" draft-key=${draftKey}></pp-questionnaire>`);
    await waitUntil(() => addButton(first));
    addButton(first)!.click();
    await waitUntil(() => repeats(first).length === 2);
    await first.draftSaved();
    first.remove();
    const again = await fixture<PpQuestionnaire>(html`<pp-questionnaire .instrument=${instrumentJson()} layout="list" draft-key=${draftKey}></pp-questionnaire>`);
    await waitUntil(() => repeats(again).length === 2, 'the second repeat was not restored');
  });

  for (const lang of ['en', 'ar']) {
    it(`has no axe violation with two repeats, a nested question and problems shown (${lang})`, async () => {
      const el = await form('list', instrumentJson());
      el.lang = lang;
      addButton(el)!.click();
      await waitUntil(() => repeats(el).length === 2);
      inputs(el, `medicine${S}1${S}helps`)[1]!.click();
      await el.updateComplete;
      await expect(el).to.be.accessible();
      shadow(el).querySelector<HTMLButtonElement>('button[type=submit]')!.click();
      await waitUntil(() => shadow(el).querySelectorAll('[part=error]').length === 2, 'the two missing names were not shown');
      await expect(el).to.be.accessible();
    });
  }
});

describe('<pp-questionnaire> choices with an answer of one’s own', () => {
  const instrumentJson = () =>
    instrument({
      id: 'open-choices',
      items: [
        choice('where', ['home', 'work'], { other: true }),
        { ...choice('which', ['rest', 'heat', { value: 'nothing', exclusive: true }], { other: true }), type: 'multi-choice' },
      ],
    });
  const ownField = (el: PpQuestionnaire, id: string) => item(el, id).querySelector<HTMLInputElement>('.other-answer input')!;
  async function write(el: PpQuestionnaire, id: string, text: string): Promise<void> {
    ownField(el, id).focus();
    ownField(el, id).select();
    await typeKeys(text);
    await sendKeys({ press: 'Tab' });
    await el.updateComplete;
  }

  it('takes a written answer in place of an option, and an option in place of it', async () => {
    const el = await form('list', instrumentJson());
    expect(item(el, 'where').querySelector('.other-answer label')!.textContent).to.equal('Other answer');
    await write(el, 'where', 'Garden');
    expect(el.answers['where']).to.equal('Garden');
    expect(inputs(el, 'where').filter((i) => i.type === 'radio' && i.checked)).to.have.length(0);
    inputs(el, 'where')[0]!.click();
    await el.updateComplete;
    expect(el.answers['where']).to.equal('home');
    expect(ownField(el, 'where').value).to.equal('');
  });

  it('adds a written answer to the options chosen, and an exclusive option clears it', async () => {
    const el = await form('list', instrumentJson());
    inputs(el, 'which')[0]!.click();
    await el.updateComplete;
    await write(el, 'which', 'Massage');
    expect(el.answers['which']).to.deep.equal(['rest', 'Massage']);
    inputs(el, 'which')[2]!.click();
    await el.updateComplete;
    expect(el.answers['which']).to.deep.equal(['nothing']);
    await write(el, 'which', 'Yoga');
    expect(el.answers['which']).to.deep.equal(['Yoga']);
  });

  it('writes a written answer as valueString', async () => {
    const el = await form('list', instrumentJson());
    await write(el, 'where', 'Garden');
    const submitted = nextEvent<QuestionnaireResult>(el, 'pp-submit');
    button(el, 'Submit answers').click();
    const [where] = (await submitted).detail.questionnaireResponse.item;
    expect(where!.answer).to.deep.equal([{ valueString: 'Garden' }]);
  });

  it('has no axe violation (en, ar)', async () => {
    for (const lang of ['en', 'ar']) {
      const el = await form('list', instrumentJson());
      el.lang = lang;
      await write(el, 'which', 'Massage');
      await expect(el).to.be.accessible();
    }
  });
});
