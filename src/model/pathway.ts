import type { Translation } from './instrument.js';
import { childPath, defined, parseContent, type JsonObject, type JsonReader } from './json-reader.js';
import type { LanguageCode, TextMap } from './text.js';

/** The professions a pathway step can name; each has a plain-language entry in `ROLES`. */
export const ROLE_IDS = [
  'gp',
  'physiotherapist',
  'occupational-therapist',
  'psychologist',
  'pain-specialist',
  'nurse',
  'social-worker',
  'multidisciplinary-team',
] as const;
export type RoleId = (typeof ROLE_IDS)[number];

export interface Role {
  readonly name: TextMap;
  /** What this person does for you, in a sentence or two. */
  readonly description: TextMap;
}

/**
 * The roles glossary, in every user-interface language, in Painpath's own wording. It lives in the
 * model rather than in each pathway so that every pathway explains a role the same way.
 */
export const ROLES: Readonly<Record<RoleId, Role>> = {
  gp: {
    name: {
      en: 'GP (family doctor)',
      da: 'Praktiserende læge (egen læge)',
      sv: 'Allmänläkare (husläkare)',
      nb: 'Fastlege',
      de: 'Hausärztin oder Hausarzt',
      ar: 'طبيب الأسرة',
      uk: 'Сімейний лікар',
      pl: 'Lekarz rodzinny',
    },
    description: {
      en: 'Your own doctor. Refers you on, goes through your medicines with you and keeps an overview of your health.',
      da: 'Din egen læge. Henviser dig videre, gennemgår din medicin med dig og har overblikket over dit helbred.',
      sv: 'Din egen läkare. Skriver remiss, går igenom dina läkemedel med dig och har överblick över din hälsa.',
      nb: 'Din egen lege. Henviser deg videre, går gjennom medisinene dine med deg og har oversikt over helsen din.',
      de: 'Ihre eigene Ärztin oder Ihr eigener Arzt. Überweist Sie weiter, bespricht Ihre Medikamente mit Ihnen und behält den Überblick über Ihre Gesundheit.',
      ar: 'طبيبك الخاص. يحيلك إلى المختصين، ويراجع أدويتك معك، ويتابع صحتك بشكل عام.',
      uk: 'Ваш власний лікар. Дає направлення, переглядає з вами ваші ліки і стежить за вашим здоров’ям загалом.',
      pl: 'Twój lekarz. Kieruje Cię dalej, omawia z Tobą Twoje leki i ma ogólny obraz Twojego zdrowia.',
    },
  },
  physiotherapist: {
    name: {
      en: 'Physiotherapist',
      da: 'Fysioterapeut',
      sv: 'Fysioterapeut',
      nb: 'Fysioterapeut',
      de: 'Physiotherapeutin oder Physiotherapeut',
      ar: 'أخصائي العلاج الطبيعي',
      uk: 'Фізіотерапевт',
      pl: 'Fizjoterapeuta',
    },
    description: {
      en: 'Helps you move more, and with more confidence: exercises, advice on activity, and treatment with the hands.',
      da: 'Hjælper dig med at bevæge dig mere og mere trygt: øvelser, råd om aktivitet og behandling med hænderne.',
      sv: 'Hjälper dig att röra dig mer och tryggare: övningar, råd om aktivitet och behandling med händerna.',
      nb: 'Hjelper deg å bevege deg mer og tryggere: øvelser, råd om aktivitet og behandling med hendene.',
      de: 'Hilft Ihnen, sich mehr und sicherer zu bewegen: Übungen, Rat zu Aktivität und Behandlung mit den Händen.',
      ar: 'يساعدك على الحركة أكثر وبثقة أكبر: تمارين، ونصائح عن النشاط، وعلاج باليدين.',
      uk: 'Допомагає вам більше рухатися і робити це впевненіше: вправи, поради щодо активності та лікування руками.',
      pl: 'Pomaga Ci więcej się ruszać i robić to pewniej: ćwiczenia, porady dotyczące aktywności i terapia manualna.',
    },
  },
  'occupational-therapist': {
    name: {
      en: 'Occupational therapist',
      da: 'Ergoterapeut',
      sv: 'Arbetsterapeut',
      nb: 'Ergoterapeut',
      de: 'Ergotherapeutin oder Ergotherapeut',
      ar: 'أخصائي العلاج الوظيفي',
      uk: 'Ерготерапевт',
      pl: 'Terapeuta zajęciowy',
    },
    description: {
      en: 'Helps with everyday life: work, home and free time. Finds ways to do what matters to you with less strain.',
      da: 'Hjælper med hverdagen: arbejde, hjem og fritid. Finder måder at gøre det, der betyder noget for dig, med mindre belastning.',
      sv: 'Hjälper dig med vardagen: arbete, hem och fritid. Hittar sätt att göra det som är viktigt för dig med mindre belastning.',
      nb: 'Hjelper deg med hverdagen: jobb, hjem og fritid. Finner måter å gjøre det som er viktig for deg på, med mindre belastning.',
      de: 'Hilft im Alltag: bei Arbeit, Haushalt und Freizeit. Findet Wege, das zu tun, was Ihnen wichtig ist, mit weniger Belastung.',
      ar: 'يساعدك في حياتك اليومية: العمل والبيت ووقت الفراغ. يجد معك طرقًا للقيام بما يهمك بجهد أقل.',
      uk: 'Допомагає в повсякденному житті: на роботі, вдома і у вільний час. Шукає способи робити те, що для вас важливо, з меншим навантаженням.',
      pl: 'Pomaga w codziennym życiu: w pracy, w domu i w czasie wolnym. Szuka sposobów, by robić to, co dla Ciebie ważne, mniejszym wysiłkiem.',
    },
  },
  psychologist: {
    name: {
      en: 'Psychologist',
      da: 'Psykolog',
      sv: 'Psykolog',
      nb: 'Psykolog',
      de: 'Psychologin oder Psychologe',
      ar: 'أخصائي نفسي',
      uk: 'Психолог',
      pl: 'Psycholog',
    },
    description: {
      en: 'Helps with the worries, low mood, poor sleep and stress that often come with long-lasting pain. Seeing a psychologist does not mean that the pain is imagined.',
      da: 'Hjælper med de bekymringer, det tunge humør, den dårlige søvn og den stress, der ofte følger med langvarige smerter. At gå til psykolog betyder ikke, at smerterne er indbildte.',
      sv: 'Hjälper med den oro, nedstämdhet, dåliga sömn och stress som ofta följer med långvarig smärta. Att träffa en psykolog betyder inte att smärtan är inbillad.',
      nb: 'Hjelper med bekymringene, det tunge humøret, den dårlige søvnen og stresset som ofte følger med langvarige smerter. Å gå til psykolog betyr ikke at smertene er innbilte.',
      de: 'Hilft bei Sorgen, gedrückter Stimmung, schlechtem Schlaf und Stress, die oft mit lang anhaltenden Schmerzen einhergehen. Das heißt nicht, dass die Schmerzen eingebildet sind.',
      ar: 'يساعدك في التعامل مع القلق والحزن وقلة النوم والتوتر التي كثيرًا ما تصاحب الألم المستمر. زيارة الأخصائي النفسي لا تعني أن الألم وهمي.',
      uk: 'Допомагає з тривогою, пригніченим настроєм, поганим сном і стресом, які часто супроводжують тривалий біль. Звернення до психолога не означає, що біль вигаданий.',
      pl: 'Pomaga radzić sobie z niepokojem, obniżonym nastrojem, złym snem i stresem, które często towarzyszą długotrwałemu bólowi. Wizyta u psychologa nie oznacza, że ból jest wymyślony.',
    },
  },
  'pain-specialist': {
    name: {
      en: 'Pain specialist',
      da: 'Smertelæge',
      sv: 'Smärtläkare',
      nb: 'Smertelege',
      de: 'Schmerzmedizinerin oder Schmerzmediziner',
      ar: 'طبيب متخصص في الألم',
      uk: 'Лікар із лікування болю',
      pl: 'Lekarz specjalista leczenia bólu',
    },
    description: {
      en: 'A doctor with extra training in long-lasting pain, usually at a hospital. Can look at your diagnosis and medicines again.',
      da: 'En læge med særlig viden om langvarige smerter, oftest på et sygehus. Kan se på din diagnose og din medicin igen.',
      sv: 'En läkare med särskild kunskap om långvarig smärta, oftast på ett sjukhus. Kan se över din diagnos och dina läkemedel igen.',
      nb: 'En lege med ekstra kunnskap om langvarige smerter, oftest på et sykehus. Kan se på diagnosen og medisinene dine på nytt.',
      de: 'Eine Ärztin oder ein Arzt mit Zusatzausbildung für lang anhaltende Schmerzen, meist im Krankenhaus. Kann Diagnose und Medikamente noch einmal prüfen.',
      ar: 'طبيب لديه تدريب إضافي في الألم المستمر، ويعمل عادةً في مستشفى. يمكنه أن يراجع تشخيصك وأدويتك من جديد.',
      uk: 'Лікар із додатковою підготовкою щодо тривалого болю, зазвичай у лікарні. Може ще раз переглянути ваш діагноз і ліки.',
      pl: 'Lekarz ze specjalnym przygotowaniem w leczeniu długotrwałego bólu, zwykle w szpitalu. Może jeszcze raz ocenić Twoje rozpoznanie i leki.',
    },
  },
  nurse: {
    name: {
      en: 'Nurse',
      da: 'Sygeplejerske',
      sv: 'Sjuksköterska',
      nb: 'Sykepleier',
      de: 'Pflegefachkraft',
      ar: 'ممرض أو ممرضة',
      uk: 'Медсестра або медбрат',
      pl: 'Pielęgniarka lub pielęgniarz',
    },
    description: {
      en: 'Often your first contact. Helps you plan, answers questions and checks how you are doing.',
      da: 'Ofte den første, du har kontakt med. Hjælper dig med at planlægge, svarer på spørgsmål og følger op på, hvordan du har det.',
      sv: 'Ofta den du först har kontakt med. Hjälper dig att planera, svarar på frågor och följer upp hur du mår.',
      nb: 'Ofte den første du har kontakt med. Hjelper deg å planlegge, svarer på spørsmål og følger opp hvordan du har det.',
      de: 'Oft Ihr erster Kontakt. Hilft bei der Planung, beantwortet Fragen und fragt nach, wie es Ihnen geht.',
      ar: 'غالبًا أول من تتواصل معه. يساعدك في التخطيط، ويجيب عن أسئلتك، ويتابع كيف حالك.',
      uk: 'Часто ваш перший контакт. Допомагає планувати, відповідає на запитання і стежить, як ви почуваєтеся.',
      pl: 'Często pierwsza osoba, z którą masz kontakt. Pomaga planować, odpowiada na pytania i sprawdza, jak się czujesz.',
    },
  },
  'social-worker': {
    name: {
      en: 'Social worker',
      da: 'Socialrådgiver',
      sv: 'Kurator',
      nb: 'Sosionom',
      de: 'Sozialarbeiterin oder Sozialarbeiter',
      ar: 'أخصائي اجتماعي',
      uk: 'Соціальний працівник',
      pl: 'Pracownik socjalny',
    },
    description: {
      en: 'Helps with practical matters: work, money, housing, benefits and help at home.',
      da: 'Hjælper med det praktiske: arbejde, økonomi, bolig, ydelser og hjælp i hjemmet.',
      sv: 'Hjälper med praktiska frågor: arbete, ekonomi, boende, ersättningar och hjälp i hemmet.',
      nb: 'Hjelper med praktiske ting: jobb, økonomi, bolig, stønader og hjelp hjemme.',
      de: 'Hilft bei praktischen Fragen: Arbeit, Geld, Wohnen, Sozialleistungen und Hilfe zu Hause.',
      ar: 'يساعدك في الأمور العملية: العمل، والمال، والسكن، والإعانات، والمساعدة في البيت.',
      uk: 'Допомагає з практичними питаннями: робота, гроші, житло, соціальні виплати та допомога вдома.',
      pl: 'Pomaga w sprawach praktycznych: praca, pieniądze, mieszkanie, świadczenia i pomoc w domu.',
    },
  },
  'multidisciplinary-team': {
    name: {
      en: 'Team of several professions',
      da: 'Tværfagligt team',
      sv: 'Team med flera yrken',
      nb: 'Tverrfaglig team',
      de: 'Team aus mehreren Berufen',
      ar: 'فريق متعدد التخصصات',
      uk: 'Команда різних фахівців',
      pl: 'Zespół wielodyscyplinarny',
    },
    description: {
      en: 'People from different professions who plan your care together, so that their advice fits together.',
      da: 'Fagfolk fra forskellige faggrupper, der planlægger dit forløb sammen, så deres råd hænger sammen.',
      sv: 'Personal från olika yrken som planerar din vård tillsammans, så att deras råd hänger ihop.',
      nb: 'Fagfolk fra ulike yrker som planlegger behandlingen din sammen, slik at rådene deres henger sammen.',
      de: 'Fachleute aus verschiedenen Berufen, die Ihre Behandlung gemeinsam planen, damit ihre Ratschläge zusammenpassen.',
      ar: 'مختصون من مهن مختلفة يخططون لرعايتك معًا، حتى تكون نصائحهم متوافقة.',
      uk: 'Фахівці різних професій, які разом планують ваше лікування, щоб їхні поради узгоджувалися між собою.',
      pl: 'Specjaliści różnych zawodów, którzy wspólnie planują Twoje leczenie, tak aby ich rady były spójne.',
    },
  },
};

