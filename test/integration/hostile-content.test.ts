import { aTimeout, expect } from '@open-wc/testing';
import { waitUntil } from '../helpers/wait.js';
import '../../components/pp-questionnaire/pp-questionnaire.js';
import '../../components/pp-education/pp-education.js';
import '../../components/pp-pathway/pp-pathway.js';
import '../../components/pp-score-chart/pp-score-chart.js';
import '../../components/pp-kiosk/pp-kiosk.js';
import type { ErrorDetail } from '../../src/events.js';
import { parseInstrument } from '../../src/model/parse-instrument.js';
import { sourceLanguageOf } from '../../src/model/instrument.js';
import { DraftWriter } from '../../src/store/draft-writer.js';
import { DEFAULT_VAULT, deleteAllDatabases, loadJson } from '../helpers/fixtures.js';
import type { Json } from '../helpers/instrument-builder.js';
import { answersShowingEverything, contentFiles, hostileTextPack, poisonContent, shownText } from '../helpers/hostile-content.js';
import { allowCounted, injectedMarkup, ownElementCounts, trapScriptExecution, XSS_VECTORS } from '../helpers/xss-vectors.js';

const [instrumentFiles, moduleFiles, pathwayFiles] = await Promise.all([contentFiles('instruments'), contentFiles('education'), contentFiles('pathways')]);

/** A language of the content to show a vector in: each vector in another one, so every language's path is taken. */
const languageFor = (languages: readonly string[], index: number) => languages[index % languages.length]!;

/** Puts the element on the page and waits until it shows its content; fails with the element's own `pp-error` when the content is refused. */
async function shown<T extends HTMLElement>(element: T, isShown: (el: T) => boolean): Promise<T> {
  let refused: ErrorDetail | undefined;
  element.addEventListener('pp-error', (event) => {
    const { detail } = event as CustomEvent<ErrorDetail>;
    if (detail.code !== 'missing-translation') refused = detail;
  });
  document.body.append(element);
  await waitUntil(() => refused || isShown(element), `${element.localName} did not show its content`);
  if (refused) expect.fail(`${element.localName} refused the content: ${refused.message}`);
  return element;
}

const create = <K extends keyof HTMLElementTagNameMap>(tag: K, properties: Partial<HTMLElementTagNameMap[K]> | Json): HTMLElementTagNameMap[K] =>
  Object.assign(document.createElement(tag), properties);

/**
 * Renders the clean content once and then every vector in its own element, all at once; waits
 * for anything injected to fire (image errors, autofocus), then checks each: nothing ran, nothing
 * beyond what the clean render has reached the DOM, and the vector is on screen as text.
 */
async function expectInert(
  render: (content: 'clean' | { vector: string; index: number }) => Promise<HTMLElement>,
  { vectorShownAsText = true } = {},
): Promise<void> {
  const trap = trapScriptExecution();
  const elements: HTMLElement[] = [];
  try {
    const clean = await render('clean');
    elements.push(clean);
    const own = ownElementCounts(clean);
    const poisoned = await Promise.all(XSS_VECTORS.map((vector, index) => render({ vector, index })));
    elements.push(...poisoned);
    await aTimeout(100);
    poisoned.forEach((el, index) => {
      const vector = XSS_VECTORS[index]!;
      expect(injectedMarkup(el, allowCounted(own)), vector).to.deep.equal([]);
      if (vectorShownAsText) expect(shownText(el), 'the hostile text is on screen, as text').to.contain(vector);
    });
    expect(trap.ran).to.deep.equal([]);
  } finally {
    trap.restore();
    elements.forEach((el) => el.remove());
  }
}

