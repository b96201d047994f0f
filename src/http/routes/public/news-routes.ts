/** Public news reads: press releases by language, province and programme, and one item. */
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { notFound } from '../../../domain/errors.ts';
import { findNewsBySlug, listNews } from '../../../store/queries/public-news.ts';
import { presentNewsItem, presentNewsSummary } from '../../presenters/present-public.ts';

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) => Type.Union([schema, Type.Null()]);
const Summary = Type.Object({ slug: Type.String(), lang: Type.String(), title: Type.String(), summary: Type.String(), author: Type.String(), publishedAt: Type.String(), updatedAt: Type.String(), enterpriseId: Nullable(Type.Integer()), provinceCode: Nullable(Type.String()), programmeCode: Nullable(Type.String()), isDemo: Type.Boolean(), url: Type.String() });

const Item = Type.Object({ ...Summary.properties, body: Type.String(), enterpriseNameZh: Nullable(Type.String()), enterpriseNameEn: Nullable(Type.String()) });

export async function registerPublicNewsRoutes(app: FastifyInstance): Promise<void> {
  const publicUrl = app.context.config.publicUrl.replace(/\/$/, '');
  app.get<{ Querystring: { lang?: 'zh-CN' | 'en'; province?: string; programme?: string; limit?: number; offset?: number } }>(
    '/api/v1/news',
    {
      config: { access: 'public' },
      schema: {
        tags: ['public'],
        summary: 'News items (press releases), newest first',
        querystring: Type.Object({
          lang: Type.Optional(Type.Union([Type.Literal('zh-CN'), Type.Literal('en')], { default: 'zh-CN' })),
          province: Type.Optional(Type.String({ pattern: '^\\d{2}0000$', examples: ['360000'] })),
          programme: Type.Optional(Type.String({ examples: ['green_factory'] })),
          limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 20 })),
          offset: Type.Optional(Type.Integer({ minimum: 0, default: 0 })),
        }),
        response: { 200: Type.Object({ items: Type.Array(Summary), total: Type.Integer() }) },
      },
    },
    async (request) => {
      const q = request.query;
      const { items, total } = await listNews(app.context.store.db, { lang: q.lang ?? 'zh-CN', provinceCode: q.province, programmeCode: q.programme }, { limit: q.limit ?? 20, offset: q.offset ?? 0 });
      return { items: items.map((n) => presentNewsSummary(n, publicUrl)), total };
    },
  );

  app.get<{ Params: { slug: string } }>(
    '/api/v1/news/:slug',
    { config: { access: 'public' }, schema: { tags: ['public'], summary: 'One news item with its body (plain paragraphs separated by blank lines)', params: Type.Object({ slug: Type.String({ pattern: '^[a-z0-9-]{1,120}$' }) }), response: { 200: Item } } },
    async (request) => {
      const item = await findNewsBySlug(app.context.store.db, request.params.slug);
      if (item === undefined) throw notFound(`news ${request.params.slug}`);
      return presentNewsItem(item, publicUrl);
    },
  );
}