/** A typical amount, or a range `[from, to]` when it differs from person to person. */
export type Amount = number | readonly [number, number];

/** How long a step takes and how often; rendered with `Intl` in the reader's language. */
export interface Duration {
  /** Number of appointments or sessions. */
  readonly sessions?: Amount;
  /** The period the step runs over; at most one of days, weeks, months. */
  readonly days?: Amount;
  readonly weeks?: Amount;
  readonly months?: Amount;
  /** Length of each session. */
  readonly minutesEach?: Amount;
  /** The numbers are typical, not fixed ("about 9 sessions"). */
  readonly approximate?: boolean;
  /** Where the numbers come from: the cited study and what it reports. For editors; not shown. */
  readonly source?: string;
  /**
   * How long the step takes is the service's own, so the file gives no numbers: the host sets them
   * per step (`localDetails` of `<pp-pathway>`), else the person reads that the service will tell them.
   */
  readonly local?: boolean;
  /** What the numbers cannot say, e.g. "The team tells you the days and times". */
  readonly note?: TextMap;
}

export const PERIOD_UNITS = ['days', 'weeks', 'months'] as const;

/** A decision point: when something applies, the person moves to another step or out of the pathway. */
export type Decision =
  | { readonly when: TextMap; readonly next: string }
  /** The pathway ends here for this person, e.g. an urgent assessment; the text says what happens instead. */
  | { readonly when: TextMap; readonly exitTo: TextMap }
  /** The emergency warning signs and what to do, in the shared wording (src/model/emergency.ts). */
  | { readonly emergency: true };

