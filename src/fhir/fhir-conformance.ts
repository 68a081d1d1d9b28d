/**
 * What the FHIR importer does with each element and extension of an R4 Questionnaire; docs/fhir.md
 * publishes this table, and a test keeps the two the same.
 *
 * - `supported`: rendered, checked and written into the response as the specification says;
 * - `metadata`: describes the form (who published it, how to extract data from its answers) and
 *   changes nothing a person sees or answers, so a renderer has nothing to do with it;
 * - `reported`: not honoured; the form still renders faithfully without it, and the host hears of
 *   it in a `pp-error` (`fhir-unsupported`) naming each path;
 * - `refused`: not honoured, and the form would be wrong without it: it is not rendered at all.
 */
export type Support = 'supported' | 'metadata' | 'reported' | 'refused';

/** How an element or extension is treated, and what that means for the person or the host. */
export interface Conformance {
  readonly support: Support;
  readonly note: string;
}

const entry = (support: Support, note: string): Conformance => ({ support, note });
const METADATA = entry('metadata', 'describes the form; nothing to render');

/** Questionnaire's own elements (`_x`, a primitive's extensions, is checked with `x`). */
export const ROOT_ELEMENTS: Readonly<Record<string, Conformance>> = {
  resourceType: entry('supported', 'must be "Questionnaire"'),
  id: entry('supported', 'identifies the form (drafts, results); else name, then url, then a digest of the form'),
  url: entry('supported', 'written as QuestionnaireResponse.questionnaire with the version'),
  version: entry('supported', 'a draft is never applied to another version; without one, a digest of the form stands in'),
  name: entry('supported', 'identifies the form when it has no id; its title when it has none'),
  title: entry('supported', 'the heading, with its translations'),
  language: entry('supported', 'the language of the texts; their translation extensions add languages'),
  copyright: entry('supported', 'shown under the form'),
  code: entry('supported', 'the first coding is the instrument code'),
  contained: entry('supported', 'value sets named by "#id" give choice items their answers'),
  item: entry('supported', 'the questions'),
  extension: entry('supported', 'each extension as listed below'),
  meta: METADATA,
  text: METADATA,
  identifier: METADATA,
  derivedFrom: METADATA,
  status: METADATA,
  experimental: METADATA,
  subjectType: METADATA,
  date: METADATA,
  publisher: METADATA,
  contact: METADATA,
  description: METADATA,
  useContext: METADATA,
  jurisdiction: METADATA,
  purpose: METADATA,
  approvalDate: METADATA,
  lastReviewDate: METADATA,
  effectivePeriod: METADATA,
  implicitRules: entry('refused', 'rules the form must be read by, which Painpath cannot know'),
  modifierExtension: entry('refused', 'changes the meaning of the form in a way Painpath cannot know'),
};

/** Questionnaire.item's elements. */
export const ITEM_ELEMENTS: Readonly<Record<string, Conformance>> = {
  linkId: entry('supported', 'the item id in drafts, results and the response'),
  text: entry('supported', 'the question, with its translations'),
  prefix: entry('supported', 'shown before the text ("1.", "a)")'),
  type: entry('supported', 'see the item types'),
  item: entry('supported', 'items of a group or of each of its repeats; items under a question are shown once it is answered and answered into its answer, display items under it as its help'),
  enableWhen: entry('supported', 'on any item, before or after; every operator, with answers of every type (the ordering ones, `<` `<=` `>` `>=`, not on codings, booleans and references, which have no order: refused): dateTimes compare as instants, a quantity only with one in the same unit (none is converted), a reference by the resource it names'),
  enableBehavior: entry('supported', 'all or any'),
  required: entry('supported', 'an answer is needed to go on; in a group, an answer to one of its questions'),
  repeats: entry('supported', 'on groups: the person adds and removes repeats; on items with answers to choose from: several answers (check boxes); on string, text, number, date, time and url questions: a field per answer, added and removed by the person; on quantity, boolean, attachment and reference questions refused for now'),
  answerOption: entry('supported', 'the answers of a choice item; on string, integer, date and time items, the answers to choose from (written in the item’s type)'),
  answerValueSet: entry('supported', 'a contained value set, or one the host gives (valueSets, or its terminology server); without it an optional question is left out (reported), a required one refuses the form'),
  initial: entry('supported', 'the starting answer, until the person changes it or a draft is restored'),
  maxLength: entry('supported', 'the longest text accepted'),
  code: entry('supported', 'the first coding is the item code'),
  readOnly: entry('supported', 'shown with its answer, which the person cannot change'),
  definition: METADATA,
  id: METADATA,
  extension: entry('supported', 'each extension as listed below'),
  modifierExtension: entry('refused', 'changes the meaning of the item in a way Painpath cannot know'),
};

