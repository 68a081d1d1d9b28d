// Flags and classifications, for the instruments that have them: their parser and their tests.
export * as parser from '../../src/model/parse-rules.js';
export { classify, predicateItems, raisedFlags } from '../../src/scoring/rules.js';
