import { LitElement, css, html, type PropertyValues, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import { msg } from '@lit/localize';
import { PpEvents, type ErrorDetail, type LanguageChangeDetail } from '../../src/events.js';
import { directionOf, resolveLocale } from '../../src/i18n/locale.js';
import { canonicalLanguageTag } from '../../src/model/text.js';
import { defineElement } from '../shared/define.js';
import { inLocale, loadUiLocale, UI_LOCALES, uiLocaleFor } from '../shared/localize.js';
import { choiceStyles } from '../shared/form-styles.js';
import { KeyboardModality } from '../shared/keyboard-modality.js';
import { tokens } from '../shared/tokens.js';

/** A language's name in that language, capitalised as a list item: "Dansk", "العربية", "Українська". */
function endonym(code: string): string {
  const name = new Intl.DisplayNames([code], { type: 'language' }).of(code) ?? code;
  return name.charAt(0).toLocaleUpperCase(code) + name.slice(1);
}

/**
 * Lets a person choose their language by its own name: no flags, since a flag is a country, not
 * a language.
 *
 * @summary A list of languages, each named in itself, for choosing the language of the forms.
 * @tag pp-language-picker
 *
 * @attr languages - Space-separated language codes to offer; every user-interface language when absent.
 * @attr value - The chosen language code.
 * @attr lang - The language of the picker's own heading; otherwise the chosen language.
 *
 * @event pp-language-change - The person chose a language, or confirmed the chosen one by choosing it again. Detail: `{ language }`.
 * @event pp-error - Some of `languages` are not language tags and are left out. Detail: `ErrorDetail` with the code `content-invalid`.
 *
 * @csspart group - The fieldset around the list.
 * @csspart label - The heading ("Choose your language").
 * @csspart options - The list of languages.
 * @csspart option - One language.
 *
 * @cssprop --pp-target-size - Minimum size of each choice (default 3rem, at least 48px).
 * @cssprop --pp-color-accent - Border and background of the chosen language.
 */
export class PpLanguagePicker extends LitElement {
  static override properties = {
    languages: {},
    value: { reflect: true },
    language: { attribute: 'lang' },
  };

  static override styles = [
    tokens,
    choiceStyles,
    css`
      fieldset {
        border: 0;
        margin: 0;
        padding: 0;
        min-inline-size: 0;
      }
      legend {
        font-size: 1.2em;
        font-weight: 600;
        padding: 0;
        margin-block-end: var(--_space);
      }
      .options {
        display: grid;
        grid-template-columns: repeat(auto-fill, minmax(min(100%, 10em), 1fr));
        gap: 0.5rem;
      }
      .option {
        font-size: 1.1em;
      }
    `,
  ];

  /** Rings a choice reached with arrow keys in WebKit too. */
  protected readonly keyboardModality = new KeyboardModality(this);

  languages = UI_LOCALES.join(' ');

  value = '';

  /** Mirrors the `lang` attribute; the native `lang` property keeps working. */
  language?: string;

  /** The codes of `languages` that are language tags: `Intl` cannot name the others. */
  #codes: string[] = [];

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (!changed.has('languages')) return;
    const codes = this.languages.split(/[\s,]+/).filter(Boolean);
    this.#codes = codes.filter((code) => canonicalLanguageTag(code) !== undefined);
    const invalid = codes.filter((code) => !this.#codes.includes(code)).map((code) => `"${code}"`);
    if (invalid.length === 0) return;
    const detail: ErrorDetail = { code: 'content-invalid', message: `${invalid.join(', ')} in languages are not BCP 47 language tags; they are left out.` };
    this.dispatchEvent(new CustomEvent<ErrorDetail>(PpEvents.error, { detail, bubbles: true, composed: true }));
  }

  /**
   * The language just emitted by `change`, so that the click of the same tap does not emit it
   * again. Choosing the chosen language again confirms it: by click, or by Space, for which
   * Chromium sends no click on a radio that is already checked.
   */
  #justChosen?: string;

  #choose(language: string): void {
    this.#justChosen = language;
    setTimeout(() => (this.#justChosen = undefined));
    this.value = language;
    this.dispatchEvent(
      new CustomEvent<LanguageChangeDetail>(PpEvents.languageChange, { detail: { language }, bubbles: true, composed: true }),
    );
  }

  /** The language of the picker's own heading: its `lang`, else the chosen language, else the page's or browser's. */
  get #uiLocale(): string {
    return uiLocaleFor(this.language || this.value || this.closest('[lang]')?.getAttribute('lang') || resolveLocale(navigator.languages, UI_LOCALES, 'en'));
  }

  /** Waits for the strings of the language about to be shown, so no update flashes English. */
  protected override async scheduleUpdate(): Promise<void> {
    await loadUiLocale(this.#uiLocale);
    super.scheduleUpdate();
  }

  protected override render(): TemplateResult {
    const locale = this.#uiLocale;
    return inLocale(
      locale,
      () => html`<fieldset part="group" lang=${locale} dir=${directionOf(locale)}>
        <legend part="label">${msg('Choose your language')}</legend>
        <div part="options" class="options">
          ${this.#codes.map(
            (code) => html`<label part="option" class="choice option" lang=${code} dir=${directionOf(code)}>
              <input
                type="radio"
                name="language"
                .checked=${live(this.value === code)}
                @change=${() => this.#choose(code)}
                @click=${() => this.#justChosen !== code && this.value === code && this.#choose(code)}
                @keyup=${(event: KeyboardEvent) => event.key === ' ' && this.#justChosen !== code && this.value === code && this.#choose(code)}
              />
              <span>${endonym(code)}</span>
            </label>`,
          )}
        </div>
      </fieldset>`,
    );
  }
}

defineElement('pp-language-picker', PpLanguagePicker);

declare global {
  interface HTMLElementTagNameMap {
    'pp-language-picker': PpLanguagePicker;
  }
}
