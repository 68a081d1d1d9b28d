import { expect, fixture, html } from '@open-wc/testing';
import '../../components/pp-questionnaire/pp-questionnaire.js';
import type { PpQuestionnaire } from '../../components/pp-questionnaire/pp-questionnaire.js';
import type { ErrorDetail, QuestionnaireResult } from '../../src/events.js';
import { expandValueSets } from '../../src/fhir/terminology.js';
import { deleteAllDatabases, nextEvent } from '../helpers/fixtures.js';
import { waitUntil } from '../helpers/wait.js';

const SERVER = `${location.origin}/test-terminology`;
/** Nothing listens on port 9 (discard): the server cannot be reached. */
const UNREACHABLE = 'http://127.0.0.1:9/fhir';
const YES_NO_DONT_KNOW = 'http://hl7.org/fhir/ValueSet/yesnodontknow';

const questionnaire = (valueSet = YES_NO_DONT_KNOW) => ({
  resourceType: 'Questionnaire',
  id: 'terminology',
  version: '1',
  status: 'active',
  item: [{ linkId: 'smokes', type: 'choice', text: 'Do you smoke?', answerValueSet: valueSet }],
});

async function rendered(server: string, storage = 'device', json: unknown = questionnaire()): Promise<{ element: PpQuestionnaire; errors: ErrorDetail[] }> {
  const errors: ErrorDetail[] = [];
  const element = await fixture<PpQuestionnaire>(
    html`<pp-questionnaire layout="list" storage=${storage} terminology-server=${server} .instrument=${json} @pp-error=${(e: CustomEvent<ErrorDetail>) => errors.push(e.detail)}></pp-questionnaire>`,
  );
  await waitUntil(() => element.shadowRoot!.querySelector('form, [part=error]'), 'the questionnaire did not render');
  return { element, errors };
}

const answers = (element: PpQuestionnaire) => [...element.shadowRoot!.querySelectorAll('[data-item=smokes] label')].map((label) => label.textContent!.trim());

describe('value sets from the host’s terminology server', () => {
  beforeEach(deleteAllDatabases);

  it('expands a value set the form names by url, and answers with its codings', async () => {
    const { element, errors } = await rendered(SERVER);
    expect(errors).to.deep.equal([]);
    expect(answers(element)).to.deep.equal(['Yes', 'No', "Don't know"]);
    element.shadowRoot!.querySelectorAll<HTMLInputElement>('[data-item=smokes] input')[2]!.click();
    const submitted = nextEvent<QuestionnaireResult>(element, 'pp-submit');
    element.shadowRoot!.querySelector<HTMLButtonElement>('button[type=submit]')!.click();
    expect((await submitted).detail.questionnaireResponse.item[0]!.answer).to.deep.equal([
      { valueCoding: { system: 'http://terminology.hl7.org/CodeSystem/data-absent-reason', code: 'asked-unknown', display: "Don't know" } },
    ]);
  });

  it('shows the form offline from the expansion kept on the device', async () => {
    await rendered(SERVER);
    const { element, errors } = await rendered(UNREACHABLE);
    expect(errors).to.deep.equal([]);
    expect(answers(element)).to.deep.equal(['Yes', 'No', "Don't know"]);
  });

  it('keeps nothing with storage="memory": offline, the question is left out (here, all there is), naming the value set and why', async () => {
    await rendered(SERVER, 'memory');
    const { errors } = await rendered(UNREACHABLE, 'memory');
    expect(errors.map((e) => e.code)).to.deep.equal(['content-invalid']);
    const [problem] = errors[0]!.problems!;
    expect(problem!.path).to.equal('item[0].answerValueSet');
    // The browser's own words for a failed fetch differ from engine to engine.
    expect(problem!.message).to.match(new RegExp(`^the value set "${YES_NO_DONT_KNOW}" could not be expanded by the terminology server \\(.+\\), and no copy of it is kept on this device; the question is left out$`));
    expect(errors[0]!.problems!.at(-1)).to.deep.equal({ path: 'item', message: 'every item is left out: nothing is left to show' });
  });

  it('refuses a form whose value set the server does not know, with the server’s answer', async () => {
    const unknown = 'http://example.org/ValueSet/unknown';
    const { errors } = await rendered(SERVER, 'device', questionnaire(unknown));
    expect(errors[0]!.problems!.map((p) => p.message)).to.deep.equal([
      `the value set "${unknown}" could not be expanded by the terminology server (the server answered HTTP 404), and no copy of it is kept on this device; the question is left out`,
      'every item is left out: nothing is left to show',
    ]);
  });

  it('asks the server only for value sets the host has not given, with the version as valueSetVersion', async () => {
    const valueSets = (await expandValueSets(SERVER, [YES_NO_DONT_KNOW], 'memory')).valueSets;
    const errors: ErrorDetail[] = [];
    const element = await fixture<PpQuestionnaire>(
      html`<pp-questionnaire storage="memory" terminology-server=${UNREACHABLE} .valueSets=${valueSets} .instrument=${questionnaire()} @pp-error=${(e: CustomEvent<ErrorDetail>) => errors.push(e.detail)}></pp-questionnaire>`,
    );
    await waitUntil(() => element.shadowRoot!.querySelector('form, [part=error]'));
    expect(errors).to.deep.equal([]);
    expect(answers(element)).to.have.length(3);
    const versions = await expandValueSets(SERVER, [`${YES_NO_DONT_KNOW}|4.0.1`, `${YES_NO_DONT_KNOW}|9.9`], 'memory');
    expect(Object.keys(versions.valueSets)).to.deep.equal([`${YES_NO_DONT_KNOW}|4.0.1`]);
    expect(versions.unavailable).to.deep.equal({ [`${YES_NO_DONT_KNOW}|9.9`]: 'the server answered HTTP 404' });
  });
});
