import { expect } from '@open-wc/testing';
import { conditionHolds } from '../../src/model/conditions.js';
import type { Condition } from '../../src/model/instrument.js';

const holds = (operator: Condition['operator'], value: Condition['value'], answer?: number | string) =>
  conditionHolds({ item: 'q', operator, value }, answer === undefined ? {} : { q: answer });

describe('conditionHolds', () => {
  it('compares numbers with every operator', () => {
    expect([holds('=', 2, 2), holds('!=', 2, 3), holds('<', 2, 1), holds('<=', 2, 2), holds('>', 2, 3), holds('>=', 2, 2)]).to.deep.equal([true, true, true, true, true, true]);
    expect([holds('=', 2, 3), holds('!=', 2, 2), holds('<', 2, 2), holds('<=', 2, 3), holds('>', 2, 2), holds('>=', 2, 1)]).to.deep.equal([false, false, false, false, false, false]);
  });

  it('is false for an unanswered item except exists: false', () => {
    expect(holds('!=', 2)).to.equal(false);
    expect(holds('exists', false)).to.equal(true);
    expect(holds('exists', true)).to.equal(false);
    expect(holds('exists', true, 0)).to.equal(true);
  });

  it('never orders a string against a number', () => {
    expect(holds('>', 1, 'yes')).to.equal(false);
    expect(holds('=', 'yes', 'yes')).to.equal(true);
  });
});
