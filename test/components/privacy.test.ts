/**
 * Privacy on shared devices, in the real browser: records belong to one person (`subject`), are
 * unreadable at rest with a host key, are kept as long as the host chose (`storage`), and can be
 * erased. Every check reads what IndexedDB and sessionStorage really hold.
 */
import { expect } from '@open-wc/testing';
import '../../components/pp-questionnaire/pp-questionnaire.js';
import '../../components/pp-education/pp-education.js';
import { eraseEverything, eraseSubject, type PpQuestionnaire } from '../../components/pp-questionnaire/pp-questionnaire.js';
import type { PpEducation } from '../../components/pp-education/pp-education.js';
import type { EducationProgressDetail, ErrorDetail, QuestionnaireResult, SubmitDetail } from '../../src/events.js';
import { addToHistory, historyOf } from '../../src/store/history.js';
import { deleteAllDatabases, PHQ9_URL } from '../helpers/fixtures.js';
import { instrument, en } from '../helpers/instrument-builder.js';
import { waitUntil } from '../helpers/wait.js';
import { answerPhq9, loadPage, radios, ready, submitButton, windowOf } from '../integration/helpers.js';

interface Settings {
  readonly subject?: string;
  readonly storage?: string;
  readonly encryptionKey?: CryptoKey;
  readonly instrument?: unknown;
}

/** A questionnaire (PHQ-9 in the list layout unless `instrument` is given) with the `pp-error`s it emits. */
async function questionnaire(settings: Settings = {}): Promise<{ el: PpQuestionnaire; errors: ErrorDetail[] }> {
  const el = document.createElement('pp-questionnaire');
  const errors: ErrorDetail[] = [];
  el.addEventListener('pp-error', (event) => errors.push((event as CustomEvent<ErrorDetail>).detail));
  Object.assign(el, { layout: 'list', ...(settings.instrument ? {} : { src: PHQ9_URL }), ...settings });
  document.body.append(el);
  await ready(() => el);
  return { el, errors };
}

/** A key as a host would hold it for a logged-in session: AES-GCM, not extractable. */
const keyFrom = (seed: number) =>
  crypto.subtle.importKey('raw', new Uint8Array(32).fill(seed), 'AES-GCM', false, ['encrypt', 'decrypt']);

