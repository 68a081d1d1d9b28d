import { expect } from '@open-wc/testing';
import { ContentError } from '../../src/model/content-error.js';
import { keyMessagesOf, knowledgeChecksOf, parseEducationModule } from '../../src/model/education.js';
import { loadJson } from '../helpers/fixtures.js';

const EDUCATION_MODULE_IDS = [
  'pain-is-a-protector',
  'hurt-and-harm',
  'sensitive-alarm',
  'pacing-and-graded-activity',
  'sleep-stress-mood',
  'flare-up-plan-and-goals',
];

function problemsOf(json: unknown): string[] {
  try {
    parseEducationModule(json);
  } catch (error) {
    expect(error).to.be.instanceOf(ContentError);
    return (error as ContentError).problems.map((p) => `${p.path}: ${p.message}`);
  }
  throw new Error('expected a ContentError');
}

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const minimal = (): Json => ({
  id: 'mini',
  version: '1',
  languages: ['en', 'da'],
  title: { en: 'Mini', da: 'Mini' },
  translations: { en: { status: 'draft', source: 'ours' }, da: { status: 'draft', source: 'ours' } },
  meta: { audience: { en: 'Everyone' }, references: [{ message: 'km', citation: 'A source.' }] },
  pages: [
    {
      id: 'one',
      blocks: [
        { type: 'heading', text: { en: 'One' } },
        { type: 'paragraph', text: { en: 'Some **bold** text.' } },
        { type: 'illustration', name: 'smoke-alarm', alt: { en: 'An alarm' } },
        { type: 'callout', title: { en: 'Tip' }, text: { en: 'Do it.' } },
        { type: 'key-message', id: 'km', text: { en: 'The message.' } },
      ],
    },
    {
      id: 'check',
      blocks: [
        { type: 'heading', text: { en: 'Check' } },
        {
          type: 'knowledge-check',
          id: 'q1',
          question: { en: 'Why?' },
          options: [
            { id: 'a', text: { en: 'A' }, feedback: { en: 'Because A.' } },
            { id: 'b', text: { en: 'B' }, correct: true, feedback: { en: 'Because B.' } },
          ],
        },
      ],
    },
    { id: 'summary', kind: 'summary', blocks: [{ type: 'heading', text: { en: 'All at a glance' } }] },
  ],
});

/** Every text map in a module: the objects holding an `en` string. */
function textMaps(value: unknown, path = ''): [string, Record<string, string>][] {
  if (typeof value !== 'object' || value === null) return [];
  const object = value as Record<string, unknown>;
  if (typeof object['en'] === 'string') return [[path, object as Record<string, string>]];
  return Object.entries(object).flatMap(([key, child]) => textMaps(child, path ? `${path}.${key}` : key));
}