describe('hostile text in every shipped content file', function () {
  this.timeout(120000);
  before(deleteAllDatabases);

  it('covers at least 30 attack strings and every content folder', () => {
    expect(XSS_VECTORS.length).to.be.at.least(30);
    expect(instrumentFiles.length).to.be.at.least(20);
    expect(moduleFiles.length).to.be.at.least(5);
    expect(pathwayFiles.length).to.be.at.least(4);
  });

  // The shipped instruments, and fixtures with every item type (units, body-map regions, dates…) and structure (repeats, prefixes, help…) that no single one has.
  const instrumentUrls = [
    ...instrumentFiles.map((file) => `/content/instruments/${file}`),
    '/test/fixtures/every-item-type.json',
    '/test/fixtures/structure-item-types.json',
  ];
  for (const url of instrumentUrls) {
    it(`runs no script from any text of ${url}, its text pack, its flag messages or its scores' labels`, async () => {
      const json = await loadJson(url);
      const instrument = parseInstrument(json);
      // The answers that show every conditional item and raise every flag, so their texts are on screen too.
      const draftKey = `hostile-${url}`;
      const now = new Date().toISOString();
      await new DraftWriter(() => DEFAULT_VAULT, () => {}, (error) => expect.fail(String(error))).save({
        draftKey, instrumentId: instrument.id, instrumentVersion: instrument.version, answers: answersShowingEverything(json), pageIndex: 0, startedAt: now, updatedAt: now,
      });
      // Bring-your-own-text instruments get all their wording from the pack; the others gain a language from it.
      const byot = instrument.meta.licence.kind === 'bring-your-own-text';
      const packLanguage = byot ? sourceLanguageOf(instrument) : 'is';
      const languages = byot ? [packLanguage] : [...instrument.languages, packLanguage];
      const flagIds = (instrument.scoring.flags ?? []).map((flag) => flag.id);
      await expectInert(async (content) => {
        const vector = content === 'clean' ? 'harmless' : content.vector;
        const index = content === 'clean' ? 0 : content.index;
        return shown(
          create('pp-questionnaire', {
            instrument: content === 'clean' ? json : poisonContent(json, vector),
            textPack: hostileTextPack(instrument, packLanguage, vector),
            // Every other element shows the host's flag messages instead of the content's advice.
            flagMessages: index % 2 ? Object.fromEntries(flagIds.map((id) => [id, vector])) : {},
            layout: 'list',
            draftKey,
            lang: languageFor(languages, index),
            // Every language's text is shown, drafts included, so every one is attacked.
            acceptTranslations: 'official verified draft',
          }),
          (el) => !!el.shadowRoot?.querySelector('form'),
        );
      });

      const results = [0, 1].map((visit) => ({
        instrument: { id: instrument.id, version: instrument.version, language: 'en', translationStatus: 'official' },
        scores: Object.fromEntries(instrument.scoring.scales.map((scale) => [scale.id, { value: visit ? scale.range.max : scale.range.min }])),
        finishedAt: new Date(Date.UTC(2026, 0, 1 + visit * 30)).toISOString(),
      }));
      await expectInert(
        (content) =>
          shown(
            create('pp-score-chart', {
              instrument: content === 'clean' ? json : poisonContent(json, content.vector),
              results,
              lang: languageFor(instrument.languages, content === 'clean' ? 0 : content.index),
            }),
            (el) => !!el.shadowRoot?.querySelector('[part=panel], [part=empty]'),
          ),
        // Scale names and band labels are drawn on the canvas and in the table, but a chart may show no text of the file at all.
        { vectorShownAsText: false },
      );
    });
  }

  for (const file of moduleFiles) {
    it(`runs no script from any text of education/${file}, Markdown or not, nor from any answer's feedback`, async () => {
      const json = await loadJson(`/content/education/${file}`);
      const languages = json['languages'] as string[];
      await expectInert(async (content) => {
        const el = await shown(
          create('pp-education', {
            module: content === 'clean' ? json : poisonContent(json, content.vector),
            lang: languageFor(languages, content === 'clean' ? 0 : content.index),
            progressKey: `hostile-${file}-${Math.random()}`,
          }),
          (el) => !!el.shadowRoot?.querySelector('.page'),
        );
        // Each option's feedback is shown when it is chosen: choose them all in turn.
        for (const radio of el.shadowRoot!.querySelectorAll<HTMLInputElement>('.knowledge-check input[type=radio]')) {
          radio.click();
          await el.updateComplete;
        }
        return el;
      }, { vectorShownAsText: false });
    });
  }

  for (const file of pathwayFiles) {
    it(`runs no script from any text of pathways/${file}`, async () => {
      const json = await loadJson(`/content/pathways/${file}`);
      const languages = json['languages'] as string[];
      await expectInert((content) =>
        shown(
          create('pp-pathway', {
            pathway: content === 'clean' ? json : poisonContent(json, content.vector),
            lang: languageFor(languages, content === 'clean' ? 0 : content.index),
          }),
          (el) => !!el.shadowRoot?.querySelector('[part=toggle]'),
        ),
      );
    });
  }

  it('runs no script from any text of a kiosk sequence, on its start and consent screens', async () => {
    const json = await loadJson('/demo/kiosk-sequence.json');
    await expectInert(async (content) => {
      const el = await shown(
        create('pp-kiosk', { sequence: content === 'clean' ? json : poisonContent(json, content.vector) }),
        (el) => !!el.shadowRoot?.querySelector('h2'),
      );
      const start = el.shadowRoot!.querySelector<HTMLElement>('[part=actions] button')!;
      const startText = shownText(el);
      start.click();
      await waitUntil(() => el.shadowRoot!.querySelector('pp-language-picker')?.shadowRoot?.querySelector('button, input'), 'no language picker');
      const picker = el.shadowRoot!.querySelector('pp-language-picker')!;
      picker.shadowRoot!.querySelector<HTMLElement>('button, input')!.click();
      await waitUntil(() => el.shadowRoot!.querySelector('[part=actions]'), 'no consent screen');
      // The start screen's text is gone now: keep it, so the check covers both screens.
      el.append(Object.assign(document.createElement('span'), { textContent: startText, hidden: true }));
      return el;
    });
  });
});
