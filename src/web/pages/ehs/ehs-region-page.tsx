/** `/workspace/ehs` for a reviewer: the registers of the enterprises in the reviewer's region. */
import type { SafeHtml } from '#jsx/jsx-runtime';
import type { RegionRegisterRow } from '../../../store/queries/ehs/ehs-charts-data.ts';
import { Layout, type PageContext } from '../../components/layout.tsx';
import { formatNumber, translator } from '../../i18n/catalogue.ts';
import { localPath } from '../../i18n/language.ts';

export function EhsRegionPage(props: { page: PageContext; rows: readonly RegionRegisterRow[] }): SafeHtml {
  const { page } = props;
  const t = translator(page.lang);
  return (
    <Layout page={page} title={t('ehs.region.title')}>
      <p class="breadcrumb"><a href={localPath(page.lang, '/workspace')}>{t('workspace.title')}</a></p>
      <h1>{t('ehs.region.title')}</h1>
      <p class="lead">{t('ehs.region.intro')}</p>
      {props.rows.length === 0 ? (
        <p>{t('ehs.region.none')}</p>
      ) : (
        <table class="data-table">
          <caption class="visually-hidden">{t('ehs.region.title')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('ehs.region.enterprise')}</th>
              <th scope="col" class="number">{t('ehs.region.openItems')}</th>
              <th scope="col">{t('ehs.region.lastEvent')}</th>
              <th scope="col">{t('ehs.region.negativeList')}</th>
            </tr>
          </thead>
          <tbody>
            {props.rows.map((row) => (
              <tr>
                <td><a href={localPath(page.lang, `/workspace/ehs/${row.enterpriseId}`)}>{page.lang === 'en' && row.nameEn ? row.nameEn : row.nameZh}</a></td>
                <td class="number">{formatNumber(page.lang, row.openItems)}</td>
                <td>{row.lastEventOn ?? '—'}</td>
                <td>{row.negativeListUntil === null ? '—' : <strong>{t('ehs.accidents.listedUntil', { until: row.negativeListUntil })}</strong>}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Layout>
  );
}
