import { html, nothing, type CSSResult, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import { msg, str } from '@lit/localize';
import type { ValidationCode } from '../../src/engine/questionnaire-engine.js';
import { formatLocaleNumber } from '../../src/i18n/numbers.js';
import {
  walkItems,
  type AnswerValue,
  type BodyMapItem,
  type ChoiceItem,
  type DateItem,
  type Instrument,
  type MultiChoiceItem,
  type NrsItem,
  type NumberItem,
  type QuestionItem,
  type TextItem,
  type VasItem,
} from '../../src/model/instrument.js';
import type { TextMap } from '../../src/model/text.js';
import { isoToday } from '../../src/model/validate-answer.js';
import { styleProperties } from '../shared/style-properties.js';

/** What item templates need from the element: text in the form's language, state, and handlers. */
export interface ItemContext {
  readonly lang: string;
  readonly text: (map: TextMap) => string;
  readonly value: (id: string) => AnswerValue | undefined;
  /** A problem to show on the item, once the person has tried to move on or left the field. */
  readonly problem: (id: string) => ValidationCode | undefined;
  /** Text typed into a number field that is not (yet) a valid answer, kept so it is not wiped. */
  readonly typed: (id: string) => string | undefined;
  /** `report: false` saves a value still changing (typing) without a pp-change for it yet. */
  readonly answer: (item: QuestionItem, value: AnswerValue | undefined, report?: boolean) => void;
  readonly toggle: (item: MultiChoiceItem | BodyMapItem, value: number | string) => void;
  readonly typeNumber: (item: NumberItem, text: string) => void;
  readonly vasKey: (item: VasItem, event: KeyboardEvent) => void;
  readonly vasPointer: (item: VasItem, event: PointerEvent) => void;
}

const errorId = (id: string) => `error-${id}`;
const labelId = (id: string) => `label-${id}`;
const controlId = (id: string) => `control-${id}`;

const number = (value: number, lang: string) => new Intl.NumberFormat(lang).format(value);

function formatDate(iso: string, lang: string): string {
  const [year, month, day] = (iso === 'today' ? isoToday() : iso).split('-').map(Number);
  return new Intl.DateTimeFormat(lang, { dateStyle: 'long', timeZone: 'UTC' }).format(Date.UTC(year!, month! - 1, day!));
}

function rangeMessage(min: string | undefined, max: string | undefined): string {
  if (min !== undefined && max !== undefined) return msg(str`Please give a value from ${min} to ${max}.`);
  return min !== undefined ? msg(str`Please give a value of at least ${min}.`) : msg(str`Please give a value of at most ${max}.`);
}

/** The sentence shown (and read out) for a problem with an item. */
export function problemMessage(item: QuestionItem, code: ValidationCode, lang: string): string {
  switch (code) {
    case 'required':
      return item.type === 'choice' || item.type === 'nrs'
        ? msg('Please choose an answer.')
        : item.type === 'multi-choice' || item.type === 'body-map'
          ? msg('Please choose at least one answer.')
          : msg('Please answer this question.');
    case 'range':
      if (item.type === 'date') return rangeMessage(item.min && formatDate(item.min, lang), item.max && formatDate(item.max, lang));
      if (item.type === 'integer' || item.type === 'decimal') {
        return rangeMessage(item.min === undefined ? undefined : number(item.min, lang), item.max === undefined ? undefined : number(item.max, lang));
      }
      return msg('Please give a value in the allowed range.');
    case 'format':
      if (item.type === 'integer') return msg('Please enter a whole number, using digits.');
      if (item.type === 'date') return msg('Please enter a real date.');
      return msg('Please enter a number, using digits.');
    case 'too-long': {
      const limit = number(item.type === 'text' ? (item.maxLength ?? 0) : 0, lang);
      return msg(str`Please use at most ${limit} characters.`);
    }
  }
}

/** Accessible wiring shared by every control of an item. */
function describedBy(item: QuestionItem, context: ItemContext, extra?: string): string | typeof nothing {
  const ids = [context.problem(item.id) ? errorId(item.id) : undefined, extra].filter(Boolean);
  return ids.length ? ids.join(' ') : nothing;
}

function errorText(item: QuestionItem, context: ItemContext): TemplateResult | typeof nothing {
  const code = context.problem(item.id);
  return code ? html`<p part="error" class="error" id=${errorId(item.id)}>${problemMessage(item, code, context.lang)}</p>` : nothing;
}

function legendText(item: QuestionItem, context: ItemContext): TemplateResult {
  return html`${context.text(item.text)}${item.required ? nothing : html` <span class="optional">${msg('(optional)')}</span>`}`;
}

/** A question answered with a group of inputs: a fieldset named by its legend. */
export function fieldsetItem(item: QuestionItem, context: ItemContext, body: TemplateResult, className = ''): TemplateResult {
  return html`<fieldset part="item" class="item ${className}" data-item=${item.id} ?data-invalid=${!!context.problem(item.id)}>
    <legend part="label" class="label" id=${labelId(item.id)}>${legendText(item, context)}</legend>
    ${body} ${errorText(item, context)}
  </fieldset>`;
}

/** A question answered with one control: a labelled field. */
function fieldItem(item: QuestionItem, context: ItemContext, control: TemplateResult, className = ''): TemplateResult {
  return html`<div part="item" class="item ${className}" data-item=${item.id} ?data-invalid=${!!context.problem(item.id)}>
    <label part="label" class="label" id=${labelId(item.id)} for=${controlId(item.id)}>${legendText(item, context)}</label>
    ${control} ${errorText(item, context)}
  </div>`;
}

/** One radio button or checkbox of an item, wired to the item's error message. */
export function optionInput(item: QuestionItem, context: ItemContext, type: 'radio' | 'checkbox', checked: boolean, onChange: () => void): TemplateResult {
  const radio = type === 'radio';
  return html`<input
    type=${type}
    name=${radio ? item.id : nothing}
    .checked=${live(checked)}
    ?required=${radio && item.required}
    aria-invalid=${context.problem(item.id) ? 'true' : nothing}
    aria-describedby=${describedBy(item, context)}
    @change=${onChange}
  />`;
}

function choice(item: ChoiceItem, context: ItemContext): TemplateResult {
  const selected = context.value(item.id);
  return fieldsetItem(
    item,
    context,
    html`<div class="answers">
      ${item.answers.map(
        (option) => html`<label part="answer" class="choice answer">
          ${optionInput(item, context, 'radio', selected === option.value, () => context.answer(item, option.value))}
          <span>${context.text(option.text)}</span>
        </label>`,
      )}
    </div>`,
  );
}

function multiChoice(item: MultiChoiceItem, context: ItemContext): TemplateResult {
  const selected = (context.value(item.id) as readonly (number | string)[] | undefined) ?? [];
  return fieldsetItem(
    item,
    context,
    html`<div class="answers">
      ${item.answers.map(
        (option) => html`<label part="answer" class="choice answer ${option.exclusive ? 'exclusive' : ''}">
          ${optionInput(item, context, 'checkbox', selected.includes(option.value), () => context.toggle(item, option.value))}
          <span>${context.text(option.text)}</span>
        </label>`,
      )}
    </div>`,
  );
}

function nrs(item: NrsItem, context: ItemContext): TemplateResult {
  const selected = context.value(item.id);
  const anchorsId = `anchors-${item.id}`;
  const low = context.text(item.anchors.min);
  const high = context.text(item.anchors.max);
  return fieldsetItem(
    item,
    context,
    html`<div class="nrs">
      <div class="nrs-options" role="presentation">
        ${Array.from({ length: 11 }, (_, value) => {
          const anchor = value === 0 ? low : value === 10 ? high : undefined;
          return html`<label part="answer" class="nrs-option">
            ${optionInput(item, context, 'radio', selected === value, () => context.answer(item, value))}
            <span aria-hidden=${anchor ? 'true' : nothing}>${number(value, context.lang)}</span>
            ${anchor ? html`<span class="visually-hidden">${number(value, context.lang)}: ${anchor}</span>` : nothing}
          </label>`;
        })}
      </div>
      <div class="anchors" id=${anchorsId} aria-hidden="true">
        <span>${number(0, context.lang)} = ${low}</span><span>${number(10, context.lang)} = ${high}</span>
      </div>
    </div>`,
    'nrs-item',
  );
}

function vas(item: VasItem, context: ItemContext): TemplateResult {
  const value = context.value(item.id) as number | undefined;
  const low = context.text(item.anchors.min);
  const high = context.text(item.anchors.max);
  const anchorsId = `anchors-${item.id}`;
  const valueText = value === undefined ? msg('Not answered yet') : number(value, context.lang);
  return html`<div part="item" class="item vas-item" data-item=${item.id} ?data-invalid=${!!context.problem(item.id)}>
    <p part="label" class="label" id=${labelId(item.id)}>${legendText(item, context)}</p>
    <div class="vas">
      <div
        class="vas-track"
        part="slider"
        role="slider"
        tabindex="0"
        id=${controlId(item.id)}
        aria-labelledby=${labelId(item.id)}
        aria-describedby=${describedBy(item, context, anchorsId)}
        aria-valuemin="0"
        aria-valuemax="100"
        aria-valuenow=${value ?? 0}
        aria-valuetext=${valueText}
        aria-invalid=${context.problem(item.id) ? 'true' : nothing}
        aria-required=${item.required ? 'true' : nothing}
        @keydown=${(event: KeyboardEvent) => context.vasKey(item, event)}
        @pointerdown=${(event: PointerEvent) => context.vasPointer(item, event)}
        @pointermove=${(event: PointerEvent) => event.buttons && context.vasPointer(item, event)}
        @pointerup=${(event: PointerEvent) => context.vasPointer(item, event)}
      >
        ${value === undefined ? nothing : html`<span class="vas-thumb" ${styleProperties({ 'inset-inline-start': `${value}%` })}></span>`}
      </div>
      <div class="anchors" id=${anchorsId}>
        <span>${number(0, context.lang)} = ${low}</span><span>${number(100, context.lang)} = ${high}</span>
      </div>
      <p class="vas-value" aria-hidden="true">
        ${value === undefined ? msg('Touch or click the line to answer.') : msg(str`Your answer: ${valueText}`)}
      </p>
    </div>
    ${errorText(item, context)}
  </div>`;
}

function numberField(item: NumberItem, context: ItemContext): TemplateResult {
  const value = context.value(item.id);
  const shown = context.typed(item.id) ?? (typeof value === 'number' ? formatLocaleNumber(value, context.lang) : '');
  const unitId = `unit-${item.id}`;
  return fieldItem(
    item,
    context,
    html`<div class="number-field">
      <input
        part="input"
        id=${controlId(item.id)}
        type="text"
        inputmode=${item.type === 'integer' ? 'numeric' : 'decimal'}
        autocomplete="off"
        .value=${live(shown)}
        ?required=${item.required}
        aria-invalid=${context.problem(item.id) ? 'true' : nothing}
        aria-describedby=${describedBy(item, context, item.unit ? unitId : undefined)}
        @change=${(event: Event) => context.typeNumber(item, (event.target as HTMLInputElement).value)}
      />
      ${item.unit ? html`<span class="unit" id=${unitId}>${context.text(item.unit)}</span>` : nothing}
    </div>`,
  );
}

function textField(item: TextItem, context: ItemContext): TemplateResult {
  const value = context.value(item.id);
  return fieldItem(
    item,
    context,
    html`<textarea
      part="input"
      id=${controlId(item.id)}
      rows="3"
      maxlength=${item.maxLength ?? nothing}
      .value=${live(typeof value === 'string' ? value : '')}
      ?required=${item.required}
      aria-invalid=${context.problem(item.id) ? 'true' : nothing}
      aria-describedby=${describedBy(item, context)}
      @input=${(event: Event) => context.answer(item, (event.target as HTMLTextAreaElement).value, false)}
      @change=${(event: Event) => context.answer(item, (event.target as HTMLTextAreaElement).value)}
    ></textarea>`,
  );
}

function dateField(item: DateItem, context: ItemContext): TemplateResult {
  const value = context.value(item.id);
  const bound = (b: string | undefined) => (b === 'today' ? isoToday() : (b ?? nothing));
  return fieldItem(
    item,
    context,
    html`<input
      part="input"
      id=${controlId(item.id)}
      type="date"
      min=${bound(item.min)}
      max=${bound(item.max)}
      .value=${live(typeof value === 'string' ? value : '')}
      ?required=${item.required}
      aria-invalid=${context.problem(item.id) ? 'true' : nothing}
      aria-describedby=${describedBy(item, context)}
      @change=${(event: Event) => context.answer(item, (event.target as HTMLInputElement).value || undefined)}
    />`,
  );
}

type BodyMapPart = typeof import('./body-map-item.js');
let bodyMapPart: BodyMapPart | undefined;

/**
 * Loads what the instrument's rarer item types need (the body map's artwork and styles), so that
 * pages showing other instruments do not download it. Returns the styles to adopt.
 */
export async function loadItemParts(instrument: Instrument): Promise<CSSResult[]> {
  if (![...walkItems(instrument.items)].some((item) => item.type === 'body-map')) return [];
  bodyMapPart ??= await import('./body-map-item.js');
  return [bodyMapPart.bodyMapFigureStyles];
}

export function renderQuestion(item: QuestionItem, context: ItemContext): TemplateResult {
  switch (item.type) {
    case 'choice':
      return choice(item, context);
    case 'multi-choice':
      return multiChoice(item, context);
    case 'nrs':
      return nrs(item, context);
    case 'vas':
      return vas(item, context);
    case 'integer':
    case 'decimal':
      return numberField(item, context);
    case 'text':
      return textField(item, context);
    case 'date':
      return dateField(item, context);
    case 'body-map':
      if (!bodyMapPart) throw new Error(`"${item.id}" is a body map: await loadItemParts(instrument) before rendering it`);
      return bodyMapPart.bodyMap(item, context);
  }
}

/** Where focus goes to fix a problem with an item. */
export const focusTargetSelector = (id: string): string => `[data-item="${CSS.escape(id)}"] :is(input, textarea, [role=slider])`;
