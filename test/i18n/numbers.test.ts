import { expect } from '@open-wc/testing';
import { formatLocaleNumber } from '../../src/i18n/format-number.js';
import { parseLocaleNumber } from '../../src/i18n/numbers.js';

describe('parseLocaleNumber', () => {
  it('reads the decimal mark of the language', () => {
    expect(parseLocaleNumber('3,5', 'da')).to.equal(3.5);
    expect(parseLocaleNumber('3.5', 'en')).to.equal(3.5);
    expect(parseLocaleNumber('٣٫٥', 'ar')).to.equal(3.5);
  });

  it('accepts "." as a decimal mark where the language groups with it', () => {
    expect(parseLocaleNumber('3.5', 'da')).to.equal(3.5);
    expect(parseLocaleNumber('1.234,5', 'da')).to.equal(1234.5);
  });

  it('drops group marks and spaces', () => {
    expect(parseLocaleNumber('1 234,5', 'sv')).to.equal(1234.5);
    expect(parseLocaleNumber('1,234.5', 'en')).to.equal(1234.5);
    expect(parseLocaleNumber(' 72 ', 'en')).to.equal(72);
    expect(parseLocaleNumber('−4', 'sv')).to.equal(-4);
  });

  it('refuses what is not clearly a number instead of guessing', () => {
    expect(parseLocaleNumber('1,5', 'en')).to.be.NaN;
    expect(parseLocaleNumber('abc', 'en')).to.be.NaN;
    expect(parseLocaleNumber('', 'en')).to.be.NaN;
    expect(parseLocaleNumber('3,5,1', 'da')).to.be.NaN;
  });
});

describe('formatLocaleNumber', () => {
  it('writes numbers that read back unchanged', () => {
    for (const lang of ['en', 'da', 'sv', 'de', 'ar', 'uk', 'pl', 'nb']) {
      expect(parseLocaleNumber(formatLocaleNumber(1234.25, lang), lang), lang).to.equal(1234.25);
    }
  });
});
