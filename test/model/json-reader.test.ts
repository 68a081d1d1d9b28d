import { expect } from '@open-wc/testing';
import { JsonReader } from '../../src/model/json-reader.js';
import { parseInstrument } from '../../src/model/parse-instrument.js';
import { parseEducationModule } from '../../src/model/education.js';
import { parsePathway } from '../../src/model/pathway.js';
import { parseTextPack } from '../../src/model/text-pack.js';
import { contentFiles } from '../helpers/hostile-content.js';
import { contentProblemsOf, loadJson } from '../helpers/fixtures.js';
import { choice, instrument } from '../helpers/instrument-builder.js';
import { licensedJson, packFor } from '../helpers/licensed-fixture.js';


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
      expect(contentProblemsOf(() => parseInstrument(inLanguage('valueOf')))).to.deep.include({ path: 'languages[0]', message: 'write the language tag "valueOf" as "valueof"' });
    });

    it('rejects an instrument in the language "hasOwnProperty"', () => {
      expect(contentProblemsOf(() => parseInstrument(inLanguage('hasOwnProperty')))).to.deep.include({ path: 'languages[0]', message: '"hasOwnProperty" is not a BCP 47 language tag' });
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

  describe('translation evidence', () => {
    const evidence = { title: 'PHQ-9 (Danish)', publisher: 'Pfizer Inc.', year: 2010, foundAt: 'the licence holder\'s download page' };
    /** An instrument in English and Danish whose Danish translation is `danish`. */
    const withDanish = (danish: Record<string, unknown>) => ({
      ...instrument({ items: [choice('q1', [0, 1])] }),
      languages: ['en', 'da'],
      translations: { en: { status: 'draft', source: 'test' }, da: danish },
    });

    for (const status of ['official', 'verified']) {
      it(`refuses an "${status}" translation that names no document it was compared with, at its path`, () => {
        expect(contentProblemsOf(() => parseInstrument(withDanish({ status, source: 'test' })))).to.deep.equal([
          {
            path: 'translations.da.evidence',
            message: `an "${status}" translation names the document it was compared with (title, publisher, year, foundAt); without one, mark it "draft"`,
          },
        ]);
      });
    }

    it('reports every missing or wrong part of the evidence with its path', () => {
      const problems = contentProblemsOf(() => parseInstrument(withDanish({ status: 'official', source: 'test', evidence: { title: 'PHQ-9', year: 2010.5, foundAt: '' } })));
      expect(problems).to.deep.equal([
        { path: 'translations.da.evidence.publisher', message: 'expected a string, got undefined' },
        { path: 'translations.da.evidence.foundAt', message: 'expected a non-empty string' },
        { path: 'translations.da.evidence.year', message: 'expected a year, got 2010.5' },
      ]);
    });

    it('keeps the evidence of an official translation, and accepts a draft without any', () => {
      const parsed = parseInstrument(withDanish({ status: 'official', source: 'test', evidence }));
      expect(parsed.translations['da']).to.deep.equal({ status: 'official', source: 'test', evidence });
      expect(parsed.translations['en']).to.deep.equal({ status: 'draft', source: 'test' });
    });

    it('holds a text pack to the same rule', () => {
      const licensed = parseInstrument(licensedJson());
      const { evidence: _evidence, ...withoutEvidence } = packFor('da') as Record<string, unknown>;
      expect(contentProblemsOf(() => parseTextPack(withoutEvidence, licensed))).to.deep.include({
        path: 'evidence',
        message: 'an "official" translation names the document it was compared with (title, publisher, year, foundAt); without one, mark it "draft"',
      });
      expect(parseTextPack(packFor('da'), licensed).evidence).to.deep.equal(packFor('da')['evidence']);
    });

    const PARSERS = { instruments: parseInstrument, education: parseEducationModule, pathways: parsePathway } as const;
    for (const [folder, parse] of Object.entries(PARSERS)) {
      it(`every official or verified status of every shipped file in content/${folder} names its evidence`, async () => {
        const files = await contentFiles(folder as keyof typeof PARSERS);
        expect(files.length).to.be.above(0);
        for (const file of files) {
          const { translations } = parse(await loadJson(`/content/${folder}/${file}`));
          for (const [lang, translation] of Object.entries(translations)) {
            if (translation.status === 'draft') continue;
            expect(translation.evidence, `${file} ${lang}`).to.have.all.keys('title', 'publisher', 'year', 'foundAt');
          }
        }
      });
    }
  });
});
