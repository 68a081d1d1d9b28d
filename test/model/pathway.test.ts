import { expect } from '@open-wc/testing';
import { ContentError } from '../../src/model/content-error.js';
import { parsePathway, ROLE_IDS, ROLES, type Pathway } from '../../src/model/pathway.js';
import type { TextMap } from '../../src/model/text.js';
import { UI_LOCALES } from '../../components/shared/localize.js';
import { loadJson } from '../helpers/fixtures.js';

const PATHWAY_FILES = [
  'municipal-interdisciplinary',
  'specialist-physiotherapy',
  'stepped-care-telephone-cbt',
  'fibromyalgia-primary-care',
  'template-multidisciplinary',
];

/** The education modules being written in content/education/; pathways may link only to these. */
const MODULE_IDS = ['pain-is-a-protector', 'hurt-and-harm', 'sensitive-alarm', 'pacing-and-graded-activity', 'sleep-stress-mood', 'flare-up-plan-and-goals'];

const PATHWAY_LANGUAGES = ['en', 'da', 'sv', 'ar'];

function problemsOf(json: unknown): string[] {
  try {
    parsePathway(json);
  } catch (error) {
    expect(error).to.be.instanceOf(ContentError);
    return (error as ContentError).problems.map((p) => `${p.path}: ${p.message}`);
  }
  throw new Error('expected a ContentError');
}

const text = (en: string) => ({ en });

/** A valid two-step pathway; tests break one thing at a time. */
const minimalPathway = () => ({
  id: 'mini',
  version: '1',
  languages: ['en'],
  title: text('Mini pathway'),
  translations: { en: { status: 'draft', source: 'test' } },
  meta: { audience: 'Tests', basedOn: ['A study'] },
  intro: text('For testing.'),
  steps: [
    {
      id: 'first',
      title: text('First'),
      roles: ['gp'],
      whatHappens: text('Something happens.'),
      duration: { sessions: 1 },
      decisions: [{ when: text('If ready'), next: 'second' }],
      links: [{ instrument: 'nrs-11', title: text('Pain intensity') }],
    },
    { id: 'second', title: text('Second'), roles: ['physiotherapist'], whatHappens: text('More happens.') },
  ] as Record<string, unknown>[],
  willItCureMe: text('No.'),
  followUp: text('Your GP.'),
});

/** Every text map anywhere in a parsed pathway, with its path. */
function* textMaps(value: unknown, path = ''): Generator<[string, TextMap]> {
  if (Array.isArray(value)) {
    for (const [i, entry] of value.entries()) yield* textMaps(entry, `${path}[${i}]`);
  } else if (typeof value === 'object' && value !== null) {
    const entries = Object.entries(value);
    if (path.endsWith('translations')) return;
    if (entries.length > 0 && entries.every(([key, v]) => /^[a-z]{2}$/.test(key) && typeof v === 'string')) {
      yield [path, value as TextMap];
      return;
    }
    for (const [key, entry] of entries) yield* textMaps(entry, path ? `${path}.${key}` : key);
  }
}