const STRUCTURE = 'http://hl7.org/fhir/StructureDefinition/';
const SDC = 'http://hl7.org/fhir/uv/sdc/StructureDefinition/';

export const TRANSLATION = `${STRUCTURE}translation`;
export const MIN_VALUE = `${STRUCTURE}minValue`;
export const MAX_VALUE = `${STRUCTURE}maxValue`;
export const UNIT = `${STRUCTURE}questionnaire-unit`;
export const UNIT_OPTION = `${STRUCTURE}questionnaire-unitOption`;
export const UNIT_OPEN = `${SDC}sdc-questionnaire-unitOpen`;
export const HIDDEN = `${STRUCTURE}questionnaire-hidden`;
export const ORDINAL_VALUE = `${STRUCTURE}ordinalValue`;
export const ITEM_WEIGHT = `${STRUCTURE}itemWeight`;
export const OPTION_EXCLUSIVE = `${STRUCTURE}questionnaire-optionExclusive`;
export const ITEM_CONTROL = `${STRUCTURE}questionnaire-itemControl`;
export const DISPLAY_CATEGORY = `${STRUCTURE}questionnaire-displayCategory`;
export const CALCULATED = `${SDC}sdc-questionnaire-calculatedExpression`;
export const ENABLE_WHEN_EXPRESSION = `${SDC}sdc-questionnaire-enableWhenExpression`;
export const INITIAL_EXPRESSION = `${SDC}sdc-questionnaire-initialExpression`;
export const OLD_INITIAL_EXPRESSION = `${STRUCTURE}questionnaire-initialExpression`;
export const VARIABLE = `${STRUCTURE}variable`;
export const LAUNCH_CONTEXT = `${SDC}sdc-questionnaire-launchContext`;
export const SOURCE_QUERIES = `${SDC}sdc-questionnaire-sourceQueries`;
export const ITEM_POPULATION_CONTEXT = `${SDC}sdc-questionnaire-itemPopulationContext`;
export const TARGET_CONSTRAINT = `${STRUCTURE}targetConstraint`;
export const ANSWER_EXPRESSION = `${SDC}sdc-questionnaire-answerExpression`;
export const CQF_EXPRESSION = `${STRUCTURE}cqf-expression`;
export const MAX_OCCURS = `${STRUCTURE}questionnaire-maxOccurs`;
export const MAX_SIZE = `${STRUCTURE}maxSize`;
export const MIME_TYPE = `${STRUCTURE}mimeType`;
export const REFERENCE_RESOURCE = `${STRUCTURE}questionnaire-referenceResource`;
export const CHOICE_ORIENTATION = `${STRUCTURE}questionnaire-choiceOrientation`;
export const SLIDER_STEP = `${STRUCTURE}questionnaire-sliderStepValue`;
export const RENDERING_XHTML = `${STRUCTURE}rendering-xhtml`;
export const RENDERING_MARKDOWN = `${STRUCTURE}rendering-markdown`;
export const OPTION_PREFIX = `${STRUCTURE}questionnaire-optionPrefix`;
export const MIN_OCCURS = `${STRUCTURE}questionnaire-minOccurs`;
export const ENTRY_FORMAT = `${STRUCTURE}entryFormat`;
export const REGEX = `${STRUCTURE}regex`;
export const MIN_LENGTH = `${STRUCTURE}minLength`;
export const MAX_DECIMAL_PLACES = `${STRUCTURE}maxDecimalPlaces`;
/** Painpath's own: how far a language's wording is checked, which no FHIR extension says. */
export const TRANSLATION_STATUS = 'urn:painpath:extension:translation-status';

