import { css, html, type TemplateResult } from 'lit';
import { msg } from '@lit/localize';
import { formatLocaleNumber } from '../../src/i18n/format-number.js';
import { isAttachmentAnswer, isQuantityAnswer, type AnswerValue, type QuestionItem } from '../../src/model/instrument.js';
import { helpText, itemText, labelId, optionText, type ItemContext } from './item-templates.js';

/**
 * A question whose answer the person cannot change (computed by an expression, or read-only): its
 * text, and its answer as text in an `output`, which screen readers read with the question. An
 * answer computed again as others are given is not announced: a form with many totals would
 * speak after every answer. This part loads only for instruments with such questions.
 */
export function readOnlyItem(item: QuestionItem, context: ItemContext): TemplateResult {
  const value = context.value(item.id);
  return html`<div part="item" class="item read-only" data-item=${item.id} role="group" aria-labelledby=${labelId(item.id)}>
    <p part="label" class="label" id=${labelId(item.id)}>${itemText(item, context.text, context.lang, item.text, true)}</p>
    ${helpText(item, context)}
    <output part="computed" class="computed ${value === undefined ? 'empty' : ''}" aria-live="off" aria-labelledby=${labelId(item.id)}>${value === undefined ? msg('No answer yet') : answerText(item, value, context)}</output>
  </div>`;
}

/** An answer as the person reads it, in the form's language. */
function answerText(item: QuestionItem, value: AnswerValue, context: ItemContext): string {
  const one = (v: number | string | boolean): string => {
    if (item.type === 'choice' || item.type === 'multi-choice') {
      const option = item.answers.find((o) => o.value === v);
      return option ? optionText(option, context) : String(v);
    }
    if (typeof v === 'boolean') return v ? msg('Yes') : msg('No');
    if (typeof v === 'number') return `${formatLocaleNumber(v, context.lang)}${item.type === 'integer' || item.type === 'decimal' ? unitOf(item.unit && context.text(item.unit)) : ''}`;
    return v;
  };
  if (Array.isArray(value)) return value.map(one).join(', ');
  if (isQuantityAnswer(value)) {
    const unit = item.type === 'quantity' ? item.units.find((u) => u.code.code === value.unit) : undefined;
    return `${formatLocaleNumber(value.value, context.lang)}${unitOf(unit && context.text(unit.text))}`;
  }
  if (isAttachmentAnswer(value)) return value.title;
  return one(value as number | string | boolean);
}

const unitOf = (unit: string | undefined): string => (unit ? `\u00a0${unit}` : '');

export const readOnlyStyles = css`
  .computed {
    display: block;
    margin-block-start: calc(var(--pp-space, 1rem) / 2);
    font-size: 1.25em;
    font-weight: 600;
    font-variant-numeric: tabular-nums;
  }
  .computed.empty {
    font-size: 1em;
    font-weight: normal;
    color: var(--_muted);
  }
`;
