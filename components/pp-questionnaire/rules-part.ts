import { css, html, nothing, type TemplateResult } from 'lit';
import type { QuestionnaireEngine } from '../../src/engine/questionnaire-engine.js';
import { emergencyAdvice, outOfHoursAdvice, type EmergencyContacts } from '../../src/model/emergency.js';
import { sourceLanguageOf, walkItems, type Flag, type ItemId } from '../../src/model/instrument.js';
import { own } from '../../src/model/own.js';
import type { LanguageCode } from '../../src/model/text.js';
import { localText } from '../../src/i18n/locale.js';
import { predicateItems, raisedFlags } from '../../src/scoring/rules.js';
import { scoreAnswers } from '../../src/scoring/score.js';
import { emergencyContactsOf } from '../shared/emergency-contacts.js';

// Flags and classifications, for the instruments that have them: their parser, their tests and
// the advice shown at once when a flag is raised.
export * as parser from '../../src/model/parse-rules.js';
export { classify, raisedFlags } from '../../src/scoring/rules.js';

/** The flag's own advice in this language, with the shared emergency or out-of-hours wording and the host's numbers. */
function adviceOf(flag: Flag, lang: LanguageCode, sourceLanguage: LanguageCode, contacts: EmergencyContacts): string | undefined {
  if (flag.advice === 'emergency') return emergencyAdvice(lang, contacts);
  const advice = flag.advice && localText(flag.advice, lang, sourceLanguage);
  return advice && flag.outOfHours ? `${advice} ${outOfHoursAdvice(lang, contacts)}` : advice;
}

/**
 * The advice for each raised flag (the host's `flagMessages`, else the flag's own), by the item on
 * this page whose answer raised it (shown right under it, where the person is looking), or under
 * `null` for the top of the form. `host` is the element, where the host's emergency numbers are read.
 */
export function flagAdvice(
  engine: QuestionnaireEngine,
  lang: LanguageCode,
  host: Element,
  hostMessages: Readonly<Record<string, string>>,
): Map<ItemId | null, string[]> {
  const { instrument } = engine;
  const contacts = emergencyContactsOf(host);
  const flags = new Map((instrument.scoring.flags ?? []).map((flag) => [flag.id, flag]));
  const onPage = new Set([...walkItems(engine.page.items)].map((item) => item.id));
  const byItem = new Map<ItemId | null, string[]>();
  for (const raised of raisedFlags(engine.instrument, engine.answers, scoreAnswers(engine.instrument, engine.answers))) {
    const flag = flags.get(raised.id)!;
    const message = own(hostMessages, flag.id) ?? adviceOf(flag, lang, sourceLanguageOf(instrument), contacts);
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