/** Every record in Painpath's database, read as another script of the origin would. */
async function everyRecord(): Promise<unknown[]> {
  const db = await new Promise<IDBDatabase>((resolve, reject) => {
    const request = indexedDB.open('painpath');
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
  try {
    const stores = [...db.objectStoreNames];
    if (stores.length === 0) return [];
    const transaction = db.transaction(stores);
    const all = await Promise.all(
      stores.map((name) => new Promise<unknown[]>((resolve) => (transaction.objectStore(name).getAll().onsuccess = (e) => resolve((e.target as IDBRequest<unknown[]>).result)))),
    );
    return all.flat();
  } finally {
    db.close();
  }
}

/** Whether the browser has a `painpath` database at all. */
const hasDatabase = async () => (await indexedDB.databases()).some((database) => database.name === 'painpath');

/** An instrument with a free-text question, to check that typed text is sealed too. */
const withText = instrument({
  id: 'goals',
  items: [{ id: 'goal', type: 'text', text: en('What would you like to be able to do again?'), maxLength: 200 }],
});

async function type(el: PpQuestionnaire, itemId: string, text: string): Promise<void> {
  const field = el.shadowRoot!.querySelector<HTMLTextAreaElement>(`[data-item="${itemId}"] textarea`)!;
  field.value = text;
  field.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
  await el.draftSaved();
}

const PHQ9_ANSWERS = { 'phq9-1': 3, 'phq9-2': 2, 'phq9-3': 1, 'phq9-4': 0, 'phq9-5': 3, 'phq9-6': 2, 'phq9-7': 1, 'phq9-8': 0, 'phq9-9': 2 };

async function answerEveryPhq9Item(el: PpQuestionnaire): Promise<void> {
  for (const [itemId, value] of Object.entries(PHQ9_ANSWERS)) radios(el, itemId)[value]!.click();
  await el.updateComplete;
  await waitUntil(() => radios(el, 'phq9-difficulty').length > 0, 'the difficulty item did not appear');
  radios(el, 'phq9-difficulty')[2]!.click();
  await el.draftSaved();
}

describe('privacy on shared devices', function () {
  this.timeout(30000);
  beforeEach(async () => {
    sessionStorage.clear();
    await deleteAllDatabases();
  });
  afterEach(() => document.querySelectorAll('pp-questionnaire, pp-education').forEach((el) => el.remove()));

  describe('one person\'s records', () => {
    it('never restores one subject\'s draft for another, and restores it for its own', async () => {
      const a = await questionnaire({ subject: 'person-a' });
      radios(a.el, 'phq9-1')[3]!.click();
      await a.el.draftSaved();
      a.el.remove();

      const b = await questionnaire({ subject: 'person-b' });
      expect(b.el.answers, 'B sees nothing of A').to.deep.equal({});
      radios(b.el, 'phq9-2')[1]!.click();
      await b.el.draftSaved();
      b.el.remove();

      const noSubject = await questionnaire();
      expect(noSubject.el.answers, 'a page without subject sees neither').to.deep.equal({});
      noSubject.el.remove();

      expect((await questionnaire({ subject: 'person-a' })).el.answers).to.deep.equal({ 'phq9-1': 3 });
    });

    it('does not follow the draft of another subject answering in another questionnaire on the same page', async () => {
      const a = await questionnaire({ subject: 'person-a' });
      const b = await questionnaire({ subject: 'person-b' });
      radios(a.el, 'phq9-1')[2]!.click();
      await a.el.draftSaved();
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(b.el.answers).to.deep.equal({});
    });

    it('emits an unacknowledged result only to a questionnaire of the same subject, and again when that person returns', async () => {
      const first = await loadPage('/test/pages/subject.html?subject=person-a');
      const aEl = await ready(() => first.contentDocument!.querySelector('pp-questionnaire'));
      await answerPhq9(aEl, 1);
      submitButton(aEl).click();
      await waitUntil(() => (windowOf(first)['received'] as SubmitDetail[]).length === 1, 'A did not submit');
      first.remove();

      const other = await loadPage('/test/pages/subject.html?subject=person-b');
      await ready(() => other.contentDocument!.querySelector('pp-questionnaire'));
      const anonymous = await loadPage('/test/pages/subject.html');
      await ready(() => anonymous.contentDocument!.querySelector('pp-questionnaire'));
      const again = await loadPage('/test/pages/subject.html?subject=person-a');
      await ready(() => again.contentDocument!.querySelector('pp-questionnaire'));
      await waitUntil(() => (windowOf(again)['received'] as SubmitDetail[]).length === 1, 'A\'s result was not emitted to A again');

      expect((windowOf(again)['received'] as SubmitDetail[])[0]!.redelivered).to.equal(true);
      expect(windowOf(other)['received'], 'never to B').to.deep.equal([]);
      expect(windowOf(anonymous)['received'], 'never to a page without subject').to.deep.equal([]);
    });

    it('keeps education progress per subject', async () => {
      /** The module for one person, and the page it shows first (from its first pp-education-progress). */
      const reading = async (subject: string) => {
        const el = document.createElement('pp-education') as PpEducation;
        const shown = new Promise<number>((resolve) =>
          el.addEventListener('pp-education-progress', (event) => resolve((event as CustomEvent<EducationProgressDetail>).detail.pageIndex), { once: true }),
        );
        Object.assign(el, { src: '/content/education/hurt-and-harm.json', subject });
        document.body.append(el);
        return { el, pageIndex: await shown };
      };
      const a = await reading('person-a');
      expect(a.pageIndex).to.equal(0);
      const next = [...a.el.shadowRoot!.querySelectorAll('button')].find((button) => /next/i.test(button.textContent ?? ''))!;
      next.click();
      await a.el.progressSaved();
      a.el.remove();

      const b = await reading('person-b');
      b.el.remove();
      expect(b.pageIndex, 'B starts at the beginning').to.equal(0);
      expect((await reading('person-a')).pageIndex, 'A resumes where A was').to.equal(1);
    });

    it('keeps trend-chart history per subject', async () => {
      const result = { instrument: { id: 'phq-9' }, finishedAt: '2026-11-01T10:00:00.000Z', scores: {} } as unknown as QuestionnaireResult;
      await addToHistory({ subject: 'person-a', storage: 'device' }, result);
      expect((await historyOf({ subject: 'person-b', storage: 'device' }, 'phq-9')).results).to.deep.equal([]);
      expect((await historyOf({ subject: '', storage: 'device' }, 'phq-9')).results).to.deep.equal([]);
      expect((await historyOf({ subject: 'person-a', storage: 'device' }, 'phq-9')).results).to.have.length(1);
    });
  });

  describe('with the host\'s key', () => {
    it('keeps no answer value, no typed text and nothing that tells which answers were given', async () => {
      const key = await keyFrom(7);
      const phq9 = await questionnaire({ subject: 'person-a', encryptionKey: key });
      await answerEveryPhq9Item(phq9.el);
      const text = await questionnaire({ subject: 'person-a', encryptionKey: key, instrument: withText });
      await type(text.el, 'goal', 'Walk the dog to the lake');

      const records = await everyRecord();
      expect(records).to.have.length(2);
      const dump = JSON.stringify(records);
      expect(dump).to.not.contain('Walk the dog');
      expect(dump).to.not.contain('answers');
      expect(dump).to.not.match(/phq9-\d/);
      for (const record of records as Record<string, unknown>[]) {
        expect(record).to.have.property('sealed');
        expect(record).to.not.have.property('data');
      }
      // Sizes do not tell how many answers: padded to the same length with one answer or ten.
      const lengths = (records as { sealed: { text: string } }[]).map((record) => record.sealed.text.length);
      expect(new Set(lengths).size, `sealed lengths ${lengths.join(', ')}`).to.equal(1);
    });

    it('restores everything with the same key, and with another key starts afresh, tells the host and keeps the record', async () => {
      const key = await keyFrom(7);
      const first = await questionnaire({ subject: 'person-a', encryptionKey: key });
      await answerEveryPhq9Item(first.el);
      const answers = first.el.answers;
      first.el.remove();

      const same = await questionnaire({ subject: 'person-a', encryptionKey: key });
      expect(same.el.answers).to.deep.equal(answers);
      expect(same.errors).to.deep.equal([]);
      same.el.remove();

      const other = await questionnaire({ subject: 'person-a', encryptionKey: await keyFrom(8) });
      expect(other.el.answers).to.deep.equal({});
      expect(other.errors.map((error) => error.code)).to.deep.equal(['storage-locked']);
      radios(other.el, 'phq9-1')[1]!.click();
      await other.el.draftSaved();
      other.el.remove();
      expect(await everyRecord(), 'the record of the first key was not overwritten').to.have.length(2);

      const without = await questionnaire({ subject: 'person-a' });
      expect(without.el.answers, 'without a key nothing sealed is shown').to.deep.equal({});
      expect(without.errors.map((error) => error.code)).to.deep.equal(['storage-locked']);
      without.el.remove();

      expect((await questionnaire({ subject: 'person-a', encryptionKey: key })).el.answers, 'the first key still opens its record').to.deep.equal(answers);
    });

    it('refuses a key that cannot seal, and then stores nothing', async () => {
      const signingKey = (await crypto.subtle.generateKey({ name: 'HMAC', hash: 'SHA-256' }, false, ['sign'])) as CryptoKey;
      const { el, errors } = await questionnaire({ subject: 'person-a', encryptionKey: signingKey });
      radios(el, 'phq9-1')[1]!.click();
      await el.draftSaved();
      expect(errors.map((error) => error.code)).to.deep.equal(['storage-setting-invalid']);
      expect(await everyRecord()).to.deep.equal([]);
    });
  });

  describe('how much is kept', () => {
    it('storage="memory" keeps nothing of the form, in IndexedDB or sessionStorage, and a reload starts afresh', async () => {
      const first = await questionnaire({ subject: 'person-a', storage: 'memory' });
      await answerEveryPhq9Item(first.el);
      first.el.remove();
      expect(await hasDatabase() ? await everyRecord() : []).to.deep.equal([]);
      expect(sessionStorage.length).to.equal(0);
      expect((await questionnaire({ subject: 'person-a', storage: 'memory' })).el.answers).to.deep.equal({});
    });

    it('storage="session" keeps the draft in this tab\'s session only', async () => {
      const first = await questionnaire({ subject: 'person-a', storage: 'session', encryptionKey: await keyFrom(3) });
      radios(first.el, 'phq9-1')[2]!.click();
      await first.el.draftSaved();
      first.el.remove();
      expect(await hasDatabase() ? await everyRecord() : []).to.deep.equal([]);
      expect(JSON.stringify({ ...sessionStorage })).to.not.match(/phq9-1/);
      expect((await questionnaire({ subject: 'person-a', storage: 'session', encryptionKey: await keyFrom(3) })).el.answers).to.deep.equal({ 'phq9-1': 2 });
    });

    it('reports a storage setting it does not know and keeps nothing', async () => {
      const { el, errors } = await questionnaire({ storage: 'forever' });
      radios(el, 'phq9-1')[1]!.click();
      await el.draftSaved();
      expect(errors.map((error) => error.code)).to.deep.equal(['storage-setting-invalid']);
      expect(errors[0]!.message).to.contain('storage="forever"');
      expect(await hasDatabase() ? await everyRecord() : []).to.deep.equal([]);
    });
  });

  describe('erasing', () => {
    it('erasing a subject leaves no record of it, keeps the others, and clears its form on screen', async () => {
      const key = await keyFrom(5);
      const a = await questionnaire({ subject: 'person-a', encryptionKey: key });
      radios(a.el, 'phq9-1')[3]!.click();
      await a.el.draftSaved();
      const session = await questionnaire({ subject: 'person-a', storage: 'session' });
      radios(session.el, 'phq9-2')[3]!.click();
      await session.el.draftSaved();
      const b = await questionnaire({ subject: 'person-b' });
      radios(b.el, 'phq9-1')[1]!.click();
      await b.el.draftSaved();

      await eraseSubject('person-a');
      await waitUntil(() => Object.keys(a.el.answers).length === 0, 'A\'s form still shows A\'s answers');
      expect((await everyRecord()).map((record) => (record as { subject: string }).subject)).to.deep.equal(['person-b']);
      expect(sessionStorage.length).to.equal(0);
      expect(b.el.answers).to.deep.equal({ 'phq9-1': 1 });
    });

    it('erasing everything leaves the database empty', async () => {
      for (const subject of ['person-a', 'person-b', '']) {
        const { el } = await questionnaire({ subject });
        radios(el, 'phq9-1')[1]!.click();
        await el.draftSaved();
      }
      await eraseEverything();
      expect(await everyRecord()).to.deep.equal([]);
    });
  });
});
