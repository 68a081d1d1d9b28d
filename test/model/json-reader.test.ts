import { expect } from '@open-wc/testing';
import { ContentError } from '../../src/model/content-error.js';
import { JsonReader } from '../../src/model/json-reader.js';
import { parseInstrument } from '../../src/model/parse-instrument.js';
import { choice, instrument } from '../helpers/instrument-builder.js';

/** The problems `parse` reports, or none when it accepts the file. */
function problemsOf(parse: () => unknown) {
  try {
    parse();
    return [];
  } catch (error) {
    if (!(error instanceof ContentError)) throw error;
    return error.problems;
  }
}

/** A one-item instrument whose only language is `language`, with its texts in English. */
const inLanguage = (language: string) => ({
  ...instrument({ items: [choice('q1', [0, 1])] }),
  languages: [language],
  translations: { [language]: { status: 'draft', source: 'test' } },
});

describe('JsonReader', () => {
  describe('language tags', () => {
    it('accepts a canonical BCP 47 tag', () => {
      const reader = new JsonReader();
      expect(reader.languageTag('nb-NO', 'language')).to.equal('nb-NO');
      expect(reader.problems).to.deep.equal([]);
    });

    it('asks for the canonical spelling of a tag written otherwise', () => {
      const reader = new JsonReader();
      expect(reader.languageTag('EN-us', 'languages[1]')).to.equal(undefined);
      expect(reader.problems).to.deep.equal([{ path: 'languages[1]', message: 'write the language tag "EN-us" as "en-US"' }]);
    });

    it('rejects what is not a BCP 47 tag, such as "hasOwnProperty", with its path', () => {
      const reader = new JsonReader();
      expect(reader.languageTag('hasOwnProperty', 'languages[0]')).to.equal(undefined);
      expect(reader.problems).to.deep.equal([{ path: 'languages[0]', message: '"hasOwnProperty" is not a BCP 47 language tag' }]);
    });

    it('rejects an instrument whose source language is "valueOf" instead of showing a function as its text', () => {
      expect(problemsOf(() => parseInstrument(inLanguage('valueOf')))).to.deep.include({ path: 'languages[0]', message: 'write the language tag "valueOf" as "valueof"' });
    });

    it('rejects an instrument in the language "hasOwnProperty"', () => {
      expect(problemsOf(() => parseInstrument(inLanguage('hasOwnProperty')))).to.deep.include({ path: 'languages[0]', message: '"hasOwnProperty" is not a BCP 47 language tag' });
    });

    it('reports a text keyed by something other than a language tag at its path', () => {
      const reader = new JsonReader();
      expect(reader.textMap({ en: 'Hello', constructor: 'Hi' }, 'title', 'en')).to.deep.equal({ en: 'Hello' });
      expect(reader.problems).to.deep.equal([{ path: 'title.constructor', message: '"constructor" is not a BCP 47 language tag' }]);
    });
  });

  it('finds a text missing its source language even when the language is named like an Object.prototype member', () => {
    const reader = new JsonReader();
    reader.textMap({ en: 'Hello' }, 'title', 'toString');
    expect(reader.problems).to.deep.equal([{ path: 'title', message: 'missing the source language "toString"' }]);
  });

  it('finds a translation status missing for a language named like an Object.prototype member', () => {
    const reader = new JsonReader();
    reader.translations({}, 'translations', ['valueOf']);
    expect(reader.problems).to.deep.equal([{ path: 'translations', message: 'missing the translation status of "valueOf"' }]);
  });
});
