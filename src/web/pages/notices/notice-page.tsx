/**
 * `/notices/{id}`: one notice with its entries. While it is open every candidate entry
 * links to the objection form; once closed, each objection's published outcome is shown
 * (case number and decision, never who objected).
 */
import type { SafeHtml } from '#jsx/jsx-runtime';
import type { NoticeEntryRow, NoticeSummary, ObjectionOutcome } from '../../../store/queries/public-notices.ts';
import { toDayNumber } from '../../../domain/calendar/plain-date.ts';
import { Layout, type PageContext } from '../../components/layout.tsx';
import { formatNumber, translator, type Translate } from '../../i18n/catalogue.ts';
import { localPath, type Lang } from '../../i18n/language.ts';
import { formatDate, industryLabel, nameIn, regionLabel, wordFor } from '../shared/labels.ts';

export interface NoticeData {
  notice: NoticeSummary;
  entries: NoticeEntryRow[];
  outcomes: ObjectionOutcome[];
  /** Objections received per entry (counts only), while the notice is open. */
  received: Map<number, number>;
  today: string;
}

export function isAcceptingObjections(notice: NoticeSummary, today: string): boolean {
  return notice.status === 'open' && today >= notice.opensOn && today <= notice.closesOn;
}

function Outcomes(props: { lang: Lang; t: Translate; data: NoticeData }): SafeHtml {
  const { lang, t, data } = props;
  const entryName = (id: number) => data.entries.find((e) => e.id === id)?.nameZh ?? '—';
  return (
    <section aria-labelledby="outcomes-heading">
      <h2 id="outcomes-heading">{t('notice.outcomes')}</h2>
      {data.outcomes.length === 0 ? (
        <p class="muted">{t('notice.noOutcomes')}</p>
      ) : (
        <div class="table-scroll">
          <table class="data-table">
            <caption class="visually-hidden">{t('notice.outcomes')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('notice.column.case')}</th>
                <th scope="col">{t('notice.column.entry')}</th>
                <th scope="col">{t('notice.column.filedOn')}</th>
                <th scope="col">{t('notice.column.decision')}</th>
                <th scope="col">{t('notice.column.note')}</th>
              </tr>
            </thead>
            <tbody>
              {data.outcomes.map((o) => (
                <tr>
                  <td><code>{o.caseNumber}</code></td>
                  <td lang="zh-CN">{entryName(o.noticeEntryId)}</td>
                  <td>{formatDate(lang, o.filedOn)}</td>
                  <td><span class={`status status-${o.status}`}>{wordFor(t, lang, 'site.objectionOutcome', o.status)}</span></td>
                  <td>{o.outcomeNote ?? '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

export function NoticePage(props: { page: PageContext; data: NoticeData }): SafeHtml {
  const { page, data } = props;
  const { lang } = page;
  const t = translator(lang);
  const { notice } = data;
  const title = nameIn(lang, notice.titleZh, notice.titleEn);
  const accepting = isAcceptingObjections(notice, data.today);
  const left = Math.max(toDayNumber(notice.closesOn) - toDayNumber(data.today), 0);
  return (
    <Layout page={page} title={title} description={t('notice.description', { title })}>
      <nav class="breadcrumbs" aria-label={t('site.breadcrumbs')}>
        <a href={localPath(lang, '/notices')}>{t('notices.title')}</a> <span aria-hidden="true">›</span> <span aria-current="page">{title}</span>
      </nav>
      <h1>{title}</h1>
      <dl class="facts">
        <div><dt>{t('notice.authority')}</dt><dd>{nameIn(lang, notice.authorityNameZh, notice.authorityNameEn)}</dd></div>
        <div><dt>{t('notice.period')}</dt><dd>{t('notices.period', { from: formatDate(lang, notice.opensOn), to: formatDate(lang, notice.closesOn) })}</dd></div>
        <div><dt>{t('notice.length')}</dt><dd>{t(notice.dayKind === 'working' ? 'notice.workingDays' : 'notice.calendarDays', { days: notice.days })}</dd></div>
        <div><dt>{t('notice.status')}</dt><dd><span class={`status status-${accepting ? 'open' : 'closed'}`}>{accepting ? t('notice.statusOpen', { days: left }) : t('notice.statusClosed')}</span></dd></div>
        <div><dt>{t('notice.batch')}</dt><dd>{notice.batchStatus === 'published' ? <a href={localPath(lang, `/lists/${notice.batchSlug}`)}>{nameIn(lang, notice.batchNameZh, notice.batchNameEn)}</a> : nameIn(lang, notice.batchNameZh, notice.batchNameEn)}</dd></div>
      </dl>
      {accepting ? (
        <div class="callout">
          <h2>{t('notice.howToObject')}</h2>
          <p>{t('notice.howToObjectText', { date: formatDate(lang, notice.closesOn) })}</p>
          <p><a class="button" href={localPath(lang, `/notices/${notice.id}/object`)}>{t('notice.objectButton')}</a></p>
        </div>
      ) : null}
      <section aria-labelledby="entries-heading">
        <h2 id="entries-heading">{t('notice.entries', { count: formatNumber(lang, data.entries.length) })}</h2>
        <div class="table-scroll">
          <table class="data-table">
            <caption class="visually-hidden">{t('notice.entries', { count: formatNumber(lang, data.entries.length) })}</caption>
            <thead>
              <tr>
                <th scope="col" class="number">{t('notice.column.position')}</th>
                <th scope="col">{t('notice.column.entry')}</th>
                <th scope="col">{t('notice.column.region')}</th>
                <th scope="col">{t('notice.column.industry')}</th>
                <th scope="col">{t('notice.column.status')}</th>
                {accepting ? <th scope="col">{t('notice.column.object')}</th> : null}
              </tr>
            </thead>
            <tbody>
              {data.entries.map((e) => (
                <tr id={`entry-${e.id}`}>
                  <td class="number">{e.position}</td>
                  <td><a href={localPath(lang, `/enterprises/${e.enterpriseId}`)} lang="zh-CN">{e.nameZh}</a></td>
                  <td>{regionLabel(lang, e.cityCode)}</td>
                  <td>{industryLabel(lang, e.industryCode)}</td>
                  <td>
                    {wordFor(t, lang, 'site.noticeEntryStatus', e.status)}
                    {(data.received.get(e.id) ?? 0) > 0 ? <span class="hint">{t('notice.received', { count: data.received.get(e.id)! })}</span> : null}
                  </td>
                  {accepting ? (
                    <td>{e.status === 'candidate' ? <a href={localPath(lang, `/notices/${notice.id}/object?entry=${e.id}`)} aria-label={t('notice.objectTo', { name: e.nameZh })}>{t('notice.object')}</a> : '—'}</td>
                  ) : null}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
      {notice.status === 'closed' ? <Outcomes lang={lang} t={t} data={data} /> : null}
    </Layout>
  );
}
