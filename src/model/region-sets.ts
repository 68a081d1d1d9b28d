import type { TextMap } from './text.js';

export interface Region {
  readonly id: string;
  readonly label: TextMap;
}

export interface RegionGroup {
  readonly id: string;
  readonly label: TextMap;
  readonly regions: readonly Region[];
}

export interface RegionSet {
  readonly id: string;
  readonly groups: readonly RegionGroup[];
  readonly source: string;
}

/**
 * The 19 regions of the Widespread Pain Index in the five groups used for "generalized pain".
 * Labels are our own plain-language wording of the regions the criteria name, in the languages
 * of the user interface; not validated translations.
 */
const acr2016: RegionSet = {
  id: 'acr-2016',
  source:
    'Wolfe F, Clauw DJ, Fitzcharles MA, et al. 2016 Revisions to the 2010/2011 fibromyalgia diagnostic criteria. Semin Arthritis Rheum. 2016;46(3):319-329. doi:10.1016/j.semarthrit.2016.08.012',
  groups: [
    {
      id: 'left-upper',
      label: { en: 'Upper body, left side', da: 'Overkrop, venstre side', sv: 'Överkroppen, vänster sida', nb: 'Overkroppen, venstre side', de: 'Oberkörper, linke Seite', ar: 'الجزء العلوي من الجسم، الجانب الأيسر', uk: 'Верхня частина тіла, ліворуч', pl: 'Górna część ciała, lewa strona' },
      regions: [
        { id: 'jaw-left', label: { en: 'Left jaw', da: 'Venstre kæbe', sv: 'Vänster käke', nb: 'Venstre kjeve', de: 'Linker Kiefer', ar: 'الفك الأيسر', uk: 'Ліва щелепа', pl: 'Lewa szczęka' } },
        { id: 'shoulder-girdle-left', label: { en: 'Left shoulder', da: 'Venstre skulder', sv: 'Vänster axel', nb: 'Venstre skulder', de: 'Linke Schulter', ar: 'الكتف الأيسر', uk: 'Ліве плече', pl: 'Lewy bark' } },
        { id: 'upper-arm-left', label: { en: 'Left upper arm', da: 'Venstre overarm', sv: 'Vänster överarm', nb: 'Venstre overarm', de: 'Linker Oberarm', ar: 'أعلى الذراع الأيسر', uk: 'Ліва рука вище ліктя', pl: 'Lewe ramię' } },
        { id: 'lower-arm-left', label: { en: 'Left lower arm', da: 'Venstre underarm', sv: 'Vänster underarm', nb: 'Venstre underarm', de: 'Linker Unterarm', ar: 'أسفل الذراع الأيسر', uk: 'Ліва рука нижче ліктя', pl: 'Lewe przedramię' } },
      ],
    },
    {
      id: 'right-upper',
      label: { en: 'Upper body, right side', da: 'Overkrop, højre side', sv: 'Överkroppen, höger sida', nb: 'Overkroppen, høyre side', de: 'Oberkörper, rechte Seite', ar: 'الجزء العلوي من الجسم، الجانب الأيمن', uk: 'Верхня частина тіла, праворуч', pl: 'Górna część ciała, prawa strona' },
      regions: [
        { id: 'jaw-right', label: { en: 'Right jaw', da: 'Højre kæbe', sv: 'Höger käke', nb: 'Høyre kjeve', de: 'Rechter Kiefer', ar: 'الفك الأيمن', uk: 'Права щелепа', pl: 'Prawa szczęka' } },
        { id: 'shoulder-girdle-right', label: { en: 'Right shoulder', da: 'Højre skulder', sv: 'Höger axel', nb: 'Høyre skulder', de: 'Rechte Schulter', ar: 'الكتف الأيمن', uk: 'Праве плече', pl: 'Prawy bark' } },
        { id: 'upper-arm-right', label: { en: 'Right upper arm', da: 'Højre overarm', sv: 'Höger överarm', nb: 'Høyre overarm', de: 'Rechter Oberarm', ar: 'أعلى الذراع الأيمن', uk: 'Права рука вище ліктя', pl: 'Prawe ramię' } },
        { id: 'lower-arm-right', label: { en: 'Right lower arm', da: 'Højre underarm', sv: 'Höger underarm', nb: 'Høyre underarm', de: 'Rechter Unterarm', ar: 'أسفل الذراع الأيمن', uk: 'Права рука нижче ліктя', pl: 'Prawe przedramię' } },
      ],
    },
    {
      id: 'left-lower',
      label: { en: 'Lower body, left side', da: 'Underkrop, venstre side', sv: 'Nedre delen av kroppen, vänster sida', nb: 'Underkroppen, venstre side', de: 'Unterkörper, linke Seite', ar: 'الجزء السفلي من الجسم، الجانب الأيسر', uk: 'Нижня частина тіла, ліворуч', pl: 'Dolna część ciała, lewa strona' },
      regions: [
        { id: 'hip-left', label: { en: 'Left hip (buttock)', da: 'Venstre hofte (balde)', sv: 'Vänster höft (skinka)', nb: 'Venstre hofte (sete)', de: 'Linke Hüfte (Gesäß)', ar: 'الورك الأيسر (الأرداف)', uk: 'Лівий бік таза (сідниця)', pl: 'Lewe biodro (pośladek)' } },
        { id: 'upper-leg-left', label: { en: 'Left upper leg (thigh)', da: 'Venstre lår', sv: 'Vänster lår', nb: 'Venstre lår', de: 'Linker Oberschenkel', ar: 'الفخذ الأيسر', uk: 'Ліве стегно', pl: 'Lewe udo' } },
        { id: 'lower-leg-left', label: { en: 'Left lower leg', da: 'Venstre underben', sv: 'Vänster underben', nb: 'Venstre legg', de: 'Linker Unterschenkel', ar: 'أسفل الساق اليسرى', uk: 'Ліва гомілка', pl: 'Lewe podudzie' } },
      ],
    },
    {
      id: 'right-lower',
      label: { en: 'Lower body, right side', da: 'Underkrop, højre side', sv: 'Nedre delen av kroppen, höger sida', nb: 'Underkroppen, høyre side', de: 'Unterkörper, rechte Seite', ar: 'الجزء السفلي من الجسم، الجانب الأيمن', uk: 'Нижня частина тіла, праворуч', pl: 'Dolna część ciała, prawa strona' },
      regions: [
        { id: 'hip-right', label: { en: 'Right hip (buttock)', da: 'Højre hofte (balde)', sv: 'Höger höft (skinka)', nb: 'Høyre hofte (sete)', de: 'Rechte Hüfte (Gesäß)', ar: 'الورك الأيمن (الأرداف)', uk: 'Правий бік таза (сідниця)', pl: 'Prawe biodro (pośladek)' } },
        { id: 'upper-leg-right', label: { en: 'Right upper leg (thigh)', da: 'Højre lår', sv: 'Höger lår', nb: 'Høyre lår', de: 'Rechter Oberschenkel', ar: 'الفخذ الأيمن', uk: 'Праве стегно', pl: 'Prawe udo' } },
        { id: 'lower-leg-right', label: { en: 'Right lower leg', da: 'Højre underben', sv: 'Höger underben', nb: 'Høyre legg', de: 'Rechter Unterschenkel', ar: 'أسفل الساق اليمنى', uk: 'Права гомілка', pl: 'Prawe podudzie' } },
      ],
    },
    {
      id: 'axial',
      label: { en: 'Neck, back and trunk', da: 'Nakke, ryg og krop', sv: 'Nacke, rygg och bål', nb: 'Nakke, rygg og kropp', de: 'Nacken, Rücken und Rumpf', ar: 'الرقبة والظهر والجذع', uk: 'Шия, спина і тулуб', pl: 'Szyja, plecy i tułów' },
      regions: [
        { id: 'neck', label: { en: 'Neck', da: 'Nakke', sv: 'Nacke', nb: 'Nakke', de: 'Nacken', ar: 'الرقبة', uk: 'Шия', pl: 'Szyja' } },
        { id: 'upper-back', label: { en: 'Upper back', da: 'Øvre del af ryggen', sv: 'Övre delen av ryggen', nb: 'Øvre del av ryggen', de: 'Oberer Rücken', ar: 'أعلى الظهر', uk: 'Верхня частина спини', pl: 'Górna część pleców' } },
        { id: 'lower-back', label: { en: 'Lower back', da: 'Lænden (nedre del af ryggen)', sv: 'Nedre delen av ryggen', nb: 'Korsryggen', de: 'Unterer Rücken', ar: 'أسفل الظهر', uk: 'Поперек', pl: 'Dolna część pleców' } },
        { id: 'chest', label: { en: 'Chest', da: 'Bryst', sv: 'Bröst', nb: 'Bryst', de: 'Brust', ar: 'الصدر', uk: 'Грудна клітка', pl: 'Klatka piersiowa' } },
        { id: 'abdomen', label: { en: 'Abdomen (belly)', da: 'Mave', sv: 'Mage', nb: 'Mage', de: 'Bauch', ar: 'البطن', uk: 'Живіт', pl: 'Brzuch' } },
      ],
    },
  ],
};

export const REGION_SETS: Readonly<Record<string, RegionSet>> = { [acr2016.id]: acr2016 };

export const regionIdsOf = (set: RegionSet): string[] => set.groups.flatMap((group) => group.regions.map((r) => r.id));
