import type { AnswerOption, ChoiceItem, Classification, Coding, Flag, Instrument, MultiChoiceItem, OptionCoding, Scale } from '../model/instrument.js';

// Codes for what no terminology codes: the answers, scales and bands of Painpath's instruments,
// the same in exported Questionnaires, their responses and the Observations of their scores.

/** The code system of an instrument's answers that have no code of a terminology. */
export const answerSystem = (instrument: Instrument): string => `urn:painpath:answers:${instrument.id}`;

/** The code system of a scale's bands. */
export const bandSystem = (instrument: Instrument, scale: Scale): string => `${answerSystem(instrument)}:${scale.id}:bands`;

/** A scale's code: its own (LOINC 44261-6 for the PHQ-9 total), or the instrument's code for it. */
export const scaleCoding = (instrument: Instrument, scale: Scale): Coding => scale.code ?? { system: `urn:painpath:scales:${instrument.id}`, code: scale.id };

/** The code system of a body-map region set's region ids. */
export const regionSetSystem = (regionSet: string): string => `urn:painpath:region-set:${regionSet}`;

/** A flag's code, with the code of its severity (`urgent` or `attention`). */
export const flagCodings = (instrument: Instrument, flag: Flag): Coding[] => [
  { system: `urn:painpath:flags:${instrument.id}`, code: flag.id },
  { system: 'urn:painpath:flag-severity', code: flag.severity },
];

/** A classification's code. */
export const classificationCoding = (instrument: Instrument, classification: Classification): Coding => ({ system: `urn:painpath:classifications:${instrument.id}`, code: classification.id });

/** The code system of a classification's classes. */
export const classSystem = (instrument: Instrument, classification: Classification): string => `${answerSystem(instrument)}:${classification.id}:classes`;

/** Where an instrument's exported Questionnaire is published: `{base}/Questionnaire/{id}`. */
export const questionnaireUrl = (instrument: Instrument, base: string): string => `${base.replace(/\/+$/, '')}/Questionnaire/${instrument.id}`;

/** An answer option's FHIR value[x], without its display: the name of its type and the value. */
export type OptionValue =
  | { readonly type: 'Coding'; readonly value: OptionCoding }
  | { readonly type: 'Date' | 'Time' | 'String'; readonly value: string }
  | { readonly type: 'Integer'; readonly value: number }
  | { readonly type: 'Reference'; readonly value: { readonly reference: string } };

/**
 * How an option is written in FHIR, in the exported Questionnaire's answerOption and in responses
 * alike: its own coding; else its value as the item's valueType says; else a code of the
 * instrument's answer system, `{item}.{value}`.
 */
export function optionValue(instrument: Instrument, item: ChoiceItem | MultiChoiceItem, option: AnswerOption): OptionValue {
  if (option.code) return { type: 'Coding', value: option.code };
  const value = option.value;
  switch (item.valueType) {
    case 'date':
      return { type: 'Date', value: String(value) };
    case 'time':
      return { type: 'Time', value: String(value) };
    case 'string':
      return { type: 'String', value: String(value) };
    case 'integer':
      return { type: 'Integer', value: Number(value) };
    case 'reference':
      return { type: 'Reference', value: { reference: String(value) } };
    case undefined:
      return { type: 'Coding', value: { system: answerSystem(instrument), code: `${item.id}.${String(value)}` } };
  }
}
