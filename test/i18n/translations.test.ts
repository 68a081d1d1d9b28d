import { expect } from '@open-wc/testing';
import { targetLocales } from '../../components/shared/locale-codes.js';
import * as ar from '../../components/shared/locales/ar.js';
import * as da from '../../components/shared/locales/da.js';
import * as de from '../../components/shared/locales/de.js';
import * as nb from '../../components/shared/locales/nb.js';
import * as pl from '../../components/shared/locales/pl.js';
import * as sv from '../../components/shared/locales/sv.js';
import * as uk from '../../components/shared/locales/uk.js';

const modules: Record<string, { templates: Record<string, unknown> }> = { ar, da, de, nb, pl, sv, uk };

interface Unit {
  readonly id: string;
  readonly source: Element;
  readonly target: Element | null;
}

async function unitsOf(locale: string): Promise<Unit[]> {
  const xml = await (await fetch(`/content/xliff/${locale}.xlf`)).text();
  const doc = new DOMParser().parseFromString(xml, 'application/xml');
  return [...doc.querySelectorAll('trans-unit')].map((unit) => ({
    id: unit.getAttribute('id')!,
    source: unit.querySelector('source')!,
    target: unit.querySelector('target'),
  }));
}

const placeholders = (element: Element) => [...element.querySelectorAll('x')].map((x) => x.getAttribute('id')).sort();

describe('user-interface translations', () => {
  it('cover the eight languages of the pathways we serve', () => {
    expect([...targetLocales].sort()).to.deep.equal(['ar', 'da', 'de', 'nb', 'pl', 'sv', 'uk']);
  });

  for (const locale of targetLocales) {
    it(`translate every string into ${locale}, keeping every placeholder`, async () => {
      const units = await unitsOf(locale);
      expect(units.length).to.be.greaterThan(20);
      const untranslated = units.filter((u) => !u.target?.textContent?.trim()).map((u) => `${u.id} "${u.source.textContent}"`);
      expect(untranslated, `missing in ${locale}`).to.deep.equal([]);
      for (const unit of units) {
        expect(placeholders(unit.target!), `${locale} ${unit.id}`).to.deep.equal(placeholders(unit.source));
      }
    });

    it(`ships every ${locale} translation in the bundled locale module`, async () => {
      const ids = (await unitsOf(locale)).map((u) => u.id).sort();
      expect(Object.keys(modules[locale]!.templates).sort()).to.deep.equal(ids);
    });
  }
});
