/** `/notices`: open notices first (anyone may object while one is open), then closed ones. */
import type { SafeHtml } from '#jsx/jsx-runtime';
import type { NoticeSummary } from '../../../store/queries/public-notices.ts';
import { Layout, type PageContext } from '../../components/layout.tsx';
import { formatNumber, translator } from '../../i18n/catalogue.ts';
import { localPath } from '../../i18n/language.ts';
import { formatDate, nameIn } from '../shared/labels.ts';
import { NoticeCards } from './notice-cards.tsx';

export function NoticesPage(props: { page: PageContext; open: NoticeSummary[]; closed: NoticeSummary[]; today: string }): SafeHtml {
  const { page } = props;
  const { lang } = page;
  const t = translator(lang);
  return (
    <Layout page={page} title={t('notices.title')} description={t('notices.intro')}>
      <h1>{t('notices.title')}</h1>
      <p class="lead">{t('notices.intro')}</p>
      <section aria-labelledby="open-heading">
        <h2 id="open-heading">{t('notices.open')}</h2>
        {props.open.length === 0 ? <p class="muted">{t('notices.noOpen')}</p> : <NoticeCards lang={lang} t={t} notices={props.open} today={props.today} />}
      </section>
      <section aria-labelledby="closed-heading">
        <h2 id="closed-heading">{t('notices.closed')}</h2>
        {props.closed.length === 0 ? (
          <p class="muted">{t('notices.noClosed')}</p>
        ) : (
          <div class="table-scroll">
            <table class="data-table">
              <caption class="visually-hidden">{t('notices.closed')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('notices.column.title')}</th>
                  <th scope="col">{t('notices.column.authority')}</th>
                  <th scope="col">{t('notices.column.period')}</th>
                  <th scope="col" class="number">{t('notices.column.entries')}</th>
                </tr>
              </thead>
              <tbody>
                {props.closed.map((n) => (
                  <tr>
                    <td><a href={localPath(lang, `/notices/${n.id}`)}>{nameIn(lang, n.titleZh, n.titleEn)}</a></td>
                    <td>{nameIn(lang, n.authorityNameZh, n.authorityNameEn)}</td>
                    <td>{t('notices.period', { from: formatDate(lang, n.opensOn), to: formatDate(lang, n.closesOn) })}</td>
                    <td class="number">{formatNumber(lang, n.entries)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </Layout>
  );
}