/** A questionnaire (`content/instruments/<id>.json`) or education module (`content/education/<id>.json`) used at a step. */
export type StepLink =
  | { readonly instrument: string; readonly title: TextMap }
  | { readonly module: string; readonly title: TextMap };

/**
 * One step of a pathway. Texts may hold several paragraphs, separated by line breaks;
 * `bring` and `youDecide` are lists.
 */
export interface PathwayStep {
  readonly id: string;
  readonly title: TextMap;
  /** Who you will meet. */
  readonly roles: readonly RoleId[];
  readonly whatHappens: TextMap;
  readonly duration?: Duration;
  readonly bring?: readonly TextMap[];
  readonly youDecide?: readonly TextMap[];
  readonly decisions?: readonly Decision[];
  readonly links?: readonly StepLink[];
}

export interface PathwayMeta {
  /** For editors and hosts: which services and patients the pathway is written for. */
  readonly audience: string;
  /** Citations of the published care model the pathway follows. */
  readonly basedOn: readonly string[];
}

/** A care pathway explained to the person in it: who it is for, the steps, and what to expect. */
export interface Pathway {
  readonly id: string;
  readonly version: string;
  /** The first is the source language; every text has it. */
  readonly languages: readonly LanguageCode[];
  readonly title: TextMap;
  readonly translations: Readonly<Record<LanguageCode, Translation>>;
  readonly meta: PathwayMeta;
  /** Who the pathway is for. */
  readonly intro: TextMap;
  readonly steps: readonly PathwayStep[];
  /** The honest answer to "will it cure me?". */
  readonly willItCureMe: TextMap;
  /** What happens after the last step, and whom to contact. */
  readonly followUp: TextMap;
}

