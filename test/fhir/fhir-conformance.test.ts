import { expect } from '@open-wc/testing';
import { EXTENSIONS, ITEM_CONTROLS, ITEM_ELEMENTS, ITEM_TYPES, ROOT_ELEMENTS } from '../../src/fhir/fhir-conformance.js';

describe('docs/fhir.md', () => {
  it('publishes the conformance tables the importer reads, row by row', async () => {
    const doc = await (await fetch('/docs/fhir.md')).text();
    const rows = new Set(doc.split('\n').filter((line) => line.startsWith('| `')));
    const tables = { ROOT_ELEMENTS, ITEM_ELEMENTS, ITEM_TYPES, EXTENSIONS, ITEM_CONTROLS };
    const expected = Object.values(tables).flatMap((table) => Object.entries(table).map(([key, { support, note }]) => `| \`${key}\` | ${support} | ${note} |`));
    expect(expected.filter((row) => !rows.has(row)), 'rows missing from docs/fhir.md').to.deep.equal([]);
    expect([...rows].filter((row) => /^\| `[^`]+` \| (supported|metadata|reported|refused) \|/.test(row) && !expected.includes(row)), 'rows of docs/fhir.md the importer does not have').to.deep.equal([]);
  });
});
