/**
 * `/search?q=`: enterprise names (Chinese and English), pinyin and credit codes. A plain
 * GET form; with JavaScript, htmx fetches `/search/live` as the visitor types and swaps
 * the results in place; Enter submits the form and gives the plain, bookmarkable page.
 */
import { raw, type SafeHtml } from '#jsx/jsx-runtime';
import type { SearchResult } from '../../../store/queries/search-enterprises.ts';
import { Layout, type PageContext } from '../../components/layout.tsx';
import { translator } from '../../i18n/catalogue.ts';
import { localPath } from '../../i18n/language.ts';
import { queryString } from '../../routes/list-query.ts';
import { Pagination } from '../shared/pagination.tsx';
import { SearchResults } from './search-results.tsx';

export const SEARCH_PAGE_SIZE = 20;

/** htmx must not inject its indicator <style> (blocked by the CSP). */
export const HTMX_CONFIG = raw('<meta name="htmx-config" content=\'{"includeIndicatorStyles":false,"allowEval":false}\'>');

export function SearchPage(props: { page: PageContext; query: string; result: SearchResult | undefined; pageNumber: number }): SafeHtml {
  const { page, query, result } = props;
  const { lang } = page;
  const t = translator(lang);
  const pageCount = result === undefined ? 0 : Math.ceil(Math.min(result.total, 1000) / SEARCH_PAGE_SIZE);
  return (
    <Layout page={page} title={query === '' ? t('search.title') : t('search.titleWithQuery', { query })} head={HTMX_CONFIG}>
      <h1>{t('search.title')}</h1>
      <form class="search-form" action={localPath(lang, '/search')} method="get" role="search">
        <label for="search-q">{t('search.label')}</label>
        <p id="search-hint" class="hint">{t('search.hint')}</p>
        <div class="search-row">
          <input
            id="search-q"
            name="q"
            type="search"
            value={query}
            autocomplete="off"
            aria-describedby="search-hint"
            aria-controls="search-results"
            hx-get={localPath(lang, '/search/live')}
            hx-trigger="input changed delay:250ms, search"
            hx-target="#search-results"
            hx-sync="this:replace"
          />
          <button type="submit">{t('site.search.submit')}</button>
        </div>
      </form>
      <div id="search-results" aria-live="polite">
        <SearchResults lang={lang} t={t} query={query} result={result} offset={(props.pageNumber - 1) * SEARCH_PAGE_SIZE} />
      </div>
      <Pagination t={t} page={props.pageNumber} pageCount={pageCount} href={(p) => localPath(lang, '/search' + queryString({ q: query, page: p === 1 ? undefined : p }))} />
    </Layout>
  );
}