// `$schema` names the file's JSON Schema (content/schemas/) for editors; the parser ignores it.
const PATHWAY_FIELDS = ['id', 'version', 'languages', 'title', 'translations', 'meta', 'intro', 'steps', 'willItCureMe', 'followUp', '$schema'];
const STEP_FIELDS = ['id', 'title', 'roles', 'whatHappens', 'duration', 'bring', 'youDecide', 'decisions', 'links'];
const DURATION_AMOUNTS = ['sessions', ...PERIOD_UNITS, 'minutesEach'];
const DURATION_FIELDS = [...DURATION_AMOUNTS, 'approximate', 'source', 'local', 'note'];

/**
 * Validates a pathway file and returns it typed. Throws a `ContentError` listing every problem
 * with its JSON path: unknown fields (typos), missing source-language texts, duplicate step ids,
 * unknown roles, decisions leading to steps that do not exist, malformed durations and links.
 */
export function parsePathway(json: unknown): Pathway {
  return parseContent(json, 'Pathway', (reader, root) => new PathwayParser(reader, root).parse());
}

class PathwayParser {
  readonly #languages: readonly string[];
  readonly #source: string | undefined;
  /** Step ids as written, gathered first so that a decision can lead forward to a later step. */
  readonly #stepIds: ReadonlySet<string>;

