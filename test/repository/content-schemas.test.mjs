// The JSON Schemas of content/schemas/ (what an editor such as VS Code checks while one types) and
// the runtime parsers (what Painpath checks when a file loads) must agree: every shipped file and
// fixture of each format passes both, and every malformed file below fails both, where it breaks.
// A node test rather than a browser one: Ajv compiles each schema into a function with
// `new Function` (fine in node; a page's content security policy may forbid it), and the parsers
// are pure functions, bundled here from their TypeScript sources by esbuild.
import Ajv from 'ajv';
import { build } from 'esbuild';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, relative, resolve, sep } from 'node:path';
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';

const root = resolve(fileURLToPath(new URL('../..', import.meta.url)));
const readJson = (file) => JSON.parse(readFileSync(resolve(root, file), 'utf8'));
const jsonFilesIn = (folder) => readdirSync(resolve(root, folder)).filter((name) => name.endsWith('.json')).map((name) => `${folder}/${name}`);

const {
  outputFiles: [bundle],
} = await build({
  stdin: {
    contents: `
      export { ContentError } from './src/model/content-error.ts';
      export { parseInstrument } from './src/model/parse-instrument.ts';
      export { walkItems } from './src/model/instrument.ts';
      export { parseTextPack } from './src/model/text-pack.ts';
      export { parseEducationModule } from './src/model/education.ts';
      export { parsePathway } from './src/model/pathway.ts';
      export { parseKioskSequence } from './src/model/kiosk.ts';
      export { REGION_SETS, labelledIdsOf } from './src/model/region-sets.ts';`,
    resolveDir: root,
    loader: 'ts',
  },
  bundle: true,
  write: false,
  format: 'esm',
  platform: 'neutral',
});
const runtime = await import(`data:text/javascript;base64,${Buffer.from(bundle.text).toString('base64')}`);

// Strict mode refuses what an editor would silently ignore: unknown keywords, a required key that no
// property defines, keywords of a type the schema does not declare.
const ajv = new Ajv({ strict: true, allErrors: true });
const schemaOf = (format) => readJson(`content/schemas/${format}.schema.json`);
ajv.addSchema(schemaOf('common'), 'common.schema.json');

/** Each format: its schema's validator, its parser (a text pack's with the instrument it words), and its shipped files and fixtures. */
const FORMATS = {
  instrument: {
    parse: (json) => runtime.parseInstrument(json),
    files: [...jsonFilesIn('content/instruments'), 'test/fixtures/every-item-type.json', 'test/fixtures/structure-item-types.json'],
  },
  'education-module': { parse: (json) => runtime.parseEducationModule(json), files: jsonFilesIn('content/education') },
  pathway: { parse: (json) => runtime.parsePathway(json), files: jsonFilesIn('content/pathways') },
  'kiosk-sequence': { parse: (json) => runtime.parseKioskSequence(json), files: ['demo/kiosk-sequence.json', 'test/fixtures/kiosk-sequence.json'] },
  // No text pack is shipped (hosts hold the licences): the valid ones are made from the instruments below.
  'text-pack': { parse: (json, instrument) => runtime.parseTextPack(json, instrument), files: [] },
};
for (const [format, entry] of Object.entries(FORMATS)) entry.validate = ajv.compile(schemaOf(format));

/** The JSON path of a schema error, written as the runtime writes paths (`items[3].answers`), naming the missing or unknown key. */
function pathOf({ instancePath, keyword, params }) {
  const keys = instancePath.split('/').slice(1).map((key) => key.replace(/~1/g, '/').replace(/~0/g, '~'));
  if (keyword === 'required' || keyword === 'dependencies') keys.push(params.missingProperty);
  if (keyword === 'additionalProperties') keys.push(params.additionalProperty);
  return keys.reduce((path, key) => (/^\d+$/.test(key) ? `${path}[${key}]` : path ? `${path}.${key}` : key), '');
}

/** Where the schema finds problems (none when the document is valid). */
function schemaProblems(format, json) {
  const { validate } = FORMATS[format];
  return validate(json) ? [] : validate.errors.map(pathOf);
}

