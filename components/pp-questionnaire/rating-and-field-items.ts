import { css, html, nothing, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import { msg, str } from '@lit/localize';
import type { ValidationCode } from '../../src/engine/questionnaire-engine.js';
import { directionOf } from '../../src/i18n/locale.js';
import { formatLocaleNumber, formatNumber } from '../../src/i18n/format-number.js';
import { parseLocaleNumber } from '../../src/i18n/numbers.js';
import type { TextMap } from '../../src/model/text.js';
import { answersRepeat, DEFAULT_MAX_ATTACHMENT_SIZE, isAttachmentAnswer, isQuantityAnswer, type AttachmentAnswer, type AttachmentItem, type BodyMapItem, type BooleanItem, type ChoiceItem, type DateItem, type MomentItem, type MultiChoiceItem, type UrlItem, type NrsItem, type NumberItem, type QuantityItem, type QuestionItem, type TextItem, type VasItem } from '../../src/model/instrument.js';
import type { FieldItem } from '../../src/model/item-support.js';
import { decimalsOf, isoToday } from '../../src/model/validate-answer.js';
import { styleProperties } from '../shared/style-properties.js';
import { ariaInvalid, choiceAnswers, controlId, optionText, describedBy, errorText, fieldsetItem, helpText, labelId, legendText, answerLabel, onAnswerChange, type ItemContext } from './item-templates.js';

/**
 * The item types most instruments do without (0–10 and 0–100 ratings, numbers, free text,
 * dates), loaded with their styles only for instruments that have them (see loadItemParts).
 */
export type RatingOrFieldItem = Exclude<FieldItem, BodyMapItem>;

function formatDate(iso: string, lang: string): string {
  const [year, month, day] = (iso === 'today' ? isoToday() : iso).split('-').map(Number);
  return new Intl.DateTimeFormat(lang, { dateStyle: 'long', timeZone: 'UTC' }).format(Date.UTC(year!, month! - 1, day!));
}

function rangeMessage(min: string | undefined, max: string | undefined): string {
  if (min !== undefined && max !== undefined) return msg(str`Please give a value from ${min} to ${max}.`);
  return min !== undefined ? msg(str`Please give a value of at least ${min}.`) : msg(str`Please give a value of at most ${max}.`);
}

/** The sentence for a problem only these items can have: out of range, badly formed, too long. */
export function fieldProblemMessage(item: QuestionItem, code: Exclude<ValidationCode, 'required' | 'constraint'>, lang: string): string {
  switch (code) {
    case 'range':
      if (item.type === 'date') return rangeMessage(item.min && formatDate(item.min, lang), item.max && formatDate(item.max, lang));
      if (item.type === 'integer' || item.type === 'decimal' || item.type === 'quantity') {
        const bound = (value: number | undefined) => (value === undefined ? undefined : formatNumber(value, lang));
        return rangeMessage(bound(item.min), bound(item.max));
      }
      return msg('Please give a value in the allowed range.');
    case 'format':
      if (item.type === 'text') return msg('Please check the form of your answer.');
      if (item.type === 'integer') return msg('Please enter a whole number, using digits.');
      if (item.type === 'date') return msg('Please enter a real date.');
      if (item.type === 'date-time') return msg('Please enter a real date and time.');
      if (item.type === 'time') return msg('Please enter a time of day.');
      if (item.type === 'url') return msg('Please enter a web address, such as https://example.org.');
      return msg('Please enter a number, using digits.');
    case 'too-short': {
      const least = formatNumber(item.type === 'text' ? (item.minLength ?? 0) : 0, lang);
      return msg(str`Please write at least ${least} characters.`);
    }
    case 'decimals': {
      const most = formatNumber(item.type === 'decimal' || item.type === 'quantity' ? (item.maxDecimals ?? 0) : 0, lang);
      return msg(str`Please use fewer digits after the decimal point (at most ${most}).`);
    }
    case 'too-long': {
      const limit = formatNumber(item.type === 'text' || item.type === 'url' ? (item.maxLength ?? 0) : 0, lang);
      return msg(str`Please use at most ${limit} characters.`);
    }
    case 'unit':
      return msg('Please choose a unit.');
    case 'too-large': {
      const largest = formatFileSize('maxSize' in item ? (item.maxSize ?? DEFAULT_MAX_ATTACHMENT_SIZE) : DEFAULT_MAX_ATTACHMENT_SIZE, lang);
      return msg(str`Please choose a file of at most ${largest}.`);
    }
    case 'file-type': {
      const types = new Intl.ListFormat(lang, { type: 'disjunction' }).format('mimeTypes' in item ? (item.mimeTypes ?? []) : []);
      return msg(str`Please choose a file of this type: ${types}.`);
    }
    case 'too-few': {
      const fewest = formatNumber('minOccurs' in item ? (item.minOccurs ?? 0) : 0, lang);
      return msg(str`Please give at least ${fewest} answers.`);
    }
  }
}

/** A file size in the person's language, in bytes, kB or MB. */
function formatFileSize(bytes: number, lang: string): string {
  const [unit, size] = bytes >= 1_000_000 ? ['megabyte', 1_000_000] : bytes >= 1_000 ? ['kilobyte', 1_000] : ['byte', 1];
  return new Intl.NumberFormat(lang, { style: 'unit', unit, unitDisplay: unit === 'byte' ? 'long' : 'short', maximumFractionDigits: 1 }).format(bytes / size);
}

/** A file's bytes as base64, in chunks (a whole file at once overflows the call stack). */
function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/** A chosen file as the answer: read only when it is not too large, hashed where WebCrypto is offered. */
async function attachmentOf(file: File, item: AttachmentItem): Promise<AttachmentAnswer> {
  const described = { contentType: file.type || 'application/octet-stream', title: file.name, size: file.size };
  if (file.size > (item.maxSize ?? DEFAULT_MAX_ATTACHMENT_SIZE)) return { ...described, data: '' };
  const bytes = new Uint8Array(await file.arrayBuffer());
  const hash = crypto.subtle ? toBase64(new Uint8Array(await crypto.subtle.digest('SHA-1', bytes))) : undefined;
  return { ...described, data: toBase64(bytes), ...(hash && { hash }) };
}

/**
 * A file to attach: the browser's own file input, keyboard and screen reader ready, shown as a
 * button of ours (its own "No file chosen" would contradict a file kept in the draft), with the
 * file chosen named beside it and a button to remove it.
 */
function attachmentField(item: AttachmentItem, context: ItemContext): TemplateResult {
  const value = context.value(item.id);
  const chosen = isAttachmentAnswer(value) ? value : undefined;
  const chosenId = `chosen-${item.id}`;
  return fieldItem(
    item,
    context,
    html`<div class="attachment">
      <input
        part="input"
        class="file-input visually-hidden"
        id=${controlId(item.id)}
        type="file"
        accept=${item.mimeTypes?.join(',') || nothing}
        aria-invalid=${ariaInvalid(item, context)}
        aria-describedby=${describedBy(item, context, chosen ? chosenId : undefined)}
        @change=${async (event: Event) => {
          const input = event.target as HTMLInputElement;
          const file = input.files?.[0];
          if (!file) return;
          context.answer(item, await attachmentOf(file, item));
          // The file is held in the answer; the input is emptied, so that the same file can be chosen again.
          input.value = '';
        }}
      />
      <label part="file-button" class="file-button" for=${controlId(item.id)}>${chosen ? msg('Choose another file') : msg('Choose a file')}</label>
      ${chosen
        ? html`<span class="chosen-file" id=${chosenId}>${msg(str`Chosen: ${chosen.title} (${formatFileSize(chosen.size, context.lang)})`)}</span>
            <button
              type="button"
              class="secondary"
              @click=${(event: Event) => {
                context.answer(item, undefined);
                // The button goes with the file: focus stays with the question, on its file input.
                (event.target as Element).closest('.item')!.querySelector('input')!.focus();
              }}
            >
              ${msg('Remove file')}
            </button>`
        : nothing}
    </div>`,
  );
}

/** A question answered with one control: a labelled field. */
function fieldItem(item: QuestionItem, context: ItemContext, control: TemplateResult): TemplateResult {
  return html`<div part="item" class="item" data-item=${item.id} ?data-invalid=${!!context.problem(item.id)}>
    <label part="label" class="label" id=${labelId(item.id)} for=${controlId(item.id)}>${legendText(item, context)}</label>
    ${helpText(item, context)} ${control} ${errorText(item, context)}
  </div>`;
}

/** The numbers a slider runs through: from min to max by step. */
interface SliderRange {
  readonly min: number;
  readonly max: number;
  readonly step: number;
}

const VAS_RANGE: SliderRange = { min: 0, max: 100, step: 1 };

/** A value on the slider: clamped to its ends, on a step (free of floating-point dust such as 0.30000000000000004). */
function onSlider(value: number, { min, max, step }: SliderRange): number {
  const steps = Math.round((Math.max(min, Math.min(max, value)) - min) / step);
  return Number((min + steps * step).toFixed(decimalsOf(step)));
}

function sliderKey(item: VasItem | NumberItem, range: SliderRange, event: KeyboardEvent, context: ItemContext): void {
  // In right-to-left forms the scale runs from right to left, so the arrow keys swap.
  const forward = directionOf(context.lang) === 'rtl' ? 'ArrowLeft' : 'ArrowRight';
  const backward = forward === 'ArrowLeft' ? 'ArrowRight' : 'ArrowLeft';
  const big = Math.max(range.step, (range.max - range.min) / 10);
  const steps: Record<string, (v: number) => number> = {
    [forward]: (v) => v + range.step,
    ArrowUp: (v) => v + range.step,
    [backward]: (v) => v - range.step,
    ArrowDown: (v) => v - range.step,
    PageUp: (v) => v + big,
    PageDown: (v) => v - big,
    Home: () => range.min,
    End: () => range.max,
  };
  const step = steps[event.key];
  if (!step) return;
  event.preventDefault();
  const current = context.value(item.id);
  context.answer(item, onSlider(step(typeof current === 'number' ? current : range.min), range));
}

function sliderPointer(item: VasItem | NumberItem, range: SliderRange, event: PointerEvent, context: ItemContext): void {
  const track = event.currentTarget as HTMLElement;
  if (event.type === 'pointerdown') {
    track.setPointerCapture(event.pointerId);
    track.focus();
  }
  const rect = track.getBoundingClientRect();
  const fraction = (event.clientX - rect.left) / rect.width;
  const fromStart = directionOf(context.lang) === 'rtl' ? 1 - fraction : fraction;
  const value = onSlider(range.min + Math.max(0, Math.min(1, fromStart)) * (range.max - range.min), range);
  // One pp-change and one announcement per touch: when the finger or button lets go.
  const released = event.type === 'pointerup';
  context.answer(item, value, released);
  const valueText = formatNumber(value, context.lang);
  if (released) context.announce(() => msg(str`Your answer: ${valueText}`));
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
      <div class="nrs-options" role="presentation" @change=${onAnswerChange((value) => context.answer(item, value))}>
        ${Array.from({ length: 11 }, (_, value) => {
          const anchor = value === 0 ? low : value === 10 ? high : undefined;
          const number = formatNumber(value, context.lang);
          return answerLabel(item, context, 'radio', selected === value, number, {
            className: 'nrs-option',
            textHidden: anchor !== undefined,
            after: anchor ? html`<span class="visually-hidden">${number}: ${anchor}</span>` : nothing,
          });
        })}
      </div>
      <div class="anchors" id=${anchorsId} aria-hidden="true">
        <span>${formatNumber(0, context.lang)} = ${low}</span><span>${formatNumber(10, context.lang)} = ${high}</span>
      </div>
    </div>`,
    'nrs-item',
  );
}

/**
 * A slider drawn by us, not the browser's range input: it starts with no value, so that no
 * default anchors the answer, and runs right to left in right-to-left forms. `ends` names its two
 * ends; `unit` follows the value read out.
 */
function slider(item: VasItem | NumberItem, context: ItemContext, range: SliderRange, ends: readonly [string, string], unit = ''): TemplateResult {
  const answer = context.value(item.id);
  const value = typeof answer === 'number' ? answer : undefined;
  const endsId = `anchors-${item.id}`;
  const valueText = value === undefined ? msg('Not answered yet') : `${formatNumber(value, context.lang)}${unit}`;
  const onPointer = (event: PointerEvent) => sliderPointer(item, range, event, context);
  const position = value === undefined ? undefined : ((value - range.min) / (range.max - range.min)) * 100;
  return html`<div part="item" class="item vas-item" data-item=${item.id} ?data-invalid=${!!context.problem(item.id)}>
    <p part="label" class="label" id=${labelId(item.id)}>${legendText(item, context)}</p>
    ${helpText(item, context)}
    <div class="vas">
      <div
        class="vas-track"
        part="slider"
        role="slider"
        tabindex="0"
        id=${controlId(item.id)}
        aria-labelledby=${labelId(item.id)}
        aria-describedby=${describedBy(item, context, endsId)}
        aria-valuemin=${range.min}
        aria-valuemax=${range.max}
        aria-valuenow=${value ?? range.min}
        aria-valuetext=${valueText}
        aria-invalid=${ariaInvalid(item, context)}
        aria-required=${item.required ? 'true' : nothing}
        @keydown=${(event: KeyboardEvent) => sliderKey(item, range, event, context)}
        @pointerdown=${onPointer}
        @pointermove=${(event: PointerEvent) => event.buttons && onPointer(event)}
        @pointerup=${onPointer}
      >
        ${position === undefined ? nothing : html`<span class="vas-thumb" ${styleProperties({ 'inset-inline-start': `${position}%` })}></span>`}
      </div>
      <div class="anchors" id=${endsId}><span>${ends[0]}</span><span>${ends[1]}</span></div>
      <p class="vas-value" aria-hidden="true">
        ${value === undefined ? msg('Touch or click the line to answer.') : msg(str`Your answer: ${valueText}`)}
      </p>
    </div>
    ${errorText(item, context)}
  </div>`;
}

function vas(item: VasItem, context: ItemContext): TemplateResult {
  const end = (value: number, anchor: TextMap) => `${formatNumber(value, context.lang)} = ${context.text(anchor)}`;
  return slider(item, context, VAS_RANGE, [end(0, item.anchors.min), end(100, item.anchors.max)]);
}

/** A number chosen on a slider from its min to its max (FHIR's slider item control). */
function numberSlider(item: NumberItem & SliderRange, context: ItemContext): TemplateResult {
  const unit = item.unit ? ` ${context.text(item.unit)}` : '';
  const end = (value: number) => `${formatNumber(value, context.lang)}${unit}`;
  return slider(item, context, item, [end(item.min), end(item.max)], unit);
}

/** The field a number is typed into (in the person's own digits and decimal mark), with what follows it. */
function numberInput(item: NumberItem | QuantityItem, context: ItemContext, shown: string, unitId: string | undefined, update: (event: Event) => void, after: TemplateResult | typeof nothing): TemplateResult {
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
        .value=${live(context.typed(item.id) ?? shown)}
        ?required=${item.required}
        aria-invalid=${ariaInvalid(item, context)}
        aria-describedby=${describedBy(item, context, unitId)}
        @change=${update}
      />
      ${after}
    </div>`,
  );
}

