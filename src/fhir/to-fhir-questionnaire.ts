import { ContentError, type ContentProblem } from '../model/content-error.js';
import {
  isQuestion,
  sourceLanguageOf,
  walkItems,
  type AnswerOption,
  type BodyMapItem,
  type ChoiceItem,
  type Classification,
  type Condition,
  type Flag,
  type Instrument,
  type Item,
  type MultiChoiceItem,
  type Predicate,
  type QuestionItem,
  type Scale,
} from '../model/instrument.js';
import { compare, type ComparisonOperator } from '../model/conditions.js';
import { itemScoreRange, optionScore } from '../model/item-score.js';
import { childPath } from '../model/json-reader.js';
import { own } from '../model/own.js';
import type { TextMap, Translation } from '../model/text.js';
import { isWholeScale } from '../scoring/score.js';
import { bandSystem, classificationCoding, classSystem, flagCodings, optionValue, questionnaireUrl, regionSetSystem, scaleCoding } from './painpath-codes.js';
import { REGION_SETS, regionIdsOf } from '../model/region-sets.js';
import {
  CALCULATED,
  CHOICE_ORIENTATION,
  HIDDEN,
  ITEM_CONTROL,
  MAX_DECIMAL_PLACES,
  MAX_OCCURS,
  MAX_SIZE,
  MAX_VALUE,
  MIME_TYPE,
  MIN_LENGTH,
  MIN_OCCURS,
  MIN_VALUE,
  OPTION_EXCLUSIVE,
  OPTION_PREFIX,
  ORDINAL_VALUE,
  REGEX,
  RENDERING_MARKDOWN,
  RENDERING_XHTML,
  SLIDER_STEP,
  TRANSLATION,
  TRANSLATION_STATUS,
  UNIT,
  UNIT_OPTION,
} from './fhir-conformance.js';

type Json = Record<string, unknown>;

export interface ToFhirOptions {
  /**
   * Where the Questionnaires are published: the canonical url is `{base}/Questionnaire/{id}`.
   * The host's own FHIR server, or wherever it publishes its definitions.
   */
  readonly base: string;
}


const ITEM_CONTROL_SYSTEM = 'http://hl7.org/fhir/questionnaire-item-control';
const INSTRUCTIONS = 'instructions';

/**
 * An instrument as an R4 SDC Questionnaire: its items, answers with their codes and ordinal values,
 * conditions, every language (translation extensions), the licence notice, each scale as a
 * read-only item whose `calculatedExpression` computes the same value as the native scoring
 * (reverse items, weights, the missing-item rule, region groups, multiply, divide and round
 * included), its bands, and the flags and classifications as hidden calculated items.
 *
 * What has no faithful FHIR form yet is refused with a `ContentError` naming it: lookup tables,
 * dates bounded by today, items with expressions of their own, tests on items other than choices
 * and numbers, and a bring-your-own-text instrument without its texts (its wording comes only from
 * the host's text pack, never invented).
 */
export function toFhirQuestionnaire(instrument: Instrument, options: ToFhirOptions): Json {
  return new Exporter(instrument, options).questionnaire();
}

class Exporter {
  readonly #problems: ContentProblem[] = [];
  readonly #source: string;
  readonly #questions: ReadonlyMap<string, QuestionItem>;
  readonly #itemIds: ReadonlySet<string>;

  constructor(
    readonly instrument: Instrument,
    readonly options: ToFhirOptions,
  ) {
    this.#source = sourceLanguageOf(instrument);
    const items = [...walkItems(instrument.items)];
    this.#questions = new Map(items.filter(isQuestion).map((item) => [item.id, item]));
    this.#itemIds = new Set(items.map((item) => item.id));
  }

