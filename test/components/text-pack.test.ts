import { expect, fixture, html } from '@open-wc/testing';
import { waitUntil } from '../helpers/wait.js';
import '../../components/pp-questionnaire/pp-questionnaire.js';
import type { PpQuestionnaire } from '../../components/pp-questionnaire/pp-questionnaire.js';
import type { ErrorDetail } from '../../src/events.js';
import { nextEvent } from '../helpers/fixtures.js';
import { licensedJson, packFor } from '../helpers/licensed-fixture.js';

const shadow = (el: Element) => el.shadowRoot!;

async function element(setup: (el: PpQuestionnaire) => void): Promise<{ el: PpQuestionnaire; error: Promise<CustomEvent<ErrorDetail>> }> {
  const el = document.createElement('pp-questionnaire');
  const error = nextEvent<ErrorDetail>(el, 'pp-error');
  setup(el);
  el.draftKey = `pack-${Math.random()}`;
  el.layout = 'list';
  await fixture(html`<div></div>`).then((host) => host.append(el));
  return { el, error };
}

describe('<pp-questionnaire> with a bring-your-own-text instrument', () => {
  it('tells the person plainly and the host precisely when no text pack is given', async () => {
    const { el, error } = await element((q) => (q.instrument = licensedJson()));
    const { detail } = await error;
    expect(detail.code).to.equal('text-pack-missing');
    expect(detail.message).to.contain('licensed is a bring-your-own-text instrument');
    await el.updateComplete;
    const message = shadow(el).querySelector('[role=alert]')!;
    expect(message.querySelector('strong')!.textContent).to.equal('This questionnaire cannot be shown right now.');
    expect(message.querySelector('details')!.open, 'technical details stay folded away').to.equal(false);
    await expect(el).to.be.accessible();
  });

  it('shows the licensed wording from the textPack property', async () => {
    const { el } = await element((q) => {
      q.instrument = licensedJson();
      q.textPack = packFor('en');
    });
    await waitUntil(() => shadow(el).querySelector('form'));
    const legends = [...shadow(el).querySelectorAll('legend')].map((l) => l.textContent!.trim());
    expect(legends).to.deep.equal(['Question 1 (en)', 'Question 2 (en)']);
    expect(shadow(el).querySelector('[part=title]')!.textContent).to.equal('Licensed scale (en)');
    await expect(el).to.be.accessible();
  });

  it('loads packs from the text-pack URL and shows the one in the page language', async () => {
    const packs = [packFor('en'), packFor('da')];
    const url = URL.createObjectURL(new Blob([JSON.stringify(packs)], { type: 'application/json' }));
    const { el } = await element((q) => {
      q.instrument = licensedJson();
      q.textPackUrl = url;
      q.lang = 'da';
    });
    await waitUntil(() => shadow(el).querySelector('form'));
    expect(shadow(el).querySelector('legend')!.textContent!.trim()).to.equal('Question 1 (da)');
    URL.revokeObjectURL(url);
  });

  it('reports a pack that does not fit, with its paths', async () => {
    const pack = packFor('en');
    delete (pack['items'] as Record<string, unknown>)['q2'];
    const { el, error } = await element((q) => {
      q.instrument = licensedJson();
      q.textPack = pack;
    });
    const { detail } = await error;
    expect(detail.code).to.equal('text-pack-invalid');
    expect(detail.problems).to.deep.equal([{ path: 'items', message: 'missing the wording of "q2"' }]);
    await el.updateComplete;
    expect(shadow(el).querySelector('details li')!.textContent).to.equal('items: missing the wording of "q2"');
  });
});
