import { expect } from '@open-wc/testing';
import { ContentError } from '../../src/model/content-error.js';
import type { BodyMapItem, ChoiceItem, Instrument, NrsItem } from '../../src/model/instrument.js';
import { parseInstrument } from '../../src/model/parse-instrument.js';
import { labelledIdsOf, REGION_SETS } from '../../src/model/region-sets.js';
import { applyTextPacks, parseTextPack } from '../../src/model/text-pack.js';
import { build, question, scale, type Json } from '../helpers/instrument-builder.js';
import { licensedJson, packFor } from '../helpers/licensed-fixture.js';

function problemsOf(run: () => unknown): string[] {
  try {
    run();
  } catch (error) {
    expect(error).to.be.instanceOf(ContentError);
    return (error as ContentError).problems.map((p) => `${p.path}: ${p.message}`);
  }
  throw new Error('expected a ContentError');
}

describe('bring-your-own-text instruments', () => {
  it('parse without any wording', () => {
    const instrument = parseInstrument(licensedJson());
    const [q1, q2] = instrument.items as [ChoiceItem, NrsItem];
    expect(q1.text).to.deep.equal({});
    expect(q1.answers.map((a) => a.text)).to.deep.equal([{}, {}, {}]);
    expect(q2.anchors).to.deep.equal({ min: {}, max: {} });
  });

  it('refuse any wording, since shipping it would break the licence', () => {
    const json = licensedJson();
    const items = json['items'] as Json[];
    items[0]!['text'] = { en: 'Shipped by mistake' };
    (items[0]!['answers'] as Json[])[1]!['text'] = { en: 'Also shipped' };
    items[1]!['anchors'] = { min: { en: 'x' }, max: { en: 'y' } };
    const message = 'a bring-your-own-text instrument must not contain wording: the host gives it in a text pack';
    expect(problemsOf(() => parseInstrument(json))).to.have.members([
      `items[0].text: ${message}`,
      `items[0].answers[1].text: ${message}`,
      `items[1].anchors: ${message}`,
    ]);
  });
});

describe('text packs', () => {
  let instrument: Instrument;
  beforeEach(() => {
    instrument = parseInstrument(licensedJson());
  });

  it('fill every text of the instrument in the pack language', () => {
    const filled = applyTextPacks(instrument, [parseTextPack(packFor('da'), instrument)]);
    const [q1, q2] = filled.items as [ChoiceItem, NrsItem];
    expect(filled.languages).to.deep.equal(['da']);
    expect(filled.translations['da']).to.deep.equal({
      status: 'official',
      source: 'Licensed da wording (test placeholder)',
      evidence: { title: 'Licensed scale (da)', publisher: 'Test licence holder', year: 2024, foundAt: 'test placeholder' },
    });
    expect(filled.title!['da']).to.equal('Licensed scale (da)');
    expect(q1.text['da']).to.equal('Question 1 (da)');
    expect(q1.answers.map((a) => a.text['da'])).to.deep.equal(['None (da)', 'Some (da)', 'Much (da)']);
    expect(q2.anchors.max['da']).to.equal('High (da)');
  });

  it('offer the languages of several packs, the first as the source', () => {
    const packs = ['sv', 'en'].map((lang) => parseTextPack(packFor(lang), instrument));
    expect(applyTextPacks(instrument, packs).languages).to.deep.equal(['sv', 'en']);
  });

  it('add a language to an instrument whose wording is shipped', async () => {
    const phq9 = parseInstrument(await (await fetch('/content/instruments/phq-9.json')).json());
    const items: Record<string, Json> = {};
    const frequency = { '0': 'a', '1': 'b', '2': 'c', '3': 'd' };
    for (let i = 1; i <= 9; i += 1) items[`phq9-${i}`] = { text: `Spørgsmål ${i}`, answers: frequency };
    items['phq9-difficulty'] = {
      text: 'Besvær',
      answers: { 'not-difficult': 'a', 'somewhat-difficult': 'b', 'very-difficult': 'c', 'extremely-difficult': 'd' },
    };
    const evidence = { title: 'PHQ-9 (Faroese)', publisher: 'test', year: 2024, foundAt: 'test' };
    const pack = parseTextPack({ instrument: 'phq-9', language: 'fo', status: 'verified', source: 'test', evidence, items }, phq9);
    const withFaroese = applyTextPacks(phq9, [pack]);
    expect(withFaroese.languages.at(-1)).to.equal('fo');
    expect(withFaroese.languages[0]).to.equal('en');
  });

  it('label the regions of a body map in the language they add', () => {
    const acr = build({ items: [question('where', 'body-map')], scales: [scale('wpi', 'region-groups', ['where'], [0, 5])] });
    const regionLabels: Record<string, string> = Object.fromEntries(labelledIdsOf(REGION_SETS['acr-2016']!).map((id) => [id, `fo:${id}`]));
    const pack = { instrument: acr.id, language: 'fo', status: 'draft', source: 'test', items: { where: { text: 'Hvar?', regionLabels } } };
    const where = applyTextPacks(acr, [parseTextPack(pack, acr)]).items[0] as BodyMapItem;
    expect(where.regionLabels['neck']).to.deep.equal({ en: 'neck', fo: 'fo:neck' });
    expect(where.regionLabels['axial']).to.deep.equal({ en: 'axial', fo: 'fo:axial' });

    delete regionLabels['neck'];
    regionLabels['tail'] = 'Hali';
    expect(problemsOf(() => parseTextPack(pack, acr))).to.have.members([
      'items.where.regionLabels: missing the wording of region "neck"',
      'items.where.regionLabels.tail: acr-2016 has no region or region group "tail"',
    ]);
  });

  it('name every missing or unknown text with its path', () => {
    const pack = packFor('en');
    const items = pack['items'] as Record<string, Json>;
    delete (items['q1']!['answers'] as Json)['2'];
    (items['q1']!['answers'] as Json)['7'] = 'Seven';
    delete items['q2']!['anchors'];
    items['q3'] = { text: 'Not in the instrument' };
    expect(problemsOf(() => parseTextPack(pack, instrument))).to.have.members([
      'items.q1.answers: missing the wording of answer "2"',
      'items.q1.answers.7: "7" is not an answer of "q1" (answers: 0, 1, 2)',
      'items.q2.anchors: expected an object, got undefined',
      'items.q3: "q3" is not an item of licensed',
    ]);
  });

  it('must fit the instrument and, when they say so, its version', () => {
    expect(problemsOf(() => parseTextPack(packFor('en', { instrument: 'other', version: '1.0' }), instrument))).to.have.members([
      'instrument: this pack is for "other", not "licensed"',
      'version: this pack is for version 1.0, not 2.0',
    ]);
  });
});
