/** `/search?q=` (page) and `/search/live?q=` (the results fragment htmx swaps in while typing). */
import type { FastifyInstance } from 'fastify';
import { searchEnterprises } from '../../store/queries/search-enterprises.ts';
import { translator } from '../i18n/catalogue.ts';
import { SearchPage, SEARCH_PAGE_SIZE } from '../pages/search/search-page.tsx';
import { SearchResults } from '../pages/search/search-results.tsx';
import { pageContext } from '../page-context.ts';
import { sendCacheable } from '../cacheable.ts';

const MAX_QUERY = 100;

function readSearch(query: Record<string, unknown>): { q: string; page: number } {
  const q = typeof query.q === 'string' ? query.q.slice(0, MAX_QUERY) : '';
  const page = typeof query.page === 'string' && /^\d{1,2}$/.test(query.page) ? Math.max(Number(query.page), 1) : 1;
  return { q, page: Math.min(page, 1000 / SEARCH_PAGE_SIZE) };
}

export async function registerSearchRoutes(app: FastifyInstance): Promise<void> {
  app.get('/search', { config: { access: 'public' }, schema: { hide: true } }, async (request, reply) =>
    sendCacheable(request, reply, async () => {
      const { q, page } = readSearch(request.query as Record<string, unknown>);
      const result = q.trim() === '' ? undefined : await searchEnterprises(app.context.store, q, { limit: SEARCH_PAGE_SIZE, offset: (page - 1) * SEARCH_PAGE_SIZE });
      return SearchPage({ page: await pageContext(request), query: q, result, pageNumber: page }).html;
    }),
  );

  app.get('/search/live', { config: { access: 'public' }, schema: { hide: true } }, async (request, reply) =>
    sendCacheable(request, reply, async () => {
      const { q } = readSearch(request.query as Record<string, unknown>);
      const result = q.trim() === '' ? undefined : await searchEnterprises(app.context.store, q, { limit: SEARCH_PAGE_SIZE });
      return SearchResults({ lang: request.lang, t: translator(request.lang), query: q, result, offset: 0 }).html;
    }),
  );
}