/** The problems the runtime parser finds, each with its path (none when it accepts the document). */
function runtimeProblems(format, json, instrument) {
  try {
    FORMATS[format].parse(json, instrument);
    return [];
  } catch (error) {
    if (!(error instanceof runtime.ContentError)) throw error;
    return error.problems;
  }
}

const pathsOf = (problems) => problems.map((problem) => problem.path);

const within = (at) => (path) => path === at || path.startsWith(`${at}.`) || path.startsWith(`${at}[`);

const INSTRUMENTS = new Map(FORMATS.instrument.files.map((file) => [file, runtime.parseInstrument(readJson(file))]));
const instrumentWithId = (id) => [...INSTRUMENTS.values()].find((instrument) => instrument.id === id);

/** A complete draft text pack for the instrument, every text made up: what a host's pack for it looks like. */
function textPackFor(instrument) {
  const items = {};
  for (const item of runtime.walkItems(instrument.items)) {
    if (item.type === 'group' || item.type === 'page') continue;
    items[item.id] = {
      text: `Text of ${item.id}`,
      ...((item.type === 'choice' || item.type === 'multi-choice') && { answers: Object.fromEntries(item.answers.map((option) => [String(option.value), `Answer ${option.value}`])) }),
      ...((item.type === 'nrs' || item.type === 'vas') && { anchors: { min: 'Lowest', max: 'Highest' } }),
      ...(item.type === 'body-map' && { regionLabels: Object.fromEntries(runtime.labelledIdsOf(runtime.REGION_SETS[item.regionSet]).map((id) => [id, `Label of ${id}`])) }),
    };
  }
  return { $schema: '../schemas/text-pack.schema.json', instrument: instrument.id, version: instrument.version, language: 'is', status: 'draft', source: 'Made up by content-schemas.test.mjs', title: 'Title', items };
}

/** Every valid document of a format, with its name and (for a text pack) the instrument it words. */
function documentsOf(format) {
  if (format === 'text-pack') return [...INSTRUMENTS].map(([file, instrument]) => ({ name: `a text pack for ${file}`, json: textPackFor(instrument), instrument }));
  return FORMATS[format].files.map((file) => ({ name: file, json: readJson(file) }));
}

/** A valid document to break: a file, or for a text pack the pack of the instrument with that id. */
function base(format, from) {
  if (format !== 'text-pack') return { json: readJson(from) };
  const instrument = instrumentWithId(from);
  return { json: textPackFor(instrument), instrument };
}

// The valid files the cases below break.
const [PHQ9, EVERY_ITEM_TYPE, ODI] = ['content/instruments/phq-9.json', 'test/fixtures/every-item-type.json', 'content/instruments/odi-2.1a.json'];
const [MODULE, PATHWAY, KIOSK] = ['content/education/pain-is-a-protector.json', 'content/pathways/specialist-physiotherapy.json', 'demo/kiosk-sequence.json'];

