import { expect } from '@open-wc/testing';
import { fromFhirQuestionnaire, type FromFhirOptions } from '../../src/fhir/from-fhir-questionnaire.js';
import { toQuestionnaireResponse } from '../../src/fhir/questionnaire-response.js';
import { conditionsHold } from '../../src/model/conditions.js';
import { ContentError } from '../../src/model/content-error.js';
import { walkItems, type Answers, type Instrument, type Item, type Scoring } from '../../src/model/instrument.js';
import { parseInstrument } from '../../src/model/parse-instrument.js';
import { scoreAnswers } from '../../src/scoring/score.js';
import { loadJson, phq9AnswersFor, phq9Json } from '../helpers/fixtures.js';

type Json = Record<string, unknown>;

const LOINC = 'http://loinc.org';
const ORDINAL_VALUE = 'http://hl7.org/fhir/StructureDefinition/ordinalValue';
const TRANSLATION = 'http://hl7.org/fhir/StructureDefinition/translation';
/** The nine PHQ-9 items of the LOINC form, in the order of our phq9-1 … phq9-9. */
const LINK_IDS = ['/44250-9', '/44255-8', '/44259-0', '/44254-1', '/44251-7', '/44258-2', '/44252-5', '/44253-3', '/44260-8'];
/** LOINC answer codes of the frequency answers; the index is the ordinal value. */
const FREQUENCY = ['LA6568-5', 'LA6569-3', 'LA6570-1', 'LA6571-9'];

const loincPhq9 = (): Promise<Json> => loadJson('/test/fixtures/loinc-phq-9.questionnaire.json');

/** Our PHQ-9 total (sum, range 0–27, bands as in phq-9.json) over the LOINC form's linkIds. */
async function phq9Scoring(): Promise<Scoring> {
  const [total] = ((await phq9Json())['scoring'] as { scales: Json[] }).scales;
  return { scales: [{ ...total, items: LINK_IDS }] } as unknown as Scoring;
}

/** Translation extensions as FHIR puts them on a `_text`, `_title` or `_display` element. */
const translated = (translations: Record<string, string>) => ({
  extension: Object.entries(translations).map(([lang, content]) => ({
    url: TRANSLATION,
    extension: [
      { url: 'lang', valueCode: lang },
      { url: 'content', valueString: content },
    ],
  })),
});

const questionnaire = (item: unknown[], more: Json = {}): Json => ({ resourceType: 'Questionnaire', id: 'test', title: 'Test', item, ...more });

const itemControl = (code: string): Json => ({
  url: 'http://hl7.org/fhir/StructureDefinition/questionnaire-itemControl',
  valueCodeableConcept: { coding: [{ system: 'http://hl7.org/fhir/questionnaire-item-control', code }] },
});

const yesNo = (linkId: string, more: Json = {}): Json => ({
  linkId,
  type: 'choice',
  text: `${linkId}?`,
  answerOption: [{ valueCoding: { system: 'urn:test', code: 'y', display: 'Yes' } }, { valueCoding: { system: 'urn:test', code: 'n', display: 'No' } }],
  ...more,
});

function errorOf(json: unknown, options?: FromFhirOptions): ContentError {
  try {
    fromFhirQuestionnaire(json, options);
  } catch (error) {
    expect(error).to.be.instanceOf(ContentError);
    return error as ContentError;
  }
  throw new Error('expected a ContentError');
}

const instrumentOf = (json: unknown, options?: FromFhirOptions): Instrument => fromFhirQuestionnaire(json, options).instrument;

const problemsOf = (json: unknown, options?: FromFhirOptions): string[] => errorOf(json, options).problems.map((p) => `${p.path}: ${p.message}`);

const itemById = (instrument: Instrument, id: string): Item =>
  [...walkItems(instrument.items)].find((item) => item.id === id) ?? expect.fail(`no item "${id}"`);

