/** Small pieces the workspace pages share: a state badge, dates, names, a history list, region names. */
import type { SafeHtml } from '#jsx/jsx-runtime';
import { isApplicationState, STATE_NAMES } from '../../../../domain/applications/application-states.ts';
import type { HistoryLine } from '../../../../store/queries/application-history.ts';
import type { Translate } from '../../../i18n/catalogue.ts';
import type { Lang } from '../../../i18n/language.ts';
import { formatDate, regionLabel } from '../../shared/labels.ts';

export { formatDate, regionLabel };

/** The application state in the reader's language, as a badge. */
export function StateBadge(props: { lang: Lang; state: string }): SafeHtml {
  const name = isApplicationState(props.state) ? STATE_NAMES[props.state] : { zh: props.state, en: props.state };
  return <span class={`status state-${props.state}`}>{props.lang === 'en' ? name.en : name.zh}</span>;
}

export function stateName(lang: Lang, state: string): string {
  const name = isApplicationState(state) ? STATE_NAMES[state] : { zh: state, en: state };
  return lang === 'en' ? name.en : name.zh;
}

/** A status word of reports, entries, notices, engagements from the catalogue (`ws-common.status.*`), else the raw value. */
export function statusWord(t: Translate, status: string): string {
  const key = `ws-common.status.${status}`;
  const text = t(key);
  return text === key ? status : text;
}

export function History(props: { t: Translate; lines: readonly HistoryLine[] }): SafeHtml {
  return (
    <section aria-labelledby="history">
      <h2 id="history">{props.t('ws-common.history')}</h2>
      {props.lines.length === 0 ? <p class="muted">{props.t('ws-common.noHistory')}</p> : (
        <ol class="history-list">{props.lines.map((line) => <li><time datetime={line.at}>{line.at.slice(0, 10)}</time> {line.text.slice(11)}</li>)}</ol>
      )}
    </section>
  );
}

/** '2026-12-15' → "in 15 days" / "today" / "3 days ago" against today. */
export function daysFrom(t: Translate, today: string, date: string): string {
  const days = Math.round((Date.parse(`${date}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / 86_400_000);
  if (days === 0) return t('ws-common.days.today');
  return days > 0 ? t('ws-common.days.in', { days }) : t('ws-common.days.ago', { days: -days });
}
