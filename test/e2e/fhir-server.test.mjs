// The portal demo with the FHIR server `npm start` runs (Medplum's FHIR router over its in-memory
// repository): the portal finds the PHQ-9 there by its canonical URL, stores each response with its
// Observations, and charts the person's earlier totals from the server. With the server down, the
// result waits in the questionnaire's outbox; once the server is back, it is stored, once.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createServer } from 'vite';
import { startFhirServer } from '../../scripts/fhir-server.mjs';
import { engines, launch } from './engines.mjs';

/** Answers every PHQ-9 question "Not at all", page by page, and submits. */
async function answerAndSubmit(page) {
  const inForm = (script, ...args) =>
    page.waitForFunction(
      (body, values) => new Function('root', 'values', body)(document.querySelector('pp-questionnaire').shadowRoot, values),
      { polling: 50 },
      script,
      args,
    );
  for (let question = 1; question <= 9; question += 1) {
    await inForm(`const radio = root.querySelector('[data-item="phq9-' + values[0] + '"] input[type=radio]'); if (!radio) return false; radio.click(); return true;`, question);
    const button = question === 9 ? 'Submit answers' : 'Next';
    await inForm(`const button = [...root.querySelectorAll('button')].find((b) => b.textContent.trim() === values[0]); if (!button) return false; button.click(); return true;`, button);
  }
}

const statusIncludes = (page, text) => page.waitForFunction((expected) => document.querySelector('#fhir-status').textContent.includes(expected), { polling: 50 }, text);

/** What the server holds of a type. */
async function stored(fhir, type) {
  const bundle = await (await fetch(`${fhir.base}/${type}`)).json();
  return (bundle.entry ?? []).map((entry) => entry.resource);
}

for (const engine of engines) {
  test(`${engine}: the portal stores responses and Observations in the FHIR server, and an outboxed result once the server is back`, async (t) => {
    let fhir = await startFhirServer();
    const { repository } = fhir;
    const port = Number(new URL(fhir.origin).port);
    t.after(() => fhir.close());
    // The dev server passes /fhir/ through to this FHIR server, which the test stops and starts.
    process.env.PAINPATH_FHIR_ORIGIN = fhir.origin;
    const server = await createServer({ configFile: 'vite.config.ts', server: { port: 0, host: '127.0.0.1' }, logLevel: 'silent' });
    delete process.env.PAINPATH_FHIR_ORIGIN;
    await server.listen();
    t.after(() => server.close());
    const { demoQuestionnaires } = await server.ssrLoadModule('/fhir-seed.ts');
    for (const questionnaire of demoQuestionnaires()) await repository.createResource(questionnaire);
    const browser = await launch(engine);
    t.after(() => browser.close());

    const page = await browser.newPage();
    await page.goto(server.resolvedUrls.local[0]);
    await statusIncludes(page, 'The FHIR server holds https://northbay.example/fhir/Questionnaire/phq-9 version 1.0.0');
    await answerAndSubmit(page);
    await statusIncludes(page, 'Your answers are stored');
    const [first] = await stored(fhir, 'QuestionnaireResponse');
    assert.equal(first.questionnaire, 'https://northbay.example/fhir/Questionnaire/phq-9|1.0.0');
    assert.match(first.subject.reference, /^Patient\//);
    const [total] = await stored(fhir, 'Observation');
    assert.deepEqual(total.derivedFrom, [{ type: 'QuestionnaireResponse', identifier: first.identifier }]);
    assert.equal(total.valueQuantity.value, 0);
    // The chart shows the total the server gave back.
    await page.waitForFunction(() => document.querySelector('pp-score-chart').shadowRoot.querySelectorAll('tbody tr').length === 1, { polling: 50 });

    // The server goes down: the next result cannot be stored, and waits in the outbox.
    await fhir.close();
    await page.reload();
    await statusIncludes(page, 'cannot be reached');
    await answerAndSubmit(page);
    await statusIncludes(page, 'Not stored yet');

    // Back up with what it held: the page's next load gives the result again, and it is stored.
    fhir = await startFhirServer({ port, repository });
    await page.reload();
    await statusIncludes(page, 'Your answers are stored');
    const responses = await stored(fhir, 'QuestionnaireResponse');
    const observations = await stored(fhir, 'Observation');
    assert.equal(responses.length, 2, 'each result stored once');
    assert.equal(observations.length, 2);
    assert.equal(new Set(responses.map((response) => response.identifier.value)).size, 2);
    await page.waitForFunction(() => document.querySelector('pp-score-chart').shadowRoot.querySelectorAll('tbody tr').length === 2, { polling: 50 });

    // Delivered again (as after an answer lost on the way back), it is still stored once.
    const again = await fetch(`${fhir.base}`, {
      method: 'POST',
      headers: { 'content-type': 'application/fhir+json' },
      body: JSON.stringify({
        resourceType: 'Bundle',
        type: 'transaction',
        entry: [{ resource: responses[1], request: { method: 'POST', url: 'QuestionnaireResponse', ifNoneExist: `identifier=${responses[1].identifier.system}|${responses[1].identifier.value}` } }],
      }),
    });
    assert.equal((await again.json()).entry[0].response.status, '200');
    assert.equal((await stored(fhir, 'QuestionnaireResponse')).length, 2);
    // And the outbox is empty: a further load gives nothing again.
    await page.reload();
    await statusIncludes(page, 'The FHIR server holds');
    assert.equal(await page.evaluate(() => document.querySelector('#fhir-stored').children.length), 0);
  });
}
