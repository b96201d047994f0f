/** `/lists`: every published batch and the current list, filtered, sorted and paginated. */
import type { SafeHtml } from '#jsx/jsx-runtime';
import type { BatchSummary, ListResult, ListSort } from '../../../store/queries/public-lists.ts';
import { Layout, type PageContext } from '../../components/layout.tsx';
import { formatNumber, translator } from '../../i18n/catalogue.ts';
import { localPath } from '../../i18n/language.ts';
import { queryString, type ListQuery } from '../../routes/list-query.ts';
import { Pagination } from '../shared/pagination.tsx';
import { formatDate, nameIn } from '../shared/labels.ts';
import { EntriesTable } from './entries-table.tsx';
import { ListFilterForm } from './list-filter-form.tsx';
import { DownloadLinks } from './download-links.tsx';

export interface ListsData {
  query: ListQuery;
  batches: (BatchSummary & { entries: number; current: number })[];
  result: ListResult;
  years: number[];
}

/** Batches shown before "all N batches": a national deployment has hundreds, the entries come first. */
export const LATEST_BATCHES = 12;

export function ListsPage(props: { page: PageContext; data: ListsData }): SafeHtml {
  const { page, data } = props;
  const { lang } = page;
  const t = translator(lang);
  const { values, paging } = data.query;
  const filtered = Object.keys(values).some((k) => k !== 'sort' && k !== 'dir' && k !== 'page' && k !== 'batches');
  const allBatches = values.batches === 'all' || data.batches.length <= LATEST_BATCHES;
  const shownBatches = allBatches ? data.batches : data.batches.slice(0, LATEST_BATCHES);
  const href = (extra: Record<string, string | number | undefined>) => localPath(lang, '/lists' + queryString({ ...values, ...extra }));
  const total = formatNumber(lang, data.result.total) + (data.result.totalCapped ? '+' : '');
  return (
    <Layout page={page} title={t('lists.title')} description={t('lists.intro')}>
      <h1>{t('lists.title')}</h1>
      <p class="lead">{t('lists.intro')}</p>
      <ListFilterForm lang={lang} t={t} action="/lists" values={values} years={data.years} />

      <section aria-labelledby="batches-heading">
        <h2 id="batches-heading">{t('lists.batches')}</h2>
        {data.batches.length === 0 ? (
          <p class="muted">{t('lists.noBatches')}</p>
        ) : (
          <div class="table-scroll">
            <table class="data-table">
              <caption class="visually-hidden">{t('lists.batches')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('lists.column.batch')}</th>
                  <th scope="col">{t('lists.column.tier')}</th>
                  <th scope="col">{t('lists.column.authority')}</th>
                  <th scope="col">{t('lists.column.publishedOn')}</th>
                  <th scope="col" class="number">{t('lists.column.entries')}</th>
                  <th scope="col" class="number">{t('lists.column.current')}</th>
                  <th scope="col">{t('lists.column.download')}</th>
                </tr>
              </thead>
              <tbody>
                {shownBatches.map((b) => (
                  <tr>
                    <td>
                      <a href={localPath(lang, `/lists/${b.slug}`)}>{nameIn(lang, b.nameZh, b.nameEn)}</a>
                      {b.noticeNumber ? <span class="hint">{b.noticeNumber}</span> : null}
                    </td>
                    <td>{t(`site.tier.${b.tier}`)}</td>
                    <td>{nameIn(lang, b.authorityNameZh, b.authorityNameEn)}</td>
                    <td>{formatDate(lang, b.publishedOn)}</td>
                    <td class="number">{formatNumber(lang, b.entries)}</td>
                    <td class="number">{formatNumber(lang, b.current)}</td>
                    <td><DownloadLinks t={t} base={`/open-data/batches/${b.slug}`} label={nameIn(lang, b.nameZh, b.nameEn)} /></td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        {allBatches ? null : (
          <p>
            <a href={href({ batches: 'all' })}>{t('lists.allBatches', { shown: formatNumber(lang, LATEST_BATCHES), count: formatNumber(lang, data.batches.length) })}</a>
          </p>
        )}
      </section>

      <section aria-labelledby="entries-heading">
        <h2 id="entries-heading">{filtered ? t('lists.entriesFiltered') : t('lists.entries')}</h2>
        <p class="result-count" role="status">{t('lists.entryCount', { count: total })}</p>
        <p class="downloads">{t('lists.currentDownloads')} <DownloadLinks t={t} base="/open-data/current" label={t('lists.currentList')} /></p>
        {data.result.items.length === 0 ? (
          <p class="muted">{t('lists.noEntries')}</p>
        ) : (
          <EntriesTable
            lang={lang}
            t={t}
            caption={t('lists.entries')}
            rows={data.result.items}
            paging={paging}
            sortHref={(sort: ListSort, dir) => href({ sort, dir, page: undefined })}
            showBatch={true}
            showStatus={false}
          />
        )}
        <Pagination t={t} page={paging.page} pageCount={data.result.pageCount} href={(p) => href({ page: p === 1 ? undefined : p })} />
      </section>
    </Layout>
  );
}
