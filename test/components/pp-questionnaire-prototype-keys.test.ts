import { expect } from '@open-wc/testing';
import { waitUntil } from '../helpers/wait.js';
import fc from 'fast-check';
import '../../components/pp-questionnaire/pp-questionnaire.js';
import type { PpQuestionnaire } from '../../components/pp-questionnaire/pp-questionnaire.js';
import type { SubmitDetail } from '../../src/events.js';
import { own } from '../../src/model/own.js';
import { deleteAllDatabases } from '../helpers/fixtures.js';
import { expectedOutcome, keyedAnswer, keyedInstrument, keyedInstrumentArb, ownEntries, type KeyedInstrumentPlan } from '../helpers/prototype-keys.js';

const shadow = (el: Element) => el.shadowRoot!;
const radios = (el: PpQuestionnaire, itemId: string) => [...shadow(el).querySelectorAll<HTMLInputElement>(`[data-item="${itemId}"] input[type=radio]`)];
const submitButton = (el: PpQuestionnaire) => [...shadow(el).querySelectorAll('button')].find((b) => b.textContent!.trim() === 'Submit answers')!;

/** The plan's instrument in the list layout with its draft under `draftKey`, once its form shows. */
async function questionnaire(plan: KeyedInstrumentPlan, draftKey: string): Promise<PpQuestionnaire> {
  const el = document.createElement('pp-questionnaire');
  el.instrument = keyedInstrument(plan);
  el.setAttribute('layout', 'list');
  el.setAttribute('draft-key', draftKey);
  document.body.append(el);
  await waitUntil(() => shadow(el).querySelector('form'), 'the form did not show');
  return el;
}

describe('<pp-questionnaire> with ids drawn from Object.prototype member names', () => {
  before(deleteAllDatabases);
  afterEach(() => document.body.replaceChildren());

  it('keeps every answer under its own id through a draft in IndexedDB, blocks submitting without a required answer, and submits the rest', async () => {
    let run = 0;
    await fc.assert(
      fc.asyncProperty(keyedInstrumentArb, async (plan) => {
        document.body.replaceChildren();
        const draftKey = `keys-${run++}`;
        const expected = expectedOutcome(plan);
        const first = await questionnaire(plan, draftKey);
        expect(Object.keys(first.answers), 'answers before any').to.deep.equal([]);
        for (const id of plan.itemIds) {
          const value = expected.answers.get(id);
          if (value === undefined) continue;
          await waitUntil(() => radios(first, id).length > 0, `${id} is not shown`);
          radios(first, id)[plan.values.indexOf(value)]!.click();
          await first.updateComplete;
        }
        expect(ownEntries(first.answers)).to.deep.equal(expected.answers);
        await first.draftSaved();
        first.remove();

        const second = await questionnaire(plan, draftKey);
        expect(ownEntries(second.answers), 'answers restored from the draft').to.deep.equal(expected.answers);
        for (const [id, value] of expected.answers) expect(radios(second, id).findIndex((radio) => radio.checked), id).to.equal(plan.values.indexOf(value));

        const submits: SubmitDetail[] = [];
        second.addEventListener('pp-submit', (event) => submits.push((event as CustomEvent<SubmitDetail>).detail));
        submitButton(second).click();
        const missing = plan.itemIds.find((id, i) => plan.required[i] && expected.shown.has(id) && !expected.answers.has(id));
        if (missing !== undefined) {
          await waitUntil(() => shadow(second).querySelector(`[data-item="${missing}"] [part=error]`), `no problem shown at ${missing}`);
          expect(submits, 'submitted without a required answer').to.deep.equal([]);
          return;
        }
        await waitUntil(() => submits.length > 0, 'no pp-submit');
        const [result] = submits;
        expect(ownEntries(result!.answers)).to.deep.equal(expected.answers);
        expect(Object.keys(result!.scores)).to.deep.equal([plan.scaleId]);
        expect(own(result!.scores, plan.scaleId)?.value).to.equal(expected.total);
        expect(result!.questionnaireResponse.item.map((item) => [item.linkId, item.answer])).to.deep.equal([
          ...plan.itemIds.filter((id) => expected.answers.has(id)).map((id) => [id, [keyedAnswer(id, expected.answers.get(id)!)]]),
          ...(expected.total === null ? [] : [[plan.scaleId, [{ valueInteger: expected.total }]]]),
        ]);
      }),
      { numRuns: 25, includeErrorInReport: true },
    );
  });
});
