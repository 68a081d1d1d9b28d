import { expect } from '@open-wc/testing';
import { waitUntil } from '../helpers/wait.js';
import type { PpQuestionnaire } from '../../components/pp-questionnaire/pp-questionnaire.js';
import { answerPhq9, deleteAllDatabases, loadPage, ready, submitButton, windowOf } from './helpers.js';

/**
 * A validator for the subset of JSON Schema 2020-12 that docs/result.schema.json uses: type
 * (incl. arrays of types), const, enum, required, properties, additionalProperties (false or a
 * schema), items, oneOf, $ref to #/$defs/…, format date-time. Any other keyword is an error, so
 * the schema cannot quietly use something this validator ignores.
 */
type Schema = Record<string, unknown>;
const KNOWN = new Set(['$schema', '$id', 'title', 'description', 'type', 'const', 'enum', 'required', 'properties', 'additionalProperties', 'items', 'oneOf', '$ref', '$defs', 'format']);

const typeOf = (value: unknown): string =>
  value === null ? 'null' : Array.isArray(value) ? 'array' : Number.isInteger(value) ? 'integer' : typeof value;

export function validate(root: Schema, value: unknown, schema: Schema = root, path = '$'): string[] {
  const problems: string[] = [];
  for (const key of Object.keys(schema)) if (!KNOWN.has(key)) problems.push(`${path}: schema keyword ${key} is not supported by this validator`);
  if (typeof schema['$ref'] === 'string') {
    const name = (schema['$ref'] as string).replace('#/$defs/', '');
    const target = (root['$defs'] as Record<string, Schema>)[name];
    if (!target) return [`${path}: unknown $ref ${schema['$ref'] as string}`];
    return validate(root, value, target, path);
  }
  if (schema['type'] !== undefined) {
    const types = ([] as string[]).concat(schema['type'] as string | string[]);
    const actual = typeOf(value);
    if (!types.includes(actual) && !(actual === 'integer' && types.includes('number'))) return [`${path}: expected ${types.join(' or ')}, got ${actual}`];
  }
  if ('const' in schema && value !== schema['const']) problems.push(`${path}: expected ${JSON.stringify(schema['const'])}`);
  if (schema['enum'] && !(schema['enum'] as unknown[]).includes(value)) problems.push(`${path}: ${JSON.stringify(value)} is not one of ${JSON.stringify(schema['enum'])}`);
  if (schema['format'] === 'date-time' && !(typeof value === 'string' && /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)$/.test(value))) {
    problems.push(`${path}: not an RFC 3339 date-time`);
  }
  if (schema['oneOf']) {
    const matching = (schema['oneOf'] as Schema[]).filter((option) => validate(root, value, option, path).length === 0);
    if (matching.length !== 1) problems.push(`${path}: matches ${matching.length} of the oneOf schemas, not exactly 1`);
  }
  if (typeOf(value) === 'object') {
    const object = value as Record<string, unknown>;
    for (const key of (schema['required'] as string[] | undefined) ?? []) if (!(key in object)) problems.push(`${path}: ${key} is required`);
    const properties = (schema['properties'] as Record<string, Schema> | undefined) ?? {};
    for (const [key, item] of Object.entries(object)) {
      if (typeof item === 'function') continue; // waitUntil: not part of the stored result
      if (properties[key]) problems.push(...validate(root, item, properties[key], `${path}.${key}`));
      else if (schema['additionalProperties'] === false) problems.push(`${path}.${key}: not in the schema`);
      else if (typeof schema['additionalProperties'] === 'object') problems.push(...validate(root, item, schema['additionalProperties'] as Schema, `${path}.${key}`));
    }
  }
  if (Array.isArray(value) && schema['items']) value.forEach((item, i) => problems.push(...validate(root, item, schema['items'] as Schema, `${path}[${i}]`)));
  return problems;
}

describe('docs/result.schema.json', () => {
  let schema: Schema;
  before(async () => {
    schema = (await (await fetch('/docs/result.schema.json')).json()) as Schema;
  });
  beforeEach(deleteAllDatabases);

  it('is a draft 2020-12 schema', () => {
    expect(schema['$schema']).to.equal('https://json-schema.org/draft/2020-12/schema');
  });

  it('accepts a real pp-submit detail (PHQ-9 with a flag), and its JSON copy', async () => {
    const frame = await loadPage('/test/integration/pages/plain.html');
    const el = await ready(() => frame.contentDocument!.querySelector<PpQuestionnaire>('pp-questionnaire'));
    await answerPhq9(el, 2);
    submitButton(el).click();
    await waitUntil(() => windowOf(frame).submitted!.length === 1, 'no pp-submit');
    const detail = windowOf(frame).submitted![0];
    expect(validate(schema, detail)).to.deep.equal([]);
    expect(validate(schema, JSON.parse(JSON.stringify(detail)))).to.deep.equal([]);
    // The answers of FHIR-era item types, in the result and in its response.
    const attachment = { contentType: 'image/png', data: 'aGVsbG8=', title: 'knee.png', size: 5, hash: 'qvTGHdzF6KLavt4PO0gs2a6pQ00=' };
    const answers = { weight: { value: 70, unit: 'kg' }, photo: attachment, names: ['Ann', 'Bo'], remind: 'By letter' };
    const item = [
      { linkId: 'weight', answer: [{ valueQuantity: { value: 70, unit: 'kg', system: 'http://unitsofmeasure.org', code: 'kg' } }] },
      { linkId: 'photo', answer: [{ valueAttachment: attachment }] },
      { linkId: 'gp', answer: [{ valueReference: { reference: 'Practitioner/1', display: 'Dr. Berg' } }] },
      { linkId: 'remind', answer: [{ valueCoding: { display: 'By letter' } }] },
    ];
    const submitted = detail as { questionnaireResponse: object };
    const withFhirTypes = { ...submitted, answers, questionnaireResponse: { ...submitted.questionnaireResponse, item } };
    expect(validate(schema, withFhirTypes)).to.deep.equal([]);
  });

  it('rejects a result that does not follow it (the validator is not a no-op)', () => {
    expect(validate(schema, { schemaVersion: 1, answers: { a: { b: 1 } } })).to.include.members([
      '$.schemaVersion: expected 2',
      '$: instrument is required',
      '$.answers.a: matches 0 of the oneOf schemas, not exactly 1',
    ]);
  });
});