const FHIRPATH = 'FHIRPath, evaluated with the fhirpath package (loaded only for forms with expressions); an expression in another language (CQL, and x-fhir-query except in a variable) is reported and gives nothing';

/**
 * Extensions by url. Those marked supported are read where they apply (an extension on an element
 * it does not apply to is reported); item controls are judged by their code (ITEM_CONTROLS).
 */
export const EXTENSIONS: Readonly<Record<string, Conformance>> = {
  [TRANSLATION]: entry('supported', 'adds the language to the form'),
  [TRANSLATION_STATUS]: entry('supported', 'Painpath’s own, as toFhirQuestionnaire writes it: a language’s status (official, verified or draft), its source and the evidence of a checked one; a language without it is a draft'),
  [MIN_VALUE]: entry('supported', 'lowest number or date accepted'),
  [MAX_VALUE]: entry('supported', 'highest number or date accepted'),
  [UNIT]: entry('supported', 'shown after a number field; a quantity’s unit'),
  [UNIT_OPTION]: entry('supported', 'the units a quantity is chosen in (none is chosen for the person)'),
  [UNIT_OPEN]: entry('supported', '"optionsOnly"; otherwise reported: the person chooses from the units listed'),
  [ORDINAL_VALUE]: entry('supported', 'the score of an answer'),
  [ITEM_WEIGHT]: entry('supported', 'the score of an answer (the older name of ordinalValue)'),
  [OPTION_EXCLUSIVE]: entry('supported', 'choosing it clears the other answers'),
  [ITEM_CONTROL]: entry('supported', 'see the item controls'),
  [DISPLAY_CATEGORY]: entry('supported', 'instructions and help are shown as text; security is reported'),
  [HIDDEN]: entry('supported', 'the item is not shown; its answer, from an expression, is in the response'),
  [CALCULATED]: entry('supported', `the answer is computed again whenever an answer it reads changes, shown read-only and written to the response; ${FHIRPATH}`),
  [ENABLE_WHEN_EXPRESSION]: entry('supported', `the item is shown only while it is true (with enableWhen, both must hold); ${FHIRPATH}`),
  [ANSWER_EXPRESSION]: entry('supported', `the answers to choose from, computed again as the answers it reads change (codings, or values of the item's type); an answer no longer offered is cleared; one in another language leaves the question without answers: left out (reported), or the form refused when it is required; ${FHIRPATH}`),
  [INITIAL_EXPRESSION]: entry('supported', `the starting answer, from the launch context the host gives; ${FHIRPATH}`),
  [OLD_INITIAL_EXPRESSION]: entry('supported', 'as sdc-questionnaire-initialExpression'),
  [VARIABLE]: entry('supported', `on the Questionnaire and on items, read as %name by the expressions of the item and the items under it; an x-fhir-query runs once at the start through the host's fhirQuery (without it, the variable is empty, and reported); ${FHIRPATH}`),
  [CQF_EXPRESSION]: entry('supported', `on an item's text: the text shown (in every language) once it gives one; on the value of minValue and maxValue (e.g. today()): the bound once it gives one; elsewhere reported; ${FHIRPATH}`),
  [LAUNCH_CONTEXT]: entry('supported', 'each context is what the host gives under its name (launchContext property), read as %name; one the host does not give is empty, and reported'),
  [SOURCE_QUERIES]: entry('reported', 'the queries are not run, so the form is not pre-filled from the health record: expressions read their result (%id of the contained Bundle) as empty'),
  [`${SDC}sdc-questionnaire-observationLinkPeriod`]: entry('reported', 'the form is not pre-filled from earlier observations'),
  [ITEM_POPULATION_CONTEXT]: entry('supported', 'on a group: a variable of the group (%name) that the initial expressions of its items read; a repeating group is not repeated for each resource it names'),
  [CHOICE_ORIENTATION]: entry('supported', 'horizontal: answers side by side, as many to a row as fit (one under another on a narrow screen)'),
  [ENTRY_FORMAT]: entry('supported', 'shown under the question with its help, and read out with its field'),
  [REGEX]: entry('supported', 'on string and text items: the whole answer must match it; elsewhere reported'),
  [MIN_LENGTH]: entry('supported', 'on string and text items: the shortest answer accepted; elsewhere reported'),
  [MAX_DECIMAL_PLACES]: entry('supported', 'on decimal items: the most digits after the point; elsewhere reported'),
  [MIN_OCCURS]: entry('supported', 'the fewest answers of a question that repeats, once any is given; 1 holds of every item; above 1 on groups and choices, reported'),
  [MAX_OCCURS]: entry('supported', 'the most repeats of a repeating group, or answers of a question that repeats'),
  [SLIDER_STEP]: entry('supported', 'the step of a slider or spinner; elsewhere reported'),
  [OPTION_PREFIX]: entry('supported', 'shown before the answer’s text'),
  [`${STRUCTURE}questionnaire-instruction`]: entry('reported', 'the instruction is not shown'),
  [RENDERING_XHTML]: entry('supported', 'on an item’s text: shown sanitised (phrasing in a question’s label; paragraphs, lists and links also between questions); other elements, and the formatting of other texts, reported'),
  [`${STRUCTURE}rendering-style`]: entry('reported', 'the text is shown in the form’s own style'),
  [RENDERING_MARKDOWN]: entry('supported', 'as rendering-xhtml'),
  [`${SDC}sdc-questionnaire-shortText`]: entry('reported', 'the full text is shown'),
  [`${SDC}sdc-questionnaire-entryMode`]: entry('reported', 'every item is shown in the element’s layout'),
  [MIME_TYPE]: entry('supported', 'the types of file an attachment takes (the picker offers them; others are refused with a message)'),
  [MAX_SIZE]: entry('supported', 'the largest file an attachment takes; without it, 5 MiB (the file is kept in the draft on the device)'),
  [REFERENCE_RESOURCE]: entry('supported', 'the resource types a reference item offers from those the host gives'),
  [`${STRUCTURE}terminology-server`]: entry('reported', 'value sets come from the host, not from this server'),
  [`${STRUCTURE}preferredTerminologyServer`]: entry('reported', 'value sets come from the host, not from this server'),
  [`${SDC}sdc-questionnaire-preferredTerminologyServer`]: entry('reported', 'value sets come from the host, not from this server'),
  [TARGET_CONSTRAINT]: entry('supported', `on a question, with severity error: while it is false (empty, as with nothing answered yet, is no breach), its human message (with its translations) is the question's problem and the form cannot be submitted; on other items, with severity warning or another location, reported and not checked; ${FHIRPATH}`),
  [`${STRUCTURE}questionnaire-answerRepeats`]: entry('reported', 'the answers are not repeated'),
  [`${SDC}sdc-questionnaire-unitSupplementalSystem`]: entry('reported', 'only the units listed can be chosen'),
  [`${STRUCTURE}quantity-precision`]: entry('reported', 'the precision is not shown'),
  [`${STRUCTURE}questionnaire-externallydefined`]: entry('reported', 'the search service is not used: the answers are those answerOption or answerValueSet give, and a choice item with neither is left out'),
  [`${SDC}sdc-questionnaire-observationExtract`]: entry('metadata', 'how the host extracts observations from the response'),
  [`${SDC}sdc-questionnaire-observation-extract-category`]: entry('metadata', 'how the host extracts observations from the response'),
  [`${SDC}sdc-questionnaire-itemExtractionContext`]: entry('metadata', 'how the host extracts resources from the response'),
  [`${SDC}sdc-questionnaire-templateExtract`]: entry('metadata', 'how the host extracts resources from the response'),
  [`${SDC}sdc-questionnaire-targetStructureMap`]: entry('metadata', 'how the host extracts resources from the response'),
  [`${SDC}sdc-questionnaire-isSubject`]: entry('metadata', 'how the host extracts resources from the response'),
  [`${SDC}sdc-questionnaire-assembledFrom`]: METADATA,
  ['http://hl7.org/fhir/uv/cpg/StructureDefinition/cpg-answerValueSetSource']: entry('metadata', 'where the answer list came from; the answers themselves are the item’s own'),
  [`${STRUCTURE}artifact-versionAlgorithm`]: METADATA,
  [`${STRUCTURE}cqf-library`]: entry('reported', 'libraries are for CQL, which is not evaluated'),
};

