import { forEachDiagnostic, type Diagnostic } from '@codemirror/lint';
import { EditorView } from '@codemirror/view';
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { definePlayground, type PpContentPlayground } from '../../stories/playground/pp-content-playground.js';

definePlayground();

const read = async (path: string) => (await fetch(path)).text();
/** The line (1-based) where `needle` first appears in a text, from offset `after` on. */
const lineOf = (text: string, needle: string, after = 0) => text.slice(0, text.indexOf(needle, after)).split('\n').length;

async function mount(text: string): Promise<PpContentPlayground> {
  const element = await fixture<PpContentPlayground>(html`<pp-content-playground name="test.json" .text=${text}></pp-content-playground>`);
  await element.updateComplete;
  return element;
}

const shadow = (element: PpContentPlayground) => element.shadowRoot!;
const editorOf = (element: PpContentPlayground) => EditorView.findFromDOM(shadow(element).querySelector<HTMLElement>('.cm-editor')!)!;

function diagnosticsOf(view: EditorView): Diagnostic[] {
  const found: Diagnostic[] = [];
  forEachDiagnostic(view.state, (diagnostic, from, to) => found.push({ ...diagnostic, from, to }));
  return found;
}

/** The lines where the lint gutter shows a marker of a severity around an offset, read from where the markers are drawn. */
async function gutterLines(view: EditorView, severity: 'error' | 'warning', around: number): Promise<number[]> {
  // The gutter is drawn for the lines in view only.
  view.dispatch({ effects: EditorView.scrollIntoView(around, { y: 'center' }) });
  const lines = () =>
    [...view.dom.querySelectorAll(`.cm-lint-marker-${severity}`)].map((marker) => {
      const { top, height } = marker.getBoundingClientRect();
      return view.state.doc.lineAt(view.lineBlockAtHeight(top + height / 2 - view.documentTop).from).number;
    });
  await waitUntil(() => lines().includes(view.state.doc.lineAt(around).number), `no ${severity} marker at line ${view.state.doc.lineAt(around).number}`);
  return lines();
}

const summaryOf = (element: PpContentPlayground) => shadow(element).querySelector('.status:not(.fetched)')!.textContent!;

/** The problem buttons of a list, by the text of their "where" line. */
const problemsIn = (list: Element | null) => [...(list?.querySelectorAll('li button') ?? [])].map((button) => button.querySelector('.where')!.textContent!.trim());