function numberField(item: NumberItem, context: ItemContext): TemplateResult {
  const { min, max } = item;
  if (item.control === 'slider' && min !== undefined && max !== undefined) return numberSlider({ ...item, min, max, step: item.step ?? 1 }, context);
  const value = context.value(item.id);
  const unitId = item.unit && `unit-${item.id}`;
  const unit = item.unit ? html`<span class="unit" id=${unitId}>${context.text(item.unit)}</span>` : nothing;
  return numberInput(
    item,
    context,
    typeof value === 'number' ? formatLocaleNumber(value, context.lang) : '',
    unitId,
    (event) => {
      const text = (event.target as HTMLInputElement).value;
      context.typeNumber(item, text, parseLocaleNumber(text, context.lang));
    },
    item.control === 'spinner' ? html`${unit}${spinnerButtons(item, context)}` : unit,
  );
}

/** The spinner's buttons: one step down or up from the answer (from min, or 0, when there is none), within min and max. */
function spinnerButtons(item: NumberItem, context: ItemContext): TemplateResult {
  const range = { min: item.min ?? -Infinity, max: item.max ?? Infinity, step: item.step ?? 1 };
  const value = context.value(item.id);
  const current = typeof value === 'number' ? value : undefined;
  const stepTo = (direction: 1 | -1) => () => {
    const next = current === undefined ? (Number.isFinite(range.min) ? range.min : 0) : current + direction * range.step;
    context.answer(item, Number(Math.max(range.min, Math.min(range.max, next)).toFixed(decimalsOf(range.step))));
  };
  // Never disabled at an end: a button that disables itself drops the focus of whoever pressed it.
  return html`<button type="button" class="secondary step" aria-label=${msg('Decrease')} @click=${stepTo(-1)}>−</button>
    <button type="button" class="secondary step" aria-label=${msg('Increase')} @click=${stepTo(1)}>+</button>`;
}

