import type { Answers, Coding, Instrument, Item } from '../model/instrument.js';
import { sourceLanguageOf } from '../model/instrument.js';
import type { LanguageCode, TextMap } from '../model/text.js';
import type { Scores } from '../scoring/score.js';

/** The subset of FHIR R4 QuestionnaireResponse that Painpath writes. */
export interface QuestionnaireResponse {
  readonly resourceType: 'QuestionnaireResponse';
  readonly status: 'completed' | 'in-progress';
  /** Canonical URL of the questionnaire with its version (`url|version`). */
  readonly questionnaire: string;
  readonly language: LanguageCode;
  readonly authored: string;
  readonly item: readonly QuestionnaireResponseItem[];
}

export interface QuestionnaireResponseItem {
  readonly linkId: string;
  readonly text?: string;
  readonly answer?: readonly QuestionnaireResponseAnswer[];
  readonly item?: readonly QuestionnaireResponseItem[];
}

export type QuestionnaireResponseAnswer =
  | { readonly valueCoding: Coding }
  | { readonly valueInteger: number }
  | { readonly valueDecimal: number }
  | { readonly valueString: string };

export interface ResponseOptions {
  readonly language?: LanguageCode;
  readonly authored?: Date;
  readonly status?: QuestionnaireResponse['status'];
}

/** Painpath's own canonical for an instrument, until an instrument names a published Questionnaire. */
export const questionnaireCanonical = (instrument: Instrument): string =>
  `urn:painpath:questionnaire:${instrument.id}|${instrument.version}`;

const textIn = (text: TextMap | undefined, language: LanguageCode, fallback: LanguageCode) =>
  text && (text[language] ?? text[fallback]);

const numberAnswer = (value: number): QuestionnaireResponseAnswer =>
  Number.isInteger(value) ? { valueInteger: value } : { valueDecimal: value };

/**
 * Builds a FHIR R4 QuestionnaireResponse. Coded answers become `valueCoding` (with the display
 * text in the response language); scale scores follow the questions as items named by scale id,
 * as LOINC panels carry their total score as an item of the form.
 */
export function toQuestionnaireResponse(
  instrument: Instrument,
  answers: Answers,
  scores?: Scores,
  options: ResponseOptions = {},
): QuestionnaireResponse {
  const source = sourceLanguageOf(instrument);
  const language = options.language ?? source;

  const responseItems = (items: readonly Item[]): QuestionnaireResponseItem[] =>
    items.flatMap((item): QuestionnaireResponseItem[] => {
      const text = textIn(item.text, language, source);
      if (item.type === 'group') {
        const children = responseItems(item.items);
        return children.length ? [{ linkId: item.id, ...(text && { text }), item: children }] : [];
      }
      const value = answers[item.id];
      if (item.type !== 'choice' || value === undefined) return [];
      const option = item.answers.find((a) => a.value === value);
      const display = textIn(option?.text, language, source);
      const answer: QuestionnaireResponseAnswer = option?.code
        ? { valueCoding: { ...option.code, ...(display && { display }) } }
        : typeof value === 'number'
          ? numberAnswer(value)
          : { valueString: value };
      return [{ linkId: item.id, ...(text && { text }), answer: [answer] }];
    });

  const scoreItems = instrument.scoring.scales.flatMap((scale): QuestionnaireResponseItem[] => {
    const value = scores?.[scale.id]?.value;
    if (value == null) return [];
    return [{ linkId: scale.id, text: textIn(scale.name, language, source)!, answer: [numberAnswer(value)] }];
  });

  return {
    resourceType: 'QuestionnaireResponse',
    status: options.status ?? 'completed',
    questionnaire: questionnaireCanonical(instrument),
    language,
    authored: (options.authored ?? new Date()).toISOString(),
    item: [...responseItems(instrument.items), ...scoreItems],
  };
}
