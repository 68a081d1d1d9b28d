import { expect, fixture, html } from '@open-wc/testing';
import { waitUntil } from '../helpers/wait.js';
import { sendKeys } from '@web/test-runner-commands';
import '../../components/pp-pathway/pp-pathway.js';
import type { PpPathway } from '../../components/pp-pathway/pp-pathway.js';
import type { ErrorDetail, PathwayActionDetail } from '../../src/events.js';
import { loadJson, nextEvent } from '../helpers/fixtures.js';
import { pressSpace } from '../helpers/keyboard.js';

const SPECIALIST_URL = '/content/pathways/specialist-physiotherapy.json';
const MUNICIPAL_URL = '/content/pathways/municipal-interdisciplinary.json';
const shadow = (el: Element) => el.shadowRoot!;
const steps = (el: PpPathway) => [...shadow(el).querySelectorAll<HTMLLIElement>('[part=step]')];
const step = (el: PpPathway, id: string) => shadow(el).querySelector<HTMLLIElement>(`[data-step="${id}"]`)!;
const toggle = (el: PpPathway, id: string) => step(el, id).querySelector<HTMLButtonElement>('[part=toggle]')!;
const details = (el: PpPathway, id: string) => step(el, id).querySelector<HTMLElement>('[part=details]')!;
const isOpen = (el: PpPathway, id: string) => toggle(el, id).getAttribute('aria-expanded') === 'true' && !details(el, id).hidden;
const linkButton = (el: PpPathway, stepId: string, name: string) =>
  [...step(el, stepId).querySelectorAll<HTMLButtonElement>('[part=link]')].find((b) => b.textContent!.trim() === name)!;

async function specialist(attributes: { current?: string; completed?: string; lang?: string; inline?: boolean } = {}): Promise<PpPathway> {
  const el = await fixture<PpPathway>(html`<pp-pathway
    .pathway=${await loadJson(SPECIALIST_URL)}
    lang=${attributes.lang ?? 'en'}
    current=${attributes.current ?? ''}
    ?inline-actions=${attributes.inline}
  ></pp-pathway>`);
  if (attributes.completed !== undefined) el.setAttribute('completed', attributes.completed);
  await el.updateComplete;
  return el;
}