describe('parsePathway', () => {
  it('accepts a minimal pathway and parses its own result to the same pathway', () => {
    const pathway = parsePathway(minimalPathway());
    expect(pathway.steps.map((s) => s.id)).to.deep.equal(['first', 'second']);
    expect(parsePathway(JSON.parse(JSON.stringify(pathway)))).to.deep.equal(pathway);
  });

  it('lists every problem of a file with its JSON path, not only the first', () => {
    const json: Record<string, unknown> = minimalPathway();
    delete json['version'];
    json['title'] = { da: 'Mini' };
    (json['steps'] as Record<string, unknown>[])[1]!['roles'] = ['gp', 'surgeon'];
    expect(problemsOf(json)).to.include.members([
      'version: expected a string, got undefined',
      'title: missing the source language "en"',
    ]);
    expect(problemsOf(json).some((p) => p.startsWith('steps[1].roles[1]: expected one of "gp", "physiotherapist"'))).to.equal(true);
  });

  it('rejects duplicate step ids at the second one', () => {
    const json = minimalPathway();
    json.steps[1]!['id'] = 'first';
    expect(problemsOf(json)).to.include('steps[1].id: duplicate step id "first"');
  });

  it('rejects a decision leading to a step that does not exist, or back to its own step', () => {
    const json = minimalPathway();
    json.steps[0]!['decisions'] = [
      { when: text('If so'), next: 'nowhere' },
      { when: text('If not'), next: 'first' },
    ];
    expect(problemsOf(json)).to.include.members([
      'steps[0].decisions[0].next: no step has the id "nowhere"',
      'steps[0].decisions[1].next: a decision cannot lead back to its own step',
    ]);
  });

  it('lets a decision lead out of the pathway, but not both ways at once', () => {
    const json = minimalPathway();
    json.steps[0]!['decisions'] = [{ when: text('If red flags'), exitTo: text('An urgent assessment the same day.') }];
    expect(parsePathway(json).steps[0]!.decisions).to.deep.equal([{ when: text('If red flags'), exitTo: text('An urgent assessment the same day.') }]);
    json.steps[0]!['decisions'] = [{ when: text('If so'), next: 'second', exitTo: text('Elsewhere') }];
    expect(problemsOf(json)[0]).to.match(/^steps\[0\]\.decisions\[0\]: expected exactly one of "next"/);
  });

  it('requires at least one known role, named once', () => {
    const json = minimalPathway();
    json.steps[0]!['roles'] = [];
    json.steps[1]!['roles'] = ['nurse', 'nurse'];
    expect(problemsOf(json)).to.include.members([
      'steps[0].roles: name at least one role: who the person will meet',
      'steps[1].roles[1]: "nurse" is listed twice',
    ]);
  });

  it('checks durations: positive amounts, ranges from small to large, one period unit', () => {
    const json = minimalPathway();
    json.steps[0]!['duration'] = { sessions: 0, weeks: [12, 9], months: 2 };
    json.steps[1]!['duration'] = { approximate: true };
    expect(problemsOf(json)).to.include.members([
      'steps[0].duration.sessions: expected a number above 0, got 0',
      'steps[0].duration.weeks: a range must run from the smaller to the larger number, got [12, 9]',
      'steps[0].duration: give the period in one unit only, not weeks and months',
      'steps[1].duration: expected sessions, a period (days, weeks or months), minutesEach or a note',
    ]);
  });

  it('accepts a range, such as a programme of 9 to 12 weeks', () => {
    const json = minimalPathway();
    json.steps[1]!['duration'] = { weeks: [9, 12], approximate: true };
    expect(parsePathway(json).steps[1]!.duration).to.deep.equal({ weeks: [9, 12], approximate: true });
  });

  it('checks links: exactly one of instrument or module, with a valid id and a title', () => {
    const json = minimalPathway();
    json.steps[0]!['links'] = [{ instrument: 'nrs-11', module: 'pain-is-a-protector', title: text('Both') }, { module: 'has space', title: text('Bad id') }, { module: 'sensitive-alarm' }];
    expect(problemsOf(json)).to.include.members([
      'steps[0].links[0]: expected exactly one of "instrument" or "module", with its id',
      'steps[0].links[1].module: "has space" is not a valid id (letters, digits, ".", "_", "-"; no spaces)',
      'steps[0].links[2].title: expected an object, got undefined',
    ]);
  });

  it('reports misspelled fields, so a typo does not silently drop a text', () => {
    const json = minimalPathway();
    json.steps[0]!['youdecide'] = [text('Your goals.')];
    expect(problemsOf(json)[0]).to.match(/^steps\[0\]\.youdecide: unknown field "youdecide"; expected one of id, title, roles/);
  });

  it('needs the translation status of every language, and a citation of the care model', () => {
    const json: Record<string, unknown> = minimalPathway();
    json['languages'] = ['en', 'da'];
    (json['meta'] as Record<string, unknown>)['basedOn'] = [];
    expect(problemsOf(json)).to.include.members([
      'translations: missing the translation status of "da"',
      'meta.basedOn: cite at least one source of the care model',
    ]);
  });
});

