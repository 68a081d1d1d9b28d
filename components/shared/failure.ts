import { css, html, nothing, type TemplateResult } from 'lit';
import { msg } from '@lit/localize';
import type { ErrorDetail } from '../../src/events.js';
import { ContentError } from '../../src/model/content-error.js';

/**
 * What an element shows when its content cannot be used: a plain sentence for the person, and
 * the details (for staff and editors) one click away. Render it inside `inLocale()`.
 */
export function failureMessage(headline: string, failure: ErrorDetail | undefined, { tellStaff = true } = {}): TemplateResult {
  return html`<div part="error" class="failure" role="alert">
    <p><strong>${headline}</strong></p>
    ${tellStaff ? html`<p>${msg('Please tell a member of staff.')}</p>` : nothing}
    <details>
      <summary>${msg('Details for staff')}</summary>
      <p>${failure?.message.split('\n')[0]}</p>
      ${failure?.problems
        ? html`<ul>
            ${failure.problems.map((p) => html`<li><code>${p.path || '(root)'}</code>: ${p.message}</li>`)}
          </ul>`
        : nothing}
    </details>
  </div>`;
}

/** The box around a failure message; long JSON paths in its details wrap instead of widening it. */
export const failureStyles = css`
  .failure {
    border: 2px solid var(--_error);
    border-radius: var(--_radius);
    padding: var(--_space);
  }

  .failure code {
    overflow-wrap: anywhere;
  }
`;

/**
 * The `pp-error` detail for an error thrown while reading content: a ContentError with its
 * problems, or anything no check foresaw (content that breaks a browser API), so that the host
 * hears of it instead of an unhandled rejection.
 */
export function contentFailure(error: unknown): ErrorDetail {
  if (error instanceof ContentError) return { code: 'content-invalid', message: error.message, problems: error.problems, cause: error };
  return { code: 'content-invalid', message: `The content could not be used: ${error instanceof Error ? error.message : String(error)}`, cause: error };
}

/** The `pp-error` detail for storage trouble; `message` puts the browser's reason into words for the host. */
export function storageFailure(error: unknown, message: (reason: string) => string): ErrorDetail {
  // A DOMException may come without a message (Chromium's QuotaExceededError does): its name says it then.
  const reason = error instanceof Error ? error.message || error.name : String(error);
  return { code: 'storage-unavailable', message: message(reason), cause: error };
}
