import { html, nothing, type CSSResult, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import { msg } from '@lit/localize';
import type { ValidationCode } from '../../src/engine/questionnaire-engine.js';
import {
  isQuestion,
  isReadOnly,
  walkItems,
  type AnswerOption,
  type AnswerValue,
  type BodyMapItem,
  type ChoiceItem,
  type Instrument,
  type Item,
  type MultiChoiceItem,
  type NumberItem,
  type QuantityItem,
  type QuestionItem,
} from '../../src/model/instrument.js';
import { own } from '../../src/model/own.js';
import type { TextMap } from '../../src/model/text.js';
import type { RatingOrFieldItem } from './rating-and-field-items.js';

/** What item templates need from the element: text in the form's language, state, and handlers. */
export interface ItemContext {
  readonly lang: string;
  readonly text: (map: TextMap) => string;
  readonly value: (id: string) => AnswerValue | undefined;
  /** A problem to show on the item, once the person has tried to move on or left the field. */
  readonly problem: (id: string) => ValidationCode | undefined;
  /** The messages of the question's constraints that do not hold, in the form's language. */
  readonly broken: (id: string) => readonly string[];
  /** Text typed into a field that is not (yet) a valid answer, kept so it is not wiped. */
  readonly typed: (id: string) => string | undefined;
  /** `report: false` saves a value still changing (typing) without a pp-change for it yet. */
  readonly answer: (item: QuestionItem, value: AnswerValue | undefined, report?: boolean) => void;
  readonly toggle: (item: MultiChoiceItem | BodyMapItem, value: number | string) => void;
  /** Text typed into a number field, with the number read from it (NaN when it is none), and a quantity's unit code. */
  readonly typeNumber: (item: NumberItem | QuantityItem, text: string, value: number, unit?: string) => void;
  /** The texts of the fields of a question that takes several answers, while the person edits them. */
  readonly entries: (id: string) => readonly string[] | undefined;
  /**
   * Sets those texts with the answers read from them (`null`: one cannot be read; `undefined`:
   * the answers are unchanged, as when a blank field is added), then focuses field `focus`.
   */
  readonly editEntries: (item: QuestionItem, texts: readonly string[], values: readonly (number | string)[] | null | undefined, focus?: number) => void;
  /** Tells screen reader users something at once; `message` runs in the form's language. */
  readonly announce: (message: () => string) => void;
}

const errorId = (id: string) => `error-${id}`;
export const labelId = (id: string) => `label-${id}`;
export const controlId = (id: string) => `control-${id}`;

/** The sentence shown (and read out) for a problem with an item; `broken`, the messages of its constraints that do not hold. */
export function problemMessage(item: QuestionItem, code: ValidationCode, lang: string, broken: readonly string[] = []): string {
  if (code === 'constraint') return broken.join(' ');
  if (code !== 'required') return partOf(fieldPart, item).fieldProblemMessage(item, code, lang);
  return item.type === 'choice' || item.type === 'nrs' || item.type === 'boolean'
    ? msg('Please choose an answer.')
    : item.type === 'multi-choice' || item.type === 'body-map'
      ? msg('Please choose at least one answer.')
      : msg('Please answer this question.');
}

const helpId = (id: string, index: number) => `help-${id}-${index}`;

/**
 * A control's aria-invalid: "true" only while the item's problem is shown. Never left out: a
 * required control nobody has answered yet is natively invalid, and browsers then announce
 * "invalid entry" on every answer of an untouched form.
 */
export const ariaInvalid = (item: QuestionItem, context: ItemContext): 'true' | 'false' => (context.problem(item.id) ? 'true' : 'false');

/** Accessible wiring shared by every control of an item: its problem, its help and `extra`. */
export function describedBy(item: QuestionItem, context: ItemContext, extra?: string): string | typeof nothing {
  const ids = [context.problem(item.id) ? errorId(item.id) : undefined, ...(item.help?.map((_, i) => helpId(item.id, i)) ?? []), extra].filter(Boolean);
  return ids.length ? ids.join(' ') : nothing;
}

/** The texts shown under a question's text. */
export const helpText = (item: QuestionItem, context: ItemContext): unknown =>
  item.help?.map((text, i) => html`<p part="help" class="help" id=${helpId(item.id, i)}>${context.text(text)}</p>`) ?? nothing;

/** An item's text after its prefix ("1. How often …"). */
export const prefixed = (item: Item, text: (map: TextMap) => string, map: TextMap): string => (item.prefix ? `${text(item.prefix)} ${text(map)}` : text(map));

export function errorText(item: QuestionItem, context: ItemContext): TemplateResult | typeof nothing {
  const code = context.problem(item.id);
  return code ? html`<p part="error" class="error" id=${errorId(item.id)}>${problemMessage(item, code, context.lang, context.broken(item.id))}</p>` : nothing;
}

export function legendText(item: QuestionItem, context: ItemContext): TemplateResult {
  // The space is inside the span's one text node: Chromium leaves a whitespace-only node out of
  // the accessible name, and screen readers then read "sore.(optional)" as one word.
  return html`${itemText(item, context.text, context.lang, item.text, true)}${item.required ? nothing : html`<span class="optional">${` ${msg('(optional)')}`}</span>`}`;
}

/** A question answered with a group of inputs: a fieldset named by its legend. */
export function fieldsetItem(item: QuestionItem, context: ItemContext, body: TemplateResult, className = ''): TemplateResult {
  return html`<fieldset part="item" class="item ${className}" data-item=${item.id} ?data-invalid=${!!context.problem(item.id)}>
    <legend part="label" class="label" id=${labelId(item.id)}>${legendText(item, context)}</legend>
    ${helpText(item, context)} ${body} ${errorText(item, context)}
  </fieldset>`;
}

/**
 * One answer of an item: its radio button or checkbox, wired to the item's error message, with its
 * text, in one label. One template, and no listener of its own: on a long form every binding and
 * listener per answer is memory kept for thousands of answers; the list hears its answers'
 * changes (onAnswerChange). `after` follows the text in the label; `textHidden` hides the text
 * from screen readers when `after` says it better.
 */
export function answerLabel(
  item: QuestionItem,
  context: ItemContext,
  type: 'radio' | 'checkbox',
  checked: boolean,
  text: string,
  { className = 'choice answer', after = nothing as unknown, textHidden = false } = {},
): TemplateResult {
  const radio = type === 'radio';
  return html`<label part="answer" class=${className}><input
    type=${type}
    name=${radio ? item.id : nothing}
    .checked=${live(checked)}
    ?required=${radio && item.required}
    aria-invalid=${ariaInvalid(item, context)}
    aria-describedby=${describedBy(item, context)}
  /> <span aria-hidden=${textHidden ? 'true' : nothing}>${text}</span>${after}</label>`;
}

/**
 * answerLabel for the answers of a single choice, by far the most common: with no class, type or
 * hidden text to bind, each of a long form's thousands of answers keeps less in memory.
 */
const choiceAnswer = (item: ChoiceItem, context: ItemContext, checked: boolean, text: string): TemplateResult =>
  html`<label part="answer" class="choice answer"><input
    type="radio"
    name=${item.id}
    .checked=${live(checked)}
    ?required=${item.required}
    aria-invalid=${ariaInvalid(item, context)}
    aria-describedby=${describedBy(item, context)}
  /> <span>${text}</span></label>`;

/**
 * The change listener of a list of answers (answerLabel): `pick` gets the index of the changed
 * answer among the list's, in the order they were rendered. Changes of other fields in the list
 * (an answer of one's own) are left to their own listeners.
 */
export const onAnswerChange =
  (pick: (index: number) => void) =>
  (event: Event): void => {
    const inputs = (event.currentTarget as Element).querySelectorAll('label[part~="answer"] > input');
    const index = Array.prototype.indexOf.call(inputs, event.target);
    if (index >= 0) pick(index);
  };

/** An answer's text, after its prefix ("a)", "0") when it has one. */
export const optionText = (option: AnswerOption, context: ItemContext): string =>
  option.prefix ? `${context.text(option.prefix)} ${context.text(option.text)}` : context.text(option.text);

/** The answers of a single choice as radio buttons, with a field for an answer of one's own when it takes one. */
export function choiceAnswers(item: ChoiceItem, context: ItemContext): TemplateResult {
  const selected = context.value(item.id);
  return html`<div class="answers ${item.orientation ?? ''}" @change=${onAnswerChange((index) => context.answer(item, item.answers[index]!.value))}>
    ${item.answers.length || item.other ? nothing : noAnswersYet()}
    ${item.answers.map((option) => choiceAnswer(item, context, selected === option.value, optionText(option, context)))}
    ${item.other ? partOf(fieldPart, item).otherAnswerField(item, context) : nothing}
  </div>`;
}

function choice(item: ChoiceItem, context: ItemContext): TemplateResult {
  if (item.control) return partOf(fieldPart, item).choiceControl(item, context);
  return fieldsetItem(item, context, choiceAnswers(item, context));
}

/** An expression offers no answers (yet): said, rather than an empty list. */
const noAnswersYet = () => html`<p part="help" class="help">${msg('No answers to choose from yet.')}</p>`;

function multiChoice(item: MultiChoiceItem, context: ItemContext): TemplateResult {
  const selected = (context.value(item.id) as readonly (number | string)[] | undefined) ?? [];
  return fieldsetItem(
    item,
    context,
    html`<div class="answers ${item.orientation ?? ''}" @change=${onAnswerChange((index) => context.toggle(item, item.answers[index]!.value))}>
      ${item.answers.length || item.other ? nothing : noAnswersYet()}
      ${item.answers.map((option) =>
        answerLabel(item, context, 'checkbox', selected.includes(option.value), optionText(option, context), { className: option.exclusive ? 'choice answer exclusive' : 'choice answer' }),
      )}
      ${item.other ? partOf(fieldPart, item).otherAnswerField(item, context) : nothing}
    </div>`,
  );
}

const FIELD_TYPES: readonly RatingOrFieldItem['type'][] = ['nrs', 'vas', 'integer', 'decimal', 'quantity', 'attachment', 'text', 'url', 'date', 'date-time', 'time', 'boolean'];
type FieldPart = typeof import('./rating-and-field-items.js');
type BodyMapPart = typeof import('./body-map-item.js');
let fieldPart: FieldPart | undefined;
let bodyMapPart: BodyMapPart | undefined;
let formattedPart: typeof import('./formatted-text.js') | undefined;
let readOnlyPart: typeof import('./read-only-item.js') | undefined;

/** A part loadItemParts has loaded for the item, or an error naming what was not awaited. */
function partOf<T>(part: T | undefined, item: QuestionItem): T {
  if (!part) throw new Error(`"${item.id}" is a ${item.type} item: await loadItemParts(instrument) before rendering it`);
  return part;
}

/** Which of the rarer parts an instrument needs. */
interface PartsNeeded {
  readonly fields: boolean;
  readonly bodyMap: boolean;
  readonly formatted: boolean;
  readonly readOnly: boolean;
}

/** Loads the parts needed; returns the styles to adopt. */
async function loadParts(needed: PartsNeeded): Promise<CSSResult[]> {
  const [fields, bodyMap, formatting, computed] = await Promise.all([
    needed.fields ? import('./rating-and-field-items.js') : undefined,
    needed.bodyMap ? import('./body-map-item.js') : undefined,
    needed.formatted ? import('./formatted-text.js') : undefined,
    needed.readOnly ? import('./read-only-item.js') : undefined,
  ]);
  fieldPart ??= fields;
  bodyMapPart ??= bodyMap;
  formattedPart ??= formatting;
  readOnlyPart ??= computed;
  return [fields?.fieldStyles ?? [], bodyMap?.bodyMapStyles ?? [], computed?.readOnlyStyles ?? []].flat();
}

/**
 * Loads what the instrument's rarer item types need (templates, artwork, styles), so that pages
 * showing other instruments do not download it. Returns the styles to adopt.
 */
export function loadItemParts(instrument: Instrument): Promise<CSSResult[]> {
  const items = [...walkItems(instrument.items)];
  return loadParts({
    // An answer of one's own, a drop-down, a searchable list, a slider and a spinner are drawn by the field part too.
    fields: items.some((item) => (FIELD_TYPES as readonly string[]).includes(item.type) || ('other' in item && item.other) || ('control' in item && item.control)),
    bodyMap: items.some((item) => item.type === 'body-map'),
    formatted: items.some((item) => item.formattedText),
    readOnly: items.some((item) => isQuestion(item) && isReadOnly(item)),
  });
}

/** Loads the parts of every rarer item type. */
export const loadAllItemParts = (): Promise<CSSResult[]> => loadParts({ fields: true, bodyMap: true, formatted: true, readOnly: true });

/**
 * An item's text, after its prefix: formatted (sanitized) where the item has formatted text in the
 * language shown, plain otherwise. `inline` for a question's label, which keeps phrasing only.
 */
export function itemText(item: Item, text: (map: TextMap) => string, lang: string, map: TextMap, inline: boolean): TemplateResult | string {
  const formatted = item.formattedText;
  if (!formatted || !formattedPart || own(formatted.text, lang) === undefined) return prefixed(item, text, map);
  return html`${item.prefix ? `${text(item.prefix)} ` : ''}${formattedPart.formattedText(own(formatted.text, lang)!, formatted.format, inline, msg('opens in a new tab'))}`;
}

export function renderQuestion(item: QuestionItem, context: ItemContext): TemplateResult {
  if (isReadOnly(item)) return partOf(readOnlyPart, item).readOnlyItem(item, context);
  switch (item.type) {
    case 'choice':
      return choice(item, context);
    case 'multi-choice':
      return multiChoice(item, context);
    case 'body-map':
      return partOf(bodyMapPart, item).bodyMap(item, context);
    default:
      return partOf(fieldPart, item).fieldItemTemplate(item satisfies RatingOrFieldItem, context);
  }
}

/** Where focus goes to fix a problem with an item. */
export const focusTargetSelector = (id: string): string => `[data-item="${CSS.escape(id)}"] :is(input, textarea, [role=slider])`;
