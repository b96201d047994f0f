/** Public enterprise reads: search (names zh/en, pinyin, credit codes, any substring) and one enterprise's public record. */
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { notFound } from '../../../domain/errors.ts';
import { findEnterpriseProfile } from '../../../store/queries/enterprise-profile.ts';
import { searchEnterprises } from '../../../store/queries/search-enterprises.ts';
import { publishedKpis } from '../../../web/pages/enterprise/published-kpis.ts';
import { presentEnterpriseProfile } from '../../presenters/present-public.ts';

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) => Type.Union([schema, Type.Null()]);
const Hit = Type.Object({ id: Type.Integer(), creditCode: Type.String(), nameZh: Type.String(), nameEn: Type.String(), provinceCode: Type.String(), cityCode: Type.String(), industryCode: Type.String(), url: Type.String() });
const SearchResponse = Type.Object({ query: Type.String({ description: 'The query as searched: trimmed, NFKC-normalised, lower case' }), items: Type.Array(Hit), total: Type.Integer(), totalCapped: Type.Boolean({ description: 'true when there are at least `total` matches (counting stops at 1000)' }) });
const Profile = Type.Object(
  {
    id: Type.Integer(),
    creditCode: Type.String(),
    nameZh: Type.String(),
    nameEn: Type.String(),
    industryCode: Type.String(),
    provinceCode: Type.String(),
    cityCode: Type.String(),
    regionCode: Type.String(),
    address: Type.String(),
    isDemo: Type.Boolean(),
    url: Type.String(),
    factories: Type.Array(Type.Object({ id: Type.Integer(), nameZh: Type.String(), nameEn: Type.String(), regionCode: Type.String(), address: Type.String(), siteAreaM2: Nullable(Type.Number()) })),
    listings: Type.Array(Type.Object({ entryId: Type.Integer(), batch: Type.String(), batchNameZh: Type.String(), batchNameEn: Type.String(), programme: Type.String(), tier: Type.String(), status: Type.String(), listedOn: Type.String(), removedOn: Nullable(Type.String()), removalReason: Nullable(Type.String()), removalMode: Nullable(Type.String()), renamedFrom: Nullable(Type.String()), renamedOn: Nullable(Type.String()) })),
    certificates: Type.Array(Type.Object({ number: Type.String(), status: Type.String(), issuedOn: Type.String(), validUntil: Nullable(Type.String()), revokedOn: Nullable(Type.String()), batch: Type.String(), verifyUrl: Type.String() })),
    kpis: Type.Array(Type.Object({ factoryId: Type.Integer(), year: Type.Integer(), kind: Type.String(), values: Type.Record(Type.String(), Nullable(Type.Number())), error: Type.Optional(Type.String()) }), { description: 'Published KPIs per factory and year (listed enterprises only; design.md KPI names)' }),
    notices: Type.Array(Type.Object({ noticeId: Type.Integer(), titleZh: Type.String(), titleEn: Type.String(), status: Type.String(), opensOn: Type.String(), closesOn: Type.String(), entryStatus: Type.String() })),
    news: Type.Array(Type.Object({ slug: Type.String(), lang: Type.String(), title: Type.String(), summary: Type.String(), author: Type.String(), publishedAt: Type.String() })),
  },
  { additionalProperties: false },
);

export async function registerPublicEnterpriseRoutes(app: FastifyInstance): Promise<void> {
  const publicUrl = app.context.config.publicUrl.replace(/\/$/, '');
  app.get<{ Querystring: { q: string; limit?: number; offset?: number } }>(
    '/api/v1/enterprises',
    {
      config: { access: 'public' },
      schema: {
        tags: ['public'],
        summary: 'Search enterprises by any part of a Chinese or English name, pinyin (full or initials) or credit code',
        querystring: Type.Object({ q: Type.String({ minLength: 1, maxLength: 100, examples: ['星火'] }), limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 20 })), offset: Type.Optional(Type.Integer({ minimum: 0, maximum: 1000, default: 0 })) }),
        response: { 200: SearchResponse },
      },
    },
    async (request) => {
      const result = await searchEnterprises(app.context.store, request.query.q, { limit: request.query.limit ?? 20, offset: request.query.offset ?? 0 });
      return { ...result, items: result.items.map((hit) => ({ ...hit, url: `${publicUrl}/enterprises/${hit.id}` })) };
    },
  );

  app.get<{ Params: { id: number } }>(
    '/api/v1/enterprises/:id',
    { config: { access: 'public' }, schema: { tags: ['public'], summary: 'One enterprise’s public record: factories, listings, certificates, published KPIs, notices and news', params: Type.Object({ id: Type.Integer({ minimum: 1 }) }), response: { 200: Profile } } },
    async (request) => {
      const profile = await findEnterpriseProfile(app.context.store.db, request.params.id);
      if (profile === undefined) throw notFound(`enterprise ${request.params.id}`);
      return presentEnterpriseProfile(profile, profile.listings.length === 0 ? [] : publishedKpis(profile.annualData), publicUrl);
    },
  );
}
