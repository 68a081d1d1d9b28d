import { expect } from '@open-wc/testing';
import { waitUntil } from '../helpers/wait.js';
import type { PpQuestionnaire } from '../../components/pp-questionnaire/pp-questionnaire.js';
import { answerPhq9, deleteAllDatabases, loadPage, ready, submitButton, windowOf, type HostWindow } from './helpers.js';

/**
 * The host page carries `default-src 'self'; script-src 'self'; style-src 'self';
 * require-trusted-types-for 'script'; trusted-types lit-html dompurify`: no 'unsafe-inline', no
 * 'unsafe-eval'. The CSP is on the iframe page only: the test runner's own page has inline scripts.
 */
describe('under a strict Content-Security-Policy with Trusted Types', () => {
  let frame: HTMLIFrameElement;
  let win: HostWindow;
  const doc = () => frame.contentDocument!;

  before(async () => {
    await deleteAllDatabases();
    frame = await loadPage('/test/integration/pages/csp.html', 1000, 900, true);
    win = windowOf(frame);
  });

  after(() => frame.remove());

  it('enforces the policy on the host page (an inline style attribute is blocked)', async () => {
    const probe = doc().createElement('div');
    probe.setAttribute('style', 'color: red');
    doc().body.append(probe);
    await waitUntil(() => win.violations!.length > 0, 'the page does not enforce its CSP');
    expect(win.violations![0]!.directive).to.match(/^style-src/);
    probe.remove();
    win.violations!.length = 0;
  });

  it('renders the questionnaire, which can be answered and submitted', async () => {
    const el = await ready(() => doc().querySelector<PpQuestionnaire>('#phq9'));
    await answerPhq9(el, 1);
    const bar = el.shadowRoot!.querySelector<HTMLElement>('.bar-fill')!;
    expect(bar.style.inlineSize, 'the progress bar is styled through the CSSOM, which CSP allows').to.equal('100%');
    submitButton(el).click();
    await waitUntil(() => win.submitted!.length === 1, 'no pp-submit under CSP');
    expect((win.submitted![0] as { scores: Record<string, { value: number }> }).scores['total']!.value).to.equal(9);
  });

  it('renders a numeric rating scale and takes an answer', async () => {
    const el = await ready(() => doc().querySelector<PpQuestionnaire>('#nrs'));
    const inputs = el.shadowRoot!.querySelectorAll<HTMLInputElement>('[data-item="nrs-pain"] input');
    expect(inputs.length).to.equal(11);
    inputs[6]!.click();
    await el.updateComplete;
    expect(el.answers['nrs-pain']).to.equal(6);
  });

  it('computes a FHIR form\'s total with FHIRPath, which needs no eval', async () => {
    const el = await ready(() => doc().querySelector<PpQuestionnaire>('#loinc-phq9'));
    await waitUntil(() => el.shadowRoot!.querySelector('output'), 'the calculated total is not shown');
    // The nine PHQ-9 questions (LOINC asks for drop-downs): "Several days", of ordinal value 1, in each.
    for (const select of [...el.shadowRoot!.querySelectorAll('select')].slice(0, 9)) {
      select.selectedIndex = [...select.options].findIndex((option) => option.text.includes('Several days'));
      select.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
      await el.updateComplete;
    }
    expect(el.answers['/44261-6']).to.equal(9);
    expect(el.shadowRoot!.querySelector('[data-item="/44261-6"] output')!.textContent!.trim()).to.equal('9');
  });

  it('renders the education module with sanitized Markdown through DOMPurify\'s Trusted Types policy', async () => {
    const education = doc().querySelector('#education')!;
    await waitUntil(() => education.shadowRoot?.querySelector('[part~=page]'), 'the education module did not render');
    const paragraphs = education.shadowRoot!.querySelectorAll('[part~=paragraph]');
    expect(paragraphs.length).to.be.greaterThan(0);
    expect(paragraphs[0]!.textContent!.trim()).to.not.equal('');
    const next = [...education.shadowRoot!.querySelectorAll('button')].find((b) => b.textContent!.trim() === 'Next');
    next!.click();
    await waitUntil(() => education.shadowRoot!.querySelector('[part~=progress]')?.textContent?.includes('2'), 'the page did not turn');
  });

  it('renders the pathway and opens a step', async () => {
    const pathway = doc().querySelector('#pathway')!;
    await waitUntil(() => pathway.shadowRoot?.querySelector('[part~=step]'), 'the pathway did not render');
    const toggles = pathway.shadowRoot!.querySelectorAll<HTMLButtonElement>('[part~=toggle]');
    expect(toggles.length).to.be.greaterThan(2);
    toggles[0]!.click();
    await waitUntil(() => toggles[0]!.getAttribute('aria-expanded') === 'true', 'the step did not open');
  });

  it('raised no CSP violation and no error while rendering and using all three elements', () => {
    const where = (win.violations ?? []).map((v) => `${v.directive} by ${v.element} at ${v.sourceFile}:${v.line}:${v.column} ${v.sample}`);
    expect(where, 'CSP violations').to.deep.equal([]);
    expect(win.pageErrors ?? [], 'errors on the page').to.deep.equal([]);
  });
});