/** Item controls (questionnaire-itemControl codes) and how they are shown. */
export const ITEM_CONTROLS: Readonly<Record<string, Conformance>> = {
  'radio-button': entry('supported', 'radio buttons, as every single choice'),
  'check-box': entry('supported', 'check boxes, as every choice with several answers'),
  page: entry('supported', 'a group shown as one page in the paged layout'),
  flyover: entry('supported', 'a display item under a question: shown with it, as its label when the question has no text'),
  help: entry('supported', 'a display item under a question: shown with it'),
  legal: entry('supported', 'a display item: shown as text'),
  inline: entry('supported', 'a display item: shown as text'),
  prompt: entry('supported', 'a display item: shown as text'),
  'drop-down': entry('supported', 'a drop-down list, for a choice of one answer; with several, check boxes (reported)'),
  autocomplete: entry('supported', 'radio buttons under a search field that narrows them, for a choice of one answer; with several, check boxes (reported)'),
  lookup: entry('supported', 'as autocomplete'),
  slider: entry('supported', 'a slider from minValue to maxValue by sliderStepValue, on integer and decimal items; elsewhere reported'),
  spinner: entry('supported', 'a number field with buttons that step it, on integer and decimal items; elsewhere reported'),
  'text-box': entry('reported', 'shown as a text area'),
  list: entry('reported', 'shown as a group'),
  table: entry('reported', 'shown as a group'),
  htable: entry('reported', 'shown as a group'),
  gtable: entry('reported', 'shown as a group'),
  atable: entry('reported', 'shown as a group'),
  grid: entry('reported', 'shown as a group'),
  header: entry('reported', 'shown as a group'),
  footer: entry('reported', 'shown as a group'),
  tab: entry('reported', 'shown as a group'),
  'tab-container': entry('reported', 'shown as a group'),
  lower: entry('reported', 'shown as text'),
  upper: entry('reported', 'shown as text'),
  unit: entry('reported', 'shown as text'),
};

