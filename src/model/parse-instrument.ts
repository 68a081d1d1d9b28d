import type { Instrument } from './instrument.js';
import { parseInstrumentWith } from './instrument-parser.js';
import * as itemFields from './field-items.js';
import * as rules from './parse-rules.js';
import * as scaleOptions from './parse-scale-options.js';
import * as conditions from './parse-conditions.js';

/**
 * Validates an instrument file and returns it typed, with every part of the parser.
 * Throws a `ContentError` listing every problem with its JSON path.
 */
export const parseInstrument = (json: unknown): Instrument => parseInstrumentWith(json, { rules, itemFields, scaleOptions, conditions });
