/**
 * What the accessibility audit needs in every test: axe-core with the WCAG 2.2 AA rules, real key
 * presses, where focus is (through shadow roots) and whether it can be seen, media emulation,
 * and overflow at a narrow width.
 */
import 'axe-core/axe.min.js';
import type * as Axe from 'axe-core';
import { expect, fixture, html } from '@open-wc/testing';
import { waitUntil } from '../helpers/wait.js';
import type { TemplateResult } from 'lit';
import '../../components/pp-questionnaire/pp-questionnaire.js';
import '../../components/pp-education/pp-education.js';
import '../../components/pp-pathway/pp-pathway.js';
import '../../components/pp-score-chart/pp-score-chart.js';
import '../../components/pp-kiosk/pp-kiosk.js';
import '../../components/pp-language-picker/pp-language-picker.js';
import type { PpQuestionnaire } from '../../components/pp-questionnaire/pp-questionnaire.js';
import type { PpEducation } from '../../components/pp-education/pp-education.js';
import type { PpPathway } from '../../components/pp-pathway/pp-pathway.js';
import type { PpKiosk } from '../../components/pp-kiosk/pp-kiosk.js';
import type { PpScoreChart } from '../../components/pp-score-chart/pp-score-chart.js';
import type { Json } from '../helpers/instrument-builder.js';
import { loadJson } from '../helpers/fixtures.js';
import { pressShiftTab, pressSpace } from '../helpers/keyboard.js';
import { executeServerCommand, sendKeys } from '@web/test-runner-commands';

declare global {
  interface Window {
    axe: typeof Axe;
  }
}

/** The rule set of WCAG 2.2 level AA: every success criterion up to AA of 2.0, 2.1 and 2.2. */
export const WCAG_22_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/** Runs axe-core with the WCAG 2.2 AA rules over the element, its shadow trees included. */
export async function expectAxeClean(element: Element, state: string): Promise<void> {
  const results = await window.axe.run(element, { runOnly: { type: 'tag', values: WCAG_22_AA }, resultTypes: ['violations'] });
  const violations = results.violations.map(
    (v) => `${v.id} (${v.impact}): ${v.help}\n${v.nodes.map((n) => `    ${JSON.stringify(n.target)}: ${n.failureSummary}`).join('\n')}`,
  );
  expect(violations, `axe violations in ${state}`).to.deep.equal([]);
}

/** One real key press; `Shift+Tab` holds Shift down around the Tab, as a person does. */
export async function press(key: string): Promise<void> {
  if (key === 'Space') return pressSpace();
  if (key === 'Shift+Tab') return pressShiftTab();
  return sendKeys({ press: key });
}