/**
 * A number with its unit: a select when there are units to choose from (none is chosen for the
 * person: a weight in the wrong unit is a wrong answer), the unit's name when there is one.
 */
function quantityField(item: QuantityItem, context: ItemContext): TemplateResult {
  const value = context.value(item.id);
  const answer = isQuantityAnswer(value) ? value : undefined;
  const unitId = `unit-${item.id}`;
  const onlyUnit = item.units.length === 1 ? item.units[0] : undefined;
  // Either control changes the answer, which takes both: a unit may be chosen before the number is typed.
  const update = (event: Event) => {
    const field = (event.target as Element).closest('.number-field')!;
    const text = field.querySelector('input')!.value;
    const unit = onlyUnit?.code.code ?? (field.querySelector('select')?.value || undefined);
    context.typeNumber(item, text, parseLocaleNumber(text, context.lang), unit);
  };
  const unitChoice = html`<span id=${unitId} hidden>${msg('Unit')}</span>
    <select
      part="unit"
      aria-labelledby="${labelId(item.id)} ${unitId}"
      aria-invalid=${context.problem(item.id) === 'unit' ? 'true' : 'false'}
      aria-describedby=${describedBy(item, context)}
      ?required=${item.required}
      @change=${update}
    >
      <option value="" .selected=${answer?.unit === undefined}>${msg('Unit')}</option>
      ${item.units.map((unit) => html`<option value=${unit.code.code} .selected=${answer?.unit === unit.code.code}>${context.text(unit.text)}</option>`)}
    </select>`;
  return numberInput(
    item,
    context,
    answer ? formatLocaleNumber(answer.value, context.lang) : '',
    onlyUnit ? unitId : undefined,
    update,
    onlyUnit ? html`<span class="unit" id=${unitId}>${context.text(onlyUnit.text)}</span>` : item.units.length ? unitChoice : nothing,
  );
}

