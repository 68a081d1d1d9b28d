import { css, html, nothing, type TemplateResult } from 'lit';
import type { QuestionnaireEngine } from '../../src/engine/questionnaire-engine.js';
import { walkItems, type Flag, type ItemId } from '../../src/model/instrument.js';
import { predicateItems, raisedFlags } from '../../src/scoring/rules.js';

// Flags and classifications, for the instruments that have them: their parser, their tests and
// the advice shown at once when a flag is raised.
export * as parser from '../../src/model/parse-rules.js';
export { classify, raisedFlags } from '../../src/scoring/rules.js';

/**
 * The advice for each raised flag (`adviceOf`), by the item on this page whose answer raised it
 * (shown right under it, where the person is looking), or under `null` for the top of the form.
 */
export function flagAdvice(engine: QuestionnaireEngine, adviceOf: (flag: Flag) => string | undefined): Map<ItemId | null, string[]> {
  const flags = new Map((engine.instrument.scoring.flags ?? []).map((flag) => [flag.id, flag]));
  const onPage = new Set([...walkItems(engine.page.items)].map((item) => item.id));
  const byItem = new Map<ItemId | null, string[]>();
  for (const raised of raisedFlags(engine.instrument, engine.answers, engine.scores())) {
    const flag = flags.get(raised.id)!;
    const message = adviceOf(flag);
    if (!message) continue;
    const anchor = predicateItems(flag.when).filter((id) => onPage.has(id)).at(-1) ?? null;
    byItem.set(anchor, [...(byItem.get(anchor) ?? []), message]);
  }
  return byItem;
}

export function renderAdvice(messages: readonly string[] | undefined): TemplateResult | typeof nothing {
  return messages?.length ? html`<div part="flag" class="flag" role="alert">${messages.map((message) => html`<p>${message}</p>`)}</div>` : nothing;
}

export const styles = [
  css`
    .flag {
      border: 3px solid var(--_error);
      border-radius: var(--_radius);
      padding-inline: var(--_space);
      margin-block-end: var(--_space);
      font-weight: 600;
    }
  `,
];
