import { expect } from '@open-wc/testing';
import { ContentError } from '../../src/model/content-error.js';
import { parsePathway, PERIOD_UNITS, ROLE_IDS, ROLES, type Pathway, type PathwayStep } from '../../src/model/pathway.js';
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
      'steps[1].duration: expected sessions, a period (days, weeks or months), minutesEach, a note, or local',
    ]);
  });

  it("accepts a duration left to the service (local), but not with numbers of its own: they are the host's", () => {
    const json = minimalPathway();
    json.steps[0]!['duration'] = { local: true };
    expect(parsePathway(json).steps[0]!.duration).to.deep.equal({ local: true });
    json.steps[0]!['duration'] = { local: true, weeks: [9, 12] };
    expect(problemsOf(json)).to.deep.equal([
      "steps[0].duration: a local duration's numbers are the host's: leave out weeks, or cite them in source and drop local",
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

  it('accepts the $schema that editors read, and parses to the same pathway as without it', () => {
    const json = { $schema: '../schemas/pathway.schema.json', ...minimalPathway() };
    expect(parsePathway(json)).to.deep.equal(parsePathway(minimalPathway()));
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

/**
 * Number words a pathway could state a figure in, by language. Left out are the words for one that
 * are also articles or pronouns ("one kind of help", Danish and Swedish "en", "et", "ett"), and
 * ordinals ("first"), which name a step rather than count.
 */
const NUMBER_WORDS: Readonly<Record<string, Readonly<Record<string, number>>>> = {
  en: { two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12, twenty: 20, thirty: 30, twice: 2, dozen: 12 },
  da: { to: 2, tre: 3, fire: 4, fem: 5, seks: 6, syv: 7, otte: 8, ni: 9, ti: 10, elleve: 11, tolv: 12, tyve: 20, tredive: 30 },
  sv: { två: 2, tre: 3, fyra: 4, fem: 5, sex: 6, sju: 7, åtta: 8, nio: 9, tio: 10, elva: 11, tolv: 12, tjugo: 20, trettio: 30 },
  ar: {
    اثنان: 2, اثنين: 2, اثنتان: 2, اثنتين: 2, ثلاث: 3, ثلاثة: 3, أربع: 4, أربعة: 4, خمس: 5, خمسة: 5, ست: 6, ستة: 6, سبع: 7, سبعة: 7,
    ثمان: 8, ثماني: 8, ثمانية: 8, تسع: 9, تسعة: 9, عشر: 10, عشرة: 10, عشرين: 20, عشرون: 20, ثلاثين: 30,
    // The dual counts two of a thing in one word.
    يومين: 2, أسبوعين: 2, شهرين: 2, سنتين: 2, عامين: 2, مرتين: 2, جلستين: 2,
  },
};
/** English number words in citations, where "one year" is a figure. */
const CITATION_WORDS: Readonly<Record<string, number>> = { ...NUMBER_WORDS['en'], one: 1 };

/** Arabic-Indic and Eastern Arabic-Indic digits as ASCII digits. */
const asciiDigits = (text: string) => text.replace(/[\u0660-\u0669\u06F0-\u06F9]/g, (d) => String(d.charCodeAt(0) & 0xf));

/** Every figure in a text: numbers in digits of any script, and number words of its language. */
function figuresIn(text: string, words: Readonly<Record<string, number>> = {}): number[] {
  const numbers = (asciiDigits(text).match(/\d+(?:[.,]\d+)?/g) ?? []).map((n) => Number(n.replace(',', '.')));
  const wordFigures = text
    .toLowerCase()
    .split(/[^\p{L}]+/u)
    .flatMap((token) => {
      // Arabic joins "and", "by", "for", "so" and "the" to the word that follows.
      const word = Object.hasOwn(words, token) ? token : token.replace(/^[وبلف]?(ال)?/u, '');
      return Object.hasOwn(words, word) ? [words[word]!] : [];
    });
  return [...numbers, ...wordFigures];
}

/** The figures a pathway may show anywhere: those its cited sources state, and 100 with a percentage ("45 in 100"). */
const citedFigures = (pathway: Pathway) =>
  new Set(pathway.meta.basedOn.flatMap((citation) => [...figuresIn(citation, CITATION_WORDS), ...(citation.includes('%') ? [100] : [])]));

/** Every text a person reads in a step, with its path, and the figures the step cites in its duration's source. */
function stepTexts(step: PathwayStep): { texts: [string, TextMap][]; cited: number[] } {
  const texts: [string, TextMap][] = [
    ['title', step.title],
    ['whatHappens', step.whatHappens],
    ...(step.duration?.note ? [['duration.note', step.duration.note] as [string, TextMap]] : []),
    ...(step.bring ?? []).map((entry, i): [string, TextMap] => [`bring[${i}]`, entry]),
    ...(step.youDecide ?? []).map((entry, i): [string, TextMap] => [`youDecide[${i}]`, entry]),
    // The shared emergency wording (src/model/emergency.ts) carries no figure but the host's number.
    ...(step.decisions ?? []).flatMap((decision, i): [string, TextMap][] =>
      'emergency' in decision
        ? []
        : [[`decisions[${i}].when`, decision.when], ...('exitTo' in decision ? [[`decisions[${i}].exitTo`, decision.exitTo] as [string, TextMap]] : [])],
    ),
  ];
  return { texts, cited: step.duration?.source ? figuresIn(step.duration.source, CITATION_WORDS) : [] };
}

/** The figures of an instrument's own file that a link title may repeat: its id ("PHQ-9") and its scales' ranges ("0 to 10"). */
async function instrumentFigures(id: string): Promise<number[]> {
  const instrument = (await loadJson(`/content/instruments/${id}.json`)) as { scoring: { scales: { range: { min: number; max: number } }[] } };
  return [...figuresIn(id), ...instrument.scoring.scales.flatMap(({ range }) => [range.min, range.max])];
}

/** "file lang path: figure" for every figure in a text that is not among the allowed ones. */
function uncited(file: string, path: string, map: TextMap, allowed: ReadonlySet<number>): string[] {
  return Object.entries(map).flatMap(([lang, value]) =>
    [...new Set(figuresIn(value, NUMBER_WORDS[lang]))].flatMap((figure) => (allowed.has(figure) ? [] : [`${file} ${lang} ${path}: ${figure} in "${value}"`])),
  );
}

/** "file step: figure" for every number of a structured duration that its source does not state. */
function uncitedAmounts(file: string, step: PathwayStep): string[] {
  const { duration } = step;
  if (!duration) return [];
  const amounts = [duration.sessions, ...PERIOD_UNITS.map((unit) => duration[unit]), duration.minutesEach].flatMap((amount) => (amount === undefined ? [] : [amount].flat()));
  const cited = new Set(duration.source ? figuresIn(duration.source, CITATION_WORDS) : []);
  return amounts.flatMap((amount) => (cited.has(amount) ? [] : [`${file} ${step.id}.duration: ${amount} is not in its source ("${duration.source ?? ''}")`]));
}

describe('figures in the shipped pathways', () => {
  const pathways = new Map<string, Pathway>();
  before(async () => {
    for (const file of PATHWAY_FILES) pathways.set(file, parsePathway(await loadJson(`/content/pathways/${file}.json`)));
  });

  it('finds figures in digits of any script and in number words, as the check below relies on', () => {
    expect(figuresIn('A programme of 9–12 weeks', NUMBER_WORDS['en'])).to.deep.equal([9, 12]);
    expect(figuresIn('About eight sessions, twice a week', NUMBER_WORDS['en'])).to.deep.equal([8, 2]);
    expect(figuresIn('Efter 1, 6 og 12 måneder; tre gange', NUMBER_WORDS['da'])).to.deep.equal([1, 6, 12, 3]);
    expect(figuresIn('بعد ١ و٦ و١٢ شهرًا، وثلاثة أسابيع', NUMBER_WORDS['ar'])).to.deep.equal([1, 6, 12, 3]);
    expect(figuresIn('One kind of help', NUMBER_WORDS['en'])).to.deep.equal([]);
  });

  it('show a figure in patient text only when a cited source states it (digits, or number words)', async () => {
    const problems: string[] = [];
    for (const [file, pathway] of pathways) {
      const cited = citedFigures(pathway);
      for (const [path, map] of [['title', pathway.title], ['intro', pathway.intro], ['willItCureMe', pathway.willItCureMe], ['followUp', pathway.followUp]] as const) {
        problems.push(...uncited(file, path, map, cited));
      }
      for (const step of pathway.steps) {
        const { texts, cited: stepCited } = stepTexts(step);
        const allowed = new Set([...cited, ...stepCited]);
        for (const [path, map] of texts) problems.push(...uncited(file, `${step.id}.${path}`, map, allowed));
        for (const [i, link] of (step.links ?? []).entries()) {
          const linkAllowed = 'instrument' in link ? new Set([...allowed, ...(await instrumentFigures(link.instrument))]) : allowed;
          problems.push(...uncited(file, `${step.id}.links[${i}].title`, link.title, linkAllowed));
        }
      }
    }
    expect(problems).to.deep.equal([]);
  });

  it('give the numbers of a duration only with a source that states them; the service gives the others', () => {
    const problems = [...pathways].flatMap(([file, pathway]) => pathway.steps.flatMap((step) => uncitedAmounts(file, step)));
    expect(problems).to.deep.equal([]);
  });
});
