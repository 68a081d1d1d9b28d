import { expect } from '@open-wc/testing';
import { parseInstrumentWith, partsNeeded } from '../../src/model/instrument-parser.js';
import { parseInstrument } from '../../src/model/parse-instrument.js';
import * as conditions from '../../src/model/parse-conditions.js';
import * as rules from '../../src/model/parse-rules.js';
import { loadJson } from '../helpers/fixtures.js';

const shipped = (id: string) => loadJson(`/content/instruments/${id}.json`);

describe('parts of the instrument parser', () => {
  it('names the parts each shipped instrument needs, from its raw file', async () => {
    const needs = async (id: string) => partsNeeded(await shipped(id));
    expect(await needs('phq-4')).to.deep.equal({ rules: false, itemFields: false, scaleOptions: false, conditions: false });
    expect(await needs('phq-9')).to.deep.equal({ rules: true, itemFields: false, scaleOptions: false, conditions: true });
    expect(await needs('nrs-11')).to.deep.equal({ rules: false, itemFields: true, scaleOptions: false, conditions: false });
    expect(await needs('odi-2.1a')).to.deep.equal({ rules: false, itemFields: false, scaleOptions: true, conditions: false });
    expect(await needs('acr-2016')).to.deep.equal({ rules: true, itemFields: true, scaleOptions: true, conditions: true });
  });

  it('needs no part for a file that is not an instrument at all', () => {
    for (const json of [null, 'phq-9', [], { items: 'x', scoring: [] }]) {
      expect(partsNeeded(json)).to.deep.equal({ rules: false, itemFields: false, scaleOptions: false, conditions: false });
    }
  });

  it('parses with only the parts it needs to the same instrument as with all of them', async () => {
    const json = await shipped('phq-9');
    expect(parseInstrumentWith(json, { rules, conditions })).to.deep.equal(parseInstrument(json));
  });

  it('throws a programming error, not a content error, when a needed part was not given', async () => {
    const json = await shipped('phq-9');
    expect(() => parseInstrumentWith(json, { conditions })).to.throw(Error, 'The instrument\'s flags need the "rules" part');
    expect(() => parseInstrumentWith(json, { rules })).to.throw(Error, 'The instrument\'s conditions need the "conditions" part');
  });

  it('needs the conditions part for an item with enableWhen, at any depth', () => {
    const json = { items: [{ type: 'group', items: [{ type: 'choice', enableWhen: [] }] }] };
    expect(partsNeeded(json).conditions).to.equal(true);
  });
});
