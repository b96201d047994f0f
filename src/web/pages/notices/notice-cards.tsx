/** Open notices as cards: title, issuing authority, period, days left, a link to object. */
import type { SafeHtml } from '#jsx/jsx-runtime';
import { toDayNumber } from '../../../domain/calendar/plain-date.ts';
import type { NoticeSummary } from '../../../store/queries/public-notices.ts';
import { formatNumber, type Translate } from '../../i18n/catalogue.ts';
import { localPath, type Lang } from '../../i18n/language.ts';
import { formatDate, nameIn } from '../shared/labels.ts';

export function NoticeCards(props: { lang: Lang; t: Translate; notices: readonly NoticeSummary[]; today: string }): SafeHtml {
  const { lang, t } = props;
  return (
    <ul class="notice-cards">
      {props.notices.map((n) => {
        const left = Math.max(toDayNumber(n.closesOn) - toDayNumber(props.today), 0);
        return (
          <li class="notice-card">
            <h3><a href={localPath(lang, `/notices/${n.id}`)}>{nameIn(lang, n.titleZh, n.titleEn)}</a></h3>
            <p class="muted">{nameIn(lang, n.authorityNameZh, n.authorityNameEn)}</p>
            <p>
              {t('notices.period', { from: formatDate(lang, n.opensOn), to: formatDate(lang, n.closesOn) })}
              {' · '}
              <strong>{left === 0 ? t('notices.closesToday') : t('notices.daysLeft', { days: left })}</strong>
            </p>
            <p>{t('notices.entryCount', { count: formatNumber(lang, n.entries) })}</p>
          </li>
        );
      })}
    </ul>
  );
}
