import { aTimeout, expect, fixture, html } from '@open-wc/testing';
import { waitUntil } from '../helpers/wait.js';
import { sendKeys } from '@web/test-runner-commands';
import DOMPurify from 'dompurify';
import '../../components/pp-education/pp-education.js';
import type { PpEducation } from '../../components/pp-education/pp-education.js';
import type { SpeechSynthesisLike } from '../../components/pp-education/read-aloud.js';
import type { EducationCompleteDetail, EducationProgressDetail, ErrorDetail } from '../../src/events.js';
import { deleteAllDatabases, nextEvent } from '../helpers/fixtures.js';
import { injectedMarkup, trapScriptExecution, XSS_VECTORS } from '../helpers/xss-vectors.js';
import { $, $$, both, button, currentPage, education, focused, pressOnPage, progressText, testModule, type Json } from '../helpers/education-fixture.js';

/** A finger (or pen) moving across the page region from one point to another. */
async function swipe(el: PpEducation, dx: number, dy = 0, pointerType = 'touch'): Promise<void> {
  const target = currentPage(el).querySelector('p') ?? currentPage(el);
  const box = target.getBoundingClientRect();
  const start = { x: box.left + box.width / 2, y: box.top + box.height / 2 };
  const init = { bubbles: true, composed: true, pointerId: 7, pointerType, isPrimary: true };
  target.dispatchEvent(new PointerEvent('pointerdown', { ...init, clientX: start.x, clientY: start.y }));
  target.dispatchEvent(new PointerEvent('pointermove', { ...init, clientX: start.x + dx / 2, clientY: start.y + dy / 2 }));
  target.dispatchEvent(new PointerEvent('pointerup', { ...init, clientX: start.x + dx, clientY: start.y + dy }));
  await el.updateComplete;
}

async function choose(el: PpEducation, questionId: string, optionId: string): Promise<void> {
  $<HTMLInputElement>(el, `[data-question="${questionId}"] [data-option="${optionId}"] input`)!.click();
  await el.updateComplete;
}

/** A speech synthesis that speaks nothing: it records calls, and the test says when an utterance ends. */
class FakeSpeechSynthesis extends EventTarget implements SpeechSynthesisLike {
  readonly calls: string[] = [];
  readonly spoken: SpeechSynthesisUtterance[] = [];

  constructor(private readonly voices: Partial<SpeechSynthesisVoice>[]) {
    super();
  }

  getVoices(): SpeechSynthesisVoice[] {
    return this.voices as SpeechSynthesisVoice[];
  }

  speak(utterance: SpeechSynthesisUtterance): void {
    this.calls.push('speak');
    this.spoken.push(utterance);
    setTimeout(() => utterance.dispatchEvent(new Event('start')));
  }

  pause(): void {
    this.calls.push('pause');
  }

  resume(): void {
    this.calls.push('resume');
  }

  cancel(): void {
    this.calls.push('cancel');
  }

  finishSentence(): void {
    this.spoken.at(-1)!.dispatchEvent(new Event('end'));
  }
}

const englishVoice = { name: 'Test English', lang: 'en_GB', default: true, localService: true, voiceURI: 'test-en' };
const speakingText = (el: PpEducation) => $$(el, '[part~=speaking]').map((span) => span.textContent).join('');