// [what is wrong, the valid file it breaks (for a text pack, the id of the instrument it words),
// the path where both must find it, the change]
const MALFORMED = {
  instrument: [
    ['without an id', PHQ9, 'id', (json) => delete json.id],
    ['with an id that has a space', PHQ9, 'id', (json) => (json.id = 'phq 9')],
    ['with a version that is a number', PHQ9, 'version', (json) => (json.version = 1)],
    ['with no languages', PHQ9, 'languages', (json) => (json.languages = [])],
    ['with a language that is not a BCP 47 tag', PHQ9, 'languages[1]', (json) => (json.languages[1] = 'danish!')],
    ['with a language tag not spelt as browsers write it', PHQ9, 'languages[1]', (json) => (json.languages[1] = 'DA')],
    ['with a title that is not a text map', PHQ9, 'title', (json) => (json.title = 'PHQ-9')],
    ['with a blank text', PHQ9, 'title.en', (json) => (json.title.en = ' ')],
    ['with an unknown translation status', PHQ9, 'translations.da.status', (json) => (json.translations.da.status = 'approved')],
    ['with an official translation that names no evidence', PHQ9, 'translations.da.evidence', (json) => (json.translations.da.status = 'official')],
    ['with an unknown licence kind', PHQ9, 'meta.licence.kind', (json) => (json.meta.licence.kind = 'open')],
    ['with no items', PHQ9, 'items', (json) => (json.items = [])],
    ['with an unknown item type', PHQ9, 'items[1].type', (json) => (json.items[1].type = 'radio')],
    ['with a question without text', PHQ9, 'items[0].items[0].text', (json) => delete json.items[0].items[0].text],
    ['with a choice of one answer', PHQ9, 'items[1].answers', (json) => (json.items[1].answers = json.answerSets.difficulty.slice(0, 1))],
    ['with an unknown condition operator', PHQ9, 'items[1].enableWhen[0].operator', (json) => (json.items[1].enableWhen[0].operator = '=>')],
    ['with a scale of no items', PHQ9, 'scoring.scales[0].items', (json) => (json.scoring.scales[0].items = [])],
    ['with an unknown scoring method', PHQ9, 'scoring.scales[0].method', (json) => (json.scoring.scales[0].method = 'median')],
    ['with a band without a label', PHQ9, 'scoring.scales[0].bands[0].label', (json) => delete json.scoring.scales[0].bands[0].label],
    ['with a lookup pair of three numbers', PHQ9, 'scoring.scales[0].lookup[0]', (json) => (json.scoring.scales[0].lookup = [[0, 1, 2]])],
    ['with a flag of unknown severity', PHQ9, 'scoring.flags[0].severity', (json) => (json.scoring.flags[0].severity = 'high')],
    ['with a rating scale without anchors', EVERY_ITEM_TYPE, 'items[1].anchors', (json) => delete json.items[1].anchors],
    ['with a body map missing the label of a region', EVERY_ITEM_TYPE, 'items[3].regionLabels', (json) => delete json.items[3].regionLabels.neck],
    ['with a body map labelling a region its set lacks', EVERY_ITEM_TYPE, 'items[3].regionLabels', (json) => (json.items[3].regionLabels.tail = { en: 'Tail' })],
    ['with a multi-choice of no answers', EVERY_ITEM_TYPE, 'items[4].answers', (json) => (json.items[4].answers = [])],
    ['with questions under a multi-choice', EVERY_ITEM_TYPE, 'items[4].items', (json) => (json.items[4].items = [json.items[6]])],
    ['with a slider without a max', EVERY_ITEM_TYPE, 'items[5].items[0]', (json) => delete Object.assign(json.items[5].items[0], { control: 'slider' }).max],
    ['with a bound of a number that is text', EVERY_ITEM_TYPE, 'items[5].items[1].min', (json) => (json.items[5].items[1].min = 'zero')],
    ['with a date bound that is not a date', EVERY_ITEM_TYPE, 'items[5].items[2].max', (json) => (json.items[5].items[2].max = 'next week')],
    ['of bring-your-own-text, with the wording of an item', ODI, 'items[0].text', (json) => (json.items[0].text = { en: 'Pain intensity' })],
    ['of bring-your-own-text, with instructions', ODI, 'instructions', (json) => (json.instructions = { en: 'Tick one box.' })],
  ],
  'education-module': [
    ['without a title', MODULE, 'title', (json) => delete json.title],
    ['with a language tag not spelt as browsers write it', MODULE, 'languages[1]', (json) => (json.languages[1] = 'DA')],
    ['with an unknown translation status', MODULE, 'translations.da.status', (json) => (json.translations.da.status = 'final')],
    ['with a reference that is not an object', MODULE, 'meta.references[0]', (json) => (json.meta.references[0] = 'Moseley 2015')],
    ['with no pages', MODULE, 'pages', (json) => (json.pages = [])],
    ['with an unknown page kind', MODULE, 'pages[0].kind', (json) => (json.pages[0].kind = 'appendix')],
    ['with a page of no blocks', MODULE, 'pages[0].blocks', (json) => (json.pages[0].blocks = [])],
    ['with an unknown block type', MODULE, 'pages[0].blocks[1].type', (json) => (json.pages[0].blocks[1].type = 'video')],
    ['with an illustration we do not have', MODULE, 'pages[0].blocks[1].name', (json) => (json.pages[0].blocks[1].name = 'sunset')],
    ['with a paragraph whose text is not a text map', MODULE, 'pages[0].blocks[2].text', (json) => (json.pages[0].blocks[2].text = 'Pain protects you.')],
    ['with a key message without an id', MODULE, 'pages[0].blocks[3].id', (json) => delete json.pages[0].blocks[3].id],
    ['with a question of one option', MODULE, 'pages[4].blocks[3].options', (json) => json.pages[4].blocks[3].options.splice(1)],
    ['with a question without a correct option', MODULE, 'pages[4].blocks[3].options', (json) => json.pages[4].blocks[3].options.forEach((option) => (option.correct = false))],
    ['with an option without feedback', MODULE, 'pages[4].blocks[3].options[0].feedback', (json) => delete json.pages[4].blocks[3].options[0].feedback],
  ],
  pathway: [
    ['with an unknown field', PATHWAY, 'summary', (json) => (json.summary = { en: 'In short' })],
    ['with a misspelt field of a step', PATHWAY, 'steps[1].youdecide', (json) => (json.steps[1].youdecide = json.steps[1].youDecide)],
    ['with a title that is not a text map', PATHWAY, 'title', (json) => (json.title = 'Physiotherapy')],
    ['with a language that is not a BCP 47 tag', PATHWAY, 'languages[1]', (json) => (json.languages[1] = 'da_DK')],
    ['without a citation of the care model', PATHWAY, 'meta.basedOn', (json) => (json.meta.basedOn = [])],
    ['with no steps', PATHWAY, 'steps', (json) => (json.steps = [])],
    ['with a step of no roles', PATHWAY, 'steps[0].roles', (json) => (json.steps[0].roles = [])],
    ['with an unknown role', PATHWAY, 'steps[0].roles[0]', (json) => (json.steps[0].roles[0] = 'surgeon')],
    ['with a role named twice', PATHWAY, 'steps[0].roles', (json) => json.steps[0].roles.push(json.steps[0].roles[0])],
    ['with an empty list of what to bring', PATHWAY, 'steps[1].bring', (json) => (json.steps[1].bring = [])],
    ['with a decision that both leads on and out', PATHWAY, 'steps[1].decisions[0]', (json) => (json.steps[1].decisions[0].exitTo = { en: 'Elsewhere' })],
    ['with a link to both an instrument and a module', PATHWAY, 'steps[1].links[0]', (json) => (json.steps[1].links[0].module = 'hurt-and-harm')],
    ['with a local duration that has numbers', PATHWAY, 'steps[1].duration', (json) => (json.steps[1].duration.sessions = 2)],
    ['with an empty duration', PATHWAY, 'steps[3].duration', (json) => (json.steps[3].duration = {})],
    ['with a period in two units', PATHWAY, 'steps[3].duration', (json) => (json.steps[3].duration.weeks = 20)],
    ['with a negative number of sessions', PATHWAY, 'steps[3].duration.sessions', (json) => (json.steps[3].duration.sessions = -1)],
    ['with a range of three numbers', PATHWAY, 'steps[3].duration.sessions', (json) => (json.steps[3].duration.sessions = [6, 9, 12])],
  ],
  'kiosk-sequence': [
    ['without an id', KIOSK, 'id', (json) => delete json.id],
    ['with no languages', KIOSK, 'languages', (json) => (json.languages = [])],
    ['with a language that is not a BCP 47 tag', KIOSK, 'languages[1]', (json) => (json.languages[1] = 'da_DK')],
    ['with a language listed twice', KIOSK, 'languages', (json) => json.languages.push('en')],
    ['without a consent screen', KIOSK, 'consent', (json) => delete json.consent],
    ['with a screen text that is not a text map', KIOSK, 'start.text', (json) => (json.start.text = 'Welcome')],
    ['with steps that are not a list', KIOSK, 'steps', (json) => (json.steps = json.steps[0])],
    ['with no steps', KIOSK, 'steps', (json) => (json.steps = [])],
    ['with a step naming both a questionnaire and a module', KIOSK, 'steps[0]', (json) => (json.steps[0].module = '/education/hurt-and-harm.json')],
    ['with a step naming neither', KIOSK, 'steps[0]', (json) => (json.steps[0] = { url: '/instruments/nrs-11.json' })],
    ['with a blank URL', KIOSK, 'steps[0].questionnaire', (json) => (json.steps[0].questionnaire = ' ')],
  ],
  'text-pack': [
    ['with an instrument id that is not text', 'odi', 'instrument', (json) => (json.instrument = 7)],
    ['without a language', 'odi', 'language', (json) => delete json.language],
    ['with a language tag not spelt as browsers write it', 'odi', 'language', (json) => (json.language = 'IS')],
    ['with an unknown translation status', 'odi', 'status', (json) => (json.status = 'licensed')],
    ['official, naming no evidence', 'odi', 'evidence', (json) => (json.status = 'official')],
    ['with a blank title', 'odi', 'title', (json) => (json.title = ' ')],
    ['with items that are not an object', 'odi', 'items', (json) => (json.items = [])],
    ['with a field no item takes', 'odi', 'items.odi-1.hint', (json) => (json.items['odi-1'].hint = 'Think of today')],
    ['with the wording of an answer that is not text', 'odi', 'items.odi-1.answers', (json) => (json.items['odi-1'].answers['0'] = 0)],
    ['with a rating scale missing an anchor', 'nrs-11', 'items.nrs-pain.anchors.max', (json) => delete json.items['nrs-pain'].anchors.max],
  ],
};

