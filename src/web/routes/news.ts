/** `/news` and `/news/{slug}`. */
import type { FastifyInstance } from 'fastify';
import { notFound } from '../../domain/errors.ts';
import { findProgramme } from '../../domain/programmes/programmes.ts';
import { findProvince } from '../../domain/reference/regions.ts';
import { existingNewsSlugs, findNewsBySlug, listNews } from '../../store/queries/public-news.ts';
import { NewsItemPage } from '../pages/news/news-item-page.tsx';
import { NewsPage } from '../pages/news/news-page.tsx';
import { pageContext } from '../page-context.ts';
import { sendCacheable } from '../cacheable.ts';

const PAGE_SIZE = 20;

/** Stories are paired by slug: the English version's slug is the Chinese one's plus `-en`. */
export function translationSlugOf(slug: string, lang: string): { slug: string; lang: string } {
  return lang === 'en' ? { slug: slug.replace(/-en$/, ''), lang: 'zh-CN' } : { slug: `${slug}-en`, lang: 'en' };
}

export function readNewsFilter(query: Record<string, unknown>): { province?: string; programme?: string } {
  const province = typeof query.province === 'string' && findProvince(query.province) !== undefined ? query.province : undefined;
  const programme = typeof query.programme === 'string' && findProgramme(query.programme) !== undefined ? query.programme : undefined;
  return { ...(province === undefined ? {} : { province }), ...(programme === undefined ? {} : { programme }) };
}

export async function registerNewsRoutes(app: FastifyInstance): Promise<void> {
  app.get('/news', { config: { access: 'public' }, schema: { hide: true } }, async (request, reply) =>
    sendCacheable(request, reply, async () => {
      const query = request.query as Record<string, unknown>;
      const filter = readNewsFilter(query);
      const pageNumber = typeof query.page === 'string' && /^\d{1,5}$/.test(query.page) ? Math.max(Number(query.page), 1) : 1;
      const { items, total } = await listNews(app.context.store.db, { lang: request.lang, provinceCode: filter.province, programmeCode: filter.programme }, { limit: PAGE_SIZE, offset: (pageNumber - 1) * PAGE_SIZE });
      return NewsPage({ page: await pageContext(request), items, total, pageNumber, pageSize: PAGE_SIZE, filter }).html;
    }),
  );

  app.get<{ Params: { slug: string } }>('/news/:slug', { config: { access: 'public' }, schema: { hide: true } }, async (request, reply) =>
    sendCacheable(request, reply, async () => {
      const db = app.context.store.db;
      const item = await findNewsBySlug(db, request.params.slug);
      if (item === undefined) throw notFound(`news ${request.params.slug} / 新闻`);
      const candidate = translationSlugOf(item.slug, item.lang);
      const translation = candidate.slug !== item.slug && (await existingNewsSlugs(db, [candidate.slug])).has(candidate.slug) ? candidate : undefined;
      return NewsItemPage({ page: await pageContext(request), item, translation }).html;
    }),
  );
}