describe('<pp-pathway>', () => {
  afterEach(() => history.replaceState(null, '', location.pathname + location.search));

  it('shows who it is for, the steps in order, who you meet, how long, and an honest answer', async () => {
    const el = await fixture<PpPathway>(html`<pp-pathway src=${SPECIALIST_URL} lang="en"></pp-pathway>`);
    await waitUntil(() => steps(el).length > 0, 'the pathway did not load from src');
    expect(shadow(el).querySelector('[part=title]')!.textContent).to.equal('Physiotherapy at a specialist pain unit');
    expect(shadow(el).querySelector('[part=intro]')!.textContent).to.contain('This is for you if');
    expect(steps(el).map((s) => s.querySelector('.toggle-text')!.textContent)).to.deep.equal([
      'Your referral is read', 'Examination and questionnaires', 'Your own plan', 'One-to-one sessions', 'Last session', 'Follow-up after one year',
    ]);
    expect(step(el, 'sessions').querySelector('.facts')!.textContent!.replace(/\s+/g, ' ')).to.contain('About 9 sessions over 5 months');
    expect([...shadow(el).querySelectorAll('[part=glossary] dt')].map((dt) => dt.textContent)).to.deep.equal(['Pain specialist', 'Physiotherapist']);
    expect(shadow(el).querySelector('[part=cure]')!.textContent).to.contain('Probably not.');
    expect(shadow(el).querySelector('[part=sources]')!.textContent).to.contain('doi:10.1186/s12891-021-04780-x');
  });

  it('marks the current step with aria-current="step" and "You are here", and the steps before it as done', async () => {
    const el = await specialist({ current: 'sessions' });
    expect(steps(el).map((s) => s.dataset['state'])).to.deep.equal(['completed', 'completed', 'completed', 'current', 'upcoming', 'upcoming']);
    expect(shadow(el).querySelectorAll('[aria-current]')).to.have.length(1);
    expect(step(el, 'sessions').getAttribute('aria-current')).to.equal('step');
    expect(step(el, 'sessions').querySelector('[part=status]')!.textContent).to.equal('You are here');
    // Done is said in words and shown by a check mark, not by colour alone.
    expect(step(el, 'plan').querySelector('[part=status]')!.textContent).to.equal('Done');
    expect(step(el, 'plan').querySelector('[part=marker]')!.textContent).to.equal('✓');
    expect(step(el, 'last-session').querySelector('[part=status]')).to.equal(null);
    expect(step(el, 'last-session').querySelector('[part=marker]')!.textContent).to.equal('5');
  });

  it('takes the completed steps from the completed attribute when given', async () => {
    const el = await specialist({ current: 'last-session', completed: 'assessment sessions' });
    expect(steps(el).map((s) => s.dataset['state'])).to.deep.equal(['upcoming', 'completed', 'upcoming', 'completed', 'current', 'upcoming']);
  });

  it('expands and collapses a step by keyboard, with aria-expanded on its title button', async () => {
    const el = await specialist();
    expect(isOpen(el, 'assessment')).to.equal(false);
    expect(toggle(el, 'assessment').getAttribute('aria-controls')).to.equal(details(el, 'assessment').id);
    toggle(el, 'assessment').focus();
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(isOpen(el, 'assessment')).to.equal(true);
    expect(details(el, 'assessment').textContent).to.contain('Clothes you can move in');
    expect(details(el, 'assessment').getBoundingClientRect().height).to.be.above(100);
    await pressSpace();
    await el.updateComplete;
    expect(isOpen(el, 'assessment')).to.equal(false);
    expect(shadow(el).activeElement).to.equal(toggle(el, 'assessment'));
  });

  it('opens, scrolls to and focuses the step named in the address (#step-<id>) on load', async () => {
    history.replaceState(null, '', '#step-last-session');
    const el = await specialist();
    await waitUntil(() => shadow(el).activeElement === toggle(el, 'last-session'), 'the linked step did not take focus');
    expect(isOpen(el, 'last-session')).to.equal(true);
    expect(isOpen(el, 'sessions')).to.equal(false);
  });

  it('follows a later change of the hash', async () => {
    const el = await specialist();
    location.hash = '#step-plan';
    await waitUntil(() => shadow(el).activeElement === toggle(el, 'plan'), 'the linked step did not take focus');
    expect(isOpen(el, 'plan')).to.equal(true);
  });

  it('goes to the step a decision leads to without changing the page address', async () => {
    const el = await specialist();
    toggle(el, 'assessment').click();
    await el.updateComplete;
    const link = details(el, 'assessment').querySelector<HTMLAnchorElement>('a[href="#step-plan"]')!;
    expect(link.textContent).to.equal('Step 3: Your own plan');
    link.click();
    await waitUntil(() => shadow(el).activeElement === toggle(el, 'plan'));
    expect(isOpen(el, 'plan')).to.equal(true);
    expect(location.hash).to.equal('');
  });

  it('tells the host which questionnaire or lesson the person opened, from which step', async () => {
    const el = await specialist();
    toggle(el, 'last-session').click();
    await el.updateComplete;
    let action = nextEvent<PathwayActionDetail>(el, 'pp-pathway-action');
    linkButton(el, 'last-session', 'Questionnaire: Activities that are hard for you (PSFS)').click();
    const { detail, bubbles, composed } = await action;
    expect({ bubbles, composed }).to.deep.equal({ bubbles: true, composed: true });
    expect(detail).to.deep.equal({ kind: 'instrument', id: 'psfs', stepId: 'last-session' });
    action = nextEvent<PathwayActionDetail>(el, 'pp-pathway-action');
    linkButton(el, 'last-session', 'Lesson: Goals, and a plan for flare-ups').click();
    expect((await action).detail).to.deep.equal({ kind: 'module', id: 'flare-up-plan-and-goals', stepId: 'last-session' });
    expect(shadow(el).querySelector('[part=action]'), 'nothing inline without inline-actions').to.equal(null);
  });

  it('with inline-actions, shows the questionnaire below its step, loaded from content-base', async () => {
    const el = await specialist({ inline: true });
    el.setAttribute('content-base', '/content/');
    const actions: unknown[] = [];
    el.addEventListener('pp-pathway-action', (e) => actions.push(e));
    toggle(el, 'assessment').click();
    await el.updateComplete;
    const button = linkButton(el, 'assessment', 'Questionnaire: Pain intensity (0 to 10)');
    button.click();
    await el.updateComplete;
    const questionnaire = step(el, 'assessment').querySelector('[part=action] pp-questionnaire')!;
    expect(questionnaire.getAttribute('src')).to.equal(new URL('/content/instruments/nrs-11.json', location.href).href);
    expect(questionnaire.getAttribute('lang')).to.equal('en');
    expect(button.getAttribute('aria-expanded')).to.equal('true');
    expect(button.getAttribute('aria-controls')).to.equal(questionnaire.parentElement!.id);
    await waitUntil(() => questionnaire.shadowRoot?.querySelector('form'), 'the questionnaire did not render');
    expect(actions).to.deep.equal([]);
    button.click();
    await el.updateComplete;
    expect(shadow(el).querySelector('[part=action]')).to.equal(null);
    expect(button.getAttribute('aria-expanded')).to.equal('false');
  });

  it('with inline-actions, says plainly that a lesson cannot be shown when <pp-education> is not on the page', async () => {
    const el = await specialist({ inline: true });
    toggle(el, 'plan').click();
    await el.updateComplete;
    linkButton(el, 'plan', 'Lesson: Pain is a protector').click();
    await el.updateComplete;
    const action = step(el, 'plan').querySelector('[part=action]')!;
    expect(action.querySelector('pp-education')).to.equal(null);
    expect(action.textContent).to.contain('This lesson cannot be shown here yet.');
  });

  it('lays the timeline out vertically when narrow and horizontally when wide, by its own width', async () => {
    const el = await specialist();
    const boxes = () => steps(el).slice(0, 2).map((s) => s.getBoundingClientRect());
    el.style.width = '360px';
    let [first, second] = boxes();
    expect(second!.top, 'narrow: the second step below the first').to.be.at.least(first!.bottom - 1);
    expect(second!.left).to.equal(first!.left);
    el.style.width = '1200px';
    [first, second] = boxes();
    expect(second!.top, 'wide: side by side').to.equal(first!.top);
    expect(second!.left).to.be.at.least(first!.right - 1);
    toggle(el, 'assessment').click();
    await el.updateComplete;
    boxes(); // starts the columns' transition
    await Promise.all(shadow(el).getAnimations().map((animation) => animation.finished));
    [first, second] = boxes();
    expect(second!.width, 'an open step gets a wider column').to.be.above(first!.width * 2);
    el.lang = 'ar';
    await el.updateComplete;
    [first, second] = boxes();
    expect(second!.right, 'right to left in Arabic').to.be.at.most(first!.left + 1);
  });

  it('stacks the wide timeline while a questionnaire is open inline, to give it the full width', async () => {
    const el = await specialist({ inline: true });
    el.style.width = '1200px';
    toggle(el, 'assessment').click();
    await el.updateComplete;
    linkButton(el, 'assessment', 'Questionnaire: Pain intensity (0 to 10)').click();
    await el.updateComplete;
    const [first, second] = steps(el).map((s) => s.getBoundingClientRect());
    expect(second!.top).to.be.at.least(first!.bottom - 1);
  });

  it('shows Arabic right to left, with numbers and durations from Intl', async () => {
    const el = await specialist({ lang: 'ar', current: 'plan' });
    const root = shadow(el).querySelector('.root')!;
    expect([root.getAttribute('lang'), root.getAttribute('dir')]).to.deep.equal(['ar', 'rtl']);
    expect(shadow(el).querySelector('[part=title]')!.textContent).to.equal('العلاج الطبيعي في وحدة متخصصة في علاج الألم');
    expect(step(el, 'sessions').querySelector('[part=marker]')!.textContent).to.equal(new Intl.NumberFormat('ar').format(4));
    expect(step(el, 'sessions').querySelector('.facts')!.textContent).to.contain(
      new Intl.NumberFormat('ar', { style: 'unit', unit: 'month', unitDisplay: 'long' }).format(5),
    );
    expect([...shadow(el).querySelectorAll('[part=glossary] dt')].map((dt) => dt.textContent)).to.deep.equal(['طبيب متخصص في الألم', 'أخصائي العلاج الطبيعي']);
  });

  it("shows a step's detail set by the host as the care service's, from the property or the local-details attribute", async () => {
    const el = await fixture<PpPathway>(html`<pp-pathway
      .pathway=${await loadJson(MUNICIPAL_URL)}
      lang="en"
      local-details=${JSON.stringify({ 'group-programme': '10 weeks, Tuesdays and Thursdays 10–12' })}
    ></pp-pathway>`);
    const howLong = (id: string) => step(el, id).querySelector('.facts')!.textContent!.replace(/\s+/g, ' ');
    expect(step(el, 'group-programme').querySelector('[part=local-detail]')!.textContent).to.equal('From your care service: 10 weeks, Tuesdays and Thursdays 10–12');
    expect(howLong('group-programme')).to.not.contain('will tell you');
    expect(howLong('group-programme'), 'the pathway\'s own note stays').to.contain('The team tells you the days and times.');

    el.localDetails = { 'check-ins': 'A phone call after the programme, then a meeting' };
    await el.updateComplete;
    expect(step(el, 'check-ins').querySelector('[part=local-detail]')!.textContent).to.equal('From your care service: A phone call after the programme, then a meeting');
    expect(step(el, 'group-programme').querySelector('[part=local-detail]'), 'the attribute\'s value is replaced').to.equal(null);
  });

  it('says that the service will tell the person how long a step takes when the pathway leaves it to the host and the host gives nothing', async () => {
    for (const lang of ['en', 'da']) {
      const el = await fixture<PpPathway>(html`<pp-pathway .pathway=${await loadJson(MUNICIPAL_URL)} lang=${lang}></pp-pathway>`);
      const programme = step(el, 'group-programme').querySelector('.facts')!.textContent!.replace(/\s+/g, ' ');
      expect(programme).to.contain(lang === 'en' ? 'Your care service will tell you how long this step takes.' : 'Dit behandlingssted fortæller dig, hvor lang tid dette trin tager.');
      expect(programme, 'no figure of its own').to.not.match(/\d/);
      expect(step(el, 'group-programme').querySelector('[part=local-detail]')).to.equal(null);
    }
    // A cited duration keeps its figures and needs no such sentence.
    const el = await specialist();
    expect(step(el, 'sessions').querySelector('.facts')!.textContent).to.not.contain('will tell you');
  });

  it('ignores a host detail that is not text, or names no step, and keeps working', async () => {
    const el = await fixture<PpPathway>(html`<pp-pathway .pathway=${await loadJson(MUNICIPAL_URL)} lang="en" local-details="not JSON"></pp-pathway>`);
    expect(step(el, 'group-programme').querySelector('.facts')!.textContent).to.contain('will tell you');
    el.localDetails = { 'group-programme': 12 as unknown as string, constructor: 'x', 'no-such-step': 'y' };
    await el.updateComplete;
    expect(shadow(el).querySelectorAll('[part=local-detail]')).to.have.length(0);
  });

  it('prints every step expanded', async () => {
    const el = await specialist();
    const sheet = [...shadow(el).adoptedStyleSheets].flatMap((s) => [...s.cssRules]).find((rule) => rule instanceof CSSMediaRule && rule.conditionText === 'print');
    expect(sheet?.cssText).to.match(/\.details\[hidden\] \{[^}]*display: block;[^}]*content-visibility: visible;/);
  });

  it('says when the pathway is not valid, and tells the host where', async () => {
    const json = await loadJson(SPECIALIST_URL);
    (json['steps'] as Record<string, unknown>[])[2]!['roles'] = ['surgeon'];
    const el = document.createElement('pp-pathway');
    const error = nextEvent<ErrorDetail>(el, 'pp-error');
    el.pathway = json;
    document.body.append(el);
    const { detail } = await error;
    expect(detail.code).to.equal('content-invalid');
    expect(detail.problems!.map((p) => p.path)).to.deep.equal(['steps[2].roles[0]']);
    await el.updateComplete;
    expect(shadow(el).querySelector('[part=error]')!.getAttribute('role')).to.equal('alert');
    el.remove();
  });

  it('leaves no listener behind when removed', async () => {
    const el = await specialist();
    el.remove();
    // Heard after any listener the element might have left, which were added before this one.
    const hashChanged = new Promise((resolve) => window.addEventListener('hashchange', resolve, { once: true }));
    location.hash = '#step-plan';
    await hashChanged;
    expect(isOpen(el, 'plan')).to.equal(false);
  });

  describe('accessibility', () => {
    for (const lang of ['en', 'ar']) {
      it(`passes axe collapsed and expanded (${lang})`, async () => {
        const el = await specialist({ lang, current: 'sessions' });
        await expect(el).to.be.accessible();
        for (const s of steps(el)) s.querySelector<HTMLButtonElement>('[part=toggle]')!.click();
        await el.updateComplete;
        await expect(el).to.be.accessible();
        el.style.width = '1200px';
        await expect(el).to.be.accessible();
      });
    }

    it('passes axe with a questionnaire open inline', async () => {
      const el = await specialist({ inline: true });
      toggle(el, 'assessment').click();
      await el.updateComplete;
      linkButton(el, 'assessment', 'Questionnaire: Pain intensity (0 to 10)').click();
      await el.updateComplete;
      await waitUntil(() => step(el, 'assessment').querySelector('pp-questionnaire')!.shadowRoot?.querySelector('form'));
      // The questionnaire's headings come under the step's (heading-level 5), so the outline holds.
      expect(step(el, 'assessment').querySelector('pp-questionnaire')!.shadowRoot!.querySelector('h5[part=title]')).to.exist;
      await expect(el).to.be.accessible();
    });
  });
});