// What only the runtime can check (cross-references, uniqueness, order), as each schema's description says.
const RUNTIME_ONLY = {
  instrument: [
    ['a text without the source language', PHQ9, 'title', (json) => delete json.title.en],
    ['an item id used twice', PHQ9, 'items[0].items[1].id', (json) => (json.items[0].items[1].id = 'phq9-1')],
    ['a condition on an item that does not exist', PHQ9, 'items[1].enableWhen[0].item', (json) => (json.items[1].enableWhen[0].item = 'phq9-10')],
    ['an answer set that does not exist', PHQ9, 'items[1].answers', (json) => (json.items[1].answers = 'agreement')],
    ['bands that leave a gap', PHQ9, 'scoring.scales[0].bands[1].min', (json) => (json.scoring.scales[0].bands[1].min += 2)],
  ],
  'education-module': [
    ['a page that does not start with a heading', MODULE, 'pages[0].blocks', (json) => json.pages[0].blocks.reverse()],
    ['a question with two correct options', MODULE, 'pages[4].blocks[3].options', (json) => json.pages[4].blocks[3].options.forEach((option) => (option.correct = true))],
  ],
  pathway: [
    ['a decision leading to no step', PATHWAY, 'steps[1].decisions[0].next', (json) => (json.steps[1].decisions[0].next = 'nowhere')],
    ['a step id used twice', PATHWAY, 'steps[1].id', (json) => (json.steps[1].id = json.steps[0].id)],
  ],
  'kiosk-sequence': [['a text without the source language', KIOSK, 'start.title', (json) => delete json.start.title.en]],
  'text-pack': [
    ['a pack without the wording of an item', 'odi', 'items', (json) => delete json.items['odi-1']],
    ['the wording of an item the instrument lacks', 'odi', 'items.odi-11', (json) => (json.items['odi-11'] = { text: 'More' })],
  ],
};

