import { expect } from '@open-wc/testing';
import { EMERGENCY, EMERGENCY_LANGUAGES, emergencyAdvice, outOfHoursAdvice } from '../../src/model/emergency.js';
import { parseInstrument } from '../../src/model/parse-instrument.js';
import { predicateItems } from '../../src/scoring/rules.js';
import { walkItems } from '../../src/model/instrument.js';
import { contentFiles } from '../helpers/hostile-content.js';
import { loadJson } from '../helpers/fixtures.js';

/**
 * Words that name a cauda equina warning sign (or the syndrome), in every language content is
 * written in. A content text that matches words the signs itself instead of using the shared
 * wording; the patterns look for a word's start, so that e.g. "шкала" does not match "кал".
 */
const SIGN_WORDS: Readonly<Record<string, readonly string[]>> = {
  en: ['bladder', 'bowel', 'urin', 'pee(?:s|ing)?(?!\\p{L})', 'saddle', 'genital', 'stool', 'erection', 'ejaculat', 'incontinen', 'fa?ecal', 'cauda equina'],
  da: ['blære', 'vandlad', 'tisse', 'urin', 'afføring', 'tarm', 'kønsdel', 'kønsorgan', 'ridebukse', 'rejsning', 'sædafgang', 'holde på vandet', 'cauda equina'],
  sv: ['blås', 'urin', 'kiss', 'avföring', 'tarm', 'könsorgan', 'ridbyx', 'sadel', 'erektion', 'utlösning', 'cauda equina'],
  nb: ['blære', 'urin', 'tisse', 'avføring', 'tarm', 'kjønnsorgan', 'ereksjon', 'sædavgang', 'cauda equina'],
  de: ['blase', 'harn(?!e)', 'urin', 'wasserlass', 'wasser lass', 'stuhlgang', 'stuhlinkontinenz', 'darm', 'geschlechtsteil', 'genital', 'reithose', 'erektion', 'samenerguss', 'cauda-equina'],
  uk: ['сеч', 'кишечн', 'кал(?:у|ом|і)?(?!\\p{L})', 'статев', 'сідлоподіб', 'ерекці', 'еякуляц', 'кінського хвоста'],
  pl: ['pęcherz', 'mocz', 'stol(?:ec|ca|cem)', 'jelit', 'wypróżn', 'płciow', 'krocz(?:e|a|u)(?!\\p{L})', 'erekcj', 'wytrysk', 'ogona końskiego'],
};
// Arabic joins prefixes (و, ب, ل) to the word, so its words are found anywhere in the text.
const ARABIC_SIGN_WORDS = ['المثانة', 'البول', 'التبول', 'التبوّل', 'البراز', 'الأمعاء', 'التناسلية', 'السرج', 'الانتصاب', 'القذف', 'ذيل الفرس'];
const SIGNS = new RegExp(
  [...Object.values(SIGN_WORDS).flat().map((word) => `(?<!\\p{L})${word}`), ...ARABIC_SIGN_WORDS].join('|'),
  'iu',
);

/** Texts for editors and reviewers (citations, sources), not shown to the person as advice. */
const NOT_FOR_THE_PERSON = new Set(['meta', 'source', 'citation', 'references', 'basedOn']);

/**
 * Where content may name the signs in its own words: the red-flag screen asks about them (its
 * questions) and names them for the clinician (its flag labels). Everything it tells the person
 * to do is the shared advice (checked below).
 */
const ASKS_ABOUT_THE_SIGNS = [/^red-flags-back-pain\.json items\[\d+\]\.text\./, /^red-flags-back-pain\.json scoring\.flags\[\d+\]\.label\./];

type Json = unknown;

/** Every text in the JSON (a string in a text map, under a language code) with its path (`pages[2].blocks[4].text.da`). */
function* texts(json: Json, path: string, languages: readonly string[]): Generator<[string, string]> {
  if (typeof json === 'string') {
    if (languages.includes(path.slice(path.lastIndexOf('.') + 1))) yield [path, json];
  }
  else if (Array.isArray(json)) for (const [i, value] of json.entries()) yield* texts(value, `${path}[${i}]`, languages);
  else if (json && typeof json === 'object') {
    for (const [key, value] of Object.entries(json)) {
      if (!NOT_FOR_THE_PERSON.has(key)) yield* texts(value, path ? `${path}.${key}` : key, languages);
    }
  }
}

const FOLDERS = ['instruments', 'education', 'pathways'] as const;

async function everyContentFile(): Promise<{ folder: (typeof FOLDERS)[number]; name: string; json: Record<string, unknown> }[]> {
  const files = await Promise.all(
    FOLDERS.map(async (folder) =>
      Promise.all((await contentFiles(folder)).map(async (name) => ({ folder, name, json: await loadJson(`/content/${folder}/${name}`) }))),
    ),
  );
  return files.flat();
}