describe('fromFhirQuestionnaire', () => {
  let native: Instrument;
  let scoring: Scoring;
  before(async () => {
    native = parseInstrument(await phq9Json());
    scoring = await phq9Scoring();
  });

  it('imports the LOINC PHQ-9 with native scoring, keeping linkIds and LOINC codes', async () => {
    const { instrument: imported, reported } = fromFhirQuestionnaire(await loincPhq9(), { scoring });
    // The LOINC form has no version: a digest of the form stands in, so a changed form is another version.
    expect(imported.id).to.equal('44249-1');
    expect(imported.version).to.match(/^content-[0-9a-f]{8}$/);
    expect(imported.meta.canonical).to.equal('http://loinc.org/q/44249-1');
    // Its drop-down lists and the "0", "1", … before the answers are honoured: nothing to report.
    expect(reported).to.deep.equal([]);
    expect(imported.items.filter((item) => item.type === 'choice').every((item) => 'control' in item && item.control === 'drop-down')).to.equal(true);
    expect(imported.languages).to.deep.equal(['en']);
    expect(imported.title).to.deep.equal({ en: 'PHQ-9 quick depression assessment panel' });
    expect(imported.meta.citation).to.deep.equal(['http://loinc.org/q/44249-1']);
    expect(imported.meta.licence.kind).to.equal('text-granted');
    expect(imported.meta.licence.notice['en']).to.include('No permission required to reproduce');
    expect(imported.meta.code).to.deep.equal({ system: LOINC, code: '44249-1', display: 'PHQ-9 quick depression assessment panel' });
    expect(imported.translations).to.deep.equal({ en: { status: 'draft', source: 'FHIR Questionnaire http://loinc.org/q/44249-1' } });
    // The calculated total score (/44261-6) is left out: the native scale computes it.
    expect(imported.items.map((i) => i.id)).to.deep.equal([...LINK_IDS, '/69722-7']);

    const [first] = imported.items;
    const nativeFirst = itemById(native, 'phq9-1');
    expect(first).to.include({ type: 'choice', required: true });
    expect(first!.type === 'choice' && first.text).to.deep.equal(nativeFirst.type === 'choice' && { en: nativeFirst.text['en'] });
    expect(first!.type === 'choice' && first.code).to.deep.equal({ system: LOINC, code: '44250-9', display: 'Little interest or pleasure in doing things' });
    expect(first!.type === 'choice' && first.answers[3]).to.deep.equal({
      value: 'LA6571-9',
      text: { en: 'Nearly every day' },
      prefix: { en: '3' },
      code: { system: LOINC, code: 'LA6571-9', display: 'Nearly every day' },
      score: 3,
    });
    const difficulty = itemById(imported, '/69722-7');
    expect(difficulty.type === 'choice' && difficulty.answers.map((a) => [a.value, a.score])).to.deep.equal([
      ['LA6572-7', undefined],
      ['LA6573-5', undefined],
      ['LA6575-0', undefined],
      ['LA6574-3', undefined],
    ]);
  });

  it('scores the LOINC PHQ-9 as our native PHQ-9 does, for every total', async () => {
    const imported = instrumentOf(await loincPhq9(), { scoring });
    for (let total = 0; total <= 27; total++) {
      const nativeAnswers = phq9AnswersFor(total);
      // Imported coded answers have their LOINC code as value and the ordinal value as score.
      const answers = Object.fromEntries(LINK_IDS.map((linkId, i) => [linkId, FREQUENCY[nativeAnswers[`phq9-${i + 1}`]!]!]));
      expect(scoreAnswers(imported, answers)['total'], `total ${total}`).to.deep.equal(scoreAnswers(native, nativeAnswers)['total']);
    }
    expect(scoreAnswers(imported, Object.fromEntries(LINK_IDS.map((id) => [id, 'LA6570-1'])))['total']).to.deep.equal({ value: 18, band: 'moderately-severe' });
  });

  it('keeps the calculated total score as a read-only question with its expression when no scoring is given', async () => {
    const { instrument } = fromFhirQuestionnaire(await loincPhq9());
    expect(instrument.items.find((item) => item.id === '/44261-6')).to.deep.include({
      type: 'integer',
      readOnly: true,
      calculated: "%resource.item.where(linkId != '/69722-7' and linkId != '/44261-6').answer.value.ordinal().sum()",
    });
  });

  it('maps display, nested groups and the supported question types', () => {
    const imported = instrumentOf(
      questionnaire([
        { linkId: 'intro', type: 'display', text: 'Please answer.' },
        {
          linkId: 'about',
          type: 'group',
          text: 'About you',
          item: [
            { linkId: 'born', type: 'date', text: 'Born?', required: true, extension: [{ url: 'http://hl7.org/fhir/StructureDefinition/minValue', valueDate: '1900-01-01' }] },
            { linkId: 'name', type: 'string', text: 'Name?', maxLength: 40 },
            { linkId: 'notes', type: 'text', text: 'Notes' },
            {
              linkId: 'hours',
              type: 'integer',
              text: 'Hours of sleep?',
              extension: [
                { url: 'http://hl7.org/fhir/StructureDefinition/minValue', valueInteger: 0 },
                { url: 'http://hl7.org/fhir/StructureDefinition/maxValue', valueInteger: 24 },
                { url: 'http://hl7.org/fhir/StructureDefinition/questionnaire-unit', valueCoding: { system: 'http://unitsofmeasure.org', code: 'h', display: 'hours' } },
              ],
            },
            { linkId: 'weight', type: 'decimal', text: 'Weight?', extension: [{ url: 'http://hl7.org/fhir/StructureDefinition/minValue', valueDecimal: 0.5 }] },
            {
              linkId: 'where',
              type: 'choice',
              repeats: true,
              text: 'Where does it hurt?',
              answerOption: [
                { valueString: 'Back' },
                { valueString: 'Neck' },
                { valueString: 'Nowhere', extension: [{ url: 'http://hl7.org/fhir/StructureDefinition/questionnaire-optionExclusive', valueBoolean: true }] },
              ],
            },
            { linkId: 'days', type: 'choice', text: 'Days a week?', answerOption: [{ valueInteger: 1 }, { valueInteger: 2, extension: [{ url: ORDINAL_VALUE, valueDecimal: 5 }] }] },
          ],
        },
      ]),
    );
    const text = (en: string) => ({ en });
    expect(imported.items).to.deep.equal([
      { id: 'intro', type: 'display', text: text('Please answer.') },
      {
        id: 'about',
        type: 'group',
        text: text('About you'),
        items: [
          { id: 'born', type: 'date', text: text('Born?'), required: true, min: '1900-01-01' },
          { id: 'name', type: 'text', text: text('Name?'), required: false, maxLength: 40, singleLine: true },
          { id: 'notes', type: 'text', text: text('Notes'), required: false },
          { id: 'hours', type: 'integer', text: text('Hours of sleep?'), required: false, min: 0, max: 24, unit: text('hours') },
          { id: 'weight', type: 'decimal', text: text('Weight?'), required: false, min: 0.5 },
          {
            id: 'where',
            type: 'multi-choice',
            text: text('Where does it hurt?'),
            required: false,
            answers: [
              { value: 'Back', text: text('Back') },
              { value: 'Neck', text: text('Neck') },
              { value: 'Nowhere', text: text('Nowhere'), exclusive: true },
            ],
            valueType: 'string',
          },
          {
            id: 'days',
            type: 'choice',
            text: text('Days a week?'),
            required: false,
            answers: [
              { value: 1, text: text('1') },
              { value: 2, text: text('2'), score: 5 },
            ],
            valueType: 'integer',
          },
        ],
      },
    ]);
  });

  it('takes each language\'s status from Painpath\'s translation-status extension, a checked one only with its evidence', () => {
    const status = (lang: string, value: string, evidence?: Json) => ({
      url: 'urn:painpath:extension:translation-status',
      extension: [{ url: 'lang', valueCode: lang }, { url: 'status', valueCode: value }, { url: 'source', valueString: `The ${lang} version` }, ...(evidence ? [evidence] : [])],
    });
    const evidence = { url: 'evidence', extension: [{ url: 'title', valueString: 'PHQ-9 (Danish)' }, { url: 'publisher', valueString: 'Pfizer' }, { url: 'year', valueInteger: 2010 }, { url: 'foundAt', valueString: 'https://www.phqscreeners.com' }] };
    const form = (extension: unknown[]) => questionnaire([yesNo('a', { _text: translated({ da: 'a på dansk?' }) })], { language: 'en', extension });
    const imported = fromFhirQuestionnaire(form([status('da', 'official', evidence), status('sv', 'verified')]));
    expect(imported.instrument.translations).to.deep.equal({
      en: { status: 'draft', source: 'FHIR Questionnaire test' },
      da: { status: 'official', source: 'The da version', evidence: { title: 'PHQ-9 (Danish)', publisher: 'Pfizer', year: 2010, foundAt: 'https://www.phqscreeners.com' } },
    });
    expect(imported.reported.map((p) => `${p.path}: ${p.message}`)).to.deep.equal(['extension[1]: a translation status for "sv", a language the form has no text in, is ignored']);
    expect(problemsOf(form([status('da', 'official')]))).to.have.length(1).and.to.satisfy((problems: string[]) => problems[0]!.startsWith('extension[0]'));
  });

  it('refuses a condition that orders coded answers, which have no order', () => {
    expect(problemsOf(questionnaire([yesNo('a'), yesNo('b', { enableWhen: [{ question: 'a', operator: '>', answerCoding: { system: 'http://loinc.org', code: 'LA33-6' } }] })]))).to.deep.equal([
      'item[1].enableWhen[0].operator: ">" orders numbers, dates, times and strings; answerCoding has no order, so the condition would be checked wrongly',
    ]);
  });

  it('falls back to name for id and title, to a digest for the version and to the primary tag of the language', () => {
    const json = { resourceType: 'Questionnaire', name: 'PainCheck', language: 'da-DK', item: [yesNo('a')] };
    const imported = instrumentOf(json);
    expect(imported.id).to.equal('PainCheck');
    expect(imported.version).to.equal(instrumentOf(structuredClone(json)).version);
    expect(imported.version).not.to.equal(instrumentOf({ ...json, item: [yesNo('b')] }).version);
    expect(imported.languages).to.deep.equal(['da']);
    expect(imported.title).to.deep.equal({ da: 'PainCheck' });
    expect(imported.meta.licence.notice).to.deep.equal({ da: 'Imported from FHIR Questionnaire PainCheck' });
    expect(imported.scoring).to.deep.equal({ scales: [] });
  });

  it('takes its identity from the url, or from a digest of the form, when it has neither id nor name', () => {
    const fromUrl = instrumentOf({ resourceType: 'Questionnaire', url: 'http://example.org/Questionnaire/pain check', version: '2', item: [yesNo('a')] });
    expect(fromUrl.id).to.match(/^pain-check-[0-9a-f]{8}$/);
    expect(fromUrl).to.include({ version: '2' });
    expect(fromUrl.meta.canonical).to.equal('http://example.org/Questionnaire/pain check|2');
    expect(fromUrl.title).to.equal(undefined);
    const anonymous = instrumentOf({ resourceType: 'Questionnaire', item: [yesNo('a')] });
    expect(anonymous.id).to.match(/^questionnaire-[0-9a-f]{8}$/);
    expect(anonymous.meta.canonical).to.equal(undefined);
  });

  it('maps boolean items, conditions on them and on later items, prefixes, help and initial answers', () => {
    const imported = instrumentOf(
      questionnaire([
        { linkId: 'smoker', type: 'boolean', text: 'Do you smoke?', prefix: '1.', initial: [{ valueBoolean: false }] },
        {
          linkId: 'daily',
          type: 'integer',
          text: 'How many a day?',
          enableWhen: [{ question: 'smoker', operator: '=', answerBoolean: true }],
          item: [{ linkId: 'daily-help', type: 'display', text: 'Cigarettes, cigars or pipes.' }],
        },
        { linkId: 'first', type: 'string', text: 'Why?', enableWhen: [{ question: 'later', operator: 'exists', answerBoolean: true }] },
        { linkId: 'later', type: 'date', text: 'Since when?', initial: [{ valueDate: '2020-01-31' }] },
        { linkId: 'kind', ...yesNo('kind'), answerOption: [{ valueString: 'a', initialSelected: true }, { valueString: 'b' }] },
        {
          linkId: 'label-from-child',
          type: 'string',
          item: [{ linkId: 'flyover', type: 'display', text: 'First name', extension: [itemControl('flyover')] }],
        },
      ]),
    );
    expect(itemById(imported, 'smoker')).to.deep.include({ type: 'boolean', prefix: { en: '1.' }, initial: false });
    expect(itemById(imported, 'daily')).to.deep.include({
      enableWhen: [{ item: 'smoker', operator: '=', value: true }],
      help: [{ en: 'Cigarettes, cigars or pipes.' }],
    });
    expect(itemById(imported, 'later')).to.deep.include({ initial: '2020-01-31' });
    expect(itemById(imported, 'kind')).to.deep.include({ initial: 'a' });
    expect(itemById(imported, 'label-from-child')).to.deep.include({ text: { en: 'First name' } });
    expect(itemById(imported, 'label-from-child')).not.to.have.property('help');
    expect(conditionsHold(itemById(imported, 'daily'), { smoker: true })).to.equal(true);
    expect(conditionsHold(itemById(imported, 'daily'), { smoker: false })).to.equal(false);
  });

  it('reports, with their paths, what it does not honour but renders faithfully without', () => {
    const { reported } = fromFhirQuestionnaire(
      questionnaire(
        [
          { ...yesNo('a'), extension: [itemControl('slider'), { url: 'http://example.org/unknown', valueString: 'x' }] },
          { linkId: 'g', type: 'group', required: true, text: 'G', item: [yesNo('b')], lindId: 'typo' },
          { linkId: 'd', type: 'date', text: 'D?', initial: [{ valueDate: '1994-05' }] },
        ],
        { extension: [{ url: 'http://hl7.org/fhir/uv/sdc/StructureDefinition/sdc-questionnaire-launchContext', extension: [] }], publisher: 'Somebody' },
      ),
    );
    expect(reported.map((p) => `${p.path}: ${p.message}`)).to.deep.equal([
      'extension[0]: a launch context without a name (valueCoding or valueId) is ignored',
      'item[0].extension[1]: the extension "http://example.org/unknown" is not known here; it is ignored',
      'item[0].extension[0]: the item control "slider" is not supported on a choice item: shown as usual',
      'item[1].lindId: "lindId" is not an element of R4 Questionnaire.item; it is ignored',
      'item[2].initial[0].valueDate: the partial date "1994-05" cannot be a date field\'s answer; the field starts empty',
    ]);
  });

  it('uses value sets the host gives by canonical url, with or without the version', () => {
    const valueSet = {
      resourceType: 'ValueSet',
      expansion: { contains: [{ system: LOINC, code: 'LA33-6', display: 'Yes' }, { system: LOINC, code: 'LA32-8', display: 'No' }] },
    };
    const imported = instrumentOf(questionnaire([{ linkId: 'a', type: 'choice', text: 'A?', answerValueSet: 'http://loinc.org/vs/LL361-7|2.76' }]), {
      valueSets: { 'http://loinc.org/vs/LL361-7': valueSet },
    });
    const a = itemById(imported, 'a');
    expect(a.type === 'choice' && a.answers.map((o) => o.code)).to.deep.equal([
      { system: LOINC, code: 'LA33-6', display: 'Yes' },
      { system: LOINC, code: 'LA32-8', display: 'No' },
    ]);
  });

  it('maps open choices to choices with an answer of one’s own, or to text when they list no answers', () => {
    const imported = instrumentOf(
      questionnaire([
        { linkId: 'where', type: 'open-choice', text: 'Where?', answerOption: [{ valueString: 'home' }], initial: [{ valueString: 'garden' }] },
        { linkId: 'which', type: 'open-choice', text: 'Which?', repeats: true, answerOption: [{ valueString: 'a' }, { valueString: 'b' }] },
        { linkId: 'what', type: 'open-choice', text: 'What?' },
      ]),
    );
    expect(itemById(imported, 'where')).to.deep.include({ type: 'choice', other: true, initial: 'garden' });
    expect(itemById(imported, 'which')).to.deep.include({ type: 'multi-choice', other: true });
    expect(itemById(imported, 'what')).to.deep.include({ type: 'text' });
  });

  it('leaves out an optional choice that names no answers, and conditions on it; keeps a hidden one with its starting answers; refuses a required one', () => {
    const fever = { valueCoding: { system: 'http://snomed.info/sct', code: '386661006', display: 'Fever' } };
    const search = { url: 'http://hl7.org/fhir/StructureDefinition/questionnaire-externallydefined', valueUri: 'https://clinicaltables.nlm.nih.gov/api/conditions/v3/search' };
    const hidden = { url: 'http://hl7.org/fhir/StructureDefinition/questionnaire-hidden', valueBoolean: true };
    const { instrument, reported } = fromFhirQuestionnaire(
      questionnaire([
        yesNo('a'),
        { linkId: 'history', type: 'choice', text: 'History of diseases', extension: [search] },
        { linkId: 'code', type: 'group', extension: [hidden], item: [{ linkId: 'code.value', type: 'choice', initial: [fever] }] },
      ]),
    );
    expect(instrument.items.map((item) => item.id)).to.deep.equal(['a', 'code']);
    const code = itemById(instrument, 'code.value');
    expect(code).to.deep.include({ type: 'choice', hidden: true, initial: '386661006' });
    expect(code.type === 'choice' && code.answers.map((o) => o.code)).to.deep.equal([fever.valueCoding]);
    expect(reported.map((p) => `${p.path}: ${p.message}`)).to.deep.equal([
      'item[1].extension[0]: "questionnaire-externallydefined" is not supported: the search service is not used: the answers are those answerOption or answerValueSet give, and a choice item with neither is left out',
      'item[1]: the choice item names no answers (answerOption, answerValueSet or answerExpression); the question is left out',
    ]);
    expect(
      problemsOf(
        questionnaire([
          { linkId: 'b', type: 'choice', text: 'B?' },
          { linkId: 'c', type: 'string', text: 'C?', enableWhen: [{ question: 'b', operator: 'exists', answerBoolean: true }] },
          { linkId: 'd', type: 'choice', text: 'D?', required: true },
        ]),
      ),
    ).to.deep.equal([
      'item[1].enableWhen[0].question: "b" is left out (the choice item names no answers (answerOption, answerValueSet or answerExpression)); a condition on it cannot be checked',
      'item[2]: the choice item names no answers (answerOption, answerValueSet or answerExpression); the question is required, so it could never be answered',
    ]);
  });

  it('labels a question given only a formatted text with it, and takes a read-only item with the help control as its question’s help', () => {
    const markdown = (text: string) => ({ extension: [{ url: 'http://hl7.org/fhir/StructureDefinition/rendering-markdown', valueMarkdown: text }] });
    const { instrument, reported } = fromFhirQuestionnaire(
      questionnaire([
        {
          linkId: 'email',
          type: 'string',
          _text: markdown('**E-mail**'),
          item: [{ linkId: 'email.help', type: 'text', readOnly: true, _text: markdown('Where we reach you'), extension: [itemControl('help')] }],
        },
      ]),
    );
    expect(itemById(instrument, 'email')).to.deep.include({
      text: { en: '**E-mail**' },
      formattedText: { format: 'markdown', text: { en: '**E-mail**' } },
      help: [{ en: 'Where we reach you' }],
    });
    expect(reported.map((p) => `${p.path}: ${p.message}`)).to.deep.equal([
      'item[0].item[0].type: this read-only "text" item with the help control, never answered, is shown as the question\'s help',
      'item[0].item[0]._text.extension[0]: "rendering-markdown" is not supported on a question\'s help: its source is shown',
    ]);
  });

  it('maps regex, minLength and maxDecimalPlaces to the answer checks, and entryFormat to help', () => {
    const ext = (name: string, value: Json) => ({ url: `http://hl7.org/fhir/StructureDefinition/${name}`, ...value });
    const { instrument, reported } = fromFhirQuestionnaire(
      questionnaire([
        { linkId: 'zip', type: 'string', text: 'Postcode?', extension: [ext('regex', { valueString: '\\d{4}' }), ext('minLength', { valueInteger: 4 }), ext('entryFormat', { valueString: 'nnnn' })] },
        { linkId: 'kg', type: 'decimal', text: 'Weight?', extension: [ext('maxDecimalPlaces', { valueInteger: 1 })] },
        { linkId: 'age', type: 'integer', text: 'Age?', extension: [ext('regex', { valueString: '\\d+' })] },
      ]),
    );
    expect(itemById(instrument, 'zip')).to.deep.include({ pattern: '\\d{4}', minLength: 4, help: [{ en: 'nnnn' }] });
    expect(itemById(instrument, 'kg')).to.deep.include({ maxDecimals: 1 });
    expect(reported.map((p) => `${p.path}: ${p.message}`)).to.deep.equal(['item[2].extension[0]: "regex" does not apply to a "integer" item here; it is not checked']);
  });

  it('maps string, integer, date and time items with answer lists to choices written in their own type', () => {
    const { instrument } = fromFhirQuestionnaire(
      questionnaire([
        { linkId: 'city', type: 'string', text: 'City?', answerOption: [{ valueString: 'Oslo' }, { valueString: 'Bergen' }] },
        { linkId: 'kids', type: 'integer', text: 'Children?', repeats: true, answerOption: [{ valueInteger: 1 }, { valueInteger: 2 }] },
        { linkId: 'when', type: 'date', text: 'When?', answerOption: [{ valueDate: '2022' }, { valueDate: '2022-09-20' }], initial: [{ valueDate: '2022' }] },
      ]),
    );
    expect(itemById(instrument, 'city')).to.deep.include({ type: 'choice', answers: [{ value: 'Oslo', text: { en: 'Oslo' } }, { value: 'Bergen', text: { en: 'Bergen' } }] });
    expect(itemById(instrument, 'kids')).to.deep.include({ type: 'multi-choice' });
    expect(itemById(instrument, 'when')).to.deep.include({ type: 'choice', valueType: 'date', initial: '2022' });
    const answers = { city: 'Bergen', kids: [1, 2], when: '2022-09-20' };
    const response = toQuestionnaireResponse(instrument, answers, scoreAnswers(instrument, answers));
    expect(response.item.map((i) => i.answer)).to.deep.equal([[{ valueString: 'Bergen' }], [{ valueInteger: 1 }, { valueInteger: 2 }], [{ valueDate: '2022-09-20' }]]);
    expect(problemsOf(questionnaire([{ linkId: 'n', type: 'integer', text: 'N?', answerOption: [{ valueInteger: 1 }, { valueString: 'two' }] }]))).to.deep.equal([
      'item[0].answerOption[1].valueString: the answers of this item must be valueInteger, as its type says',
    ]);
  });

  it('maps questions that repeat to several answers, with their minOccurs and maxOccurs', () => {
    const ext = (name: string, value: number) => ({ url: `http://hl7.org/fhir/StructureDefinition/questionnaire-${name}`, valueInteger: value });
    const { instrument, reported } = fromFhirQuestionnaire(
      questionnaire([
        { linkId: 'names', type: 'string', text: 'Names?', repeats: true, extension: [ext('minOccurs', 2), ext('maxOccurs', 5)], initial: [{ valueString: 'Ann' }, { valueString: 'Bo' }] },
        { linkId: 'once', type: 'string', text: 'Once?', extension: [ext('maxOccurs', 2)] },
      ]),
    );
    expect(itemById(instrument, 'names')).to.deep.include({ type: 'text', repeats: true, minOccurs: 2, maxOccurs: 5, initial: ['Ann', 'Bo'] });
    expect(reported.map((p) => `${p.path}: ${p.message}`)).to.deep.equal(['item[1].extension[0]: "questionnaire-maxOccurs" is not supported here: the most answers allowed is not checked']);
    const answers = { names: ['Ann', 'Bo'] };
    expect(toQuestionnaireResponse(instrument, answers, scoreAnswers(instrument, answers)).item[0]!.answer).to.deep.equal([{ valueString: 'Ann' }, { valueString: 'Bo' }]);
  });

  it('offers a reference item the resources the host gives, of the types it names, or its own answerOption', () => {
    const resource = (type: string) => ({ url: 'http://hl7.org/fhir/StructureDefinition/questionnaire-referenceResource', valueCode: type });
    const references = { Practitioner: [{ reference: 'Practitioner/1', display: 'Dr. Berg' }], Patient: [{ reference: 'Patient/7', display: 'Ola' }] };
    const { instrument, reported } = fromFhirQuestionnaire(
      questionnaire([
        { linkId: 'gp', type: 'reference', text: 'Your GP?', extension: [resource('Practitioner')] },
        { linkId: 'anyone', type: 'reference', text: 'Anyone?' },
        { linkId: 'clinic', type: 'reference', text: 'Clinic?', answerOption: [{ valueReference: { reference: 'Organization/3', display: 'Pain clinic' } }, { valueReference: { reference: 'Organization/4' } }] },
      ]),
      { references },
    );
    expect(itemById(instrument, 'gp')).to.deep.include({ type: 'choice', valueType: 'reference', answers: [{ value: 'Practitioner/1', text: { en: 'Dr. Berg' } }] });
    expect(itemById(instrument, 'anyone')).to.have.property('answers').with.length(2);
    expect(itemById(instrument, 'clinic')).to.deep.include({ valueType: 'reference', answers: [{ value: 'Organization/3', text: { en: 'Pain clinic' } }, { value: 'Organization/4', text: { en: 'Organization/4' } }] });
    expect(reported).to.deep.equal([]);
    const answers = { gp: 'Practitioner/1' };
    expect(toQuestionnaireResponse(instrument, answers, scoreAnswers(instrument, answers)).item[0]!.answer).to.deep.equal([{ valueReference: { reference: 'Practitioner/1', display: 'Dr. Berg' } }]);

    const without = fromFhirQuestionnaire(questionnaire([yesNo('a'), { linkId: 'gp', type: 'reference', text: 'Your GP?', extension: [resource('Practitioner')] }]), { references: { Patient: references.Patient } });
    expect(without.instrument.items.map((item) => item.id)).to.deep.equal(['a']);
    expect(without.reported.map((p) => `${p.path}: ${p.message}`)).to.deep.equal(['item[1]: a reference item is left out when the host gives no resources for it to offer (references)']);
  });

  it('maps the item controls it honours, choiceOrientation and sliderStepValue, and reports the others', () => {
    const ext = (name: string, value: Json) => ({ url: `http://hl7.org/fhir/StructureDefinition/${name}`, ...value });
    const control = (code: string) => ext('questionnaire-itemControl', { valueCodeableConcept: { coding: [{ system: 'http://hl7.org/fhir/questionnaire-item-control', code }] } });
    const options = { answerOption: [{ valueString: 'a' }, { valueString: 'b' }] };
    const { instrument, reported } = fromFhirQuestionnaire(
      questionnaire([
        { linkId: 'dd', type: 'choice', text: 'DD?', ...options, extension: [control('drop-down'), ext('questionnaire-choiceOrientation', { valueCode: 'horizontal' })] },
        { linkId: 'ac', type: 'open-choice', text: 'AC?', ...options, extension: [control('autocomplete')] },
        { linkId: 'many', type: 'choice', text: 'Many?', repeats: true, ...options, extension: [control('drop-down')] },
        { linkId: 'sl', type: 'integer', text: 'SL?', extension: [control('slider'), ext('minValue', { valueInteger: 0 }), ext('maxValue', { valueInteger: 10 }), ext('questionnaire-sliderStepValue', { valueInteger: 2 })] },
        { linkId: 'sp', type: 'decimal', text: 'SP?', extension: [control('spinner')] },
        { linkId: 'open', type: 'integer', text: 'Open?', extension: [control('slider')] },
      ]),
    );
    expect(itemById(instrument, 'dd')).to.deep.include({ control: 'drop-down', orientation: 'horizontal' });
    expect(itemById(instrument, 'ac')).to.deep.include({ control: 'autocomplete', other: true });
    expect(itemById(instrument, 'many')).to.deep.include({ type: 'multi-choice' }).and.not.have.property('control');
    expect(itemById(instrument, 'sl')).to.deep.include({ control: 'slider', min: 0, max: 10, step: 2 });
    expect(itemById(instrument, 'sp')).to.deep.include({ control: 'spinner' });
    expect(itemById(instrument, 'open')).to.not.have.property('control');
    expect(reported.map((p) => `${p.path}: ${p.message}`)).to.deep.equal([
      'item[2].extension[0]: the item control "drop-down" is not supported on a choice item: shown as usual',
      'item[5].extension[0]: the item control "slider" is not supported on a integer item: shown as usual',
    ]);
  });

  it('keeps the formatting of item texts, reporting what a sanitized text cannot hold and formatting elsewhere', () => {
    const xhtml = (value: string) => ({ extension: [{ url: 'http://hl7.org/fhir/StructureDefinition/rendering-xhtml', valueString: value }] });
    const markdown = (value: string) => ({ extension: [{ url: 'http://hl7.org/fhir/StructureDefinition/rendering-markdown', valueMarkdown: value }] });
    const { instrument, reported } = fromFhirQuestionnaire(
      questionnaire(
        [
          { ...yesNo('a'), text: 'Pain today?', _text: xhtml('<b>Pain</b> today? <a href="https://x.org">more</a><img src="x.png"/>') },
          { linkId: 'info', type: 'display', text: 'See the list.', _text: markdown('See **the list**:\n\n- one\n- two') },
          { ...yesNo('b'), item: [{ linkId: 'b-help', type: 'display', text: 'Help', _text: xhtml('<i>Help</i>') }] },
        ],
        { title: 'T', _title: xhtml('<b>T</b>') },
      ),
    );
    expect(itemById(instrument, 'a')).to.deep.include({ formattedText: { format: 'xhtml', text: { en: '<b>Pain</b> today? <a href="https://x.org">more</a><img src="x.png"/>' } } });
    expect(itemById(instrument, 'info')).to.deep.include({ formattedText: { format: 'markdown', text: { en: 'See **the list**:\n\n- one\n- two' } } });
    expect(reported.map((p) => `${p.path}: ${p.message}`)).to.have.members([
      '_title.extension[0]: "rendering-xhtml" is not supported here: the plain text is shown',
      "item[0]._text.extension[0]: shown without <a>, <img>, which a question's label cannot hold (their text is kept)",
      'item[2].item[0]._text.extension[0]: "rendering-xhtml" is not supported on a question\'s help: the plain text is shown',
    ]);
  });

  it('maps enableWhen with answerDateTime (as instants), answerQuantity (in the same unit) and answerReference', () => {
    const kg = { url: 'http://hl7.org/fhir/StructureDefinition/questionnaire-unitOption', valueCoding: { system: 'http://unitsofmeasure.org', code: 'kg', display: 'kg' } };
    const lb = { ...kg, valueCoding: { system: 'http://unitsofmeasure.org', code: '[lb_av]', display: 'lb' } };
    const imported = instrumentOf(
      questionnaire([
        { linkId: 'since', type: 'dateTime', text: 'Since?' },
        { linkId: 'weight', type: 'quantity', text: 'Weight?', extension: [kg, lb] },
        { linkId: 'gp', type: 'reference', text: 'GP?', answerOption: [{ valueReference: { reference: 'Practitioner/1', display: 'Dr. Berg' } }, { valueReference: { reference: 'Practitioner/2' } }] },
        { linkId: 'recent', type: 'string', text: 'Recent?', enableWhen: [{ question: 'since', operator: '>', answerDateTime: '2026-01-01T12:00:00+01:00' }] },
        { linkId: 'heavy', type: 'string', text: 'Heavy?', enableWhen: [{ question: 'weight', operator: '>=', answerQuantity: { value: 100, system: 'http://unitsofmeasure.org', code: 'kg' } }] },
        { linkId: 'berg', type: 'string', text: 'Berg?', enableWhen: [{ question: 'gp', operator: '=', answerReference: { reference: 'Practitioner/1' } }] },
      ]),
    );
    const holds = (id: string, answers: Answers) => conditionsHold(itemById(imported, id), answers);
    // 11:30 UTC is after 11:00 UTC, though "11:30+00:00" sorts before "12:00+01:00" as text.
    expect(holds('recent', { since: '2026-01-01T11:30:00+00:00' })).to.equal(true);
    expect(holds('recent', { since: '2026-01-01T10:30:00+00:00' })).to.equal(false);
    expect(holds('heavy', { weight: { value: 120, unit: 'kg' } })).to.equal(true);
    expect(holds('heavy', { weight: { value: 250, unit: '[lb_av]' } })).to.equal(false);
    expect(holds('heavy', { weight: { value: 90, unit: 'kg' } })).to.equal(false);
    expect(holds('berg', { gp: 'Practitioner/1' })).to.equal(true);
    expect(holds('berg', { gp: 'Practitioner/2' })).to.equal(false);
  });

  it('takes an answer whose coding has only a display, told apart by it and written back as it is', () => {
    const { instrument } = fromFhirQuestionnaire(
      questionnaire([{ linkId: 'remind', type: 'choice', text: 'Reminders?', answerOption: [{ valueCoding: { display: 'By text message' } }, { valueCoding: { display: 'By letter' } }] }]),
    );
    expect(itemById(instrument, 'remind')).to.deep.include({ answers: [
      { value: 'By text message', text: { en: 'By text message' }, code: { display: 'By text message' } },
      { value: 'By letter', text: { en: 'By letter' }, code: { display: 'By letter' } },
    ] });
    const answers = { remind: 'By letter' };
    expect(toQuestionnaireResponse(instrument, answers, scoreAnswers(instrument, answers)).item[0]!.answer).to.deep.equal([{ valueCoding: { display: 'By letter' } }]);
    expect(problemsOf(questionnaire([{ linkId: 'x', type: 'choice', text: 'X?', answerOption: [{ valueCoding: { system: 'http://x.org' } }] }]))).to.deep.equal([
      'item[0].answerOption[0].valueCoding.code: expected a string, got undefined',
    ]);
  });

  it('maps attachments with their largest size and the types of file they take', () => {
    const ext = (name: string, value: Json) => ({ url: `http://hl7.org/fhir/StructureDefinition/${name}`, ...value });
    const { instrument } = fromFhirQuestionnaire(
      questionnaire([{ linkId: 'scan', type: 'attachment', text: 'Scan?', extension: [ext('maxSize', { valueDecimal: 200000 }), ext('mimeType', { valueCode: 'application/pdf' }), ext('mimeType', { valueCode: 'image/png' })] }]),
    );
    expect(itemById(instrument, 'scan')).to.deep.include({ type: 'attachment', maxSize: 200000, mimeTypes: ['application/pdf', 'image/png'] });
    expect(problemsOf(questionnaire([{ linkId: 'scan', type: 'attachment', text: 'Scan?', extension: [ext('mimeType', { valueCode: 'pdf' })] }]))).to.deep.equal([
      'item[0].extension[0].valueCode: expected a MIME type such as image/jpeg, got "pdf"',
    ]);
  });

  it('maps quantities with their unit options or their one unit, and their starting value', () => {
    const ext = (name: string, value: Json) => ({ url: `http://hl7.org/fhir/StructureDefinition/${name}`, ...value });
    const ucum = (code: string, display: string) => ext('questionnaire-unitOption', { valueCoding: { system: 'http://unitsofmeasure.org', code, display } });
    const { instrument, reported } = fromFhirQuestionnaire(
      questionnaire([
        { linkId: 'weight', type: 'quantity', text: 'Weight?', extension: [ucum('kg', 'kilograms'), ucum('[lb_av]', 'pounds')], initial: [{ valueQuantity: { value: 70, unit: 'kg' } }] },
        { linkId: 'height', type: 'quantity', text: 'Height?', extension: [ext('questionnaire-unit', { valueCoding: { display: 'cm' } }), ext('maxValue', { valueDecimal: 250 })] },
        {
          linkId: 'other',
          type: 'quantity',
          text: 'Other?',
          extension: [ucum('kg', 'kilograms'), { url: 'http://hl7.org/fhir/uv/sdc/StructureDefinition/sdc-questionnaire-unitOpen', valueCode: 'optionsOrString' }],
          initial: [{ valueQuantity: { value: 3, code: 'g' } }],
        },
      ]),
    );
    expect(itemById(instrument, 'weight')).to.deep.include({
      type: 'quantity',
      units: [
        { code: { system: 'http://unitsofmeasure.org', code: 'kg' }, text: { en: 'kilograms' } },
        { code: { system: 'http://unitsofmeasure.org', code: '[lb_av]' }, text: { en: 'pounds' } },
      ],
      initial: { value: 70, unit: 'kg' },
    });
    expect(itemById(instrument, 'height')).to.deep.include({ units: [{ code: { code: 'cm' }, text: { en: 'cm' } }], max: 250 });
    expect(itemById(instrument, 'other')).to.not.have.property('initial');
    expect(reported.map((p) => `${p.path}: ${p.message}`)).to.deep.equal([
      'item[2].extension[1]: a unit of the person\'s own ("optionsOrString") cannot be given; they choose from the units listed, if any',
      'item[2].initial: the starting quantity has no unit among the item\'s units; the field starts empty',
    ]);
  });

  it('maps repeating groups with their maxOccurs, and questions under questions into their answers', () => {
    const imported = instrumentOf(
      questionnaire([
        {
          linkId: 'meds',
          type: 'group',
          text: 'Medicines',
          repeats: true,
          extension: [{ url: 'http://hl7.org/fhir/StructureDefinition/questionnaire-maxOccurs', valueInteger: 4 }],
          item: [{ ...yesNo('helps'), item: [{ linkId: 'helps-note', type: 'display', text: 'Since you started.' }, { linkId: 'how', type: 'string', text: 'How?' }] }],
        },
      ]),
    );
    expect(itemById(imported, 'meds')).to.deep.include({ type: 'group', repeats: true, maxOccurs: 4 });
    const helps = itemById(imported, 'helps');
    expect(helps).to.deep.include({ help: [{ en: 'Since you started.' }] });
    expect(helps.type === 'choice' && helps.items?.map((i) => i.id)).to.deep.equal(['how']);
  });

  it('reports a malformed extension list once, however many checks read it', () => {
    expect(problemsOf(questionnaire([{ linkId: 'a', type: 'string', text: 'A?', extension: 'bad', _text: { extension: 'bad' } }]))).to.deep.equal([
      'item[0].extension: expected an array, got string',
      'item[0]._text.extension: expected an array, got string',
    ]);
  });

  it('refuses conditions that make an item depend on itself', () => {
    expect(problemsOf(questionnaire([{ ...yesNo('a'), enableWhen: [{ question: 'b', operator: 'exists', answerBoolean: true }] }, { ...yesNo('b'), enableWhen: [{ question: 'a', operator: 'exists', answerBoolean: true }] }]))).to.deep.equal([
      'item[0].enableWhen: "a" is shown only when an answer is given that needs "a" shown first (its conditions form a cycle)',
    ]);
  });

  it('maps enableWhen: answerCoding to the code, numbers, exists and enableBehavior', () => {
    const imported = instrumentOf(
      questionnaire([
        yesNo('pain'),
        { linkId: 'days', type: 'integer', text: 'Days?' },
        {
          linkId: 'where',
          type: 'string',
          text: 'Where?',
          enableBehavior: 'any',
          enableWhen: [
            { question: 'pain', operator: '=', answerCoding: { system: 'urn:test', code: 'y' } },
            { question: 'days', operator: '>', answerInteger: 2 },
            { question: 'days', operator: 'exists', answerBoolean: false },
          ],
        },
      ]),
    );
    const where = itemById(imported, 'where');
    expect(where.enableWhen).to.deep.equal([
      { item: 'pain', operator: '=', value: 'y' },
      { item: 'days', operator: '>', value: 2 },
      { item: 'days', operator: 'exists', value: false },
    ]);
    expect(where.enableBehavior).to.equal('any');
    expect(conditionsHold(where, { pain: 'y', days: 1 })).to.equal(true);
    expect(conditionsHold(where, { pain: 'n', days: 1 })).to.equal(false);
  });

  it('adds the languages of translation extensions to languages and text maps', async () => {
    const json = await loincPhq9();
    const item = (json['item'] as Json[])[0]!;
    const option = (item['answerOption'] as { valueCoding: Json }[])[0]!;
    json['_title'] = translated({ de: 'PHQ-9 Kurzfragebogen zur Depression' });
    item['_text'] = translated({ de: 'Wenig Interesse oder Freude an Ihren Tätigkeiten' });
    option.valueCoding['_display'] = translated({ de: 'Überhaupt nicht' });

    const imported = instrumentOf(json, { scoring });
    expect(imported.languages).to.deep.equal(['en', 'de']);
    expect(imported.translations['de']).to.deep.equal({ status: 'draft', source: 'FHIR Questionnaire http://loinc.org/q/44249-1' });
    expect(imported.title).to.deep.equal({ en: 'PHQ-9 quick depression assessment panel', de: 'PHQ-9 Kurzfragebogen zur Depression' });
    const [first, second] = imported.items;
    expect(first!.type === 'choice' && first.text).to.deep.equal({ en: 'Little interest or pleasure in doing things', de: 'Wenig Interesse oder Freude an Ihren Tätigkeiten' });
    expect(first!.type === 'choice' && first.answers[0]!.text).to.deep.equal({ en: 'Not at all', de: 'Überhaupt nicht' });
    // Untranslated texts keep only the source language; the element falls back to it.
    expect(second!.type === 'choice' && second.text).to.deep.equal({ en: 'Feeling down, depressed, or hopeless' });
  });

  it('resolves contained ValueSets by expansion and by compose, sharing one answer list', () => {
    const imported = instrumentOf(
      questionnaire(
        [
          { linkId: 'a', type: 'choice', text: 'A?', answerValueSet: '#yes-no' },
          { linkId: 'b', type: 'choice', text: 'B?', answerValueSet: '#yes-no' },
          { linkId: 'c', type: 'choice', text: 'C?', answerValueSet: '#level' },
        ],
        {
          contained: [
            {
              resourceType: 'ValueSet',
              id: 'yes-no',
              expansion: {
                contains: [
                  { system: 'urn:test', code: 'y', display: 'Yes', extension: [{ url: ORDINAL_VALUE, valueDecimal: 1 }] },
                  { system: 'urn:test', code: 'n', display: 'No', extension: [{ url: ORDINAL_VALUE, valueDecimal: 0 }] },
                ],
              },
            },
            {
              resourceType: 'ValueSet',
              id: 'level',
              compose: { include: [{ system: 'urn:levels', concept: [{ code: 'low', display: 'Low', _display: translated({ de: 'Niedrig' }) }, { code: 'high' }] }] },
            },
          ],
        },
      ),
    );
    const answersOf = (id: string) => {
      const item = itemById(imported, id);
      return item.type === 'choice' ? item.answers : expect.fail(`${id} is a ${item.type}`);
    };
    expect(answersOf('a')).to.deep.equal([
      { value: 'y', text: { en: 'Yes' }, code: { system: 'urn:test', code: 'y', display: 'Yes' }, score: 1 },
      { value: 'n', text: { en: 'No' }, code: { system: 'urn:test', code: 'n', display: 'No' }, score: 0 },
    ]);
    expect(answersOf('b')).to.deep.equal(answersOf('a'));
    expect(answersOf('c')).to.deep.equal([
      { value: 'low', text: { en: 'Low', de: 'Niedrig' }, code: { system: 'urn:levels', code: 'low', display: 'Low' } },
      { value: 'high', text: { en: 'high' }, code: { system: 'urn:levels', code: 'high' } },
    ]);
    expect(imported.languages).to.deep.equal(['en', 'de']);
  });

  it('lists every unsupported feature with its FHIR path in one ContentError', () => {
    const error = errorOf(
      questionnaire([
        { linkId: 'a', type: 'choice', text: 'A?', required: true, answerValueSet: 'http://loinc.org/vs/LL358-3' },
        { linkId: 'g', type: 'group', text: 'Body', item: [yesNo('h'), { linkId: 'who', type: 'reference', text: 'Who?', required: true }] },
        { linkId: 'photo', type: 'attachment', text: 'Photo?', repeats: true },
        { linkId: 'b', type: 'string', text: 'B?', enableWhen: [{ question: 'zz', operator: 'exists', answerBoolean: true }] },
        { linkId: 'c', type: 'boolean', text: 'C?', repeats: true },
        { linkId: 'd', type: 'choice', text: 'D?', answerOption: [{ valueString: 'x' }, { valueDate: '2020-01-01' }] },
        { linkId: 'e', type: 'string', text: 'E?', enableWhen: [{ question: 'h', operator: '=', answerUri: 'http://x.org' }] },
        { linkId: 'f', type: 'integer', text: 'F?', item: [{ linkId: 'f1', type: 'quantity', text: 'Why?', repeats: true }] },
        { linkId: 'g2', type: 'string', text: 'G?', modifierExtension: [{ url: 'http://example.org/negated', valueBoolean: true }] },
        { linkId: 'h2', type: 'choice', extension: [{ url: 'http://hl7.org/fhir/uv/sdc/StructureDefinition/sdc-questionnaire-answerExpression', valueExpression: {} }] },
      ]),
    );
    expect(error.subject).to.equal('FHIR Questionnaire "test"');
    expect(error.problems.map((p) => `${p.path}: ${p.message}`)).to.deep.equal([
      'item[0].answerValueSet: the value set "http://loinc.org/vs/LL358-3" is not available: give it in valueSets (a ValueSet with its expansion), or a terminology server to expand it; the question is required, so the form cannot be shown without it',
      'item[1].item[1]: a required reference item needs something to choose from: give the resources it may name in references',
      'item[2].repeats: repeating "attachment" items are not supported yet',
      'item[3].enableWhen[0].question: no item has linkId "zz"',
      'item[4].repeats: repeating "boolean" items are not supported yet',
      'item[5].answerOption: the answers of one item must all be of one type; these mix valueString, valueDate',
      'item[6].enableWhen[0].answerUri: "answerUri" conditions are not supported yet',
      'item[7].item[0].repeats: repeating "quantity" items are not supported yet',
      'item[8].modifierExtension: "modifierExtension" is not supported: changes the meaning of the item in a way Painpath cannot know',
      'item[9].text: a question needs a text (or a display item under it) to be labelled with',
    ]);
  });

  it('reports problems found by the native validation with FHIR paths', () => {
    const problems = problemsOf(
      questionnaire([
        yesNo('a'),
        yesNo('a'),
        { linkId: 'b', type: 'choice', text: 'B?', answerOption: [{ valueCoding: { system: 'urn:test', code: 'only' } }] },
        {
          linkId: 'c',
          type: 'integer',
          text: 'C?',
          extension: [
            { url: 'http://hl7.org/fhir/StructureDefinition/minValue', valueInteger: 5 },
            { url: 'http://hl7.org/fhir/StructureDefinition/maxValue', valueInteger: 1 },
          ],
        },
        { linkId: 'd', type: 'string', text: 'D?', enableWhen: [{ question: 'c', operator: '~', answerInteger: 1 }] },
      ]),
      { scoring: { scales: [{ id: 'total', name: { en: 'Total' }, method: 'sum', items: ['zz'], range: { min: 0, max: 1 }, bands: [], source: 'test' }] } },
    );
    expect(problems).to.have.members([
      'item[1].linkId: duplicate item id "a"',
      'item[2].answerOption: a choice needs at least two answers',
      'item[3].extension[1].valueInteger: must be above min (5)',
      'item[4].enableWhen[0].operator: expected one of "=", "!=", "<", "<=", ">", ">=", "exists", got "~"',
      'options.scoring.scales[0].items[0]: "zz" is not an item of this instrument',
    ]);
  });

  it('writes a QuestionnaireResponse with the FHIR linkIds and LOINC answer codes', async () => {
    const imported = instrumentOf(await loincPhq9(), { scoring });
    const answers = { ...Object.fromEntries(LINK_IDS.map((id) => [id, 'LA6569-3'])), '/69722-7': 'LA6573-5' };
    const response = toQuestionnaireResponse(imported, answers, scoreAnswers(imported, answers));
    // The total goes where the LOINC form has its calculated total item, matched by LOINC code 44261-6.
    expect(response.item.map((i) => i.linkId)).to.deep.equal([...LINK_IDS, '/69722-7', '/44261-6']);
    expect(response.item[0]).to.deep.equal({
      linkId: '/44250-9',
      text: 'Little interest or pleasure in doing things',
      answer: [{ valueCoding: { system: LOINC, code: 'LA6569-3', display: 'Several days' } }],
    });
    expect(response.item[9]!.answer).to.deep.equal([{ valueCoding: { system: LOINC, code: 'LA6573-5', display: 'Somewhat difficult' } }]);
    expect(response.item[10]!.answer).to.deep.equal([{ valueInteger: 9 }]);
  });

  it('throws a ContentError, never anything else, for what is not a Questionnaire', () => {
    expect(problemsOf({ resourceType: 'Patient' })).to.deep.equal(['resourceType: expected "Questionnaire", got "Patient"']);
    for (const json of [null, [], 'Questionnaire', 42, undefined, {}]) errorOf(json);
    // Malformed Questionnaires are reported too, without tripping over their shape.
    const problems = problemsOf({
      resourceType: 'Questionnaire',
      contained: 'none',
      item: [null, { linkId: 3 }, { linkId: 'q', type: 'choice', text: 'Q?', extension: 'x', answerValueSet: '#missing', enableWhen: [null] }, { linkId: 'g', type: 'group' }],
    });
    expect(problems).to.include('item[0]: expected an object, got null');
    expect(problems).to.include('item[2].answerValueSet: no contained ValueSet with id "missing"');
    expect(problems).to.include('item[3].item: expected an array, got undefined');
  });
});
