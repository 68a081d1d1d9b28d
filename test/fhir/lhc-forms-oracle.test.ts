/**
 * LHC-Forms (the FHIR renderer of the U.S. National Library of Medicine, its npm package as a
 * development dependency) as the oracle of our FHIR export: it renders each exported instrument
 * with our response's answers, evaluates the export's calculatedExpressions with its own FHIRPath
 * engine, and its totals and bands must equal our native scoring.
 */
import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { QuestionnaireEngine } from '../../src/engine/questionnaire-engine.js';
import { toQuestionnaireResponse, type QuestionnaireResponse } from '../../src/fhir/questionnaire-response.js';
import { toFhirQuestionnaire } from '../../src/fhir/to-fhir-questionnaire.js';
import { classify, raisedFlags } from '../../src/scoring/rules.js';
import { scoreAnswers } from '../../src/scoring/score.js';
import { applyDraws, answerDraws, BASE, EXPORTED, questionsOf, shipped } from '../helpers/fhir-export.js';

const LHC_FORMS = '/node_modules/lforms/dist/lforms';

interface ResponseItem {
  linkId: string;
  answer?: { valueInteger?: number; valueDecimal?: number; valueBoolean?: boolean; valueCoding?: { code?: string }; item?: ResponseItem[] }[];
  item?: ResponseItem[];
}

interface LForms {
  Util: {
    addFormToPage(questionnaire: unknown, container: HTMLElement, options: { questionnaireResponse: QuestionnaireResponse; fhirVersion: 'R4' }): Promise<unknown>;
    getFormFHIRData(type: 'QuestionnaireResponse', version: 'R4', container: HTMLElement): { item?: ResponseItem[] };
  };
}

const loadScript = (src: string) =>
  new Promise((resolve, reject) => {
    const script = Object.assign(document.createElement('script'), { src, onload: resolve, onerror: () => reject(new Error(`${src} did not load`)) });
    document.head.append(script);
  });

/** Each answered item of a response by linkId: its first answer. */
function answersByLinkId(items: readonly ResponseItem[], into = new Map<string, NonNullable<ResponseItem['answer']>[number]>()) {
  for (const item of items) {
    if (item.answer?.[0]) into.set(item.linkId, item.answer[0]);
    for (const answer of item.answer ?? []) answersByLinkId(answer.item ?? [], into);
    answersByLinkId(item.item ?? [], into);
  }
  return into;
}

describe('LHC-Forms renders our FHIR export', () => {
  let lforms: LForms;
  before(async () => {
    // As LHC-Forms' README loads it: zone.js, the web component, then its FHIR R4 support.
    for (const file of ['webcomponent/assets/lib/zone.min.js', 'webcomponent/lhc-forms.js', 'fhir/R4/lformsFHIR.min.js']) await loadScript(`${LHC_FORMS}/${file}`);
    lforms = (window as unknown as { LForms: LForms }).LForms;
  });

  for (const id of EXPORTED) {
    it(`${id}: given our response's answers, LHC-Forms computes every scale, band, flag and class of the export as our native scoring does`, async () => {
      const native = await shipped(id);
      const questionnaire = toFhirQuestionnaire(native, { base: BASE });
      const questions = questionsOf(native.items);
      const container = document.body.appendChild(document.createElement('div'));
      await fc.assert(
        fc.asyncProperty(answerDraws(questions), async (draws) => {
          const engine = new QuestionnaireEngine(native, 'list');
          applyDraws(engine, questions, draws);
          const scores = scoreAnswers(native, engine.answers);
          // The response without scores: LHC-Forms computes them.
          const response = toQuestionnaireResponse(native, engine.answers, undefined, { canonicalBase: BASE });
          await lforms.Util.addFormToPage(structuredClone(questionnaire), container, { questionnaireResponse: structuredClone(response), fhirVersion: 'R4' });
          const theirs = answersByLinkId(lforms.Util.getFormFHIRData('QuestionnaireResponse', 'R4', container).item ?? []);
          for (const scale of native.scoring.scales) {
            const linkId = scale.linkId ?? scale.id;
            const computed = theirs.get(linkId);
            const { value, band } = scores[scale.id]!;
            const answers = JSON.stringify(engine.answers);
            if (value === null) expect(computed, `${scale.id} of ${answers}`).to.equal(undefined);
            else expect(computed?.valueInteger ?? computed?.valueDecimal, `${scale.id} of ${answers}`).to.be.closeTo(value, 1e-9);
            if (scale.bands.length) expect(theirs.get(`${linkId}-band`)?.valueCoding?.code, `${scale.id} band of ${answers}`).to.equal(band);
          }
          const raised = raisedFlags(native, engine.answers, scores).map((flag) => flag.id);
          for (const flag of native.scoring.flags ?? []) expect(theirs.get(`flag-${flag.id}`)?.valueBoolean ?? false, `flag ${flag.id} of ${JSON.stringify(engine.answers)}`).to.equal(raised.includes(flag.id));
          for (const [classification, kind] of Object.entries(classify(native, engine.answers, scores))) {
            expect(theirs.get(`class-${classification}`)?.valueCoding?.code ?? null, `class ${classification} of ${JSON.stringify(engine.answers)}`).to.equal(kind);
          }
        }),
        { numRuns: 8, includeErrorInReport: true },
      );
      container.remove();
    });
  }
});
