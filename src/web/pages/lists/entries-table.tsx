/** List entries as a table whose column headers sort it (links, so sorting works without JavaScript). */
import type { SafeHtml } from '#jsx/jsx-runtime';
import type { ListEntryRow, ListPaging, ListSort } from '../../../store/queries/public-lists.ts';
import type { Translate } from '../../i18n/catalogue.ts';
import { localPath, type Lang } from '../../i18n/language.ts';
import { formatDate, industryLabel, nameIn, regionLabel, wordFor } from '../shared/labels.ts';

export interface EntriesTableProps {
  lang: Lang;
  t: Translate;
  caption: string;
  rows: readonly ListEntryRow[];
  paging: ListPaging;
  /** Link for a sort order (keeps the filters, resets the page). */
  sortHref: (sort: ListSort, direction: 'asc' | 'desc') => string;
  showBatch: boolean;
  showStatus: boolean;
}

function SortHeader(props: { t: Translate; label: string; sort: ListSort; paging: ListPaging; href: EntriesTableProps['sortHref'] }): SafeHtml {
  const active = props.paging.sort === props.sort;
  const next = active && props.paging.direction === 'asc' ? 'desc' : active ? 'asc' : props.sort === 'listed' ? 'desc' : 'asc';
  const ariaSort = active ? (props.paging.direction === 'asc' ? 'ascending' : 'descending') : undefined;
  return (
    <th scope="col" aria-sort={ariaSort}>
      <a href={props.href(props.sort, next)} class="sort-link">
        {props.label}
        <span class="visually-hidden"> {props.t(next === 'asc' ? 'lists.sortAscending' : 'lists.sortDescending')}</span>
        {active ? <span aria-hidden="true">{props.paging.direction === 'asc' ? ' ▲' : ' ▼'}</span> : null}
      </a>
    </th>
  );
}

export function EntriesTable(props: EntriesTableProps): SafeHtml {
  const { lang, t, paging } = props;
  return (
    <div class="table-scroll">
      <table class="data-table">
        <caption class="visually-hidden">{props.caption}</caption>
        <thead>
          <tr>
            <SortHeader t={t} label={t('lists.column.name')} sort="name" paging={paging} href={props.sortHref} />
            <SortHeader t={t} label={t('lists.column.region')} sort="region" paging={paging} href={props.sortHref} />
            <SortHeader t={t} label={t('lists.column.industry')} sort="industry" paging={paging} href={props.sortHref} />
            <th scope="col">{t('lists.column.tier')}</th>
            {props.showBatch ? <th scope="col">{t('lists.column.batch')}</th> : null}
            <SortHeader t={t} label={t('lists.column.listedOn')} sort="listed" paging={paging} href={props.sortHref} />
            {props.showStatus ? <th scope="col">{t('lists.column.status')}</th> : null}
          </tr>
        </thead>
        <tbody>
          {props.rows.map((row) => (
            <tr>
              <td>
                <a href={localPath(lang, `/enterprises/${row.enterpriseId}`)} lang={lang === 'en' && row.nameEn ? 'en' : 'zh-CN'}>{nameIn(lang, row.nameZh, row.nameEn)}</a>
                {lang === 'en' && row.nameEn ? <span class="secondary-name" lang="zh-CN">{row.nameZh}</span> : null}
              </td>
              <td>{regionLabel(lang, row.cityCode)}</td>
              <td>{industryLabel(lang, row.industryCode)}</td>
              <td>{t(`site.tier.${row.tier}`)}</td>
              {props.showBatch ? <td><a href={localPath(lang, `/lists/${row.batchSlug}`)}>{nameIn(lang, row.batchNameZh, row.batchNameEn)}</a></td> : null}
              <td><time datetime={row.listedOn}>{formatDate(lang, row.listedOn)}</time></td>
              {props.showStatus ? (
                <td>
                  <span class={`status status-${row.status}`}>{wordFor(t, lang, 'site.entryStatus', row.status)}</span>
                  {row.status === 'removed' && row.removalReason ? <span class="hint">{t('lists.removedOnReason', { date: formatDate(lang, row.removedOn), reason: row.removalReason })}</span> : null}
                  {row.renamedFrom ? <span class="hint">{t('lists.formerName', { name: row.renamedFrom })}</span> : null}
                </td>
              ) : null}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
