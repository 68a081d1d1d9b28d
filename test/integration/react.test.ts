import { expect } from '@open-wc/testing';
import { waitUntil } from '../helpers/wait.js';
import type { PpQuestionnaire } from '../../components/pp-questionnaire/pp-questionnaire.js';
import { answerPhq9, deleteAllDatabases, loadPage, radios, ready, submitButton } from './helpers.js';
import type { ReactHost } from './pages/react-host.js';

describe('in a React 19 application (React.createElement, no JSX)', () => {
  let frame: HTMLIFrameElement;
  const host = () => (frame.contentWindow as Window & { reactHost?: ReactHost }).reactHost!;
  const questionnaire = () => frame.contentDocument!.querySelector<PpQuestionnaire>('pp-questionnaire');

  beforeEach(async () => {
    await deleteAllDatabases();
    frame = await loadPage('/test/integration/pages/react.html');
  });

  it('passes the instrument as a property, not as an attribute string', async () => {
    const el = await ready(questionnaire);
    expect(el.hasAttribute('instrument'), 'the object did not become an attribute').to.equal(false);
    expect(el.shadowRoot!.querySelectorAll('fieldset[data-item^="phq9-"]').length).to.be.greaterThan(8);
  });

  it('passes strings as attributes (lang, layout, draft-key)', async () => {
    const el = await ready(questionnaire);
    expect(el.getAttribute('lang')).to.equal('en');
    expect(el.getAttribute('layout')).to.equal('list');
    expect(el.getAttribute('draft-key')).to.equal('react-phq9');
    expect(el.draftKey).to.equal('react-phq9');
  });

  it('delivers pp-change to an onpp-change prop and pp-progress to a ref listener; React state follows', async () => {
    const el = await ready(questionnaire);
    radios(el, 'phq9-1')[2]!.click();
    await waitUntil(() => host().changes.length === 1, 'no pp-change reached React');
    expect(host().changes[0]).to.include({ itemId: 'phq9-1', value: 2 });
    expect(host().progressEvents).to.be.greaterThan(0);
    await waitUntil(() => frame.contentDocument!.querySelector('#last-change')!.textContent === 'phq9-1=2', 'React did not re-render');
    expect(el.answers['phq9-1'], 'a React re-render keeps the answers').to.equal(2);
  });

  it('delivers pp-submit to an onpp-submit prop, which acknowledges it', async () => {
    const el = await ready(questionnaire);
    await answerPhq9(el, 1);
    submitButton(el).click();
    await waitUntil(() => host().submits.length === 1, 'no pp-submit reached React');
    expect(host().submits[0]!.scores['total']!.value).to.equal(9);
    expect(host().submits[0]!.redelivered).to.equal(false);
  });

  it('re-renders in another language when React changes the lang attribute, keeping the answers', async () => {
    const el = await ready(questionnaire);
    radios(el, 'phq9-1')[1]!.click();
    await waitUntil(() => host().changes.length === 1);
    host().setLanguage('da');
    await waitUntil(() => el.getAttribute('lang') === 'da', 'React did not set the attribute');
    await waitUntil(() => /Indsend|Send/i.test(submitButton(el).textContent!), `the buttons are not Danish: ${submitButton(el).textContent}`);
    expect(el.answers['phq9-1']).to.equal(1);
  });
});
