import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../components/pp-questionnaire/pp-questionnaire.js';
import '../../components/pp-education/pp-education.js';
import '../../components/pp-pathway/pp-pathway.js';
import type { PpQuestionnaire } from '../../components/pp-questionnaire/pp-questionnaire.js';
import type { PpEducation } from '../../components/pp-education/pp-education.js';
import type { PpPathway } from '../../components/pp-pathway/pp-pathway.js';
import { emergencyContactsOf } from '../../components/shared/emergency-contacts.js';
import { EMERGENCY, emergencyAdvice } from '../../src/model/emergency.js';
import { deleteAllDatabases, loadJson } from '../helpers/fixtures.js';

const RED_FLAGS = '/content/instruments/red-flags-back-pain.json';
const shadow = (el: Element) => el.shadowRoot!;
// Isolation marks around the host's text (so that numbers keep their order in Arabic) are not words.
const words = (el: Element | null | undefined) => el!.textContent!.replace(/[\u2068\u2069]/g, '').replace(/\s+/g, ' ').trim();

function redFlags(lang = 'en'): PpQuestionnaire {
  const el = document.createElement('pp-questionnaire');
  el.setAttribute('src', RED_FLAGS);
  el.setAttribute('lang', lang);
  el.setAttribute('layout', 'list');
  el.setAttribute('draft-key', `emergency-${Math.random()}`);
  return el;
}

async function answerYes(el: PpQuestionnaire, itemId: string): Promise<HTMLElement> {
  // "Yes" is the first answer of every question of the screen.
  const yes = () => shadow(el).querySelector<HTMLInputElement>(`[data-item="${itemId}"] input[type=radio]`);
  await waitUntil(yes, `${itemId} is not shown`);
  yes()!.click();
  await waitUntil(() => shadow(el).querySelector('[part=flag]'), 'no advice was shown');
  return shadow(el).querySelector<HTMLElement>('[part=flag]')!;
}

describe('the host\'s emergency number and out-of-hours service, set once for all elements', () => {
  beforeEach(deleteAllDatabases);

  it('shows the emergency advice without a slower route, and the number set on an ancestor', async () => {
    const page = await fixture<HTMLElement>(html`<main data-pp-emergency-number="112"><section></section></main>`);
    const el = redFlags();
    page.querySelector('section')!.append(el);
    const advice = await answerYes(el, 'rf-saddle');
    expect(words(advice)).to.equal('Do not wait. Go to a hospital emergency department now, or call 112. Tell them you have a warning sign of cauda equina syndrome.');
    expect(words(advice)).not.to.match(/doctor/);
  });

  it('says "your local emergency number" when the host set none', async () => {
    const page = await fixture<HTMLElement>(html`<div></div>`);
    const el = redFlags('de');
    page.append(el);
    expect(words(await answerYes(el, 'rf-bladder'))).to.equal(emergencyAdvice('de', {}));
    expect(words(shadow(el).querySelector('[part=flag]'))).to.contain('Notrufnummer');
  });

  it('follows "today" with the out-of-hours service the host set', async () => {
    const page = await fixture<HTMLElement>(html`<div data-pp-out-of-hours="Lægevagten, 1813"></div>`);
    const el = redFlags('da');
    page.append(el);
    const advice = await answerYes(el, 'rf-fever');
    expect(words(advice)).to.match(/^Kontakt din læge i dag\. .*Hvis din læges praksis er lukket, så ring til lægevagten: Lægevagten, 1813\.$/);
  });

  it('reads the settings through shadow roots: a questionnaire inside another element\'s shadow root (as in <pp-kiosk>) uses the page\'s number', async () => {
    const page = await fixture<HTMLElement>(html`<div data-pp-emergency-number="999"><div class="app"></div></div>`);
    const app = page.querySelector('.app')!.attachShadow({ mode: 'open' });
    const el = redFlags();
    app.append(el);
    expect(words(await answerYes(el, 'rf-legs'))).to.contain('or call 999.');
  });

  it('lets a closer ancestor, or the element itself, override the page\'s setting', async () => {
    const page = await fixture<HTMLElement>(html`<div data-pp-emergency-number="112" data-pp-out-of-hours="1813">
      <section data-pp-emergency-number="911"><p></p></section>
    </div>`);
    const inner = page.querySelector('p')!;
    expect(emergencyContactsOf(inner)).to.deep.equal({ emergencyNumber: '911', outOfHours: '1813' });
    inner.setAttribute('data-pp-emergency-number', ' ');
    expect(emergencyContactsOf(inner), 'a blank value means none').to.deep.equal({ emergencyNumber: undefined, outOfHours: '1813' });
  });

  /** A shipped education module in Swedish, placed inside the given host element. */
  async function swedishModuleIn(host: ReturnType<typeof html>, module: string): Promise<PpEducation> {
    const page = await fixture<HTMLElement>(host);
    const el = document.createElement('pp-education') as PpEducation;
    el.setAttribute('lang', 'sv');
    el.setAttribute('progress-key', `emergency-${Math.random()}`);
    el.module = await loadJson(`/content/education/${module}.json`);
    page.append(el);
    return el;
  }

  it('shows the signs and advice in an education module, with the number', async () => {
    const el = await swedishModuleIn(html`<div data-pp-emergency-number="112"></div>`, 'hurt-and-harm');
    await waitUntil(() => shadow(el).querySelector('[part=emergency]'), 'the module did not render');
    const block = shadow(el).querySelector('[part=emergency]')!;
    expect([...block.querySelectorAll('li')].map(words)).to.deep.equal(EMERGENCY.signs.map((sign) => sign['sv']));
    expect(words(block.querySelector('.emergency-advice'))).to.equal(asRead(emergencyAdvice('sv', { emergencyNumber: '112' })));
    expect(words(block.querySelector('.emergency-advice'))).to.contain('ring 112.');
  });

  it('follows an education callout that says "today" with the out-of-hours service', async () => {
    const el = await swedishModuleIn(html`<div data-pp-out-of-hours="1177"></div>`, 'flare-up-plan-and-goals');
    await waitUntil(() => shadow(el).querySelector('[part=callout]'), 'the module did not render');
    const today = [...shadow(el).querySelectorAll('[part=callout]')].find((callout) => /i dag/.test(callout.textContent!))!;
    expect(words(today.lastElementChild)).to.equal('Om din läkares mottagning är stängd, ring jourmottagningen: 1177.');
  });

  it('shows the signs and advice in a pathway, right to left in Arabic', async () => {
    const page = await fixture<HTMLElement>(html`<div data-pp-emergency-number="112" dir="rtl"></div>`);
    const el = document.createElement('pp-pathway') as PpPathway;
    el.setAttribute('lang', 'ar');
    el.pathway = await loadJson('/content/pathways/municipal-interdisciplinary.json');
    page.append(el);
    await waitUntil(() => shadow(el).querySelector('[part=emergency]'), 'the pathway did not render');
    const item = shadow(el).querySelector('[part=emergency]')!;
    expect(words(item)).to.contain(EMERGENCY.lead['ar']);
    expect(item.querySelectorAll('li')).to.have.length(EMERGENCY.signs.length);
    expect(words(item.querySelector('.decision-target'))).to.equal(`← ${asRead(emergencyAdvice('ar', { emergencyNumber: '112' }))}`);
  });
});

/** The advice as the person reads it: without the isolation marks around the host's number. */
const asRead = (text: string) => text.replace(/[\u2068\u2069]/g, '');
