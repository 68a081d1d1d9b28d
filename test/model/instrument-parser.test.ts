import { expect } from '@open-wc/testing';
import { parseInstrumentWith, partsNeeded } from '../../src/model/instrument-parser.js';
import { parseInstrument } from '../../src/model/parse-instrument.js';
import * as rules from '../../src/model/parse-rules.js';
import { loadJson } from '../helpers/fixtures.js';

const shipped = (id: string) => loadJson(`/content/instruments/${id}.json`);

describe('parts of the instrument parser', () => {
  it('names the parts each shipped instrument needs, from its raw file', async () => {
    const needs = async (id: string) => partsNeeded(await shipped(id));
    expect(await needs('phq-4')).to.deep.equal({ rules: false, itemFields: false, scaleOptions: false });
    expect(await needs('phq-9')).to.deep.equal({ rules: true, itemFields: false, scaleOptions: false });
    expect(await needs('nrs-11')).to.deep.equal({ rules: false, itemFields: true, scaleOptions: false });
    expect(await needs('odi-2.1a')).to.deep.equal({ rules: false, itemFields: false, scaleOptions: true });
    expect(await needs('acr-2016')).to.deep.equal({ rules: true, itemFields: true, scaleOptions: true });
  });

  it('needs no part for a file that is not an instrument at all', () => {
    for (const json of [null, 'phq-9', [], { items: 'x', scoring: [] }]) {
      expect(partsNeeded(json)).to.deep.equal({ rules: false, itemFields: false, scaleOptions: false });
    }
  });

  it('parses with only the parts it needs to the same instrument as with all of them', async () => {
    const json = await shipped('phq-9');
    expect(parseInstrumentWith(json, { rules })).to.deep.equal(parseInstrument(json));
  });

  it('throws a programming error, not a content error, when a needed part was not given', async () => {
    const json = await shipped('phq-9');
    expect(() => parseInstrumentWith(json, {})).to.throw(Error, 'flags need parse-rules.js');
  });
});
