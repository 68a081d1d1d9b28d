import { expect, fixture, html } from '@open-wc/testing';
import { waitUntil } from '../helpers/wait.js';
import '../../components/pp-questionnaire/pp-questionnaire.js';
import type { PpQuestionnaire } from '../../components/pp-questionnaire/pp-questionnaire.js';
import type { SubmitDetail } from '../../src/events.js';
import { pendingResults } from '../../src/store/outbox.js';
import { DEFAULT_VAULT, deleteAllDatabases, nextEvent, PHQ9_URL } from '../helpers/fixtures.js';

/** The results of no subject waiting on the device, as the elements here (no `subject`) keep them. */
const pending = async () => (await pendingResults(DEFAULT_VAULT)).entries;

/** Answers every PHQ-9 item with "Several days" and submits. */
async function complete(el: PpQuestionnaire): Promise<void> {
  const root = el.shadowRoot!;
  await waitUntil(() => root.querySelector('form'), 'PHQ-9 did not render');
  for (let i = 1; i <= 9; i += 1) root.querySelectorAll<HTMLInputElement>(`[data-item="phq9-${i}"] input`)[1]!.click();
  await el.updateComplete;
  root.querySelectorAll<HTMLInputElement>('[data-item="phq9-difficulty"] input')[0]!.click();
  await el.updateComplete;
  root.querySelector<HTMLButtonElement>('button[type=submit]')!.click();
}

describe('the outbox: results are never lost', () => {
  beforeEach(deleteAllDatabases);

  it('keeps a result until the host acknowledges it with waitUntil', async () => {
    const el = await fixture<PpQuestionnaire>(html`<pp-questionnaire src=${PHQ9_URL} layout="list" draft-key="ack"></pp-questionnaire>`);
    let confirmUpload!: () => void;
    const submitted = nextEvent<SubmitDetail>(el, 'pp-submit');
    el.addEventListener('pp-submit', (event) => {
      (event as CustomEvent<SubmitDetail>).detail.waitUntil(new Promise<void>((resolve) => (confirmUpload = resolve)));
    });
    await complete(el);
    const { detail } = await submitted;
    expect(detail.redelivered).to.equal(false);
    const waiting = await pending();
    expect(waiting).to.have.length(1);
    expect((waiting[0]!.result as SubmitDetail).scores['total']!.value).to.equal(9);
    confirmUpload();
    await waitUntil(async () => (await pending()).length === 0, 'the acknowledged result stayed in the outbox');
  });

  it('does not emit a result again on the page where it was just submitted', async () => {
    const first = await fixture<PpQuestionnaire>(html`<pp-questionnaire src=${PHQ9_URL} layout="list" draft-key="first"></pp-questionnaire>`);
    const submitted = nextEvent<SubmitDetail>(first, 'pp-submit');
    await complete(first);
    await submitted;
    const received: SubmitDetail[] = [];
    const listener = (event: Event) => received.push((event as CustomEvent<SubmitDetail>).detail);
    document.addEventListener('pp-submit', listener);
    const second = await fixture<PpQuestionnaire>(html`<pp-questionnaire src=${PHQ9_URL} layout="list" draft-key="second"></pp-questionnaire>`);
    await waitUntil(() => second.shadowRoot!.querySelector('form'));
    await new Promise((resolve) => setTimeout(resolve, 100));
    document.removeEventListener('pp-submit', listener);
    expect(received, 'the unacknowledged result is still in the outbox, but this page already had it').to.deep.equal([]);
    expect(await pending()).to.have.length(1);
  });

  it('keeps a result whose upload failed', async () => {
    const el = await fixture<PpQuestionnaire>(html`<pp-questionnaire src=${PHQ9_URL} layout="list" draft-key="fail"></pp-questionnaire>`);
    const submitted = nextEvent<SubmitDetail>(el, 'pp-submit');
    el.addEventListener('pp-submit', (event) => (event as CustomEvent<SubmitDetail>).detail.waitUntil(Promise.reject(new Error('offline'))));
    await complete(el);
    await submitted;
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(await pending()).to.have.length(1);
  });

  it('emits unacknowledged results again after a real reload, until acknowledged', async () => {
    const frame = await fixture<HTMLIFrameElement>(html`<iframe src="/test/pages/outbox.html" style="inline-size: 800px; block-size: 600px"></iframe>`);
    const frameWindow = () => frame.contentWindow as Window & { received?: { redelivered: boolean; total: number }[] };
    const questionnaire = () => frame.contentDocument?.querySelector('pp-questionnaire') as PpQuestionnaire | null;
    await waitUntil(() => questionnaire()?.shadowRoot?.querySelector('form'), 'page did not render');
    await complete(questionnaire()!);
    await waitUntil(() => frameWindow().received?.length === 1, 'no pp-submit');
    expect(frameWindow().received).to.deep.equal([{ redelivered: false, total: 9 }]);

    const reload = (search: string) =>
      new Promise((resolve) => {
        frame.addEventListener('load', resolve, { once: true });
        frameWindow().location.search = search;
      });
    await reload('?again');
    await waitUntil(() => frameWindow().received?.length === 1, 'the unacknowledged result was not emitted again');
    expect(frameWindow().received).to.deep.equal([{ redelivered: true, total: 9 }]);
    await waitUntil(() => questionnaire()?.shadowRoot?.querySelector('form'), 'the form did not render after reload');
    expect(questionnaire()!.answers, 'an earlier result is never shown: the form starts empty').to.deep.equal({});
    expect(questionnaire()!.shadowRoot!.querySelector('[part=progress] [role=status]')!.textContent).to.equal('0 of 9 answered');

    await reload('?acknowledge');
    await waitUntil(() => frameWindow().received?.length === 1, 'not emitted on the third load');
    await waitUntil(async () => (await pending()).length === 0, 'the acknowledged result stayed in the outbox');
  });
});
