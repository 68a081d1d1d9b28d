import type { Coding, Instrument, Scale } from '../model/instrument.js';

// Codes for what no terminology codes: the answers, scales and bands of Painpath's instruments,
// the same in exported Questionnaires, their responses and the Observations of their scores.

/** The code system of an instrument's answers that have no code of a terminology. */
export const answerSystem = (instrument: Instrument): string => `urn:painpath:answers:${instrument.id}`;

/** The code system of a scale's bands. */
export const bandSystem = (instrument: Instrument, scale: Scale): string => `${answerSystem(instrument)}:${scale.id}:bands`;

/** A scale's code: its own (LOINC 44261-6 for the PHQ-9 total), or the instrument's code for it. */
export const scaleCoding = (instrument: Instrument, scale: Scale): Coding => scale.code ?? { system: `urn:painpath:scales:${instrument.id}`, code: scale.id };