// [what the list is, its format, a file holding one of its values, where, the JSON pointer of the
// list in the format's schema (or [schema, pointer] when it lives in another)]
const ENUMS = [
  ['item types', 'instrument', PHQ9, 'items[1].type', '/definitions/item/properties/type/enum'],
  ['condition operators', 'instrument', PHQ9, 'items[1].enableWhen[0].operator', '/definitions/condition/properties/operator/enum'],
  ['ways conditions combine', 'instrument', PHQ9, 'items[1].enableBehavior', '/definitions/item/properties/enableBehavior/enum'],
  ['licence kinds', 'instrument', PHQ9, 'meta.licence.kind', '/definitions/meta/properties/licence/properties/kind/enum'],
  ['scoring methods', 'instrument', PHQ9, 'scoring.scales[0].method', '/definitions/scale/properties/method/enum'],
  ['directions of improvement', 'instrument', PHQ9, 'scoring.scales[0].mcid.improvement', '/definitions/mcid/properties/improvement/enum'],
  ['flag severities', 'instrument', PHQ9, 'scoring.flags[0].severity', '/definitions/flag/properties/severity/enum'],
  ['region sets', 'instrument', EVERY_ITEM_TYPE, 'items[3].regionSet', '/definitions/item/properties/regionSet/enum'],
  ['FHIR value types of answers', 'instrument', EVERY_ITEM_TYPE, 'items[4].valueType', '/definitions/item/properties/valueType/enum'],
  ['answer layouts', 'instrument', EVERY_ITEM_TYPE, 'items[4].orientation', '/definitions/item/properties/orientation/enum'],
  ['translation statuses', 'instrument', PHQ9, 'translations.en.status', ['common', '/definitions/translationStatus/enum']],
  ['block types', 'education-module', MODULE, 'pages[0].blocks[1].type', '/definitions/block/properties/type/enum'],
  ['illustrations', 'education-module', MODULE, 'pages[0].blocks[1].name', '/definitions/block/properties/name/enum'],
  ['page kinds', 'education-module', MODULE, 'pages[0].kind', '/definitions/page/properties/kind/enum'],
  ['roles', 'pathway', PATHWAY, 'steps[0].roles[0]', '/definitions/step/properties/roles/items/enum'],
];

