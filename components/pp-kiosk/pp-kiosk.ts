import { LitElement, css, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { keyed } from 'lit/directives/keyed.js';
import { msg, str } from '@lit/localize';
import { PpEvents, type ErrorDetail, type KioskResetDetail, type LanguageChangeDetail, type SubmitDetail } from '../../src/events.js';
import { directionOf, localText } from '../../src/i18n/locale.js';
import { formatNumber } from '../../src/i18n/format-number.js';
import { ContentError } from '../../src/model/content-error.js';
import { parseKioskSequence, type KioskScreen, type KioskSequence } from '../../src/model/kiosk.js';
import type { TextMap } from '../../src/model/text.js';
import type { Vault } from '../../src/store/records.js';
import { VaultController, vaultProperties } from '../shared/vault-controller.js';
import '../pp-education/pp-education.js';
import '../pp-language-picker/pp-language-picker.js';
import { PpQuestionnaire } from '../pp-questionnaire/pp-questionnaire.js';
import { defineElement } from '../shared/define.js';
import { failureMessage } from '../shared/failure.js';
import { fetchJson } from '../shared/fetch-json.js';
import { inLocale, loadUiLocale, uiLocaleFor } from '../shared/localize.js';
import { tokens } from '../shared/tokens.js';
import { IdleController } from './idle-controller.js';

type Screen = 'start' | 'language' | 'consent' | 'step' | 'thanks' | 'failed';


/** Elements that save a person's work and can say when it is durable. */
interface SavingElement extends HTMLElement {
  draftSaved?: () => Promise<void>;
  progressSaved?: () => Promise<void>;
}

/**
 * Runs questionnaires and education modules on a shared waiting-room tablet, one person after
 * another: language first, the host's consent text, the steps, thanks, and a full reset when the
 * person finishes, declines or walks away.
 *
 * @summary A kiosk for shared tablets: language choice, consent, questionnaires and modules, idle reset.
 * @tag pp-kiosk
 *
 * @attr src - URL of the kiosk sequence JSON.
 * @attr idle-timeout - Seconds without a touch before "Are you still there?" (default 90).
 * @attr idle-countdown - Seconds the question waits before everything is cleared (default 20; WCAG 2.2.1 asks for at least 20).
 * @attr accept-translations - Passed to every questionnaire: the translation statuses shown (see `<pp-questionnaire>`).
 * @attr subject - The kiosk's own subject (default `painpath-kiosk`): each person's steps have the subject `<subject>:<session id>`, which is erased at reset after results not yet acknowledged have moved to the kiosk's (see docs/privacy.md).
 * @attr storage - Passed to every step: `device` (default), `session` or `memory`.
 *
 * @event pp-kiosk-reset - Everything of the last person was cleared. Detail: `{ reason: 'idle' | 'finished' | 'declined' }`.
 * @event pp-error - The sequence is invalid or storage failed. Detail: `ErrorDetail`.
 *
 * @csspart screen - The current screen.
 * @csspart title - The heading of a screen.
 * @csspart step - The questionnaire or module of the current step.
 * @csspart actions - The row of large buttons.
 * @csspart idle-dialog - The "Are you still there?" dialog.
 * @csspart language-notice - Tells the person that a questionnaire is shown in another language than theirs.
 *
 * @cssprop --pp-target-size - Touch targets (kiosk default 3.5rem, at least 56px).
 * @cssprop --pp-font-size - Base type size (kiosk default the larger of 1.375rem and 1.375 × the browser's font size).
 */
export class PpKiosk extends LitElement {
  static override properties = {
    src: {},
    sequence: { attribute: false },
    idleTimeout: { attribute: 'idle-timeout', type: Number },
    idleCountdown: { attribute: 'idle-countdown', type: Number },
    acceptTranslations: { attribute: 'accept-translations' },
    canonicalBase: { attribute: 'canonical-base' },
    ...vaultProperties,
    screen: { state: true },
    stepIndex: { state: true },
    language: { state: true },
    secondsLeft: { state: true },
    parsed: { state: true },
    failure: { state: true },
    stepShownIn: { state: true },
  };

  static override styles = [
    tokens,
    css`
      :host {
        --pp-target-size: max(3.5rem, 56px);
        --pp-font-size: max(1.375rem, 1.375em);
        min-block-size: 100%;
      }
      .screen {
        max-inline-size: max(48rem, 768px);
        margin-inline: auto;
        padding: calc(var(--_space) * 1.5);
      }
      h2 {
        font-size: 1.6em;
        line-height: 1.2;
        margin-block: 0 var(--_space);
      }
      h2:focus {
        outline: none;
      }
      .text p {
        margin-block: 0 var(--_space);
      }
      .actions {
        display: flex;
        flex-wrap: wrap;
        gap: var(--_space);
        margin-block-start: calc(var(--_space) * 1.5);
      }
      .actions button {
        flex: 1 1 8em;
        font-size: 1.1em;
      }
      dialog {
        max-inline-size: min(32rem, 90vw);
        border: 3px solid var(--_accent);
        border-radius: var(--_radius);
        padding: calc(var(--_space) * 1.5);
        color: var(--_text);
        background: var(--_background);
      }
      dialog::backdrop {
        background: rgb(0 0 0 / 0.5);
      }
      .language-notice:empty {
        margin: 0;
      }
      .language-notice:not(:empty) {
        border-inline-start: 0.25em solid var(--_accent);
        padding-inline-start: var(--_space);
      }
      .countdown {
        font-size: 2em;
        font-weight: 700;
        text-align: center;
        margin: 0;
      }
    `,
  ];

  src?: string;

  /** The sequence as an object (raw JSON or parsed); takes precedence over `src`. */
  sequence?: unknown;

  idleTimeout = 90;

  idleCountdown = 20;

  /** Translation statuses every questionnaire shows; the questionnaire's default when absent. */
  acceptTranslations?: string;

  /** Where the host publishes the instruments' FHIR exports, for every questionnaire's responses (see pp-questionnaire). */
  canonicalBase?: string;

  subject = 'painpath-kiosk';

  storage?: string;

  /** Passed to every step: a non-extractable AES-GCM key that seals what they store. */
  encryptionKey?: CryptoKey;

  private screen: Screen = 'start';
  private stepIndex = 0;
  private language = 'en';
  private secondsLeft?: number;
  private parsed?: KioskSequence;
  private failure?: ErrorDetail;
  /** The language the current step's questionnaire is shown in when it is not the person's (refused or missing). */
  private stepShownIn?: string;

  get #dialog(): HTMLDialogElement | null {
    return this.renderRoot.querySelector('dialog');
  }

  #session = crypto.randomUUID();
  readonly #records: VaultController = new VaultController(this, {
    unsaved: (reason) => `Saved answers could not be cleared: ${reason}`,
    settle: async () => undefined,
    // Every step has a subject of its own and hears the erasure itself.
    restart: () => undefined,
  });
  #resetting = false;

  readonly #idle = new IdleController(this, {
    timeout: () => this.idleTimeout,
    countdown: () => this.idleCountdown,
    watching: () => this.screen !== 'start' && this.screen !== 'failed' && !this.#resetting,
    onWarn: () => this.#dialog?.showModal(),
    onTick: (seconds) => (this.secondsLeft = seconds),
    onExpire: () => void this.reset('idle'),
    onResume: () => this.#closeWarning(),
  });

  override connectedCallback(): void {
    super.connectedCallback();
    void this.#handOverEarlierSessions();
  }

  /** The vault of one person's session: the kiosk's storage and key, the session's own subject. */
  #sessionVault(session = this.#session): Vault {
    return { ...this.#records.vault, subject: `${this.subject}:${session}` };
  }

  /**
   * What earlier sessions left behind (e.g. the tablet lost power) is nobody's to see: their
   * results not yet acknowledged go to the kiosk, the rest is erased. The kiosk then emits the
   * results the clinic has not acknowledged, as a questionnaire does on loading.
   */
  async #handOverEarlierSessions(): Promise<void> {
    try {
      const [{ handOver, subjectsStartingWith }, delivery] = await Promise.all([import('../../src/store/hand-over.js'), import('../pp-questionnaire/delivery.js')]);
      const vault = this.#records.vault;
      for (const subject of await subjectsStartingWith(vault.storage, `${this.subject}:`)) {
        if (subject !== this.#sessionVault().subject) await handOver({ ...vault, subject }, vault);
      }
      await delivery.redeliver({
        vault,
        emit: (detail) => this.dispatchEvent(new CustomEvent<SubmitDetail>(PpEvents.submit, { detail, bubbles: true, composed: true })),
        reportFailure: (error) => this.#records.reportFailure(error),
        reportLocked: (count) => this.#records.reportLocked(count),
      });
    } catch (error) {
      this.#records.reportFailure(error);
    }
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('src') || changed.has('sequence')) void this.#load();
  }

  async #load(): Promise<void> {
    try {
      const json = this.sequence ?? (await fetchJson(this.src ?? ''));
      this.parsed = parseKioskSequence(json);
      // Every language the kiosk offers, and every part a questionnaire loads only for some
      // instruments, is fetched now, while the tablet is surely online (a failure here is tried
      // again when the part is needed).
      for (const language of this.parsed.languages) void loadUiLocale(uiLocaleFor(language));
      PpQuestionnaire.preloadParts().catch(() => undefined);
      this.language = this.parsed.languages[0]!;
      this.screen = 'start';
    } catch (error) {
      const detail: ErrorDetail =
        error instanceof ContentError
          ? { code: 'content-invalid', message: error.message, problems: error.problems, cause: error }
          : { code: 'content-unreachable', message: `The kiosk sequence could not be loaded: ${String(error)}`, cause: error };
      this.failure = detail;
      this.screen = 'failed';
      this.dispatchEvent(new CustomEvent<ErrorDetail>(PpEvents.error, { detail, bubbles: true, composed: true }));
    }
  }

  async #show(screen: Screen): Promise<void> {
    this.screen = screen;
    await this.updateComplete;
    // Focus moves to the new screen's heading, or the step's first page once it is shown, so
    // screen readers start reading there.
    this.renderRoot.querySelector<HTMLElement>('[part=step] > pp-questionnaire, [part=step] > pp-education, [part=screen] > h2')?.focus();
  }

  /**
   * A language chosen shows the screen in it; Next goes on. Moving on at the choice itself would
   * change the screen under arrow keys, which choose as they move (WCAG 3.2.2).
   */
  #chooseLanguage(event: CustomEvent<LanguageChangeDetail>): void {
    this.language = event.detail.language;
  }

  #nextStep(event: Event): void {
    // A result from an earlier session emitted again is for the host, not a step finished now.
    if ((event as CustomEvent<{ redelivered?: boolean }>).detail?.redelivered) return;
    this.stepShownIn = undefined;
    if (this.stepIndex + 1 < this.parsed!.steps.length) {
      this.stepIndex += 1;
      void this.#show('step');
    } else void this.#show('thanks');
  }

  #closeWarning(): void {
    this.secondsLeft = undefined;
    if (this.#dialog?.open) this.#dialog.close();
  }

  /** Clears everything of the last person: the screen, their saved drafts, and the idle warning. */
  async reset(reason: KioskResetDetail['reason']): Promise<void> {
    if (this.#resetting) return;
    this.#resetting = true;
    const finished = this.#session;
    // Pending draft writes finish first, so none lands after the deletion below.
    const saving = [...this.renderRoot.querySelectorAll<SavingElement>('pp-questionnaire, pp-education')];
    await Promise.all(saving.map((element) => (element.draftSaved ?? element.progressSaved)?.call(element).catch(() => undefined)));
    this.#closeWarning();
    this.#session = crypto.randomUUID();
    this.stepIndex = 0;
    this.stepShownIn = undefined;
    this.language = this.parsed?.languages[0] ?? 'en';
    await this.#show('start');
    // Results not yet acknowledged are the clinic's, waiting for upload: they go to the kiosk; the rest of the person is erased.
    await import('../../src/store/hand-over.js')
      .then(({ handOver }) => handOver(this.#sessionVault(finished), this.#records.vault))
      .catch((error: unknown) => this.#records.reportFailure(error));
    this.#resetting = false;
    this.dispatchEvent(new CustomEvent<KioskResetDetail>(PpEvents.kioskReset, { detail: { reason }, bubbles: true, composed: true }));
  }

  /** Waits for the strings of the language about to be shown, so no update flashes English. */
  protected override async scheduleUpdate(): Promise<void> {
    await loadUiLocale(uiLocaleFor(this.language));
    super.scheduleUpdate();
  }

  protected override render(): TemplateResult {
    const lang = this.language;
    return inLocale(uiLocaleFor(lang), () => html`<div part="screen" class="screen" lang=${lang} dir=${directionOf(lang)}>
        ${this.#renderScreen()}
        <dialog part="idle-dialog" aria-labelledby="idle-title" aria-describedby="idle-text" @cancel=${(e: Event) => e.preventDefault()}>
          <h2 id="idle-title">${msg('Are you still there?')}</h2>
          <p id="idle-text">${msg('If you are still here, touch the button. Otherwise your answers will be cleared for the next person.')}</p>
          <p class="countdown" role="timer" aria-live="off">${this.secondsLeft === undefined ? nothing : formatNumber(this.secondsLeft, lang)}</p>
          <div class="actions">
            <button class="primary" @click=${() => this.#idle.activity()}>${msg('Yes, I am still here')}</button>
          </div>
        </dialog>
      </div>`);
  }

  #text(map: TextMap): string {
    return localText(map, this.language, this.parsed!.languages[0]!);
  }

  #renderText(screen: KioskScreen): TemplateResult {
    return html`<h2 part="title" tabindex="-1">${this.#text(screen.title)}</h2>
      <div class="text">${this.#text(screen.text).split(/\n+/).map((paragraph) => html`<p>${paragraph}</p>`)}</div>`;
  }

  #renderScreen(): TemplateResult {
    if (this.screen === 'failed') {
      return failureMessage(msg('This questionnaire cannot be shown right now.'), this.failure);
    }
    const sequence = this.parsed;
    if (!sequence) return html`<p role="status">${msg('Loading…')}</p>`;
    switch (this.screen) {
      case 'start':
        return html`${this.#renderText(sequence.start)}
          <div part="actions" class="actions"><button class="primary" @click=${() => this.#show('language')}>${msg('Start')}</button></div>`;
      case 'language':
        return html`<h2 part="title" tabindex="-1" class="visually-hidden">${msg('Choose your language')}</h2>
          <pp-language-picker languages=${sequence.languages.join(' ')} value=${this.language} @pp-language-change=${this.#chooseLanguage}></pp-language-picker>
          <div part="actions" class="actions"><button class="primary" @click=${() => this.#show('consent')}>${msg('Next')}</button></div>`;
      case 'consent':
        return html`${this.#renderText(sequence.consent)}
          <div part="actions" class="actions">
            <button class="primary" @click=${() => this.#show('step')}>${msg('I agree')}</button>
            <button class="secondary" @click=${() => this.reset('declined')}>${msg('No, thank you')}</button>
          </div>`;
      case 'step':
        return html`<div part="step">${keyed(`${this.#session}-${this.stepIndex}`, this.#renderStep(sequence))}</div>`;
      case 'thanks':
        return html`${this.#renderText(sequence.thanks)}
          <div part="actions" class="actions"><button class="primary" @click=${() => this.reset('finished')}>${msg('Done')}</button></div>`;
    }
  }

  #renderStep(sequence: KioskSequence): TemplateResult {
    const step = sequence.steps[this.stepIndex]!;
    const subject = this.#sessionVault().subject;
    const progress = msg(str`Part ${formatNumber(this.stepIndex + 1, this.language)} of ${formatNumber(sequence.steps.length, this.language)}`);
    // The person chose their language before this step: when its questionnaire cannot be shown
    // in it (no translation, or one the clinic does not accept), they are told so in their language.
    const shownIn = this.stepShownIn && new Intl.DisplayNames([this.language], { type: 'language' }).of(this.stepShownIn);
    return 'questionnaire' in step
      ? html`<p class="visually-hidden" role="status">${progress}</p>
          <p part="language-notice" class="language-notice" role="status">${shownIn
            ? msg(str`These questions are shown in ${shownIn}: there is no checked translation into your language yet.`)
            : nothing}</p>
          <pp-questionnaire
            src=${step.questionnaire}
            lang=${this.language}
            subject=${subject}
            storage=${this.storage ?? nothing}
            .encryptionKey=${this.encryptionKey}
            layout="paged"
            accept-translations=${this.acceptTranslations ?? nothing}
            canonical-base=${this.canonicalBase ?? nothing}
            @pp-submit=${this.#nextStep}
            @pp-error=${(event: CustomEvent<ErrorDetail>) => (this.stepShownIn = event.detail.fallback?.shown ?? this.stepShownIn)}
          ></pp-questionnaire>`
      : html`<p class="visually-hidden" role="status">${progress}</p>
          <pp-education
            src=${step.module}
            lang=${this.language}
            subject=${subject}
            storage=${this.storage ?? nothing}
            .encryptionKey=${this.encryptionKey}
            @pp-education-complete=${this.#nextStep}
          ></pp-education>`;
  }
}

defineElement('pp-kiosk', PpKiosk);

declare global {
  interface HTMLElementTagNameMap {
    'pp-kiosk': PpKiosk;
  }
}