/** Words: a text area, or one line for a short answer (a name, a number on a card). */
function textField(item: TextItem, context: ItemContext): TemplateResult {
  const value = context.value(item.id);
  const text = live(context.typed(item.id) ?? (typeof value === 'string' ? value : ''));
  const typing = (event: Event) => context.answer(item, (event.target as HTMLInputElement | HTMLTextAreaElement).value, false);
  const typed = (event: Event) => context.answer(item, (event.target as HTMLInputElement | HTMLTextAreaElement).value);
  const invalid = ariaInvalid(item, context);
  return fieldItem(
    item,
    context,
    item.singleLine
      ? html`<input part="input" id=${controlId(item.id)} type="text" maxlength=${item.maxLength ?? nothing} .value=${text} ?required=${item.required} aria-invalid=${invalid} aria-describedby=${describedBy(item, context)} @input=${typing} @change=${typed} />`
      : html`<textarea part="input" id=${controlId(item.id)} rows="3" maxlength=${item.maxLength ?? nothing} .value=${text} ?required=${item.required} aria-invalid=${invalid} aria-describedby=${describedBy(item, context)} @input=${typing} @change=${typed}></textarea>`,
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
      aria-invalid=${ariaInvalid(item, context)}
      aria-describedby=${describedBy(item, context)}
      @change=${(event: Event) => context.answer(item, (event.target as HTMLInputElement).value || undefined)}
    />`,
  );
}

/** `YYYY-MM-DDThh:mm` of a datetime-local field as FHIR's dateTime, with the offset of the person's time zone at that moment. */
function toFhirDateTime(local: string): string {
  const moment = new Date(local);
  // Not a moment: kept as typed, so the engine reports it as badly formed.
  if (Number.isNaN(moment.getTime())) return local;
  const offset = -moment.getTimezoneOffset();
  const pad = (n: number) => String(Math.trunc(Math.abs(n))).padStart(2, '0');
  return `${local.slice(0, 16)}:00${offset < 0 ? '-' : '+'}${pad(offset / 60)}:${pad(offset % 60)}`;
}

/** A FHIR dateTime as a datetime-local field shows it: the same moment in the person's time zone. */
function toLocalDateTime(value: string): string {
  const moment = new Date(value);
  if (Number.isNaN(moment.getTime())) return '';
  const local = new Date(moment.getTime() - moment.getTimezoneOffset() * 60_000);
  return local.toISOString().slice(0, 16);
}

/** A date and time, a time of day or a web address: one native input, whose value becomes the answer. */
function momentOrUrlField(item: MomentItem | UrlItem, context: ItemContext): TemplateResult {
  const value = context.value(item.id);
  const text = typeof value === 'string' ? value : '';
  const toAnswer = (typed: string) => (!typed ? undefined : item.type === 'date-time' ? toFhirDateTime(typed) : item.type === 'time' && typed.length === 5 ? `${typed}:00` : typed.trim());
  return fieldItem(
    item,
    context,
    html`<input
      part="input"
      id=${controlId(item.id)}
      type=${item.type === 'date-time' ? 'datetime-local' : item.type}
      step=${item.type === 'url' ? nothing : 1}
      maxlength=${(item.type === 'url' && item.maxLength) || nothing}
      autocomplete="off"
      .value=${live(context.typed(item.id) ?? (item.type === 'date-time' ? toLocalDateTime(text) : text))}
      ?required=${item.required}
      aria-invalid=${ariaInvalid(item, context)}
      aria-describedby=${describedBy(item, context)}
      @change=${(event: Event) => context.answer(item, toAnswer((event.target as HTMLInputElement).value))}
    />`,
  );
}

/**
 * The field for an answer of the person's own (FHIR open-choice), under the options: what is
 * written is the answer of a single choice, in place of an option, or one more answer of a
 * multiple choice, besides the options (but not an exclusive one).
 */
export function otherAnswerField(item: ChoiceItem | MultiChoiceItem, context: ItemContext): TemplateResult {
  const value = context.value(item.id);
  const values = Array.isArray(value) ? value : value === undefined ? [] : [value];
  const isOption = (v: unknown) => item.answers.some((o) => o.value === v);
  const own = values.find((v) => !isOption(v));
  const id = `${controlId(item.id)}-other`;
  const write = (text: string) => {
    const written = text.trim() || undefined;
    if (item.type === 'choice') {
      // Emptying the field clears only an answer that was written in it.
      if (written !== undefined || own !== undefined) context.answer(item, written);
      return;
    }
    const kept = values.filter((v) => isOption(v) && !item.answers.some((o) => o.exclusive && o.value === v));
    context.answer(item, written === undefined ? kept : [...kept, written]);
  };
  return html`<div class="other-answer">
    <label for=${id}>${msg('Other answer')}</label>
    <input
      part="input"
      id=${id}
      type="text"
      autocomplete="off"
      .value=${live(typeof own === 'string' ? own : '')}
      aria-invalid=${ariaInvalid(item, context)}
      aria-describedby=${describedBy(item, context)}
      @change=${(event: Event) => write((event.target as HTMLInputElement).value)}
    />
  </div>`;
}

/** A single choice offered as a drop-down list, or as radio buttons under a search field that narrows them. */
export function choiceControl(item: ChoiceItem, context: ItemContext): TemplateResult {
  return item.control === 'drop-down' ? dropDown(item, context) : searchableChoice(item, context);
}

function dropDown(item: ChoiceItem, context: ItemContext): TemplateResult {
  const selected = context.value(item.id);
  return fieldItem(
    item,
    context,
    html`<select
        part="input"
        id=${controlId(item.id)}
        ?required=${item.required}
        aria-invalid=${ariaInvalid(item, context)}
        aria-describedby=${describedBy(item, context)}
        @change=${(event: Event) => context.answer(item, item.answers[(event.target as HTMLSelectElement).selectedIndex - 1]?.value)}
      >
        <option value="" .selected=${live(!item.answers.some((o) => o.value === selected))}>${msg('Choose an answer')}</option>
        ${item.answers.map((option) => html`<option .selected=${live(option.value === selected)}>${optionText(option, context)}</option>`)}
      </select>
      ${item.other ? otherAnswerField(item, context) : nothing}`,
  );
}

/**
 * A long list: radio buttons under a search field. Typing hides the answers that do not contain
 * what is typed (never the one chosen); screen readers hear how many are left.
 */
function searchableChoice(item: ChoiceItem, context: ItemContext): TemplateResult {
  const searchId = `search-${item.id}`;
  const narrow = (event: Event) => {
    const query = (event.target as HTMLInputElement).value.trim().toLocaleLowerCase(context.lang);
    const labels = (event.target as Element).closest('.item')!.querySelectorAll<HTMLElement>('.answers > .answer');
    let shown = 0;
    labels.forEach((label, i) => {
      const matches = label.querySelector('input')!.checked || optionText(item.answers[i]!, context).toLocaleLowerCase(context.lang).includes(query);
      label.hidden = !matches;
      if (matches) shown++;
    });
    const count = formatNumber(shown, context.lang);
    context.announce(() => msg(str`Answers shown: ${count}`));
  };
  return fieldsetItem(
    item,
    context,
    html`<div class="search">
        <label for=${searchId}>${msg('Search the answers')}</label>
        <input part="input" id=${searchId} type="search" autocomplete="off" @input=${narrow} />
      </div>
      ${choiceAnswers(item, context)}`,
  );
}

/** Yes or no, as two radio buttons styled like any other choice. */
function booleanField(item: BooleanItem, context: ItemContext): TemplateResult {
  const selected = context.value(item.id);
  const answers = [true, false] as const;
  return fieldsetItem(
    item,
    context,
    html`<div class="answers" @change=${onAnswerChange((index) => context.answer(item, answers[index]))}>
      ${answers.map((value) => answerLabel(item, context, 'radio', selected === value, value ? msg('Yes') : msg('No')))}
    </div>`,
  );
}

/** A question that may take several answers of its type. */
type RepeatableItem = NumberItem | TextItem | UrlItem | DateItem | MomentItem;

/** The text of a field that shows one answer. */
function entryText(item: RepeatableItem, value: number | string, lang: string): string {
  if (typeof value === 'number') return formatLocaleNumber(value, lang);
  return item.type === 'date-time' ? toLocalDateTime(String(value)) : String(value);
}

/** The answer typed into one field: `null` when it cannot be read as one (letters for a number). */
function entryValue(item: RepeatableItem, text: string, lang: string): number | string | null {
  switch (item.type) {
    case 'integer':
    case 'decimal': {
      const number = parseLocaleNumber(text, lang);
      return Number.isNaN(number) ? null : number;
    }
    case 'date-time':
      return toFhirDateTime(text);
    case 'time':
      return text.length === 5 ? `${text}:00` : text;
    default:
      return text.trim();
  }
}

/**
 * A question that takes several answers: one field each, "Add another answer" (up to its
 * maxOccurs) and, while there are several, a Remove button for each. Fields keep what was typed
 * while it is not (yet) a valid answer; blank fields give no answer.
 */
function repeatingField(item: RepeatableItem, context: ItemContext): TemplateResult {
  const value = context.value(item.id);
  const answers = Array.isArray(value) ? (value as readonly (number | string)[]) : [];
  const texts = context.entries(item.id) ?? (answers.length ? answers.map((v) => entryText(item, v, context.lang)) : ['']);
  const number = (i: number) => formatNumber(i + 1, context.lang);
  const edit = (changed: readonly string[], focus?: number) => {
    const read = changed.filter((text) => text.trim()).map((text) => entryValue(item, text, context.lang));
    context.editEntries(item, changed, read.includes(null) ? null : (read as (number | string)[]), focus);
  };
  const input = (text: string, i: number) => {
    const numberId = `${controlId(item.id)}-number-${i}`;
    const numeric = item.type === 'integer' || item.type === 'decimal';
    return html`<span id=${numberId} hidden>${number(i)}</span>
      <input
        part="input"
        id=${i === 0 ? controlId(item.id) : `${controlId(item.id)}-${i}`}
        type=${numeric || item.type === 'text' ? 'text' : item.type === 'date-time' ? 'datetime-local' : item.type}
        inputmode=${numeric ? (item.type === 'integer' ? 'numeric' : 'decimal') : nothing}
        step=${item.type === 'date-time' || item.type === 'time' ? 1 : nothing}
        maxlength=${((item.type === 'text' || item.type === 'url') && item.maxLength) || nothing}
        autocomplete="off"
        .value=${live(text)}
        aria-labelledby="${labelId(item.id)} ${numberId}"
        aria-invalid=${ariaInvalid(item, context)}
        aria-describedby=${describedBy(item, context)}
        @change=${(event: Event) => edit(texts.map((t, k) => (k === i ? (event.target as HTMLInputElement).value : t)))}
      />`;
  };
  return fieldsetItem(
    item,
    context,
    html`<div class="entries">
        ${texts.map(
          (text, i) => html`<div class="entry">
            ${input(text, i)}
            ${texts.length > 1
              ? html`<button type="button" class="secondary" aria-label=${msg(str`Remove answer ${number(i)}`)} @click=${() => edit(texts.filter((_, k) => k !== i), Math.max(0, i - 1))}>
                  ${msg('Remove')}
                </button>`
              : nothing}
          </div>`,
        )}
      </div>
      ${item.maxOccurs === undefined || texts.length < item.maxOccurs
        ? html`<button type="button" class="secondary add-entry" @click=${() => context.editEntries(item, [...texts, ''], undefined, texts.length)}>${msg('Add another answer')}</button>`
        : nothing}`,
  );
}

export function fieldItemTemplate(item: RatingOrFieldItem, context: ItemContext): TemplateResult {
  if (answersRepeat(item)) return repeatingField(item as RepeatableItem, context);
  switch (item.type) {
    case 'nrs':
      return nrs(item, context);
    case 'vas':
      return vas(item, context);
    case 'integer':
    case 'decimal':
      return numberField(item, context);
    case 'quantity':
      return quantityField(item, context);
    case 'attachment':
      return attachmentField(item, context);
    case 'text':
      return textField(item, context);
    case 'date':
      return dateField(item, context);
    case 'boolean':
      return booleanField(item, context);
    case 'date-time':
    case 'time':
    case 'url':
      return momentOrUrlField(item, context);
  }
}

export const fieldStyles = css`
  .step {
    padding-inline: 0.75em;
    font-weight: 700;
  }

  .search {
    display: grid;
    gap: 0.25rem;
    margin-block-end: 0.75rem;
  }

  /* An answer the search leaves out (the choice's own display would otherwise win over [hidden]). */
  .answer[hidden] {
    display: none;
  }

  .entries {
    display: grid;
    gap: 0.5rem;
  }

  .entry {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5rem;
  }

  /* Words and addresses take the line, as a single such field does; numbers, dates and times keep their size. */
  .entry input:is([type='text']:not([inputmode]), [type='url']) {
    flex: 1 1 12rem;
  }

  .add-entry {
    margin-block-start: 0.75rem;
  }

  .attachment {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5rem 1rem;
  }

  /* The file input's face: a secondary button (the input itself is visually hidden, never removed). */
  .file-button {
    display: inline-flex;
    align-items: center;
    min-block-size: var(--_target);
    padding-block: 0.5em;
    padding-inline: 1.25em;
    border: 2px solid var(--_accent);
    border-radius: var(--_radius);
    background: var(--_background);
    color: var(--_accent);
    cursor: pointer;
  }

  .file-input:focus-visible + .file-button {
    outline: 3px solid var(--_focus);
    outline-offset: 2px;
  }

  .nrs-item {
    container-type: inline-size;
  }

  .nrs-options {
    display: grid;
    grid-template-columns: repeat(11, minmax(0, 1fr));
    gap: 0.25rem;
  }

  /* Two rows (0–5, 6–10) where eleven targets of a usable size do not fit (in the text's em, not the page's rem). */
  @container (max-width: 30em) {
    .nrs-options {
      grid-template-columns: repeat(6, minmax(0, 1fr));
    }
  }

  .nrs-option {
    position: relative;
    display: grid;
    place-items: center;
    min-block-size: var(--_target);
    border: 2px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
    font-weight: 600;
    cursor: pointer;
  }

  .nrs-option input {
    position: absolute;
    inset: 0;
    margin: 0;
    opacity: 0;
    cursor: pointer;
  }

  .nrs-option:has(input:checked) {
    background: var(--_accent);
    border-color: var(--_accent);
    color: var(--_on-accent);
  }

  .nrs-option:has(input:focus-visible) {
    outline: 3px solid var(--_focus);
    outline-offset: 2px;
  }

  /* Apart, so that an engine without :state() skips only this (see keyboard-modality.ts). */
  @supports selector(:state(keyboard)) {
    :host(:state(keyboard)) .nrs-option:has(input:focus) {
      outline: 3px solid var(--_focus);
      outline-offset: 2px;
    }
  }

  .anchors {
    display: flex;
    justify-content: space-between;
    gap: var(--_space);
    margin-block-start: 0.5rem;
    color: var(--_muted);
    font-size: 0.9em;
  }

  .anchors > :last-child {
    text-align: end;
  }



  .vas {
    padding-inline: 0.75rem;
  }

  .vas-track {
    position: relative;
    block-size: var(--_target);
    cursor: pointer;
    touch-action: none;
    border-radius: var(--_radius);
  }

  /* The line itself, drawn through the middle of the touch area. */
  .vas-track::before {
    content: '';
    position: absolute;
    inset-inline: 0;
    inset-block-start: 50%;
    block-size: 0.375rem;
    translate: 0 -50%;
    border-radius: 0.25rem;
    background: var(--_border);
  }

  .vas-thumb {
    position: absolute;
    inset-block-start: 50%;
    inline-size: 1.75rem;
    block-size: 1.75rem;
    translate: -50% -50%;
    border-radius: 50%;
    background: var(--_accent);
    border: 3px solid var(--_background);
    box-shadow: 0 0 0 2px var(--_accent);
  }

  :dir(rtl) .vas-thumb {
    translate: 50% -50%;
  }

  .vas-value {
    margin-block: 0.25rem 0;
    font-weight: 600;
  }

  .number-field {
    display: flex;
    align-items: center;
    gap: 0.5rem;
  }

  input:is([type='text'], [type='search'], [type='date'], [type='datetime-local'], [type='time'], [type='url']),
  textarea,
  select {
    /* A date and time field is wider than a narrow screen at a large text size: it narrows to fit. */
    box-sizing: border-box;
    max-inline-size: 100%;
    font: inherit;
    color: inherit;
    background: var(--_background);
    min-block-size: var(--_target);
    padding-block: 0.5rem;
    padding-inline: 0.75rem;
    border: 2px solid var(--_border);
    border-radius: var(--_radius);
  }

  /*
   * A date or time field's own focus ring: Chromium moves focus inside it (day, month, year, then
   * the calendar button), where only :focus-within still matches the field.
   */
  input:is([type='date'], [type='datetime-local'], [type='time']):focus-within {
    outline: 3px solid var(--_focus);
    outline-offset: 2px;
  }

  .number-field input {
    inline-size: 8ch;
    text-align: end;
  }

  textarea,
  input[type='url'] {
    inline-size: 100%;
  }

  .other-answer {
    display: flex;
    flex-direction: column;
    gap: 0.25rem;
  }

  textarea {
    resize: vertical;
  }

  /* A doubled border, not an outline: the outline stays free for the focus ring. */
  [data-invalid] :is(input:not([type='radio'], [type='checkbox']), textarea) {
    border-color: var(--_error);
    box-shadow: 0 0 0 2px var(--_error);
  }

  [data-invalid] .vas-track::before {
    outline: 2px solid var(--_error);
  }

  div.item > .label {
    display: block;
    margin-block-end: 0.5rem;
  }

  /*
   * High contrast, last so that it wins over the rules above: a chosen number as a chosen answer
   * box (form-styles.ts), the outline for focus, the line and its thumb in the text colour.
   */
  @media (forced-colors: active) {
    .vas-thumb,
    .vas-track::before {
      background: CanvasText;
    }

    .nrs-option:has(input:checked) {
      forced-color-adjust: none;
      background: Highlight;
      color: HighlightText;
      border-color: Highlight;
    }

    .nrs-option:has(input:focus-visible) {
      outline-color: CanvasText;
    }

    @supports selector(:state(keyboard)) {
      :host(:state(keyboard)) .nrs-option:has(input:focus) {
        outline-color: CanvasText;
      }
    }
  }
`;
