/** `/lists/{batch}`: one batch, its changes against the list before it, its entries and downloads. */
import type { SafeHtml } from '#jsx/jsx-runtime';
import type { BatchDiff } from '../../../store/queries/batch-diff.ts';
import type { BatchSummary, ListResult, ListSort } from '../../../store/queries/public-lists.ts';
import { Layout, type PageContext } from '../../components/layout.tsx';
import { formatNumber, translator, type Translate } from '../../i18n/catalogue.ts';
import { localPath, type Lang } from '../../i18n/language.ts';
import { queryString, type ListQuery } from '../../routes/list-query.ts';
import { Pagination } from '../shared/pagination.tsx';
import { formatDate, nameIn, programmeLabel, regionLabel, wordFor } from '../shared/labels.ts';
import { EntriesTable } from './entries-table.tsx';
import { DownloadLinks } from './download-links.tsx';

export interface BatchData {
  batch: BatchSummary;
  previous: BatchSummary | undefined;
  diff: BatchDiff;
  result: ListResult;
  query: ListQuery;
}

function Changes(props: { lang: Lang; t: Translate; data: BatchData }): SafeHtml {
  const { lang, t, data } = props;
  const { diff } = data;
  const enterprise = (id: number) => localPath(lang, `/enterprises/${id}`);
  return (
    <section aria-labelledby="diff-heading">
      <h2 id="diff-heading">{t('batch.diff.title')}</h2>
      <p>
        {data.previous === undefined
          ? t('batch.diff.first')
          : t('batch.diff.against', { previous: nameIn(lang, data.previous.nameZh, data.previous.nameEn) })}
      </p>
      <ul class="stat-grid compact">
        <li class="stat"><span class="stat-value">{formatNumber(lang, diff.added.length)}</span><span class="stat-label">{t('batch.diff.added')}</span></li>
        <li class="stat"><span class="stat-value">{formatNumber(lang, diff.removed.length)}</span><span class="stat-label">{t('batch.diff.removed')}</span></li>
        <li class="stat"><span class="stat-value">{formatNumber(lang, diff.renamed.length)}</span><span class="stat-label">{t('batch.diff.renamed')}</span></li>
      </ul>
      <p class="downloads">{t('batch.diff.download')} <DownloadLinks t={t} base={`/open-data/batches/${data.batch.slug}/diff`} label={t('batch.diff.title')} formats={['csv', 'json']} /></p>
      {diff.removed.length === 0 ? null : (
        <div class="table-scroll">
          <table class="data-table">
            <caption>{t('batch.diff.removedCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('lists.column.name')}</th>
                <th scope="col">{t('lists.column.region')}</th>
                <th scope="col">{t('batch.diff.listedIn')}</th>
                <th scope="col">{t('batch.diff.reason')}</th>
                <th scope="col">{t('batch.diff.mode')}</th>
              </tr>
            </thead>
            <tbody>
              {diff.removed.map((r) => (
                <tr>
                  <td><a href={enterprise(r.enterpriseId)}>{nameIn(lang, r.nameZh, r.nameEn)}</a></td>
                  <td>{regionLabel(lang, r.cityCode)}</td>
                  <td><a href={localPath(lang, `/lists/${r.batchSlug}`)}>{nameIn(lang, r.batchNameZh, r.batchNameEn)}</a></td>
                  <td>{r.reason}</td>
                  <td>{wordFor(t, lang, 'site.removalMode', r.mode)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {diff.renamed.length === 0 ? null : (
        <div class="table-scroll">
          <table class="data-table">
            <caption>{t('batch.diff.renamedCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('batch.diff.from')}</th>
                <th scope="col">{t('batch.diff.to')}</th>
                <th scope="col">{t('batch.diff.listedIn')}</th>
              </tr>
            </thead>
            <tbody>
              {diff.renamed.map((r) => (
                <tr>
                  <td lang="zh-CN">{r.from}</td>
                  <td><a href={enterprise(r.enterpriseId)} lang="zh-CN">{r.nameZh}</a></td>
                  <td><a href={localPath(lang, `/lists/${r.batchSlug}`)}>{nameIn(lang, r.batchNameZh, r.batchNameEn)}</a></td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

export function BatchPage(props: { page: PageContext; data: BatchData }): SafeHtml {
  const { page, data } = props;
  const { lang } = page;
  const t = translator(lang);
  const { batch, result } = data;
  const title = nameIn(lang, batch.nameZh, batch.nameEn);
  const href = (extra: Record<string, string | number | undefined>) => localPath(lang, `/lists/${batch.slug}` + queryString({ ...data.query.values, ...extra }));
  return (
    <Layout page={page} title={title} description={t('batch.description', { batch: title })}>
      <nav class="breadcrumbs" aria-label={t('site.breadcrumbs')}>
        <a href={localPath(lang, '/lists')}>{t('lists.title')}</a> <span aria-hidden="true">›</span> <span aria-current="page">{title}</span>
      </nav>
      <h1>{title}</h1>
      <dl class="facts">
        <div><dt>{t('batch.programme')}</dt><dd>{programmeLabel(lang, batch.programmeCode)}</dd></div>
        <div><dt>{t('batch.tier')}</dt><dd>{t(`site.tier.${batch.tier}`)}</dd></div>
        <div><dt>{t('batch.authority')}</dt><dd>{nameIn(lang, batch.authorityNameZh, batch.authorityNameEn)}</dd></div>
        <div><dt>{t('batch.year')}</dt><dd>{batch.year}</dd></div>
        {batch.noticeNumber ? <div><dt>{t('batch.noticeNumber')}</dt><dd>{batch.noticeNumber}</dd></div> : null}
        <div><dt>{t('batch.publishedOn')}</dt><dd>{formatDate(lang, batch.publishedOn)}</dd></div>
      </dl>
      <p class="downloads">{t('batch.download')} <DownloadLinks t={t} base={`/open-data/batches/${batch.slug}`} label={title} /></p>
      <Changes lang={lang} t={t} data={data} />
      <section aria-labelledby="entries-heading">
        <h2 id="entries-heading">{t('batch.entries')}</h2>
        <p class="result-count" role="status">{t('lists.entryCount', { count: formatNumber(lang, result.total) + (result.totalCapped ? '+' : '') })}</p>
        <EntriesTable
          lang={lang}
          t={t}
          caption={t('batch.entries')}
          rows={result.items}
          paging={data.query.paging}
          sortHref={(sort: ListSort, dir) => href({ sort, dir, page: undefined })}
          showBatch={false}
          showStatus={true}
        />
        <Pagination t={t} page={data.query.paging.page} pageCount={result.pageCount} href={(p) => href({ page: p === 1 ? undefined : p })} />
      </section>
    </Layout>
  );
}
