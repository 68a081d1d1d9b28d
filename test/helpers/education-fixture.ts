/** A test module and the element showing it, shared by the education tests. */
import { fixture, html } from '@open-wc/testing';
import { waitUntil } from './wait.js';
import { sendKeys } from '@web/test-runner-commands';
import '../../components/pp-education/pp-education.js';
import type { PpEducation } from '../../components/pp-education/pp-education.js';
import type { SpeechSynthesisLike } from '../../components/pp-education/read-aloud.js';

export type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

export const both = (en: string, ar: string) => ({ en, ar });

/** A three-page module in English and Arabic: a content page, a knowledge check, the summary. */
export const testModule = (): Json => ({
  id: 'test-module',
  version: '1.0.0',
  languages: ['en', 'ar'],
  title: both('Pain is a protector', 'الألم حارس يحميك'),
  translations: { en: { status: 'draft', source: 'test' }, ar: { status: 'draft', source: 'test' } },
  meta: { audience: both('Adults', 'البالغون'), references: [{ message: 'km-protector', citation: 'Moseley GL, Butler DS. Explain Pain Supercharged. 2017.' }] },
  pages: [
    {
      id: 'intro',
      blocks: [
        { type: 'heading', text: both('What is pain for?', 'ما فائدة الألم؟') },
        { type: 'illustration', name: 'healing-timeline', alt: both('A smoke alarm.', 'جهاز إنذار.') },
        {
          type: 'paragraph',
          text: both(
            'Pain is **a real and useful** alarm. Read [the NHS page](https://www.nhs.uk/) or [write to us](mailto:team@example.org).\n\n- rest\n- move',
            'الألم **إنذار حقيقي ومفيد**. اقرأ [صفحة NHS](https://www.nhs.uk/).',
          ),
        },
        { type: 'key-message', id: 'km-protector', text: both('Pain is a protector.', 'الألم حارس يحميك.') },
        { type: 'callout', title: both('When to get help', 'متى تطلب المساعدة'), text: both('Call your doctor if *anything* is new.', 'اتصل بطبيبك إذا ظهر أي شيء جديد.') },
      ],
    },
    {
      id: 'check',
      blocks: [
        { type: 'heading', text: both('Check what you know', 'اختبر معلوماتك') },
        {
          type: 'knowledge-check',
          id: 'q-job',
          question: both('What is the main job of pain?', 'ما المهمة الأساسية للألم؟'),
          options: [
            { id: 'measure', text: both('To measure damage', 'أن يقيس الضرر'), feedback: both('Pain does not measure damage.', 'الألم لا يقيس الضرر.') },
            { id: 'protect', text: both('To protect you', 'أن يحميك'), correct: true, feedback: both('Pain is a protector.', 'الألم حارس.') },
          ],
        },
      ],
    },
    { id: 'summary', kind: 'summary', blocks: [{ type: 'heading', text: both('All at a glance', 'الخلاصة في لمحة') }] },
  ],
});

export const shadow = (el: Element) => el.shadowRoot!;
export const $ = <T extends Element = HTMLElement>(el: Element, selector: string) => shadow(el).querySelector<T>(selector);
export const $$ = <T extends Element = HTMLElement>(el: Element, selector: string) => [...shadow(el).querySelectorAll<T>(selector)];
export const button = (el: Element, name: string) => $$<HTMLButtonElement>(el, 'button').find((b) => b.textContent!.replace(/[▶❚]/g, '').trim() === name);
export const currentPage = (el: Element) => $(el, '.page:not([hidden])')!;
export const progressText = (el: Element) => $(el, '[part=progress] [role=status]')!.textContent!.trim();
export const focused = (el: Element) => shadow(el).activeElement;

export async function education(options: { module?: Json; lang?: string; progressKey?: string; speech?: SpeechSynthesisLike | null } = {}): Promise<PpEducation> {
  const el = await fixture<PpEducation>(html`<pp-education
    .module=${options.module ?? testModule()}
    lang=${options.lang ?? 'en'}
    progress-key=${options.progressKey ?? `test-${Math.random()}`}
    .speechSynthesis=${options.speech === null ? undefined : (options.speech ?? window.speechSynthesis)}
  ></pp-education>`);
  await waitUntil(() => $(el, '.page'), 'the module did not render');
  return el;
}

/** Presses a key with the page region focused, as someone reading it would. */
export async function pressOnPage(el: PpEducation, key: string): Promise<void> {
  currentPage(el).focus();
  await sendKeys({ press: key });
  await el.updateComplete;
}