describe('the emergency signs and advice, worded once (src/model/emergency.ts)', () => {
  it('finds a sign in words in each language, and not in everyday words', () => {
    for (const text of ['problems controlling your bladder', 'svårt att hålla tätt för urin', 'problemer med at holde på vandet', 'Probleme beim Wasserlassen', 'صعوبة في التحكم بالمثانة', 'нетримання калу', 'nietrzymanie moczu']) {
      expect(SIGNS.test(text), text).to.equal(true);
    }
    // "Stuhl" is also a chair, "kroczyć" to stride, "шкала" a scale.
    for (const text of ['шкала болю', 'Stehen Sie vom Stuhl auf', 'kroczyć naprzód', 'a peer or a kiosk']) {
      expect(SIGNS.test(text), text).to.equal(false);
    }
  });

  it('finds every sign of the shared wording, in every language, so the check below sees a copy of it', () => {
    for (const sign of EMERGENCY.signs) {
      for (const lang of EMERGENCY_LANGUAGES) {
        // The fifth sign (legs) has no word of its own that content could only use for it.
        if (sign !== EMERGENCY.signs[4]) expect(SIGNS.test(sign[lang]!), `${lang}: ${sign[lang]}`).to.equal(true);
      }
    }
  });

  it('is not worded by any instrument, module or pathway, in any language, except where the red-flag screen asks about the signs', async () => {
    const ownWording = (await everyContentFile()).flatMap(({ name, json }) =>
      [...texts(json, '', json['languages'] as string[])]
        .map(([path, text]) => [`${name} ${path}`, text] as const)
        .filter(([where, text]) => SIGNS.test(text) && !ASKS_ABOUT_THE_SIGNS.some((allowed) => allowed.test(where))),
    );
    expect(ownWording.map(([where, text]) => `${where}: ${text}`)).to.deep.equal([]);
  });

  it('is the advice of every flag raised by an answer about a sign, with no slower route', async () => {
    for (const name of await contentFiles('instruments')) {
      const instrument = parseInstrument(await loadJson(`/content/instruments/${name}`));
      const signItems = new Set(
        [...walkItems(instrument.items)].filter((item) => Object.values(item.text ?? {}).some((text) => SIGNS.test(text))).map((item) => item.id),
      );
      for (const flag of instrument.scoring.flags ?? []) {
        if (predicateItems(flag.when).some((id) => signItems.has(id))) expect(flag.advice, `${name}: ${flag.id}`).to.equal('emergency');
      }
    }
  });

  it('is used by the instrument, modules and pathway that tell the person about the signs, in languages it has', async () => {
    const users = (await everyContentFile()).filter(({ json }) => /"advice":"emergency"|"type":"emergency"|"emergency":true/.test(JSON.stringify(json)));
    expect(users.map(({ name }) => name).sort()).to.deep.equal([
      'flare-up-plan-and-goals.json', 'hurt-and-harm.json', 'municipal-interdisciplinary.json', 'red-flags-back-pain.json',
    ]);
    for (const { name, json } of users) {
      expect(EMERGENCY_LANGUAGES, name).to.include.members(json['languages'] as string[]);
    }
  });

  it('has every text in every language, with one place for the host\'s number or service', () => {
    const { signs, ...texts } = EMERGENCY;
    for (const map of [...Object.values(texts), ...signs]) expect(Object.keys(map)).to.deep.equal(EMERGENCY_LANGUAGES);
    for (const lang of EMERGENCY_LANGUAGES) {
      expect(EMERGENCY.adviceWithNumber[lang]!.split('{number}'), lang).to.have.length(2);
      expect(EMERGENCY.outOfHoursWithService[lang]!.split('{service}'), lang).to.have.length(2);
    }
  });
});

describe('emergencyAdvice and outOfHoursAdvice', () => {
  it('send the person to an emergency department now, or the local emergency number, when the host gave none', () => {
    expect(emergencyAdvice('en', {})).to.equal(EMERGENCY.advice['en']);
    expect(emergencyAdvice('en', {})).to.match(/emergency department now, or call your local emergency number\./);
    expect(outOfHoursAdvice('de', {})).to.equal('Wenn Ihre Arztpraxis geschlossen ist, rufen Sie den ärztlichen Bereitschaftsdienst an.');
  });

  it('name the host\'s number and service, kept in order in right-to-left text', () => {
    expect(emergencyAdvice('en', { emergencyNumber: '112' })).to.contain('or call \u2068112\u2069. Tell them');
    expect(emergencyAdvice('ar', { emergencyNumber: '112' })).to.contain('\u2068112\u2069');
    expect(outOfHoursAdvice('da', { outOfHours: 'Lægevagten, 1813' })).to.equal('Hvis din læges praksis er lukket, så ring til lægevagten: \u2068Lægevagten, 1813\u2069.');
  });

  it('fall back to English for a language the wording lacks', () => {
    expect(emergencyAdvice('fi', {})).to.equal(EMERGENCY.advice['en']);
  });
});
