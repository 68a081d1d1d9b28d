// The corpus of real FHIR R4 Questionnaires (test/fixtures/fhir-corpus/) that the FHIR renderer is
// measured on: every file is a Questionnaire somebody else published, and says where it comes from,
// at which commit and under which licence, so that it can be checked and cited.
import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';

const corpus = resolve(fileURLToPath(new URL('../fixtures/fhir-corpus', import.meta.url)));
const files = readdirSync(corpus).filter((name) => name.endsWith('.json') && name !== 'sources.json');
const sources = JSON.parse(readFileSync(resolve(corpus, 'sources.json'), 'utf8'));

describe('the FHIR Questionnaire corpus', () => {
  it('holds at least 50 Questionnaires', () => {
    assert.ok(files.length >= 50, `${files.length} files`);
  });

  it('has only R4 Questionnaire resources', () => {
    for (const file of files) {
      const resource = JSON.parse(readFileSync(resolve(corpus, file), 'utf8'));
      assert.equal(resource.resourceType, 'Questionnaire', file);
      assert.ok(Array.isArray(resource.item) || resource.item === undefined, `${file}: item is not a list`);
    }
  });

  it('names the repository, path, commit and licence of every file, and of no other', () => {
    assert.deepEqual(sources.map((source) => source.file).sort(), [...files].sort());
    for (const source of sources) {
      assert.match(source.repository, /^[\w.-]+\/[\w.-]+$/, `${source.file}: repository`);
      assert.ok(source.path, `${source.file}: path`);
      assert.match(source.commit, /^[0-9a-f]{40}$/, `${source.file}: commit`);
      assert.ok(source.licence, `${source.file}: licence`);
      assert.match(source.licenceUrl, /^https:\/\//, `${source.file}: licenceUrl`);
    }
  });
});

// The Questionnaires shipped in content/fhir/ (Storybook previews them) are corpus files, so that
// their provenance is the corpus's.
describe('the FHIR Questionnaires shipped in content/fhir/', () => {
  const shipped = resolve(fileURLToPath(new URL('../../content/fhir', import.meta.url)));
  const shippedFiles = readdirSync(shipped).filter((name) => name.endsWith('.json'));
  const readme = readFileSync(resolve(shipped, 'README.md'), 'utf8');

  it('are byte-identical copies of corpus files, each named in the folder README with its source', () => {
    assert.ok(shippedFiles.length > 0, 'content/fhir/ has no Questionnaire');
    for (const file of shippedFiles) {
      const bytes = readFileSync(resolve(shipped, file));
      const original = files.find((name) => readFileSync(resolve(corpus, name)).equals(bytes));
      assert.ok(original, `${file} is not a copy of a corpus file`);
      const source = sources.find((entry) => entry.file === original);
      assert.ok(readme.includes(`\`${file}\``) && readme.includes(source.commit) && readme.includes(source.path), `README.md does not name ${file} with ${source.path} at ${source.commit}`);
    }
  });
});
