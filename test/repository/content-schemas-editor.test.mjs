// What an editor shows while one types a content file: VS Code's own JSON language service
// (vscode-json-languageservice, the library VS Code's JSON support is built on) finds each file's
// schema through its `$schema`, relative to the file, as VS Code does. Every shipped file is free of
// problems there too; a mistake is marked on its line; keys and allowed values are completed; every
// key has hover help, a property's own description included.
import { readdirSync, readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import languageService from 'vscode-json-languageservice';
import { TextDocument } from 'vscode-languageserver-textdocument';

const root = new URL('../../', import.meta.url);
const jsonFilesIn = (folder) =>
  readdirSync(new URL(folder, root))
    .filter((name) => name.endsWith('.json'))
    .map((name) => `${folder}/${name}`);
const FILES = [
  ...['content/instruments', 'content/education', 'content/pathways'].flatMap(jsonFilesIn),
  'demo/kiosk-sequence.json',
  'test/fixtures/kiosk-sequence.json',
  'test/fixtures/every-item-type.json',
  'test/fixtures/structure-item-types.json',
];

const service = languageService.getLanguageService({
  schemaRequestService: async (uri) => readFileSync(fileURLToPath(uri), 'utf8'),
  workspaceContext: { resolveRelativePath: (path, resource) => new URL(path, resource).href },
});
service.configure({ validate: true, allowComments: false });

/** A file as the editor holds it, optionally edited: `edit` turns its text into what was typed. */
function open(file, edit = (text) => text) {
  const document = TextDocument.create(new URL(file, root).href, 'json', 1, edit(readFileSync(new URL(file, root), 'utf8')));
  return { document, json: service.parseJSONDocument(document) };
}

/** The problems the editor underlines, as `line: message` (lines from 1). */
async function problemsIn({ document, json }) {
  return (await service.doValidation(document, json)).map((d) => `${d.range.start.line + 1}: ${d.message}`);
}

const lineOf = (text, needle) => text.slice(0, text.indexOf(needle)).split('\n').length;

/** The hover text on the first occurrence of `needle` (a quoted key), or ''. */
async function hoverOn({ document, json }, needle) {
  const offset = document.getText().indexOf(needle);
  assert.ok(offset >= 0, `${needle} is not in ${document.uri}`);
  const hover = await service.doHover(document, document.positionAt(offset + 1), json);
  return (hover?.contents ?? []).join('\n').replace(/\\(.)/g, '$1');
}

/** The labels the editor offers at the offset just after the first occurrence of `needle`. */
async function completionsAfter({ document, json }, needle) {
  const offset = document.getText().indexOf(needle);
  assert.ok(offset >= 0, `${needle} is not in ${document.uri}`);
  const list = await service.doComplete(document, document.positionAt(offset + needle.length), json);
  return list.items.map((item) => item.label.replace(/^"|"$/g, ''));
}

describe('content files in an editor that reads JSON Schema (VS Code)', () => {
  it('find their schema and show no problem in any shipped file or fixture', async () => {
    for (const file of FILES) assert.deepEqual(await problemsIn(open(file)), [], file);
  });

  it('underline a mistake on its line as it is typed', async () => {
    const misspelt = open('content/pathways/specialist-physiotherapy.json', (text) => text.replace('"whatHappens"', '"whatHapens"'));
    const line = lineOf(misspelt.document.getText(), '"whatHapens"');
    assert.ok((await problemsIn(misspelt)).includes(`${line}: Property whatHapens is not allowed.`), (await problemsIn(misspelt)).join('\n'));

    const unknownType = open('content/instruments/nrs-11.json', (text) => text.replace('"type": "nrs"', '"type": "slider"'));
    const typeLine = lineOf(unknownType.document.getText(), '"slider"');
    const problems = await problemsIn(unknownType);
    assert.ok(
      problems.some((problem) => problem.startsWith(`${typeLine}: `) && problem.includes('"nrs"') && problem.includes('"choice"')),
      `no problem naming the allowed item types on line ${typeLine}:\n${problems.join('\n')}`,
    );

    const missingSchema = open('content/pathways/specialist-physiotherapy.json', (text) => text.replace('../schemas/pathway.schema.json', '../schemas/no-such.schema.json'));
    assert.ok((await problemsIn(missingSchema)).length > 0, 'a schema that cannot be found is not reported');

    const wrongSchema = open('content/pathways/specialist-physiotherapy.json', (text) => text.replace('../schemas/pathway.schema.json', '../schemas/instrument.schema.json'));
    assert.ok((await problemsIn(wrongSchema)).length > 0, 'a pathway checked against the instrument schema shows no problem');
  });

  it('complete allowed values and keys', async () => {
    const nrs = open('content/instruments/nrs-11.json');
    assert.deepEqual(
      (await completionsAfter(nrs, '"type": "')).sort(),
      ['attachment', 'body-map', 'boolean', 'choice', 'date', 'date-time', 'decimal', 'display', 'group', 'integer', 'multi-choice', 'nrs', 'page', 'quantity', 'text', 'time', 'url', 'vas'],
    );
    const pathway = open('content/pathways/specialist-physiotherapy.json', (text) => text.replace('"roles": [', '"roles": [ "gp", '));
    const roles = await completionsAfter(pathway, '"roles": [ "gp", ');
    assert.ok(roles.includes('psychologist') && roles.includes('occupational-therapist'), roles.join(', '));
    const steps = open('content/pathways/specialist-physiotherapy.json', (text) => text.replace(/"steps": \[\s*\{/, '$& '));
    const keys = await completionsAfter(steps, text(steps).match(/"steps": \[\s*\{ /)[0]);
    assert.ok(['duration', 'bring', 'youDecide', 'decisions', 'links'].every((key) => keys.includes(key)), keys.join(', '));
  });

  it("explain every key on hover, and a property's own description under its definition's title", async () => {
    for (const file of FILES) {
      const opened = open(file);
      const languages = new Set(JSON.parse(text(opened)).languages);
      // Language tags key the texts of a text map, which the hover on the map explains.
      const keys = new Set([...text(opened).matchAll(/"([^"\\]+)"\s*:/g)].map((match) => match[1]).filter((key) => !languages.has(key)));
      for (const key of keys) {
        assert.notEqual(await hoverOn(opened, `"${key}"`), '', `${file}: no hover help on "${key}"`);
      }
    }
    const intro = await hoverOn(open('content/pathways/specialist-physiotherapy.json'), '"intro"');
    assert.match(intro, /Who the pathway is for/);
    assert.match(intro, /each language/);
  });
});

function text({ document }) {
  return document.getText();
}
