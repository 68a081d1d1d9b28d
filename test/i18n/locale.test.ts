import { expect } from '@open-wc/testing';
import { directionOf, resolveLocale } from '../../src/i18n/locale.js';

describe('resolveLocale', () => {
  it('takes the first wanted language that is available', () => {
    expect(resolveLocale([undefined, 'fr', 'da'], ['en', 'da'], 'en')).to.equal('da');
  });

  it('matches a regional tag to its language', () => {
    expect(resolveLocale(['nb-NO'], ['en', 'nb'], 'en')).to.equal('nb');
    expect(resolveLocale(['EN-gb'], ['en'], 'en')).to.equal('en');
  });

  it('falls back when nothing matches', () => {
    expect(resolveLocale(['fr', null, ''], ['en', 'da'], 'en')).to.equal('en');
  });
});

describe('directionOf', () => {
  it('is rtl for Arabic, Persian, Hebrew and Urdu, including regional tags', () => {
    expect(['ar', 'ar-EG', 'fa', 'he', 'ur'].map(directionOf)).to.deep.equal(['rtl', 'rtl', 'rtl', 'rtl', 'rtl']);
    expect(['en', 'da', 'uk'].map(directionOf)).to.deep.equal(['ltr', 'ltr', 'ltr']);
  });
});