describe('the roles glossary', () => {
  it('names and explains every role in every user-interface language', () => {
    for (const role of ROLE_IDS) {
      for (const lang of UI_LOCALES) {
        expect(ROLES[role].name[lang], `${role} name in ${lang}`).to.be.a('string').and.not.equal('');
        expect(ROLES[role].description[lang], `${role} description in ${lang}`).to.be.a('string').and.not.equal('');
      }
    }
  });
});

describe('the shipped pathways', () => {
  const pathways = new Map<string, Pathway>();
  before(async () => {
    for (const file of PATHWAY_FILES) pathways.set(file, parsePathway(await loadJson(`/content/pathways/${file}.json`)));
  });

  it('parse, each under its own file name', () => {
    expect([...pathways.keys()]).to.deep.equal(PATHWAY_FILES);
    for (const [file, pathway] of pathways) expect(pathway.id).to.equal(file);
  });

  it('have every text in English, Danish, Swedish and Arabic, the translations marked as drafts', () => {
    for (const [file, pathway] of pathways) {
      expect(pathway.languages, file).to.deep.equal(PATHWAY_LANGUAGES);
      expect(pathway.translations['da']).to.deep.equal({ status: 'draft', source: "Painpath's own text, translated by the project; awaiting review" });
      let count = 0;
      for (const [path, map] of textMaps(pathway)) {
        count += 1;
        expect(Object.keys(map).sort(), `${file} ${path}`).to.deep.equal([...PATHWAY_LANGUAGES].sort());
      }
      expect(count, file).to.be.above(30);
    }
  });

  it('read in the order of a good explainer: who it is for, steps with roles and what happens, an honest answer, follow-up', () => {
    for (const [file, pathway] of pathways) {
      expect(pathway.intro['en'], file).to.match(/^This is for you if/);
      expect(pathway.willItCureMe['en'], file).to.match(/^(Probably not|There is no cure)/);
      expect(pathway.steps.length, file).to.be.within(4, 7);
      expect(pathway.steps.some((step) => step.bring), `${file}: what to bring`).to.equal(true);
      expect(pathway.steps.some((step) => step.youDecide), `${file}: what you can decide`).to.equal(true);
      expect(pathway.steps.some((step) => step.duration), `${file}: how long`).to.equal(true);
      expect(pathway.meta.basedOn.length, file).to.be.above(0);
    }
  });

  it('link only to instruments that exist and to the six education modules', async () => {
    for (const [file, pathway] of pathways) {
      for (const step of pathway.steps) {
        for (const link of step.links ?? []) {
          if ('module' in link) {
            expect(MODULE_IDS, `${file} ${step.id}`).to.include(link.module);
          } else {
            const response = await fetch(`/content/instruments/${link.instrument}.json`);
            expect(response.ok, `${file} ${step.id}: ${link.instrument}`).to.equal(true);
            expect(((await response.json()) as { id: string }).id).to.equal(link.instrument);
          }
        }
      }
    }
  });

  it('describe the specialist physiotherapy as the study did: about nine sessions over five months', () => {
    const sessions = pathways.get('specialist-physiotherapy')!.steps.find((step) => step.id === 'sessions')!;
    expect(sessions.duration).to.deep.include({ sessions: 9, months: 5, approximate: true });
    expect(sessions.roles).to.deep.equal(['physiotherapist']);
  });

  it('give the fibromyalgia pathway a longer first GP appointment, a follow-up appointment and a team meeting', () => {
    const steps = pathways.get('fibromyalgia-primary-care')!.steps;
    expect(steps.map((step) => step.id)).to.include.members(['first-appointment', 'team-support', 'follow-up-appointment']);
    expect(steps.find((step) => step.id === 'team-support')!.roles).to.include('multidisciplinary-team');
  });
});
