import { expect } from '@open-wc/testing';
import { formatLocaleNumber, formatNumber } from '../../src/i18n/format-number.js';

const COUNTS = [0, 1, 9, 10, 42, 99, 100, 365, 999];
const WESTERN = 'bg bs cs da de el en es et fi fr hr hu is it lt lv nb nl nn no pl pt ro ru sk sl so sq sr sv tr uk'.split(' ');

describe('formatNumber', () => {
  it('writes a count as the browser’s Intl.NumberFormat does, in every language it writes without Intl', () => {
    for (const lang of WESTERN) for (const count of COUNTS) expect(formatNumber(count, lang), `${count} in ${lang}`).to.equal(new Intl.NumberFormat(lang).format(count));
  });

  it('leaves other digits, grouping, fractions and regional tags to Intl.NumberFormat', () => {
    expect(formatNumber(7, 'ar')).to.equal(new Intl.NumberFormat('ar').format(7));
    expect(formatNumber(7, 'fa')).to.equal('۷');
    expect(formatNumber(1234, 'de')).to.equal('1.234');
    expect(formatNumber(12345, 'sv')).to.equal(new Intl.NumberFormat('sv').format(12345));
    expect(formatNumber(2.5, 'da')).to.equal('2,5');
    expect(formatNumber(-3, 'en')).to.equal('-3');
    expect(formatNumber(5, 'en-u-nu-arab')).to.equal('٥');
  });
});

describe('formatLocaleNumber', () => {
  const ungrouped = (value: number, lang: string) => new Intl.NumberFormat(lang, { useGrouping: false, maximumFractionDigits: 10 }).format(value);

  it('writes a whole number as the browser’s Intl.NumberFormat does, ungrouped, in every language it writes without Intl', () => {
    for (const lang of WESTERN) for (const value of [...COUNTS, 1000, 12345, 9007199254740991]) expect(formatLocaleNumber(value, lang), `${value} in ${lang}`).to.equal(ungrouped(value, lang));
  });

  it('leaves other digits, fractions, negative numbers and regional tags to Intl.NumberFormat', () => {
    for (const [value, lang] of [[7, 'ar'], [7, 'fa'], [2.5, 'da'], [1234.25, 'de'], [-3, 'sv'], [-3, 'en'], [1e21, 'en'], [5, 'en-u-nu-arab']] as const) {
      expect(formatLocaleNumber(value, lang), `${value} in ${lang}`).to.equal(ungrouped(value, lang));
    }
    expect(formatLocaleNumber(-3, 'sv')).to.equal('\u22123');
  });
});