/** Sets the value at a runtime-style path (`a.b[2].c`). */
function setAt(json, path, value) {
  const keys = path.split(/\.|\[(\d+)\]/).filter(Boolean);
  const parent = keys.slice(0, -1).reduce((node, key) => node[key], json);
  parent[keys.at(-1)] = value;
}

const atPointer = (schema, pointer) => pointer.split('/').slice(1).reduce((node, key) => node[key], schema);

/**
 * The properties and definitions of a schema without a description or title (a `$ref` brings its
 * target's; `false`, a key not allowed, has none). Conditional branches only restate them, and are
 * left out. Definitions carry a title: VS Code's hover shows the first title and the first
 * description it meets, the referenced definition's first, so a property's own description shows
 * under its definition's title (content-schemas-editor.test.mjs).
 */
function undescribed(schema) {
  const missing = [];
  const visit = (node, at) => {
    if (node === false) return;
    if (!node.description && !node.title && !node.$ref) missing.push(at);
    visitProperties(node, at);
  };
  const visitProperties = (node, at) => {
    for (const [key, child] of Object.entries(node.properties ?? {})) visit(child, `${at}/properties/${key}`);
    if (node.items && !Array.isArray(node.items)) visitProperties(node.items, `${at}/items`);
  };
  visit(schema, '');
  for (const [name, definition] of Object.entries(schema.definitions ?? {})) visit(definition, `/definitions/${name}`);
  return missing;
}