describe('pp-content-playground', () => {
  it('lists a parser problem with its line and path, and marks it in the editor at the value', async () => {
    const json = JSON.parse(await read('/content/instruments/phq-9.json')) as { items: { items: { type: string }[] }[] };
    json.items[0]!.items[1]!.type = 'radio';
    const text = JSON.stringify(json, null, 2);
    const line = lineOf(text, '"type": "radio"');
    const element = await mount(text);

    expect(problemsIn(shadow(element).querySelector('.problems'))).to.include(`Line ${line} · items[0].items[1].type`);
    const view = editorOf(element);
    const diagnostic = diagnosticsOf(view).find((d) => d.source === 'items[0].items[1].type')!;
    expect(diagnostic.severity).to.equal('error');
    expect(text.slice(diagnostic.from, diagnostic.to)).to.equal('"type": "radio"');
    expect(await gutterLines(view, 'error', diagnostic.from)).to.include(line);
  });

  it('tells a JSON syntax error with its line and column, comments and trailing commas included', async () => {
    const text = '{\n  "id": "x", // a note\n  "items": [1, 2,]\n}';
    const element = await mount(text);
    const where = problemsIn(shadow(element).querySelector('.problems'));
    expect(where).to.deep.equal(['Line 2, column 14', 'Line 3, column 17']);
    const messages = [...shadow(element).querySelectorAll('.problems li')].map((li) => li.textContent!);
    expect(messages[0]).to.contain('a comment');
    expect(messages[1]).to.contain('remove the last comma');
    expect(summaryOf(element)).to.contain('not valid JSON');
    expect(await gutterLines(editorOf(element), 'error', text.indexOf('//'))).to.deep.equal([2, 3]);
  });

  it('updates the problems a moment after the text is edited in the editor', async () => {
    const element = await mount('{"id": "x", "items": []}');
    const view = editorOf(element);
    view.dispatch({ changes: { from: view.state.doc.length - 1, insert: ',' } });
    await waitUntil(() => summaryOf(element).includes('not valid JSON'), 'no syntax error after the edit');
    expect(element.text).to.equal('{"id": "x", "items": [],}');
  });

  it('shows what a FHIR Questionnaire has refused, with the FHIR path and line, and what the element said', async () => {
    const text = await read('/test/fixtures/fhir-corpus/refero--receiver-component-q.json');
    const element = await mount(text);
    const root = shadow(element);

    expect(root.querySelector('#refused-title')!.textContent).to.equal('Refused: 1');
    const refused = root.querySelector('ol[aria-labelledby="refused-title"]');
    expect(problemsIn(refused)).to.deep.equal([`Line ${lineOf(text, '"answerValueSet": "http://helsenorge.no/fhir/ValueSet/adresser"')} · item[1].item[0].answerValueSet`]);
    expect(root.querySelector('#reported-title')!.textContent).to.equal('Reported: not known yet');
    // Until then, the tables tell some: an item control Painpath does not know.
    const control = [...root.querySelectorAll('ul[aria-labelledby="reported-title"] > li')].find((li) => li.querySelector('.feature')!.textContent === 'receiver-component')!;
    expect(control.querySelector('.lines button')!.textContent).to.equal(String(lineOf(text, '"code": "receiver-component"')));
    expect(diagnosticsOf(editorOf(element)).map((d) => [d.severity, d.source])).to.deep.equal([['error', 'Refused · item[1].item[0].answerValueSet']]);
    // The preview is the element's own: it refuses the form and says why.
    await waitUntil(() => root.querySelector('.element-errors'), 'the element said nothing');
    expect(root.querySelector('.element-errors')!.textContent).to.contain('content-invalid').and.to.contain('adresser');
  });

  it('shows what a FHIR Questionnaire has reported and supported, each with its lines', async () => {
    const text = await read('/test/fixtures/fhir-corpus/refero--qdatemonth.json');
    const element = await mount(text);
    const root = shadow(element);

    expect(root.querySelector('#refused-title')!.textContent).to.equal('Refused: 0');
    expect(root.querySelector('#reported-title')!.textContent).to.equal('Reported: 6');
    const reported = problemsIn(root.querySelector('ol[aria-labelledby="reported-title"]'));
    expect(reported).to.include(`Line ${lineOf(text, '"valueDate": "1994-05"')} · item[1].initial[0].valueDate`);
    expect(reported.some((where) => /^Line \d+ · item\[0\]\.extension\[0\]$/.test(where))).to.be.true;
    expect(await gutterLines(editorOf(element), 'warning', text.indexOf('"valueDate": "1994-05"'))).to.include(lineOf(text, '"valueDate": "1994-05"'));

    const features = [...root.querySelectorAll('ul[aria-labelledby="supported-title"] > li')];
    const date = features.find((li) => li.querySelector('.feature')!.textContent === 'date')!;
    const dateLines = [...date.querySelectorAll('.lines button')].map((button) => Number(button.textContent));
    const firstDate = text.indexOf('"type": "date"');
    expect(dateLines).to.deep.equal([lineOf(text, '"type": "date"'), lineOf(text, '"type": "date"', firstDate + 1)]);
    expect(date.textContent).to.contain('(item type) × 2').and.to.contain('a date field');
    // The unknown item control is reported, not listed as supported.
    expect(features.map((li) => li.querySelector('.feature')!.textContent)).not.to.include('yearMonth');
    expect(root.querySelector('details:last-of-type summary')!.textContent).to.contain('Metadata').and.to.contain('publisher');
  });

  it('moves the cursor to a problem when it is clicked, and focuses the editor', async () => {
    const text = await read('/test/fixtures/fhir-corpus/refero--qdatemonth.json');
    const element = await mount(text);
    const view = editorOf(element);
    const line = lineOf(text, '"valueDate": "1994-05"');
    const button = [...shadow(element).querySelectorAll<HTMLButtonElement>('.problems button')].find((b) => b.textContent!.includes('valueDate'))!;

    button.click();
    expect(view.hasFocus).to.be.true;
    expect(view.state.doc.lineAt(view.state.selection.main.head).number).to.equal(line);
    await element.updateComplete;
    expect(shadow(element).textContent).to.contain(`Cursor: line ${line}, column`);
  });

  it('lets Tab move on from the editor, which gives its content a name and a description', async () => {
    const element = await mount('{}');
    const content = shadow(element).querySelector<HTMLElement>('.cm-content')!;
    const byId = (id: string) => shadow(element).getElementById(id)!.textContent!;
    expect(byId(content.getAttribute('aria-labelledby')!)).to.equal('JSON of test.json');
    expect(byId(content.getAttribute('aria-describedby')!)).to.contain('Tab moves on from the editor');

    editorOf(element).focus();
    await sendKeys({ press: 'Tab' });
    expect(shadow(element).activeElement).not.to.equal(content);
    expect(editorOf(element).state.doc.toString()).to.equal('{}');
  });

  describe('fetching a FHIR Questionnaire from an address', () => {
    async function fetchInto(element: PpContentPlayground, address: string): Promise<string> {
      const root = shadow(element);
      root.querySelector<HTMLInputElement>('input[name="address"]')!.value = address;
      root.querySelector<HTMLButtonElement>('.fetch button')!.click();
      await element.updateComplete;
      const told = () => root.querySelector('.fetched')!.textContent!.trim();
      await waitUntil(() => told() !== 'Fetching…', 'the fetch did not end', { timeout: 10_000 });
      return told();
    }

    it('loads the Questionnaire into the editor, checked and shown', async () => {
      const element = await mount('{}');
      const address = new URL('/test/fixtures/loinc-phq-9.questionnaire.json', location.href).href;
      expect(await fetchInto(element, address)).to.equal(`Fetched ${address}.`);
      expect(editorOf(element).state.doc.toString()).to.equal(await read('/test/fixtures/loinc-phq-9.questionnaire.json'));
      expect(element.name).to.equal(address);
      const root = shadow(element);
      expect(root.querySelector('#refused-title')!.textContent).to.equal('Refused: 0');
      expect(root.querySelector('#reported-title')!.textContent).to.equal('Reported: 0');
      expect(root.querySelector('.preview pp-questionnaire')).to.exist;
    });

    it("takes a search's first Questionnaire, and says how many it found", async () => {
      const element = await mount('{}');
      const address = new URL('/test/fixtures/questionnaire-search.bundle.json', location.href).href;
      expect(await fetchInto(element, address)).to.contain('The search found 2 Questionnaires on this page (3 in all); this is the first, "First form".');
      expect(JSON.parse(editorOf(element).state.doc.toString())).to.include({ resourceType: 'Questionnaire', id: 'first' });
      expect(element.name).to.equal('https://fhir.example.org/fhir/Questionnaire/first');
      await waitUntil(() => shadow(element).querySelector('.preview pp-questionnaire'), 'the Questionnaire is not previewed');
    });

    it('says why when the server answers with an error, an OperationOutcome or something else than JSON', async () => {
      const element = await mount('{}');
      const origin = location.origin;
      expect(await fetchInto(element, `${origin}/test/fixtures/no-such.questionnaire.json`)).to.match(/^Could not fetch a Questionnaire: .* answered HTTP 404/);
      expect(await fetchInto(element, `${origin}/test-terminology/ValueSet/$expand?url=urn:none`)).to.contain('HTTP 404').and.to.contain('(error: not-found)');
      expect(await fetchInto(element, `${origin}/README.md`)).to.contain('is not JSON');
      expect(await fetchInto(element, 'Questionnaire/123')).to.contain('not a web address');
      expect(await fetchInto(element, 'http://127.0.0.1:9/Questionnaire/1')).to.contain('could not reach 127.0.0.1:9');
      // The text in the editor is left as it was.
      expect(element.text).to.equal('{}');
    });
  });
});