describe('<pp-education>', () => {
  beforeEach(deleteAllDatabases);

  it('shows the first page with its title, progress and the language and direction of the content', async () => {
    const el = await education();
    const root = $(el, '.root')!;
    expect([root.lang, root.dir]).to.deep.equal(['en', 'ltr']);
    expect($(el, '[part=title]')!.textContent).to.equal('Pain is a protector');
    expect(progressText(el)).to.equal('Page 1 of 3');
    expect(currentPage(el).dataset['page']).to.equal('intro');
    expect(currentPage(el).getAttribute('aria-labelledby')).to.equal($(el, '.page:not([hidden]) h3')!.id);
    expect($$(el, '.page[hidden]').map((p) => p.dataset['page'])).to.deep.equal(['check', 'summary']);
    expect($(el, '[part=key-message]')!.textContent).to.contain('Pain is a protector.');
    expect($(el, '[part=illustration] svg')!.getAttribute('aria-label')).to.equal('A smoke alarm.');
    expect(button(el, 'Back')).to.equal(undefined);
    await expect(el).to.be.accessible();
  });

  it('renders the Markdown subset and opens links safely', async () => {
    const el = await education();
    const paragraph = $(el, '[part=paragraph]')!;
    expect(paragraph.querySelector('strong')!.textContent).to.equal('a real and useful');
    expect([...paragraph.querySelectorAll('li')].map((li) => li.textContent)).to.deep.equal(['rest', 'move']);
    const [web, mail] = [...paragraph.querySelectorAll('a')];
    expect([web!.getAttribute('href'), web!.target, web!.rel]).to.deep.equal(['https://www.nhs.uk/', '_blank', 'noopener noreferrer']);
    expect(web!.textContent).to.equal('the NHS page (opens in a new tab)');
    expect([mail!.getAttribute('href'), mail!.target, mail!.rel]).to.deep.equal(['mailto:team@example.org', '', 'noopener noreferrer']);
  });

  it('shows raw HTML in content as text, even when the page configured DOMPurify loosely', async () => {
    DOMPurify.setConfig({ ADD_TAGS: ['b', 'img'], ADD_ATTR: ['onerror'] });
    try {
      const json = testModule();
      json['pages'][0].blocks[2].text.en = 'Say <b>hi</b>.\n\n[img](javascript:void(0)) and ![x](https://example.org/x.png)';
      const el = await education({ module: json });
      const paragraph = $(el, '[part=paragraph]')!;
      expect(paragraph.textContent).to.contain('Say <b>hi</b>.');
      expect(paragraph.querySelectorAll('b, img, a')).to.have.length(0);
      expect(paragraph.textContent, 'a link to a disallowed address is left as its text').to.contain('img and');
    } finally {
      DOMPurify.clearConfig();
    }
  });

  it('pages with the Next and Back buttons, announcing the page politely and moving focus to it', async () => {
    const el = await education();
    button(el, 'Next')!.click();
    await waitUntil(() => focused(el) === currentPage(el), 'focus did not move to the new page');
    expect(currentPage(el).dataset['page']).to.equal('check');
    const status = $(el, '[part=progress] [role=status]')!;
    expect(status.textContent!.trim()).to.equal('Page 2 of 3');
    button(el, 'Next')!.click();
    await waitUntil(() => progressText(el) === 'Page 3 of 3');
    expect(button(el, 'Next')).to.equal(undefined);
    expect(button(el, 'Finish')).to.exist;
    button(el, 'Back')!.click();
    await waitUntil(() => progressText(el) === 'Page 2 of 3');
  });

  it('can be read to the end by keyboard alone: buttons, and the arrow keys on the page', async () => {
    const el = await education();
    await pressOnPage(el, 'ArrowRight');
    expect(progressText(el)).to.equal('Page 2 of 3');
    await pressOnPage(el, 'ArrowLeft');
    expect(progressText(el)).to.equal('Page 1 of 3');
    await pressOnPage(el, 'ArrowLeft');
    expect(progressText(el), 'no page before the first').to.equal('Page 1 of 3');

    button(el, 'Next')!.focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => progressText(el) === 'Page 2 of 3');
    // The arrow keys choose among a question's options there, without turning the page.
    $<HTMLInputElement>(el, '[data-option="measure"] input')!.focus();
    await sendKeys({ press: 'ArrowRight' });
    await el.updateComplete;
    expect(progressText(el)).to.equal('Page 2 of 3');
    expect($<HTMLInputElement>(el, '[data-option="protect"] input')!.checked).to.equal(true);
  });

  it('turns the page with a swipe of a finger, not with a mouse drag or a vertical move', async () => {
    const el = await education();
    await swipe(el, -120);
    expect(progressText(el), 'swiping leftwards shows the next page').to.equal('Page 2 of 3');
    await swipe(el, 120);
    expect(progressText(el)).to.equal('Page 1 of 3');
    await swipe(el, -30);
    await swipe(el, -80, 120);
    await swipe(el, -120, 0, 'mouse');
    expect(progressText(el)).to.equal('Page 1 of 3');
    await swipe(el, -120, 0, 'pen');
    expect(progressText(el)).to.equal('Page 2 of 3');
  });

  it('mirrors direction in Arabic: right-to-left inside the shadow root, arrows and swipes reversed', async () => {
    const el = await education({ lang: 'ar' });
    const root = $(el, '.root')!;
    expect([root.lang, root.dir]).to.deep.equal(['ar', 'rtl']);
    expect(getComputedStyle(root).direction).to.equal('rtl');
    expect(progressText(el), 'numbers in the Arabic locale').to.match(/[1١].*[3٣]/);
    await pressOnPage(el, 'ArrowLeft');
    expect(currentPage(el).dataset['page'], 'ArrowLeft goes forward in right-to-left text').to.equal('check');
    await pressOnPage(el, 'ArrowRight');
    expect(currentPage(el).dataset['page']).to.equal('intro');
    await swipe(el, 120);
    expect(currentPage(el).dataset['page'], 'swiping rightwards shows the next page').to.equal('check');
    await swipe(el, -120);
    expect(currentPage(el).dataset['page']).to.equal('intro');
    const drawing = $(el, '[part=illustration] svg')!;
    expect(getComputedStyle(drawing).transform, 'a drawing of time passing runs from the right').to.equal('matrix(-1, 0, 0, 1, 0, 0)');
    const next = $(el, '[part=navigation] .primary')!;
    expect(next.getBoundingClientRect().left < root.getBoundingClientRect().left + root.getBoundingClientRect().width / 2, 'Next sits at the inline end, on the left').to.equal(true);
    await expect(el).to.be.accessible();
  });

  it('gives kind feedback on a knowledge-check answer at once, in a live region', async () => {
    const el = await education();
    button(el, 'Next')!.click();
    await waitUntil(() => progressText(el) === 'Page 2 of 3');
    const feedback = $(el, '[data-question="q-job"] [part=feedback]')!;
    expect(feedback.getAttribute('role')).to.equal('status');
    expect(feedback.textContent!.trim()).to.equal('');

    await choose(el, 'q-job', 'measure');
    expect(feedback.textContent!.replace(/\s+/g, ' ').trim()).to.equal('Not quite. Pain does not measure damage.');
    expect($(el, '[data-option="measure"]')!.dataset['verdict']).to.equal('not-quite');
    await expect(el).to.be.accessible();

    await choose(el, 'q-job', 'protect');
    expect(feedback.textContent!.replace(/\s+/g, ' ').trim()).to.equal('That’s right. Pain is a protector.');
    expect($(el, '[data-option="protect"]')!.dataset['verdict']).to.equal('correct');
    expect($(el, '[data-option="measure"]')!.dataset['verdict']).to.equal(undefined);
    await expect(el).to.be.accessible();
  });

  it('describes the chosen answer, and only it, by its feedback, with a space after the verdict and no tick read out', async () => {
    const el = await education();
    button(el, 'Next')!.click();
    await waitUntil(() => progressText(el) === 'Page 2 of 3');
    const feedback = $(el, '[data-question="q-job"] [part=feedback]')!;
    const describedBy = () => Object.fromEntries($$<HTMLInputElement>(el, '[data-question="q-job"] input').map((input) => [input.value, input.getAttribute('aria-describedby')]));
    // The description as Chromium computes it: whitespace-only text nodes are left out.
    const description = () => {
      const walker = document.createTreeWalker(feedback, NodeFilter.SHOW_TEXT);
      const texts: string[] = [];
      for (let node = walker.nextNode(); node; node = walker.nextNode()) if (node.nodeValue!.trim()) texts.push(node.nodeValue!);
      return texts.join('').replace(/\s+/g, ' ').trim();
    };
    expect(describedBy()).to.deep.equal({ measure: null, protect: null });

    await choose(el, 'q-job', 'measure');
    expect(describedBy()).to.deep.equal({ measure: feedback.id, protect: null });
    expect(description()).to.equal('Not quite. Pain does not measure damage.');

    await choose(el, 'q-job', 'protect');
    expect(describedBy()).to.deep.equal({ measure: null, protect: feedback.id });
    expect(description()).to.equal('That’s right. Pain is a protector.');
    const tick = getComputedStyle(feedback.querySelector('strong')!, '::before').content;
    expect(tick, 'the tick shows, with empty alternative text').to.match(/^"✓ " \/ ""$/);
  });

  it('emits pp-education-progress on load, on each page and on each answer, bubbling out of shadow roots', async () => {
    const host = document.createElement('div');
    const details: EducationProgressDetail[] = [];
    host.addEventListener('pp-education-progress', (event) => {
      const { bubbles, composed, detail } = event as CustomEvent<EducationProgressDetail>;
      expect({ bubbles, composed }).to.deep.equal({ bubbles: true, composed: true });
      details.push(detail);
    });
    document.body.append(host);
    const el = document.createElement('pp-education');
    el.setAttribute('progress-key', 'events');
    el.module = testModule();
    host.append(el);
    await waitUntil(() => details.length === 1, 'no progress event on load');
    expect(details[0]).to.deep.include({ progressKey: 'events', pageIndex: 0, pageCount: 3, pagesSeen: ['intro'], answers: {} });
    expect(details[0]!.module).to.deep.equal({ id: 'test-module', version: '1.0.0', language: 'en', translationStatus: 'draft' });
    await el.updateComplete;
    button(el, 'Next')!.click();
    await waitUntil(() => details.length === 2);
    await el.updateComplete;
    await choose(el, 'q-job', 'measure');
    expect(details.map((d) => d.pageIndex)).to.deep.equal([0, 1, 1]);
    expect(details[2]).to.deep.include({ pagesSeen: ['intro', 'check'], answers: { 'q-job': { option: 'measure', correct: false } } });
    expect(Object.keys(details[2]!).sort()).to.deep.equal(['answers', 'module', 'pageCount', 'pageIndex', 'pagesSeen', 'progressKey', 'timeSpentMs']);
    expect(details[2]!.timeSpentMs).to.be.a('number').and.to.be.at.least(0);
    host.remove();
  });

  it('emits pp-education-complete with the pages seen, the answers and the time spent on Finish', async () => {
    const el = await education({ progressKey: 'complete' });
    button(el, 'Next')!.click();
    await el.updateComplete;
    await choose(el, 'q-job', 'protect');
    button(el, 'Next')!.click();
    await waitUntil(() => button(el, 'Finish'));
    await aTimeout(20);
    const done = $(el, '[part=done]')!;
    expect(done.getAttribute('role')).to.equal('status');
    expect(getComputedStyle(done).display, 'the live region is rendered, empty, before the message comes, so that it is announced').to.not.equal('none');
    const completed = nextEvent<EducationCompleteDetail>(el, 'pp-education-complete');
    button(el, 'Finish')!.click();
    const { detail, bubbles, composed } = await completed;
    expect({ bubbles, composed }).to.deep.equal({ bubbles: true, composed: true });
    expect(detail).to.deep.include({ pageIndex: 2, pageCount: 3, pagesSeen: ['intro', 'check', 'summary'], answers: { 'q-job': { option: 'protect', correct: true } } });
    expect(detail.timeSpentMs).to.be.at.least(20);
    expect(Date.parse(detail.completedAt)).to.be.closeTo(Date.now(), 5000);
    await el.updateComplete;
    expect(done.textContent!.trim()).to.equal('Well done: you have finished this module.');
    await expect(el).to.be.accessible();
  });

  it('saves progress in IndexedDB and resumes it when the element is created again', async () => {
    const first = await education({ progressKey: 'resume' });
    button(first, 'Next')!.click();
    await first.updateComplete;
    await choose(first, 'q-job', 'measure');
    await first.progressSaved();
    const timeSpent = nextEvent<EducationProgressDetail>(first, 'pp-education-progress');
    await choose(first, 'q-job', 'protect');
    const spentBefore = (await timeSpent).detail.timeSpentMs;
    first.remove();

    const again = await education({ progressKey: 'resume' });
    await waitUntil(() => progressText(again) === 'Page 2 of 3', 'did not resume on the saved page');
    expect($<HTMLInputElement>(again, '[data-option="protect"] input')!.checked).to.equal(true);
    expect($(again, '[part=feedback]')!.textContent).to.contain('That’s right.');
    const resumed = nextEvent<EducationProgressDetail>(again, 'pp-education-progress');
    button(again, 'Next')!.click();
    const { detail } = await resumed;
    expect(detail.pagesSeen).to.deep.equal(['intro', 'check', 'summary']);
    expect(detail.timeSpentMs, 'time spent adds up over visits').to.be.at.least(spentBefore);
  });

  it('keeps saved progress for pages and questions that a new version of the module still has', async () => {
    const first = await education({ progressKey: 'versions' });
    button(first, 'Next')!.click();
    await first.updateComplete;
    await choose(first, 'q-job', 'protect');
    await first.progressSaved();
    first.remove();

    const newer = testModule();
    newer['version'] = '2.0.0';
    newer['pages'].splice(0, 0, { id: 'welcome', blocks: [{ type: 'heading', text: both('Welcome', 'مرحبًا') }] });
    const again = await education({ module: newer, progressKey: 'versions' });
    await waitUntil(() => progressText(again) === 'Page 3 of 4', 'did not resume on the same page by id');
    expect($<HTMLInputElement>(again, '[data-option="protect"] input')!.checked).to.equal(true);
  });

  it('says so, politely, when the device has no voice for the language', async () => {
    // The browser's own speech synthesis, in a language none of the tested engines has a voice
    // for: headless Chromium and Firefox have no voices at all, WebKitGTK has English ones.
    const el = await education({ lang: 'ar' });
    // The button reads "قراءة بصوت عالٍ" in an Arabic module.
    $<HTMLButtonElement>(el, '[part=read-aloud] button')!.click();
    const message = $(el, '.read-aloud-message')!;
    expect(message.getAttribute('role')).to.equal('status');
    await waitUntil(() => message.textContent!.trim() !== '', 'no message');
    expect(message.textContent!.trim()).to.equal('القراءة بصوت عالٍ باللغة العربية غير متاحة على هذا الجهاز.');
    await expect(el).to.be.accessible();

    const danishOnly = new FakeSpeechSynthesis([{ ...englishVoice, lang: 'da-DK' }]);
    const english = await education({ speech: danishOnly });
    button(english, 'Read aloud')!.click();
    await waitUntil(() => $(english, '.read-aloud-message')!.textContent!.trim() !== '');
    expect($(english, '.read-aloud-message')!.textContent!.trim()).to.equal('Read-aloud is not available in English on this device.');
    expect(danishOnly.calls).to.deep.equal([]);
  });

  it('offers no read-aloud where there is no speech synthesis', async () => {
    const el = await education({ speech: null });
    expect($(el, '[part=read-aloud]')).to.equal(null);
  });

  it('reads the page aloud sentence by sentence, highlighting the one being spoken, with pause and resume', async () => {
    const speech = new FakeSpeechSynthesis([{ ...englishVoice, default: false, lang: 'de-DE' }, englishVoice]);
    const el = await education({ speech });
    button(el, 'Read aloud')!.click();
    await waitUntil(() => speakingText(el) !== '', 'nothing highlighted');
    expect(speech.spoken[0]!.text).to.equal('What is pain for?');
    expect(speech.spoken[0]!.lang).to.equal('en_GB');
    expect(speakingText(el)).to.equal('What is pain for?');
    await expect(el).to.be.accessible();

    speech.finishSentence();
    await waitUntil(() => speech.spoken.length === 2);
    await waitUntil(() => speakingText(el).startsWith('Pain is'));
    // A sentence crossing **bold** is several spans, highlighted together.
    expect(speech.spoken[1]!.text).to.equal('Pain is a real and useful alarm.');
    expect(speakingText(el)).to.equal('Pain is a real and useful alarm.');
    expect($$(el, '[part~=speaking]').map((span) => span.parentElement!.localName)).to.deep.equal(['p', 'strong', 'p']);

    button(el, 'Pause reading')!.click();
    await el.updateComplete;
    expect(speech.calls.at(-1)).to.equal('pause');
    expect(button(el, 'Resume reading')).to.exist;
    await expect(el).to.be.accessible();
    button(el, 'Resume reading')!.click();
    await el.updateComplete;
    expect(speech.calls.at(-1)).to.equal('resume');
    expect(button(el, 'Pause reading')).to.exist;

    button(el, 'Stop reading')!.click();
    await el.updateComplete;
    expect(speech.calls.at(-1)).to.equal('cancel');
    expect($$(el, '[part~=speaking]')).to.have.length(0);
    expect(button(el, 'Read aloud')).to.exist;
  });

  it('stops reading when the page changes, and reads the new page from its start', async () => {
    const speech = new FakeSpeechSynthesis([englishVoice]);
    const el = await education({ speech });
    button(el, 'Read aloud')!.click();
    await waitUntil(() => speakingText(el) !== '');
    button(el, 'Next')!.click();
    await el.updateComplete;
    expect(speech.calls.at(-1)).to.equal('cancel');
    expect($$(el, '[part~=speaking]')).to.have.length(0);
    speech.finishSentence();
    await aTimeout(10);
    expect(speech.spoken, 'the old reading does not go on').to.have.length(1);
    button(el, 'Read aloud')!.click();
    await waitUntil(() => speech.spoken.length === 2);
    expect(speech.spoken[1]!.text).to.equal('Check what you know');
  });

  it('lists every key message and its sources on the summary page', async () => {
    const el = await education();
    await pressOnPage(el, 'ArrowRight');
    await pressOnPage(el, 'ArrowRight');
    const summary = currentPage(el);
    expect([...summary.querySelectorAll('[part=key-messages] li')].map((li) => li.textContent)).to.deep.equal(['Pain is a protector.']);
    expect(summary.querySelector('[part=sources]')!.textContent).to.contain('Explain Pain Supercharged');
    await expect(el).to.be.accessible();
  });

  it('marks the sources as English, left to right, on an Arabic summary page', async () => {
    const el = await education({ lang: 'ar' });
    await pressOnPage(el, 'ArrowLeft');
    await pressOnPage(el, 'ArrowLeft');
    expect(currentPage(el).dataset['page']).to.equal('summary');
    const sources = currentPage(el).querySelector<HTMLElement>('[part=sources]')!;
    expect({ lang: sources.lang, dir: sources.dir }).to.deep.equal({ lang: 'en', dir: 'ltr' });
    expect(getComputedStyle(sources).direction).to.equal('ltr');
  });

  it('shows staff what is wrong with an invalid module and tells the host', async () => {
    const broken = testModule();
    broken['pages'][1].blocks[1].options[0].correct = true;
    const el = document.createElement('pp-education');
    const failed = nextEvent<ErrorDetail>(el, 'pp-error');
    el.module = broken;
    document.body.append(el);
    const { detail } = await failed;
    expect(detail.code).to.equal('content-invalid');
    expect(detail.problems).to.deep.equal([{ path: 'pages[1].blocks[1].options', message: 'exactly one option must be correct, found 2' }]);
    await el.updateComplete;
    expect($(el, '[part=error]')!.getAttribute('role')).to.equal('alert');
    expect($(el, '[part=error] code')!.textContent).to.equal('pages[1].blocks[1].options');
    await expect(el).to.be.accessible();
    el.remove();
  });

  it('is accessible on every page of every shipped module, left to right and right to left', async function () {
    this.timeout(60000);
    for (const id of ['pain-is-a-protector', 'hurt-and-harm', 'sensitive-alarm', 'pacing-and-graded-activity', 'sleep-stress-mood', 'flare-up-plan-and-goals']) {
      for (const lang of ['en', 'ar']) {
        const el = await fixture<PpEducation>(html`<pp-education src="/content/education/${id}.json" lang=${lang} progress-key=${`axe-${id}-${lang}`}></pp-education>`);
        await waitUntil(() => $(el, '.page'), `${id} did not load`);
        const pageCount = $$(el, '.page').length;
        for (let page = 1; page <= pageCount; page += 1) {
          for (const check of currentPage(el).querySelectorAll('.knowledge-check')) check.querySelector('input')!.click();
          await el.updateComplete;
          await expect(el, `${id} (${lang}), page ${page}`).to.be.accessible();
          if (page < pageCount) await pressOnPage(el, lang === 'ar' ? 'ArrowLeft' : 'ArrowRight');
        }
        el.remove();
      }
    }
  });

  it('loads a module from its src', async () => {
    const el = await fixture<PpEducation>(html`<pp-education src="/content/education/hurt-and-harm.json" lang="sv"></pp-education>`);
    await waitUntil(() => $(el, '.page'), 'the module did not load');
    expect($(el, '[part=title]')!.textContent).to.equal('Ont betyder inte alltid skada');
    expect(button(el, 'Nästa')).to.exist;
  });

  it('tells the host when the module cannot be fetched', async () => {
    const el = document.createElement('pp-education');
    const failed = nextEvent<ErrorDetail>(el, 'pp-error');
    el.src = '/content/education/no-such-module.json';
    document.body.append(el);
    const { detail } = await failed;
    expect(detail.code).to.equal('content-unreachable');
    expect(detail.message).to.contain('no-such-module.json answered 404');
    el.remove();
  });

  it('lets no script run and no event handler reach the DOM, whatever the module text holds', async function () {
    this.timeout(60000);
    const trap = trapScriptExecution();
    try {
      for (const vector of XSS_VECTORS) {
        const json = testModule();
        // Every text of the module, in every language, and every citation, becomes the vector.
        const poison = (value: unknown): unknown => {
          if (Array.isArray(value)) return value.map(poison);
          if (typeof value !== 'object' || value === null) return value;
          const object = value as Json;
          if (typeof object['en'] === 'string') return { en: vector, ar: vector };
          return Object.fromEntries(Object.entries(object).map(([key, child]) => [key, key === 'citation' ? vector : poison(child)]));
        };
        const el = await education({ module: poison(json) as Json });
        for (const option of ['measure', 'protect']) await choose(el, 'q-job', option);
        await aTimeout(30);
        const own = (element: Element) =>
          (element.matches('button') && !!element.closest('[part=navigation], [part=read-aloud]')) ||
          (element.matches('input[type=radio]') && element.getAttribute('name') === 'question-q-job');
        expect(injectedMarkup(el, own), vector).to.deep.equal([]);
        expect(trap.ran, vector).to.deep.equal([]);
        el.remove();
      }
    } finally {
      trap.restore();
    }
  });
});
