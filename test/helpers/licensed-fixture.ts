import type { Instrument } from '../../src/model/instrument.js';
import { walkItems } from '../../src/model/instrument.js';
import type { Json } from './instrument-builder.js';

/** A bring-your-own-text instrument: structure and scoring, no wording. */
export const licensedJson = (): Json => ({
  id: 'licensed',
  version: '2.0',
  languages: ['en'],
  title: { en: 'A licensed scale' },
  meta: {
    name: { en: 'A licensed scale' },
    citation: ['Test fixture'],
    licence: { kind: 'bring-your-own-text', notice: { en: 'Wording under licence from its holder.' } },
  },
  translations: { en: { status: 'draft', source: 'no wording shipped' } },
  items: [
    { id: 'q1', type: 'choice', required: true, answers: [{ value: 0 }, { value: 1 }, { value: 2 }] },
    { id: 'q2', type: 'nrs', required: true },
  ],
  scoring: { scales: [{ id: 'total', name: { en: 'Total' }, method: 'sum', items: ['q1', 'q2'], range: { min: 0, max: 12 }, source: 'test' }] },
});

export const packFor = (language: string, overrides: Json = {}): Json => ({
  instrument: 'licensed',
  language,
  status: 'official',
  source: `Licensed ${language} wording (test placeholder)`,
  evidence: { title: `Licensed scale (${language})`, publisher: 'Test licence holder', year: 2024, foundAt: 'test placeholder' },
  title: `Licensed scale (${language})`,
  items: {
    q1: { text: `Question 1 (${language})`, answers: { '0': `None (${language})`, '1': `Some (${language})`, '2': `Much (${language})` } },
    q2: { text: `Question 2 (${language})`, anchors: { min: `Low (${language})`, max: `High (${language})` } },
  },
  ...overrides,
});

/** A pack of placeholder texts ("Item 3", "Answer 2"): clearly not the licensed wording. */
export function placeholderPack(instrument: Instrument): Json {
  const items = [...walkItems(instrument.items)].map((item, i): [string, Json] => [
    item.id,
    {
      text: `Item ${i + 1}`,
      ...(item.type === 'choice' && { answers: Object.fromEntries(item.answers.map((a) => [String(a.value), `Answer ${a.value}`])) }),
      ...((item.type === 'nrs' || item.type === 'vas') && { anchors: { min: 'Lowest end', max: 'Highest end' } }),
    },
  ]);
  return {
    instrument: instrument.id,
    version: instrument.version,
    language: 'en',
    status: 'draft',
    source: 'Placeholder texts for tests, not the licensed wording',
    items: Object.fromEntries(items),
  };
}
