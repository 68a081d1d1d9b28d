/**
 * Read-aloud with the device's own English voice, in the engines whose test machines have one:
 * of those tested, only WebKitGTK (web-test-runner.engines.config.js runs this file there; see
 * docs/engines.md). There it found a sentence started from the previous one's `end` event never ending.
 */
import { expect } from '@open-wc/testing';
import { waitUntil } from '../helpers/wait.js';
import { sentencesIn } from '../../components/pp-education/read-aloud.js';
import { $$, button, currentPage, education } from '../helpers/education-fixture.js';

describe('<pp-education> read aloud with a real voice', () => {
  it('reads every sentence of the page to the end with the device\'s own voice', async () => {
    expect(window.speechSynthesis.getVoices().some((voice) => voice.lang.startsWith('en')), 'an English voice on this device').to.equal(true);
    const el = await education();
    const spans = sentencesIn(currentPage(el)).flatMap((sentence) => sentence.spans);
    const highlighted = new Set<Node>();
    const observer = new MutationObserver((records) => records.forEach((record) => highlighted.add(record.target)));
    observer.observe(el.shadowRoot!, { subtree: true, attributeFilter: ['part'] });
    button(el, 'Read aloud')!.click();
    await waitUntil(() => button(el, 'Pause reading'), 'did not start reading');
    await waitUntil(() => button(el, 'Read aloud'), 'did not finish reading');
    observer.disconnect();
    expect(spans.filter((span) => !highlighted.has(span)).map((span) => span.textContent)).to.deep.equal([]);
    expect($$(el, '[part~=speaking]')).to.have.length(0);
  });
});
