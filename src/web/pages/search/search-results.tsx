/**
 * Search hits with the match marked. The same markup is the plain page's result list and
 * the fragment htmx swaps in while typing (`/search/live`).
 */
import type { SafeHtml } from '#jsx/jsx-runtime';
import type { SearchResult } from '../../../store/queries/search-enterprises.ts';
import { formatNumber, type Translate } from '../../i18n/catalogue.ts';
import { localPath, type Lang } from '../../i18n/language.ts';
import { highlight, occursIn } from '../shared/highlight.ts';
import { industryLabel, regionLabel } from '../shared/labels.ts';

export function SearchResults(props: { lang: Lang; t: Translate; query: string; result: SearchResult | undefined; offset: number }): SafeHtml {
  const { lang, t, query, result } = props;
  if (result === undefined || query.trim() === '') return <p class="muted" role="status">{t('search.prompt')}</p>;
  const total = formatNumber(lang, result.total) + (result.totalCapped ? '+' : '');
  return (
    <>
      <p class="result-count" role="status">{result.total === 0 ? t('search.none', { query }) : t('search.count', { count: total, query })}</p>
      {result.items.length === 0 ? null : (
        <ol class="search-results" start={props.offset + 1}>
          {result.items.map((hit) => {
            const inText = occursIn(hit.nameZh, query) || occursIn(hit.nameEn, query) || occursIn(hit.creditCode, query);
            return (
              <li>
                <a class="hit-name" href={localPath(lang, `/enterprises/${hit.id}`)} lang="zh-CN">{highlight(hit.nameZh, query)}</a>
                {hit.nameEn ? <span class="secondary-name" lang="en">{highlight(hit.nameEn, query)}</span> : null}
                <span class="hit-facts">
                  <span>{t('search.creditCode')} <code>{highlight(hit.creditCode, query)}</code></span>
                  <span>{regionLabel(lang, hit.cityCode)}</span>
                  <span>{industryLabel(lang, hit.industryCode)}</span>
                  {inText ? null : <span class="hint">{t('search.matchedByPinyin')}</span>}
                </span>
              </li>
            );
          })}
        </ol>
      )}
    </>
  );
}
