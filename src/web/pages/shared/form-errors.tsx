/** Form errors: a summary at the top that links to each field, and a message beside the field. */
import type { SafeHtml } from '#jsx/jsx-runtime';
import type { Translate } from '../../i18n/catalogue.ts';

/** Field name → message already in the page's language. */
export type FieldErrors = Record<string, string>;

export function ErrorSummary(props: { t: Translate; errors: FieldErrors }): SafeHtml {
  const entries = Object.entries(props.errors);
  if (entries.length === 0) return <></>;
  return (
    <div class="error-summary" role="alert" aria-labelledby="error-summary-title" tabindex="-1">
      <h2 id="error-summary-title">{props.t('site.form.errorSummary')}</h2>
      <ul>
        {entries.map(([field, message]) => <li><a href={`#${field}`}>{message}</a></li>)}
      </ul>
    </div>
  );
}

export function fieldError(field: string, errors: FieldErrors): SafeHtml | null {
  const message = errors[field];
  return message === undefined ? null : <span id={`${field}-error`} class="field-error">{message}</span>;
}
