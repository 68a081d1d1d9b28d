import type { Answers, AnswerValue, Instrument, Item, OptionCoding, QuestionItem } from '../model/instrument.js';
import { childrenOf, isContainer, isRepeating, sourceLanguageOf } from '../model/instrument.js';
import { fieldItemSupport } from '../model/item-support.js';
import { own } from '../model/own.js';
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

/** One answer, with the answers of the items under its question. */
export type QuestionnaireResponseAnswer = ValueX & { readonly item?: readonly QuestionnaireResponseItem[] };

/** The value[x] of an answer, typed as its item's FHIR type requires. */
type ValueX =
  | { readonly valueCoding: OptionCoding }
  | { readonly valueInteger: number }
  | { readonly valueDecimal: number }
  | { readonly valueDate: string }
  | { readonly valueBoolean: boolean }
  | { readonly valueDateTime: string }
  | { readonly valueTime: string }
  | { readonly valueUri: string }
  | { readonly valueReference: { readonly reference: string; readonly display?: string } }
  | { readonly valueAttachment: { readonly contentType: string; readonly data: string; readonly title: string; readonly size: number; readonly hash?: string } }
  | { readonly valueQuantity: { readonly value: number; readonly unit?: string; readonly system?: string; readonly code?: string } }
  | { readonly valueString: string };

export interface ResponseOptions {
  readonly language?: LanguageCode;
  readonly authored?: Date;
  readonly status?: QuestionnaireResponse['status'];
}

/** The published Questionnaire's canonical (`url|version`), or Painpath's own for an instrument that names none. */
export const questionnaireCanonical = (instrument: Instrument): string =>
  instrument.meta.canonical ?? `urn:painpath:questionnaire:${instrument.id}|${instrument.version}`;

const textIn = (text: TextMap | undefined, language: LanguageCode, fallback: LanguageCode) =>
  own(text, language) ?? own(text, fallback);

const numberAnswer = (value: number): QuestionnaireResponseAnswer =>
  Number.isInteger(value) ? { valueInteger: value } : { valueDecimal: value };

/** FHIR answers for one item, typed as the item's FHIR type requires. */
function fhirAnswers(item: QuestionItem, value: AnswerValue, text: (map: TextMap | undefined) => string | undefined): QuestionnaireResponseAnswer[] {
  switch (item.type) {
    case 'choice':
    case 'multi-choice':
      return (Array.isArray(value) ? value : [value]).map((v): QuestionnaireResponseAnswer => {
        const option = item.answers.find((o) => o.value === v);
        const display = text(option?.text);
        if (option?.code) return { valueCoding: { ...option.code, ...(display && { display }) } };
        if (option && item.valueType === 'date') return { valueDate: v as string };
        if (option && item.valueType === 'time') return { valueTime: v as string };
        if (option && item.valueType === 'reference') return { valueReference: { reference: v as string, ...(display && { display }) } };
        return typeof v === 'number' ? numberAnswer(v) : { valueString: v };
      });
    default:
      return fieldItemSupport(item.type).fhirAnswers(item, value, text);
  }
}

/**
 * Builds a FHIR R4 QuestionnaireResponse. Coded answers become `valueCoding` (with the display
 * text in the response language); scale scores follow the questions as items named by the scale's
 * `linkId` (or id), as LOINC panels carry their total score as a calculated item of the form.
 */
export function toQuestionnaireResponse(
  instrument: Instrument,
  answers: Answers,
  scores?: Scores,
  options: ResponseOptions = {},
): QuestionnaireResponse {
  const source = sourceLanguageOf(instrument);
  const language = options.language ?? source;

  const text = (map: TextMap | undefined) => textIn(map, language, source);
  /** The response items of `items`, whose answers are in `scope` (the form's, or one repeat's). */
  const responseItems = (items: readonly Item[], scope: Answers): QuestionnaireResponseItem[] =>
    items.flatMap((item): QuestionnaireResponseItem[] => {
      const itemText = text(item.text);
      const named = { linkId: item.id, ...(itemText && { text: itemText }) };
      // A repeating group is one response item per repeat that has answers, in order.
      const groups = isRepeating(item) ? ((own(scope, item.id) as readonly Answers[] | undefined) ?? []) : isContainer(item) ? [scope] : [];
      if (isContainer(item)) {
        return groups.flatMap((answers) => {
          const children = responseItems(item.items, answers);
          return children.length ? [{ ...named, item: children }] : [];
        });
      }
      const value = own(scope, item.id) as AnswerValue | undefined;
      if (item.type === 'display' || value === undefined) return [];
      // Items under a question belong to its answer (the parser allows them only under a single answer).
      const nested = responseItems(childrenOf(item), scope);
      const [first, ...rest] = fhirAnswers(item, value, text);
      return [{ ...named, answer: [{ ...first!, ...(nested.length && { item: nested }) }, ...rest] }];
    });

  const scoreItems = instrument.scoring.scales.flatMap((scale): QuestionnaireResponseItem[] => {
    const value = own(scores, scale.id)?.value;
    if (value == null) return [];
    return [{ linkId: scale.linkId ?? scale.id, text: text(scale.name)!, answer: [numberAnswer(value)] }];
  });

  return {
    resourceType: 'QuestionnaireResponse',
    status: options.status ?? 'completed',
    questionnaire: questionnaireCanonical(instrument),
    language,
    authored: (options.authored ?? new Date()).toISOString(),
    item: [...responseItems(instrument.items, answers), ...scoreItems],
  };
}
