/** `/enterprises/{id}`: the public enterprise page. */
import type { FastifyInstance } from 'fastify';
import { notFound } from '../../domain/errors.ts';
import { findEnterpriseProfile } from '../../store/queries/enterprise-profile.ts';
import { EnterprisePage } from '../pages/enterprise/enterprise-page.tsx';
import { publishedKpis } from '../pages/enterprise/published-kpis.ts';
import { pageContext } from '../page-context.ts';
import { sendCacheable } from '../cacheable.ts';

export async function registerEnterpriseRoutes(app: FastifyInstance): Promise<void> {
  app.get<{ Params: { id: string } }>('/enterprises/:id', { config: { access: 'public' }, schema: { hide: true } }, async (request, reply) =>
    sendCacheable(request, reply, async () => {
      const id = /^\d{1,12}$/.test(request.params.id) ? Number(request.params.id) : undefined;
      const profile = id === undefined ? undefined : await findEnterpriseProfile(app.context.store.db, id);
      if (profile === undefined) throw notFound(`enterprise ${request.params.id} / 企业`);
      const kpis = profile.listings.length === 0 ? [] : publishedKpis(profile.annualData);
      return EnterprisePage({ page: await pageContext(request), profile, kpis }).html;
    }),
  );
}