  readonly #reader: JsonReader;
  readonly #root: JsonObject;

  constructor(
    reader: JsonReader,
    root: JsonObject,
  ) {
    this.#reader = reader;
    this.#root = root;
    ({ languages: this.#languages, source: this.#source } = reader.languages(root['languages']));
    this.#stepIds = new Set(this.#rawStepIds().filter((id): id is string => id !== undefined));
  }

  /** The `id` of each entry of `steps` as written (undefined where it is not a string), read before validation. */
  #rawStepIds(): (string | undefined)[] {
    const steps = Array.isArray(this.#root['steps']) ? (this.#root['steps'] as unknown[]) : [];
    return steps.map((step) => {
      const id = typeof step === 'object' && step !== null ? (step as JsonObject)['id'] : undefined;
      return typeof id === 'string' ? id : undefined;
    });
  }

  parse(): Pathway | undefined {
    const reader = this.#reader;
    const root = this.#root;
    this.#knownFields(root, '', PATHWAY_FIELDS);
    const id = this.#reader.id(root['id'], 'id');
    const version = reader.string(root['version'], 'version');
    const title = this.#text(root['title'], 'title');
    const translations = reader.translations(root['translations'], 'translations', this.#languages);
    const meta = this.#meta(root['meta'], 'meta');
    const intro = this.#text(root['intro'], 'intro');
    const steps = this.#reader.list(root['steps'], 'steps', (v, p) => this.#step(v, p));
    if (steps?.length === 0) reader.report('steps', 'a pathway needs at least one step');
    this.#reportDuplicateSteps();
    const willItCureMe = this.#text(root['willItCureMe'], 'willItCureMe');
    const followUp = this.#text(root['followUp'], 'followUp');
    if (!id || !version || !title || !translations || !meta || !intro || !steps || !willItCureMe || !followUp || !this.#source) return undefined;
    return { id, version, languages: this.#languages, title, translations, meta, intro, steps, willItCureMe, followUp };
  }

  #text(value: unknown, path: string): TextMap | undefined {
    return this.#reader.textMap(value, path, this.#source);
  }

  #knownFields(object: JsonObject, path: string, allowed: readonly string[]): void {
    for (const key of Object.keys(object)) {
      if (!allowed.includes(key)) this.#reader.report(childPath(path, key), `unknown field "${key}"; expected one of ${allowed.join(', ')}`);
    }
  }






  #meta(value: unknown, path: string): PathwayMeta | undefined {
    const reader = this.#reader;
    const meta = reader.object(value, path);
    if (!meta) return undefined;
    this.#knownFields(meta, path, ['audience', 'basedOn']);
    const audience = reader.string(meta['audience'], childPath(path, 'audience'));
    const basedOnPath = childPath(path, 'basedOn');
    const basedOn = this.#reader.list(meta['basedOn'], basedOnPath, (v, p) => reader.string(v, p));
    if (basedOn?.length === 0) reader.report(basedOnPath, 'cite at least one source of the care model');
    return audience && basedOn ? { audience, basedOn } : undefined;
  }

  #step(value: unknown, path: string): PathwayStep | undefined {
    const reader = this.#reader;
    const object = reader.object(value, path);
    if (!object) return undefined;
    const at = (key: string) => childPath(path, key);
    this.#knownFields(object, path, STEP_FIELDS);
    const id = this.#reader.id(object['id'], at('id'));
    const title = this.#text(object['title'], at('title'));
    const roles = this.#roles(object['roles'], at('roles'));
    const whatHappens = this.#text(object['whatHappens'], at('whatHappens'));
    const duration = reader.optional(object['duration'], (v) => this.#duration(v, at('duration')));
    const bring = reader.optional(object['bring'], (v) => this.#textList(v, at('bring')));
    const youDecide = reader.optional(object['youDecide'], (v) => this.#textList(v, at('youDecide')));
    const decisions = reader.optional(object['decisions'], (v) => this.#reader.list(v, at('decisions'), (d, p) => this.#decision(d, p, id)));
    const links = reader.optional(object['links'], (v) => this.#reader.list(v, at('links'), (l, p) => this.#link(l, p)));
    if (!id || !title || !roles || !whatHappens) return undefined;
    return defined({ id, title, roles, whatHappens, duration, bring, youDecide, decisions, links });
  }

  #reportDuplicateSteps(): void {
    const seen = new Set<string>();
    this.#rawStepIds().forEach((id, i) => {
      if (id === undefined) return;
      if (seen.has(id)) this.#reader.report(childPath(childPath('steps', i), 'id'), `duplicate step id "${id}"`);
      seen.add(id);
    });
  }

  #roles(value: unknown, path: string): RoleId[] | undefined {
    const roles = this.#reader.list(value, path, (v, p) => this.#reader.oneOf(v, p, ROLE_IDS));
    if (roles?.length === 0) this.#reader.report(path, 'name at least one role: who the person will meet');
    roles?.forEach((role, i) => {
      if (roles.indexOf(role) !== i) this.#reader.report(childPath(path, i), `"${role}" is listed twice`);
    });
    return roles;
  }

  #textList(value: unknown, path: string): TextMap[] | undefined {
    const list = this.#reader.list(value, path, (v, p) => this.#text(v, p));
    if (list?.length === 0) this.#reader.report(path, 'expected at least one entry; leave the field out instead');
    return list;
  }

  #amount(value: unknown, path: string): Amount | undefined {
    const reader = this.#reader;
    const positive = (v: unknown, p: string) => {
      const number = reader.number(v, p);
      if (number !== undefined && number <= 0) reader.report(p, `expected a number above 0, got ${number}`);
      return number !== undefined && number > 0 ? number : undefined;
    };
    if (!Array.isArray(value)) return positive(value, path);
    if (value.length !== 2) {
      reader.report(path, 'expected a number, or a range of two numbers [from, to]');
      return undefined;
    }
    const [from, to] = [positive(value[0], childPath(path, 0)), positive(value[1], childPath(path, 1))];
    if (from === undefined || to === undefined) return undefined;
    if (from >= to) reader.report(path, `a range must run from the smaller to the larger number, got [${from}, ${to}]`);
    return from < to ? [from, to] : undefined;
  }