/** The focused element, looking inside shadow roots. */
export function deepActiveElement(): Element | null {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

/** Whether the element, or the box that stands for it (a radio's label), draws a focus ring. */
function drawsFocusRing(element: Element): boolean {
  const boxes = [element, element.closest('label')].filter((box): box is Element => box !== null);
  return boxes.some((box) => {
    const style = getComputedStyle(box);
    return style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2;
  });
}

/** Whether the node is inside the element, through any shadow roots between them. */
export function isInside(element: Element, node: Node): boolean {
  for (let current: Node | null = node; current; current = current.getRootNode() instanceof ShadowRoot ? (current.getRootNode() as ShadowRoot).host : null) {
    if (element.contains(current)) return true;
  }
  return false;
}

/**
 * Focus sits on an element of the component (never lost to <body>), that element draws a ring
 * of at least 2 px, and is on screen. Returns the element.
 */
export function expectVisibleFocus(step: string, component: Element): HTMLElement {
  const focused = deepActiveElement();
  expect(focused, `${step}: focus lost`).to.exist;
  expect(focused, `${step}: focus on <body>`).not.to.equal(document.body);
  expect(isInside(component, focused!), `${step}: focus left the component, on ${describe(focused!)}`).to.equal(true);
  // What counts is the ring a person sees, not :focus-visible: WebKit does not match it after arrow
  // keys move focus within a radio group, where the elements draw the ring themselves.
  expect(drawsFocusRing(focused!), `${step}: ${describe(focused!)} draws no focus ring`).to.equal(true);
  const box = (focused!.closest('label') ?? focused!).getBoundingClientRect();
  expect(box.width * box.height, `${step}: ${describe(focused!)} has no size`).to.be.greaterThan(0);
  return focused as HTMLElement;
}

/** A short description of an element for failure messages. */
export function describe(element: Element): string {
  const attributes = ['part', 'type', 'role', 'class'].flatMap((name) => (element.hasAttribute(name) ? [`${name}="${element.getAttribute(name)}"`] : []));
  return `<${element.localName} ${attributes.join(' ')}>${(element.textContent ?? '').trim().slice(0, 30)}`;
}

/** A media feature as the Chrome DevTools Protocol names it. */
export interface MediaFeature {
  readonly name: 'forced-colors' | 'prefers-reduced-motion' | 'prefers-color-scheme' | 'prefers-contrast';
  readonly value: string;
}

/** Emulates exactly these media features (an empty list ends the emulation). */
export async function emulateMediaFeatures(features: readonly MediaFeature[]): Promise<void> {
  await executeServerCommand('emulate-media-features', { features });
}

/**
 * Nothing overflows sideways: neither the document nor any element inside the component (its
 * shadow trees included) is wider than its box, except scroll containers that are meant to
 * scroll (a data table may, WCAG 1.4.10 allows it).
 */
export function expectNoHorizontalOverflow(root: Element, state: string): void {
  const page = document.documentElement;
  const overflowing = [...allElements(root)].filter(
    (element) => element.clientWidth > 0 && element.scrollWidth > element.clientWidth + 1 && !scrolls(element) && !hiddenFromView(element),
  );
  expect(overflowing.map(describe), `${state}: elements wider than their box`).to.deep.equal([]);
  for (const element of allElements(root)) {
    const box = element.getBoundingClientRect();
    if (box.width === 0 || hiddenFromView(element) || insideScroller(element)) continue;
    expect(box.right, `${state}: ${describe(element)} sticks out to the right`).to.be.at.most(page.clientWidth + 1);
    expect(box.left, `${state}: ${describe(element)} sticks out to the left`).to.be.at.least(-1);
  }
  expect(page.scrollWidth, `${state}: the page scrolls sideways`).to.be.at.most(page.clientWidth);
}

const scrolls = (element: Element) => ['auto', 'scroll'].includes(getComputedStyle(element).overflowX);

function insideScroller(element: Element): boolean {
  for (let parent = element.parentElement; parent; parent = parent.parentElement) if (scrolls(parent)) return true;
  return false;
}

/** Visually hidden text (1 px, clipped) is meant to be off to the side of nothing. */
function hiddenFromView(element: Element): boolean {
  return element.closest('.visually-hidden') !== null || getComputedStyle(element).visibility === 'hidden';
}

/** Every element under the root, walking into open shadow roots. */
export function* allElements(root: Element | ShadowRoot): Generator<Element> {
  for (const element of root.querySelectorAll('*')) {
    yield element;
    if (element.shadowRoot) yield* allElements(element.shadowRoot);
  }
  if (root instanceof Element && root.shadowRoot) yield* allElements(root.shadowRoot);
}

// The component states the audit visits, shared by the axe, forced-colours, reflow and motion tests.
export type Language = 'en' | 'ar';
export const LANGUAGES: readonly Language[] = ['en', 'ar'];

export const shadow = (el: Element): ShadowRoot => el.shadowRoot!;

/** The fixture's content with every English text also given as Arabic, so it renders right to left. */
export function alsoInArabic(json: Json): Json {
  const copy = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(copy);
    if (typeof value !== 'object' || value === null) return value;
    const object = Object.fromEntries(Object.entries(value).map(([key, v]) => [key, copy(v)]));
    if (typeof object['en'] === 'string' && object['ar'] === undefined) object['ar'] = object['en'];
    return object;
  };
  const arabic = copy(json) as Json;
  const translations = arabic['translations'] as Record<string, Json>;
  return { ...arabic, languages: [...(arabic['languages'] as string[]), 'ar'], translations: { ...translations, ar: translations['en']! } };
}

/** The test instrument with one item of every type, in the given language. */
export async function everyItemType(lang: Language): Promise<Json> {
  const json = await loadJson('/test/fixtures/every-item-type.json');
  return lang === 'ar' ? alsoInArabic(json) : json;
}

/** The test instrument with the structure and item types FHIR Questionnaires bring (repeats, questions under questions, own answers…), in the given language. */
export async function structureItemTypes(lang: Language): Promise<Json> {
  const json = await loadJson('/test/fixtures/structure-item-types.json');
  return lang === 'ar' ? alsoInArabic(json) : json;
}

/** A questionnaire once it has rendered its form, its failure or its thanks. */
export async function questionnaire(template: TemplateResult): Promise<PpQuestionnaire> {
  const el = await fixture<PpQuestionnaire>(template);
  await waitUntil(() => shadow(el).querySelector('form, [part=error], [part=done]'), 'the questionnaire did not render');
  await el.updateComplete;
  return el;
}

export async function education(template: TemplateResult): Promise<PpEducation> {
  const el = await fixture<PpEducation>(template);
  await waitUntil(() => shadow(el).querySelector('[part=module], [part=error]'), 'the module did not render');
  await el.updateComplete;
  return el;
}