  questionnaire(): Json {
    const { instrument } = this;
    const unworded = [...walkItems(instrument.items)].some((item) => 'text' in item && item.text !== undefined && own(item.text, this.#source) === undefined);
    if (instrument.meta.licence.kind === 'bring-your-own-text' && unworded) {
      this.#refuse('items', "a bring-your-own-text instrument is exported only with its wording: apply the host's text pack first");
    }
    // The instructions open the form, as a display item before the first question.
    const instructions = instrument.instructions ? [{ linkId: INSTRUCTIONS, type: 'display', ...this.#text('text', instrument.instructions) }] : [];
    if (instructions.length && this.#itemIds.has(INSTRUCTIONS)) {
      this.#refuse('instructions', `"${INSTRUCTIONS}" is also an item's id: the instructions need a linkId of their own`);
    }
    const items = [...instructions, ...instrument.items.map((item, i) => this.#item(item, childPath('items', i)))];
    const scales = instrument.scoring.scales.flatMap((scale, i) => this.#scale(scale, childPath(childPath('scoring', 'scales'), i)) ?? []);
    const flags = (instrument.scoring.flags ?? []).flatMap((flag, i) => this.#flag(flag, childPath(childPath('scoring', 'flags'), i)) ?? []);
    const classifications = (instrument.scoring.classifications ?? []).flatMap((classification, i) => this.#classification(classification, childPath(childPath('scoring', 'classifications'), i)) ?? []);
    if (this.#problems.length) throw new ContentError(`The FHIR export of ${instrument.id}`, this.#problems);
    const title = instrument.title ?? instrument.meta.name;
    return defined({
      resourceType: 'Questionnaire',
      id: instrument.id,
      url: questionnaireUrl(instrument, this.options.base),
      version: instrument.version,
      name: instrument.id.replace(/[^A-Za-z0-9_]/g, '_'),
      ...this.#text('title', title),
      status: 'active',
      language: this.#source,
      code: instrument.meta.code && [instrument.meta.code],
      ...this.#text('copyright', instrument.meta.licence.notice),
      extension: nonEmpty(Object.entries(instrument.translations).map(([lang, translation]) => translationStatus(lang, translation))),
      item: [...items, ...scales, ...flags, ...classifications],
    });
  }

  /** A text element and, when it has other languages, its `_element` with their translation extensions. */
  #text(key: string, text: TextMap | undefined): Json {
    if (!text) return {};
    const translations = Object.entries(text).filter(([lang]) => lang !== this.#source);
    return defined({
      [key]: own(text, this.#source),
      [`_${key}`]: translations.length
        ? { extension: translations.map(([lang, content]) => ({ url: TRANSLATION, extension: [{ url: 'lang', valueCode: lang }, { url: 'content', valueString: content }] })) }
        : undefined,
    });
  }

  #refuse(path: string, message: string): undefined {
    this.#problems.push({ path, message });
    return undefined;
  }

  #item(item: Item, path: string): Json | undefined {
    const unsupported = (['enableWhenExpression', 'textExpression', 'variables'] as const).filter((key) => item[key] !== undefined);
    const questionExpressions = isQuestion(item) ? (['calculated', 'initialExpression', 'constraints', 'minExpression', 'maxExpression', 'answerExpression'] as const).filter((key) => key in item && item[key as keyof typeof item] !== undefined) : [];
    for (const key of [...unsupported, ...questionExpressions]) this.#refuse(childPath(path, key), `"${key}" is not exported to FHIR yet`);
    const formatted = item.formattedText && {
      extension: [{ url: item.formattedText.format === 'xhtml' ? RENDERING_XHTML : RENDERING_MARKDOWN, [item.formattedText.format === 'xhtml' ? 'valueString' : 'valueMarkdown']: own(item.formattedText.text, this.#source) }],
    };
    const common = defined({
      linkId: item.id,
      ...this.#text('prefix', item.prefix),
      ...this.#enableWhen(item, path),
    });
    const withText = (text: TextMap | undefined) => {
      const written = this.#text('text', text);
      return formatted ? { ...written, _text: { extension: [...((written['_text'] as Json | undefined)?.['extension'] as unknown[] ?? []), ...formatted.extension] } } : written;
    };
    const hidden = item.hidden ? [{ url: HIDDEN, valueBoolean: true }] : [];
    switch (item.type) {
      case 'display':
        return defined({ ...common, ...withText(item.text), type: 'display', extension: nonEmpty(hidden) });
      case 'group':
      case 'page': {
        const control = item.type === 'page' ? [itemControl('page')] : [];
        const maxOccurs = item.maxOccurs === undefined ? [] : [{ url: MAX_OCCURS, valueInteger: item.maxOccurs }];
        return defined({
          ...common,
          ...withText(item.text),
          type: 'group',
          required: item.required,
          repeats: item.repeats,
          extension: nonEmpty([...control, ...maxOccurs, ...hidden]),
          item: item.items.map((child, i) => this.#item(child, childPath(childPath(path, 'items'), i))),
        });
      }
      default: {
        const help = (item.help ?? []).map((text, i) => ({ linkId: `${item.id}-help-${i}`, type: 'display', ...this.#text('text', text), extension: [itemControl('help')] }));
        const nested = (item.items ?? []).map((child, i) => this.#item(child, childPath(childPath(path, 'items'), i)));
        const question = this.#question(item, path);
        if (!question) return undefined;
        const occurs = 'repeats' in item && item.repeats ? [...bound(MIN_OCCURS, item.minOccurs, 'valueInteger'), ...bound(MAX_OCCURS, item.maxOccurs, 'valueInteger')] : [];
        const children = [...help, ...nested];
        return defined({
          ...common,
          ...withText(item.text),
          ...question,
          code: item.code && [item.code],
          required: item.required || undefined,
          readOnly: item.readOnly,
          extension: nonEmpty([...((question['extension'] as Json[] | undefined) ?? []), ...occurs, ...hidden]),
          item: nonEmpty(children),
        });
      }
    }
  }

  /** What a question's type makes of it: its FHIR type, answers and answer checks. */
  #question(item: QuestionItem, path: string): Json | undefined {
    const repeats = 'repeats' in item && item.repeats ? { repeats: true } : {};
    switch (item.type) {
      case 'choice':
      case 'multi-choice':
        return defined({
          type: item.other ? 'open-choice' : item.valueType === 'date' || item.valueType === 'time' || item.valueType === 'reference' ? item.valueType : 'choice',
          repeats: item.type === 'multi-choice' || undefined,
          answerOption: item.answers.map((option) => this.#answerOption(item, option, item.initial)),
          extension: [...('control' in item && item.control ? [itemControl(item.control)] : []), ...bound(CHOICE_ORIENTATION, item.orientation, 'valueCode')],
        });
      case 'integer':
      case 'decimal': {
        const key = item.type === 'integer' ? 'valueInteger' : 'valueDecimal';
        const control = item.control ? [itemControl(item.control)] : [];
        const step = item.step === undefined ? [] : [{ url: SLIDER_STEP, valueInteger: item.step }];
        const unit = item.unit ? [{ url: UNIT, valueCoding: { display: own(item.unit, this.#source) } }] : [];
        const decimals = item.maxDecimals === undefined ? [] : [{ url: MAX_DECIMAL_PLACES, valueInteger: item.maxDecimals }];
        return defined({ type: item.type, ...repeats, extension: [...bound(MIN_VALUE, item.min, key), ...bound(MAX_VALUE, item.max, key), ...control, ...step, ...unit, ...decimals], ...initial(item.initial, key) });
      }
      case 'nrs':
      case 'vas': {
        // A rating scale is a slider over its range, its end words shown at its ends (SDC's lower and upper).
        const max = item.type === 'nrs' ? 10 : 100;
        const ends = [
          { linkId: `${item.id}-lower`, type: 'display', ...this.#text('text', item.anchors.min), extension: [itemControl('lower')] },
          { linkId: `${item.id}-upper`, type: 'display', ...this.#text('text', item.anchors.max), extension: [itemControl('upper')] },
        ];
        return { type: 'integer', extension: [{ url: MIN_VALUE, valueInteger: 0 }, { url: MAX_VALUE, valueInteger: max }, itemControl('slider'), { url: SLIDER_STEP, valueInteger: 1 }], item: ends };
      }
      case 'text':
        return defined({
          type: item.singleLine ? 'string' : 'text',
          ...repeats,
          maxLength: item.maxLength,
          extension: [...bound(MIN_LENGTH, item.minLength, 'valueInteger'), ...bound(REGEX, item.pattern, 'valueString')],
          ...initial(item.initial, 'valueString'),
        });
      case 'url':
        return defined({ type: 'url', ...repeats, maxLength: item.maxLength, ...initial(item.initial, 'valueUri') });
      case 'date': {
        if (item.min === 'today' || item.max === 'today') return this.#refuse(path, 'a date bounded by "today" is not exported to FHIR yet');
        return defined({ type: 'date', ...repeats, extension: [...bound(MIN_VALUE, item.min, 'valueDate'), ...bound(MAX_VALUE, item.max, 'valueDate')], ...initial(item.initial, 'valueDate') });
      }
      case 'date-time':
        return defined({ type: 'dateTime', ...repeats, ...initial(item.initial, 'valueDateTime') });
      case 'time':
        return defined({ type: 'time', ...repeats, ...initial(item.initial, 'valueTime') });
      case 'boolean':
        return defined({ type: 'boolean', ...initial(item.initial, 'valueBoolean') });
      case 'quantity':
        return defined({
          type: 'quantity',
          extension: [
            ...item.units.map((unit) => ({ url: item.units.length === 1 ? UNIT : UNIT_OPTION, valueCoding: { ...unit.code, display: own(unit.text, this.#source) } })),
            ...bound(MIN_VALUE, item.min, 'valueDecimal'),
            ...bound(MAX_VALUE, item.max, 'valueDecimal'),
            ...bound(MAX_DECIMAL_PLACES, item.maxDecimals, 'valueInteger'),
          ],
        });
      case 'attachment':
        return defined({ type: 'attachment', extension: [...bound(MAX_SIZE, item.maxSize, 'valueDecimal'), ...(item.mimeTypes ?? []).map((type) => ({ url: MIME_TYPE, valueCode: type }))] });
      case 'body-map': {
        // The regions as check boxes: no SDC control draws a body, and each region's label says where it is.
        const set = own(REGION_SETS, item.regionSet)!;
        const answerOption = regionIdsOf(set).map((id) => ({ valueCoding: this.#displayed({ system: regionSetSystem(item.regionSet), code: id }, own(item.regionLabels, id)!) }));
        return { type: 'choice', repeats: true, answerOption };
      }
    }
  }

  /** A coding with its display, the other languages as translations of the display. */
  #displayed(coding: object, text: TextMap): Json {
    return { ...coding, ...this.#text('display', text) };
  }

  #answerOption(item: ChoiceItem | MultiChoiceItem, option: AnswerOption, initial: unknown): Json {
    const chosen = Array.isArray(initial) ? initial.includes(option.value) : initial === option.value;
    const score = optionScore(option);
    const { type, value } = optionValue(this.instrument, item, option);
    const written = type === 'Coding' ? this.#displayed(value, option.text) : type === 'Reference' ? { ...value, display: own(option.text, this.#source) } : value;
    return defined({
      [`value${type}`]: written,
      initialSelected: chosen || undefined,
      extension: nonEmpty([
        ...(score === undefined ? [] : [{ url: ORDINAL_VALUE, valueDecimal: score }]),
        ...(option.exclusive ? [{ url: OPTION_EXCLUSIVE, valueBoolean: true }] : []),
        ...(option.prefix ? [{ url: OPTION_PREFIX, valueString: own(option.prefix, this.#source) }] : []),
      ]),
    });
  }

  /**
   * The item's enableWhen and enableBehavior. FHIR orders numbers, dates and times, not codings: a
   * condition that orders a choice's answers (`> 0`) becomes one `=` for each option it admits,
   * which together hold as it does when any may (`any`, or the item's only condition).
   */
  #enableWhen(item: Item, path: string): Json {
    if (!item.enableWhen) return {};
    const behavior = item.enableWhen.length > 1 ? (item.enableBehavior ?? 'all') : 'any';
    const conditions = item.enableWhen.flatMap((condition, i) => {
      const at = childPath(childPath(path, 'enableWhen'), i);
      const question = this.#questions.get(condition.item);
      const { operator, value } = condition;
      if (operator === '=' || operator === '!=' || operator === 'exists' || (question?.type !== 'choice' && question?.type !== 'multi-choice')) return [this.#condition(condition, at)];
      const admitted = admittedOptions(question, operator, value);
      if (admitted.length === 0) return [this.#refuse(at, `no answer of "${condition.item}" is ${operator} ${JSON.stringify(value)}: the condition never holds`)];
      if (behavior === 'all' && admitted.length > 1) return [this.#refuse(at, `"${operator}" on the answers of "${condition.item}", with other conditions that must all hold, is not exported to FHIR yet`)];
      return admitted.map((option) => this.#condition({ ...condition, operator: '=', value: option.value }, at));
    });
    return { enableWhen: conditions, ...(conditions.length > 1 && { enableBehavior: behavior }) };
  }

  /** An enableWhen, its answer[x] of the type the question it names is answered in. */
  #condition(condition: Condition, path: string): Json | undefined {
    const question = this.#questions.get(condition.item);
    if (!question) return this.#refuse(path, `no question has id "${condition.item}"`);
    const base = { question: condition.item, operator: condition.operator };
    if (condition.operator === 'exists') return { ...base, answerBoolean: condition.value };
    const value = condition.value;
    if (question.type === 'choice' || question.type === 'multi-choice') {
      const option = question.answers.find((o) => o.value === value);
      if (!option) return this.#refuse(childPath(path, 'value'), `${JSON.stringify(value)} is no answer of "${condition.item}"`);
      const written = optionValue(this.instrument, question, option);
      // A condition compares codes, not displays.
      const answer = written.type === 'Coding' ? defined({ system: written.value.system, code: written.value.code }) : written.value;
      return { ...base, [`answer${written.type}`]: answer };
    }
    if (typeof value === 'boolean') return { ...base, answerBoolean: value };
    if (typeof value === 'object') return { ...base, answerQuantity: { value: value.value, ...(value.unit !== undefined && { code: value.unit }) } };
    if (typeof value === 'number') return { ...base, [Number.isInteger(value) ? 'answerInteger' : 'answerDecimal']: value };
    const key = question.type === 'date' ? 'answerDate' : question.type === 'date-time' ? 'answerDateTime' : question.type === 'time' ? 'answerTime' : 'answerString';
    return { ...base, [key]: value };
  }

  /**
   * A scale as a read-only item computing its value (SDC calculatedExpression) and, when it has
   * bands, a hidden one computing the band as a coding a FHIR consumer reads with the score.
   */
  #scale(scale: Scale, path: string): Json[] | undefined {
    const linkId = this.#ownLinkId(scale.linkId ?? scale.id, path);
    const bandLinkId = scale.bands.length ? this.#ownLinkId(`${scale.linkId ?? scale.id}-band`, path) : undefined;
    const computed = this.#scaleExpression(scale, path);
    if (linkId === undefined || computed === undefined || (scale.bands.length && bandLinkId === undefined)) return undefined;
    const whole = isWholeScale(this.instrument, scale);
    // Ordinal values are decimals: a whole scale's value is made the Integer its item holds.
    const expression = whole ? `(${computed}).truncate()` : computed;
    const score = defined({
      linkId,
      ...this.#text('text', scale.name),
      type: whole ? 'integer' : 'decimal',
      code: [scaleCoding(this.instrument, scale)],
      readOnly: true,
      extension: [
        calculated(scale.source, expression),
        ...(scale.round === undefined || whole ? [] : [{ url: MAX_DECIMAL_PLACES, valueInteger: scale.round }]),
      ],
    });
    if (bandLinkId === undefined) return [score];
    // The band is the last whose lower bound the score reaches (bandOf).
    const value = this.#answers(linkId);
    const code = scale.bands.reduce((below, band) => `iif(${value} >= ${band.min}, ${fhirPathString(band.id)}, ${below})`, "''");
    const band = defined({
      linkId: bandLinkId,
      ...this.#text('text', scale.name),
      type: 'choice',
      readOnly: true,
      extension: [{ url: HIDDEN, valueBoolean: true }, calculated(scale.source, `iif(${value}.exists(), ${optionsOf(bandLinkId)}.where(code = ${code}), {})`)],
      answerOption: scale.bands.map((band) => ({ valueCoding: this.#displayed({ system: bandSystem(this.instrument, scale), code: band.id }, band.label) })),
    });
    return [score, band];
  }

  /** A linkId for what scoring adds to the form, unless an item has it. */
  #ownLinkId(linkId: string, path: string): string | undefined {
    return this.#itemIds.has(linkId) ? this.#refuse(childPath(path, 'id'), `"${linkId}" is also an item's id: it needs a linkId of its own`) : linkId;
  }

  /** The answers of an item, wherever it is in the response. */
  #answers(id: string): string {
    return `%resource.descendants().where(linkId = ${fhirPathString(id)}).answer.value`;
  }

  /**
   * A flag as a hidden read-only boolean item, true while its test holds (`raisedFlags`): coded
   * with the flag and its severity, labelled with its label.
   */
  #flag(flag: Flag, path: string): Json | undefined {
    const linkId = this.#ownLinkId(`flag-${flag.id}`, path);
    const test = this.#predicate(flag.when, childPath(path, 'when'));
    if (linkId === undefined || test === undefined) return undefined;
    return defined({
      linkId,
      ...this.#text('text', flag.label),
      type: 'boolean',
      code: flagCodings(this.instrument, flag),
      readOnly: true,
      // A test that cannot be told (an answer missing) raises no flag.
      extension: [{ url: HIDDEN, valueBoolean: true }, calculated(flag.source, `iif(${test}, true, false)`)],
    });
  }

  /** A classification as a hidden read-only choice of its classes, computing the class as `classify` does. */
  #classification(classification: Classification, path: string): Json | undefined {
    const linkId = this.#ownLinkId(`class-${classification.id}`, path);
    const rules = classification.rules.map((rule, i) => ({ class: rule.class, test: rule.when && this.#predicate(rule.when, childPath(childPath(childPath(path, 'rules'), i), 'when')) }));
    if (linkId === undefined || rules.some((rule, i) => classification.rules[i]!.when && rule.test === undefined)) return undefined;
    // The first rule that holds gives the class; one that cannot be told gives none.
    const code = rules.reduceRight((later, rule) => (rule.test ? `iif((${rule.test}).exists(), iif(${rule.test}, ${fhirPathString(rule.class)}, ${later}), {})` : fhirPathString(rule.class)), '{}');
    return defined({
      linkId,
      ...this.#text('text', classification.name),
      type: 'choice',
      code: [classificationCoding(this.instrument, classification)],
      readOnly: true,
      extension: [{ url: HIDDEN, valueBoolean: true }, calculated(classification.source, `${optionsOf(linkId)}.where(code = ${code})`)],
      answerOption: classification.classes.map((c) => ({ valueCoding: this.#displayed({ system: classSystem(this.instrument, classification), code: c.id }, c.label) })),
    });
  }

  /**
   * FHIRPath testing a predicate as `predicateHolds` does: true or false, or empty when it cannot be
   * told (a scale without a score, a question not answered), which makes any test it is part of empty.
   */
  #predicate(predicate: Predicate, path: string): string | undefined {
    if ('all' in predicate || 'any' in predicate) {
      const parts = ('all' in predicate ? predicate.all : predicate.any).map((part, i) => this.#predicate(part, childPath(childPath(path, 'all' in predicate ? 'all' : 'any'), i)));
      if (parts.some((part) => part === undefined)) return undefined;
      const known = parts.map((part) => `(${part}).exists()`).join(' and ');
      return `iif(${known}, ${parts.map((part) => `(${part})`).join('all' in predicate ? ' and ' : ' or ')}, {})`;
    }
    if ('scale' in predicate) {
      const scale = this.instrument.scoring.scales.find((s) => s.id === predicate.scale);
      if (!scale) return this.#refuse(childPath(path, 'scale'), `no scale has id "${predicate.scale}"`);
      const value = this.#answers(scale.linkId ?? scale.id);
      return `iif(${value}.exists(), ${value} ${predicate.operator} ${predicate.value}, {})`;
    }
    const question = this.#questions.get(predicate.item);
    if (!question) return this.#refuse(childPath(path, 'item'), `no question has id "${predicate.item}"`);
    const answers = this.#answers(predicate.item);
    const { operator, value } = predicate;
    if (operator === 'exists') return `${answers}.${value ? 'exists()' : 'empty()'}`;
    let holds: string;
    if (question.type === 'choice' || question.type === 'multi-choice') {
      // Options are compared by their values, which FHIR writes as codings: the test names the codings it admits.
      const admitted = admittedOptions(question, operator === '!=' ? '=' : operator, value);
      const chosen = `${answers}.where(${admitted.map((option) => this.#codingTest(question, option)).join(' or ') || 'false'}).exists()`;
      holds = operator === '!=' ? `${chosen}.not()` : chosen;
    } else if (question.type === 'nrs' || question.type === 'vas' || question.type === 'integer' || question.type === 'decimal') {
      holds = operator === '!=' ? `${answers}.where($this = ${value}).empty()` : `${answers}.where($this ${operator} ${value}).exists()`;
    } else {
      return this.#refuse(path, `a test on a "${question.type}" item is not exported to FHIR yet`);
    }
    // An unanswered question makes the test unknown.
    return `iif(${answers}.exists(), ${holds}, {})`;
  }

  /** FHIRPath telling the coding an option is written with, by its code and system. */
  #codingTest(item: ChoiceItem | MultiChoiceItem, option: AnswerOption): string {
    const written = optionValue(this.instrument, item, option);
    if (written.type !== 'Coding') return `$this = ${fhirPathLiteral(written.type === 'Reference' ? written.value.reference : written.value)}`;
    const { system, code, display } = written.value;
    const identity = code === undefined ? `display = ${fhirPathString(display ?? '')}` : `code = ${fhirPathString(code)}`;
    return `(${identity}${system === undefined ? '' : ` and system = ${fhirPathString(system)}`})`;
  }

  /** FHIRPath counting the region groups in which a body map of the scale has a region marked, its `exclude`d regions aside. */
  #regionGroups(scale: Scale): string {
    const excluded = new Set(scale.exclude);
    const bodyMaps = scale.items.map((id) => this.#questions.get(id)).filter((item): item is BodyMapItem => item?.type === 'body-map');
    const marked = bodyMaps.map((item) => this.#answers(item.id)).join(' | ');
    const groups = [...new Map(bodyMaps.flatMap((item) => own(REGION_SETS, item.regionSet)!.groups.map((group) => [group.id, group] as const))).values()];
    const counted = groups.flatMap((group) => {
      const regions = group.regions.filter((region) => !excluded.has(region));
      return regions.length ? [`iif((${marked}).where(code in (${regions.map((region) => fhirPathString(region)).join(' | ')})).exists(), 1, 0)`] : [];
    });
    return counted.length ? `(${counted.join(' + ')})` : '0';
  }

  /**
   * FHIRPath computing the scale as `scoreAnswers` does: each item's score (an option's ordinal
   * value, a multi-choice's sum, a number), reversed and weighted; no value with fewer items
   * answered than the missing-item rule allows; then the method, multiply, divide and round.
   */
  #scaleExpression(scale: Scale, path: string): string | undefined {
    if (scale.lookup) return this.#refuse(childPath(path, 'lookup'), 'lookup tables are not exported to FHIR yet');
    const terms: { score: string; weight: number; max?: number }[] = [];
    for (const id of scale.items) {
      const item = this.#questions.get(id);
      if (!item) return this.#refuse(childPath(path, 'items'), `no question has id "${id}"`);
      const answers = this.#answers(id);
      const raw =
        item.type === 'choice'
          ? `${answers}.ordinal()`
          : item.type === 'multi-choice'
            ? `iif(${answers}.exists(), ${answers}.ordinal().sum(), {})`
            : item.type === 'body-map'
              ? `iif(${answers}.exists(), ${answers}.count(), {})`
              : answers;
      const range = itemScoreRange(item);
      const weight = own(scale.weights, id) ?? 1;
      const oriented = scale.reverse?.includes(id) && range ? `(${range.min + range.max} - ${raw})` : raw;
      terms.push({ score: weight === 1 ? oriented : `(${oriented} * ${weight})`, weight, ...(range && { max: range.max * weight }) });
    }
    const combined = (parts: string[]) => parts.reduce((all, part) => `${all}.combine(${part})`);
    const answered = (term: { score: string }, value: number) => `iif(${term.score}.exists(), ${value}, {})`;
    const scores = combined(terms.map((term) => `(${term.score})`));
    const weights = `${combined(terms.map((term) => answered(term, term.weight)))}.sum()`;
    const minAnswered = scale.missing?.minAnswered ?? scale.items.length;
    const allWeight = terms.reduce((sum, term) => sum + term.weight, 0);
    let raw: string;
    switch (scale.method) {
      case 'sum':
        raw = scale.missing?.prorate ? `iif(${scores}.count() = ${terms.length}, ${scores}.sum(), ${scores}.sum() * ${allWeight} / ${weights})` : `${scores}.sum()`;
        break;
      case 'mean':
        raw = `${scores}.sum() / ${weights}`;
        break;
      case 'percent': {
        const highest = `${combined(terms.map((term) => answered(term, term.max ?? 0)))}.sum()`;
        raw = `iif(${highest} = 0, 0, ${scores}.sum() / ${highest} * 100)`;
        break;
      }
      case 'region-groups':
        raw = this.#regionGroups(scale);
        break;
    }
    let value = `iif(${scores}.count() >= ${minAnswered}, ${raw}, {})`;
    if (scale.multiply !== undefined) value = `(${value}) * ${scale.multiply}`;
    if (scale.divide !== undefined) value = `(${value}) / ${scale.divide}`;
    if (scale.round !== undefined) value = `(${value}).round(${scale.round})`;
    return value;
  }
}

/** The options of a choice whose values meet a comparison (FHIR writes them as codings, which have no order). */
const admittedOptions = (question: ChoiceItem | MultiChoiceItem, operator: ComparisonOperator, value: Condition['value']): AnswerOption[] =>
  question.answers.filter((option) => compare(operator, option.value, value as number | string));

/** A language's translation status, source and evidence, as Painpath's own extension. */
function translationStatus(lang: string, { status, source, evidence }: Translation): Json {
  const part = (url: string, value: Json) => ({ url, ...value });
  const checked = evidence && {
    url: 'evidence',
    extension: [
      part('title', { valueString: evidence.title }),
      part('publisher', { valueString: evidence.publisher }),
      part('year', { valueInteger: evidence.year }),
      part('foundAt', { valueString: evidence.foundAt }),
    ],
  };
  return { url: TRANSLATION_STATUS, extension: [part('lang', { valueCode: lang }), part('status', { valueCode: status }), part('source', { valueString: source }), ...(checked ? [checked] : [])] };
}

/** An extension with a value, or none when the value is absent. */
const bound = (url: string, value: number | string | undefined, key: string): Json[] => (value === undefined ? [] : [{ url, [key]: value }]);

/** FHIRPath's escapes in a string literal (FHIRPath 2.0, "String"). */
const STRING_ESCAPES: Readonly<Record<string, string>> = { '\\': '\\\\', "'": "\\'", '\n': '\\n', '\r': '\\r', '\t': '\\t', '\f': '\\f' };

/** A text as a FHIRPath string literal: ids, codes and displays may hold quotes or backslashes. */
const fhirPathString = (text: string): string => `'${text.replace(/[\\'\n\r\t\f]/g, (character) => STRING_ESCAPES[character]!)}'`;

/** A number or a text as a FHIRPath literal. */
const fhirPathLiteral = (value: number | string): string => (typeof value === 'number' ? String(value) : fhirPathString(value));

/**
 * The answer options of an item that scoring adds, as codings: read from %questionnaire, which every
 * engine types (LHC-Forms leaves %qitem untyped).
 */
const optionsOf = (linkId: string): string => `%questionnaire.repeat(item).where(linkId = ${fhirPathString(linkId)}).answerOption.value`;

/** A calculatedExpression in FHIRPath, described by the source its rule comes from. */
const calculated = (source: string, expression: string): Json => ({ url: CALCULATED, valueExpression: { description: source, language: 'text/fhirpath', expression } });

const itemControl = (code: string): Json => ({ url: ITEM_CONTROL, valueCodeableConcept: { coding: [{ system: ITEM_CONTROL_SYSTEM, code }] } });

const initial = (value: unknown, key: string): Json => (value === undefined ? {} : { initial: (Array.isArray(value) ? value : [value]).map((v) => ({ [key]: v })) });

const nonEmpty = <T>(list: readonly T[]): readonly T[] | undefined => (list.length ? list : undefined);

/** The object without its undefined entries (FHIR JSON has no nulls or empty elements). */
function defined(object: Json): Json {
  return Object.fromEntries(Object.entries(object).filter(([, value]) => value !== undefined && !(Array.isArray(value) && value.length === 0)));
}