  #duration(value: unknown, path: string): Duration | undefined {
    const reader = this.#reader;
    const object = reader.object(value, path);
    if (!object) return undefined;
    const at = (key: string) => childPath(path, key);
    this.#knownFields(object, path, DURATION_FIELDS);
    const amountOf = (key: string) => reader.optional(object[key], (v) => this.#amount(v, at(key)));
    const periods = PERIOD_UNITS.filter((unit) => object[unit] !== undefined);
    if (periods.length > 1) reader.report(path, `give the period in one unit only, not ${periods.join(' and ')}`);
    const duration: Duration = defined({
      sessions: amountOf('sessions'),
      days: amountOf('days'),
      weeks: amountOf('weeks'),
      months: amountOf('months'),
      minutesEach: amountOf('minutesEach'),
      approximate: reader.optional(object['approximate'], (v) => reader.boolean(v, at('approximate'))),
      source: reader.optional(object['source'], (v) => reader.string(v, at('source'))),
      local: reader.optional(object['local'], (v) => reader.boolean(v, at('local'))),
      note: reader.optional(object['note'], (v) => this.#text(v, at('note'))),
    });
    const amounts = DURATION_AMOUNTS.filter((key) => key in object);
    if (amounts.length === 0 && !['local', 'note'].some((key) => key in object)) {
      reader.report(path, 'expected sessions, a period (days, weeks or months), minutesEach, a note, or local');
    }
    if (duration.local && amounts.length > 0) {
      reader.report(path, `a local duration's numbers are the host's: leave out ${amounts.join(', ')}, or cite them in source and drop local`);
    }
    return duration;
  }

  #decision(value: unknown, path: string, stepId: string | undefined): Decision | undefined {
    const reader = this.#reader;
    const object = reader.object(value, path);
    if (!object) return undefined;
    const at = (key: string) => childPath(path, key);
    if (object['emergency'] === true) {
      this.#knownFields(object, path, ['emergency']);
      return { emergency: true };
    }
    this.#knownFields(object, path, ['when', 'next', 'exitTo']);
    const when = this.#text(object['when'], at('when'));
    if (('next' in object) === ('exitTo' in object)) {
      reader.report(path, 'expected exactly one of "next" (a step id of this pathway) or "exitTo" (what happens instead, outside it)');
      return undefined;
    }
    if ('exitTo' in object) {
      const exitTo = this.#text(object['exitTo'], at('exitTo'));
      return when && exitTo ? { when, exitTo } : undefined;
    }
    const next = reader.string(object['next'], at('next'));
    if (next !== undefined && !this.#stepIds.has(next)) reader.report(at('next'), `no step has the id "${next}"`);
    else if (next !== undefined && next === stepId) reader.report(at('next'), 'a decision cannot lead back to its own step');
    return when && next && this.#stepIds.has(next) && next !== stepId ? { when, next } : undefined;
  }

  #link(value: unknown, path: string): StepLink | undefined {
    const reader = this.#reader;
    const object = reader.object(value, path);
    if (!object) return undefined;
    this.#knownFields(object, path, ['instrument', 'module', 'title']);
    const title = this.#text(object['title'], childPath(path, 'title'));
    if (('instrument' in object) === ('module' in object)) {
      reader.report(path, 'expected exactly one of "instrument" or "module", with its id');
      return undefined;
    }
    const kind = 'instrument' in object ? 'instrument' : 'module';
    const id = this.#reader.id(object[kind], childPath(path, kind));
    if (!id || !title) return undefined;
    return kind === 'instrument' ? { instrument: id, title } : { module: id, title };
  }
}