export async function pathway(lang: Language, current = 'plan'): Promise<PpPathway> {
  const el = await fixture<PpPathway>(html`<pp-pathway
    src="/content/pathways/specialist-physiotherapy.json"
    lang=${lang}
    current=${current}
  ></pp-pathway>`);
  await waitUntil(() => shadow(el).querySelector('[part=step]'), 'the pathway did not render');
  await el.updateComplete;
  return el;
}

/** The pathway with every step opened. */
export async function pathwayAllOpen(lang: Language): Promise<PpPathway> {
  const el = await pathway(lang);
  for (const toggle of shadow(el).querySelectorAll<HTMLButtonElement>('[part=toggle][aria-expanded=false]')) toggle.click();
  await el.updateComplete;
  return el;
}

/** The NRS score chart of `painOverVisits`, drawn. */
export async function scoreChart(lang: Language): Promise<PpScoreChart> {
  const el = await fixture<PpScoreChart>(html`<pp-score-chart src="/content/instruments/nrs-11.json" lang=${lang} .series=${painOverVisits}></pp-score-chart>`);
  await waitUntil(() => shadow(el).querySelector('canvas'), 'no chart drawn');
  return el;
}

/** Opens the chart's table view. */
export async function openChartTable(el: PpScoreChart): Promise<void> {
  shadow(el).querySelector<HTMLElement>('details > summary')!.click();
  await waitUntil(() => shadow(el).querySelector('details[open]'), 'table view not opened');
}

/** A kiosk on its start screen, with a short idle timeout when a test needs the warning. */
export async function kiosk(idleSeconds = 90): Promise<PpKiosk> {
  const el = await fixture<PpKiosk>(html`<pp-kiosk src="/test/fixtures/kiosk-sequence.json" idle-timeout=${idleSeconds} idle-countdown="60"></pp-kiosk>`);
  await waitUntil(() => shadow(el).querySelector('[part=actions] button'), 'the kiosk did not start');
  return el;
}

/** On the kiosk's language screen: chooses the language, waits for the screen in it, and goes on with Next to the consent. */
export async function chooseKioskLanguage(el: PpKiosk, lang: string): Promise<void> {
  shadow(shadow(el).querySelector('pp-language-picker')!).querySelector<HTMLInputElement>(`[lang="${lang}"] input`)!.click();
  await waitUntil(() => shadow(el).querySelector(`[part=screen][lang="${lang}"] [part=actions] button`), 'the chosen language was not shown');
  shadow(el).querySelector<HTMLButtonElement>('[part=actions] button')!.click();
  await waitUntil(() => shadow(el).querySelectorAll('[part=actions] button').length === 2, 'no consent screen');
}

/** Clicks the button with this name in the root. */
export function clickButton(root: ParentNode, name: string | RegExp): void {
  const buttons = [...root.querySelectorAll('button')];
  const button = buttons.find((b) => (typeof name === 'string' ? b.textContent!.trim() === name : name.test(b.textContent!)));
  if (!button) throw new Error(`no button "${name}" among ${buttons.map((b) => b.textContent!.trim()).join(', ')}`);
  button.click();
}

/** Score history for the chart: NRS pain at three visits. */
export const painOverVisits = {
  scale: 'pain-intensity',
  points: [
    { date: '2025-01-13', value: 7 },
    { date: '2025-06-16', value: 4 },
    { date: '2026-06-15', value: 4 },
  ],
};

/** The font size in CSS px of the first element matching the selector, inside the element's shadow root. */
export function fontSizeIn(root: Element, selector: string): number {
  const target = shadow(root).querySelector(selector);
  if (!target) throw new Error(`nothing matches ${selector} in <${root.localName}>`);
  return parseFloat(getComputedStyle(target).fontSize);
}

/** The body text of each element, in CSS px. */
export async function bodyTextSizes(): Promise<Record<string, number>> {
  const form = await questionnaire(html`<pp-questionnaire src="/content/instruments/phq-9.json"></pp-questionnaire>`);
  const module = await education(html`<pp-education src="/content/education/pain-is-a-protector.json"></pp-education>`);
  const steps = await pathway('en');
  const picker = await fixture(html`<pp-language-picker languages="en da ar"></pp-language-picker>`);
  await waitUntil(() => shadow(picker).querySelector('label'), 'the language picker did not render');
  const tablet = await kiosk();
  return {
    'question text': fontSizeIn(form, '[part=label]'),
    'answer text': fontSizeIn(form, '[part=answer]'),
    'education paragraph': fontSizeIn(module, '[part=paragraph]'),
    'pathway step name': fontSizeIn(steps, '[part=toggle]'),
    'language name': fontSizeIn(picker, 'label'),
    'kiosk text': fontSizeIn(tablet, '.text p'),
  };
}