describe('the content schemas', () => {
  it('are draft-07, and describe every property and definition for hover help', () => {
    for (const format of ['common', ...Object.keys(FORMATS)]) {
      const schema = schemaOf(format);
      assert.equal(schema.$schema, 'http://json-schema.org/draft-07/schema#', format);
      assert.ok(schema.title && schema.description, `${format} has a title and a description`);
      assert.deepEqual(undescribed(schema), [], `${format}: properties and definitions without a description`);
    }
  });

  it('are named, with the right relative path, as the first key of every shipped file and fixture', () => {
    for (const [format, { files }] of Object.entries(FORMATS)) {
      for (const file of files) {
        const reference = relative(dirname(resolve(root, file)), resolve(root, `content/schemas/${format}.schema.json`)).split(sep).join('/');
        const json = readJson(file);
        assert.equal(Object.keys(json)[0], '$schema', `${file} starts with its $schema`);
        assert.equal(json.$schema, reference, file);
      }
    }
  });

  it('cover every JSON file of content/ (besides the schemas and the FHIR Questionnaires of content/fhir/)', () => {
    const ours = new Set(Object.values(FORMATS).flatMap(({ files }) => files));
    const contentFiles = readdirSync(resolve(root, 'content'), { recursive: true })
      .map((name) => `content/${name.split(sep).join('/')}`)
      .filter((file) => file.endsWith('.json') && !file.startsWith('content/schemas/') && !file.startsWith('content/fhir/'));
    assert.deepEqual(contentFiles.filter((file) => !ours.has(file)), []);
  });

  for (const format of Object.keys(FORMATS)) {
    describe(format, () => {
      it('accepts every shipped file and fixture, as the runtime does', () => {
        const documents = documentsOf(format);
        assert.ok(documents.length > 0, `no ${format} to check`);
        for (const { name, json, instrument } of documents) {
          assert.deepEqual(runtimeProblems(format, json, instrument), [], `the runtime refuses ${name}`);
          assert.deepEqual(schemaProblems(format, json), [], `the schema refuses ${name}`);
        }
      });

      for (const [what, from, at, change] of MALFORMED[format]) {
        it(`rejects one ${what}, as the runtime does, at ${at}`, () => {
          const { json, instrument } = base(format, from);
          change(json);
          const [schema, parser] = [schemaProblems(format, json), pathsOf(runtimeProblems(format, json, instrument))];
          assert.ok(schema.some(within(at)), `the schema finds nothing at ${at}: ${JSON.stringify(schema)}`);
          assert.ok(parser.some(within(at)), `the runtime finds nothing at ${at}: ${JSON.stringify(parser)}`);
        });
      }

      for (const [what, from, at, change] of RUNTIME_ONLY[format]) {
        it(`leaves ${what} to the runtime, which finds it at ${at}`, () => {
          const { json, instrument } = base(format, from);
          change(json);
          assert.deepEqual(schemaProblems(format, json), []);
          const parser = pathsOf(runtimeProblems(format, json, instrument));
          assert.ok(parser.some(within(at)), `the runtime finds nothing at ${at}: ${JSON.stringify(parser)}`);
        });
      }
    });
  }

  describe('list what the runtime lists', () => {
    for (const [what, format, from, at, location] of ENUMS) {
      it(what, () => {
        const json = readJson(from);
        setAt(json, at, 'no-such-value');
        // The runtime names what it allows: `expected one of "a", "b", got "no-such-value"`.
        const message = runtimeProblems(format, json).find((problem) => problem.path === at)?.message;
        const allowed = [...(/^expected one of (.*), got /.exec(message ?? '')?.[1] ?? '').matchAll(/"([^"]*)"/g)].map((match) => match[1]);
        const [schema, pointer] = Array.isArray(location) ? location : [format, location];
        assert.ok(allowed.length > 0, `no list in the runtime's message at ${at}: ${message}`);
        assert.deepEqual([...atPointer(schemaOf(schema), pointer)].sort(), allowed.sort());
      });
    }

    it('the labels of a body map: every region and region group of its set', () => {
      for (const [id, set] of Object.entries(runtime.REGION_SETS)) {
        const labels = schemaOf('instrument').definitions[`${id.replace(/-/g, '')}RegionLabels`];
        const ids = runtime.labelledIdsOf(set).sort();
        assert.deepEqual([...labels.required].sort(), ids, id);
        assert.deepEqual(Object.keys(labels.properties).sort(), ids, id);
      }
    });
  });
});