/** Item types and how they are answered. */
export const ITEM_TYPES: Readonly<Record<string, Conformance>> = {
  group: entry('supported', 'a group of items with its text as their shared stem'),
  display: entry('supported', 'text shown between questions'),
  boolean: entry('supported', 'Yes / No'),
  decimal: entry('supported', 'a number field'),
  integer: entry('supported', 'a number field that takes whole numbers'),
  date: entry('supported', 'a date field'),
  string: entry('supported', 'a text field of one line'),
  text: entry('supported', 'a text area'),
  choice: entry('supported', 'radio buttons, or check boxes when it repeats'),
  dateTime: entry('supported', 'a date and time field; the answer carries the UTC offset of the person’s time zone'),
  time: entry('supported', 'a time field'),
  url: entry('supported', 'a web address field'),
  'open-choice': entry('supported', 'radio buttons or check boxes, and a field for an answer of one’s own (valueString); without options, a text field'),
  attachment: entry('supported', 'a file picker; the file is written as valueAttachment (contentType, data, title, size, SHA-1 hash)'),
  reference: entry('supported', 'a choice among the resources the host gives (references) or the form’s own answerOption (valueReference); with neither, left out and reported, or refused when required'),
  quantity: entry('supported', 'a number field with its unit, or a choice of units (valueQuantity with the unit’s code and system)'),
  question: entry('refused', 'abstract: never used in a form'),
};