describe('parseEducationModule', () => {
  it('accepts a module with every kind of block and page', () => {
    const module = parseEducationModule(minimal());
    expect(module.pages.map((p) => p.kind)).to.deep.equal(['content', 'content', 'summary']);
    expect(keyMessagesOf(module).map((m) => m.id)).to.deep.equal(['km']);
    expect(knowledgeChecksOf(module)[0]!.options.map((o) => o.correct)).to.deep.equal([false, true]);
  });

  it('returns a result that parses again to the same module', () => {
    const once = parseEducationModule(minimal());
    expect(parseEducationModule(JSON.parse(JSON.stringify(once)))).to.deep.equal(once);
  });

  it('names the JSON path of a text without the source language', () => {
    const json = minimal();
    json['pages'][0].blocks[1].text = { da: 'Noget tekst.' };
    expect(problemsOf(json)).to.deep.equal(['pages[0].blocks[1].text: missing the source language "en"']);
  });

  it('requires exactly one correct option per question, with unique option ids', () => {
    const json = minimal();
    const options = json['pages'][1].blocks[1].options;
    options[0].correct = true;
    options[1].id = 'a';
    expect(problemsOf(json)).to.have.members([
      'pages[1].blocks[1].options: exactly one option must be correct, found 2',
      'pages[1].blocks[1].options[1].id: duplicate option id "a"',
    ]);
    options[0].correct = false;
    options[1].correct = false;
    expect(problemsOf(json)).to.include('pages[1].blocks[1].options: exactly one option must be correct, found 0');
  });

  it('needs feedback on every option and at least two options', () => {
    const json = minimal();
    const check = json['pages'][1].blocks[1];
    delete check.options[1].feedback;
    check.options.splice(0, 1);
    expect(problemsOf(json)).to.have.members([
      'pages[1].blocks[1].options[0].feedback: expected an object, got undefined',
    ]);
    check.options[0].feedback = { en: 'Yes.' };
    expect(problemsOf(json)).to.deep.equal(['pages[1].blocks[1].options: a question needs at least two options']);
  });

  it('keeps page and block ids unique across the module', () => {
    const json = minimal();
    json['pages'][1].id = 'one';
    json['pages'][1].blocks[1].id = 'km';
    expect(problemsOf(json)).to.have.members(['pages[1].id: duplicate id "one"', 'pages[1].blocks[1].id: duplicate id "km"']);
  });

  it('accepts only illustrations from our own set', () => {
    const json = minimal();
    json['pages'][0].blocks[2].name = 'stock-photo';
    expect(problemsOf(json)[0]).to.match(/^pages\[0\]\.blocks\[2\]\.name: expected one of "smoke-alarm", .*got "stock-photo"$/);
  });

  it('matches every key message with a source, and every source with a key message', () => {
    const json = minimal();
    json['meta'].references = [{ message: 'elsewhere', citation: 'A source.' }];
    expect(problemsOf(json)).to.deep.equal(['meta.references[0].message: "elsewhere" is not the id of a key message in this module']);
    json['meta'].references = [];
    expect(problemsOf(json)).to.deep.equal(['pages[0].blocks[4]: key message "km" has no source in meta.references']);
  });

  it('starts each page with a heading and keeps to one key message per page', () => {
    const json = minimal();
    const blocks = json['pages'][0].blocks;
    blocks.push({ type: 'key-message', id: 'km2', text: { en: 'Another.' } });
    json['meta'].references.push({ message: 'km2', citation: 'A source.' });
    blocks.shift();
    expect(problemsOf(json)).to.have.members([
      'pages[0].blocks: a page starts with a heading, which names it',
      'pages[0].blocks[4]: a page carries one key message; move this one to a page of its own',
    ]);
  });

  it('allows one summary page, in a module that has key messages', () => {
    const json = minimal();
    json['pages'][1].kind = 'summary';
    expect(problemsOf(json)).to.deep.equal(['pages[2].kind: a module has at most one summary page']);
  });

  it('checks translation statuses against the languages', () => {
    const json = minimal();
    delete json['translations'].da;
    json['translations'].sv = { status: 'official', source: 'x' };
    json['translations'].en.status = 'final';
    expect(problemsOf(json)).to.have.members([
      'translations: missing the translation status of "da"',
      'translations.sv: "sv" is not in languages',
      'translations.en.status: expected one of "official", "verified", "draft", got "final"',
    ]);
  });

  it('lists every problem of a file, not only the first', () => {
    const json = minimal();
    delete json['version'];
    json['pages'][0].blocks[1].type = 'video';
    json['pages'][0].blocks[3].text = 42;
    const problems = problemsOf(json);
    expect(problems).to.include('version: expected a string, got undefined');
    expect(problems).to.include('pages[0].blocks[1].type: expected one of "heading", "paragraph", "key-message", "illustration", "callout", "emergency", "knowledge-check", got "video"');
    expect(problems).to.include('pages[0].blocks[3].text: expected an object, got number');
  });

  it('rejects what is not a module at all', () => {
    expect(problemsOf([])).to.deep.equal([': expected an object, got an array']);
    expect(problemsOf({})).to.include('pages: expected an array, got undefined');
  });
});

describe('the shipped education modules', () => {
  for (const id of EDUCATION_MODULE_IDS) {
    describe(id, () => {
      let json: Json;
      before(async () => {
        json = await loadJson(`/content/education/${id}.json`);
      });

      it('parses, with 5–8 pages, a summary page, 3–5 questions and a source for every key message', () => {
        const module = parseEducationModule(json);
        expect(module.id).to.equal(id);
        expect(module.pages.length).to.be.within(5, 8);
        expect(module.pages.at(-1)!.kind).to.equal('summary');
        expect(knowledgeChecksOf(module).length).to.be.within(3, 5);
        const referenced = new Set(module.meta.references.map((r) => r.message));
        expect(keyMessagesOf(module).every((m) => referenced.has(m.id))).to.equal(true);
        expect(module.meta.references.every((r) => /\b(19|20)\d\d\b/.test(r.citation)), 'every citation has a year').to.equal(true);
      });

      it('has every text in English, Danish, Swedish and Arabic, the translations marked as drafts', () => {
        expect(json['languages']).to.deep.equal(['en', 'da', 'sv', 'ar']);
        const incomplete = textMaps(json).filter(([, map]) => ['en', 'da', 'sv', 'ar'].some((lang) => !map[lang]?.trim()));
        expect(incomplete.map(([path]) => path)).to.deep.equal([]);
        for (const lang of ['da', 'sv', 'ar']) {
          expect(json['translations'][lang]).to.deep.equal({
            status: 'draft',
            source: "Painpath's own text, translated by the project; awaiting clinical review",
          });
        }
      });

      it('keeps to one key message per content page', () => {
        const module = parseEducationModule(json);
        for (const page of module.pages.filter((p) => p.kind === 'content' && !p.blocks.some((b) => b.type === 'knowledge-check'))) {
          expect(page.blocks.filter((b) => b.type === 'key-message'), page.id).to.have.length(1);
        }
      });
    });
  }
});
