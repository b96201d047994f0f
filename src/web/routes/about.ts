/** `/legal` and `/links`. */
import type { FastifyInstance } from 'fastify';
import { LegalPage, LinksPage } from '../pages/about/static-pages.tsx';
import { pageContext } from '../page-context.ts';
import { sendCacheable } from '../cacheable.ts';
import { openDataLicence } from './open-data.ts';

export async function registerAboutRoutes(app: FastifyInstance): Promise<void> {
  app.get('/legal', { config: { access: 'public' }, schema: { hide: true } }, async (request, reply) =>
    sendCacheable(request, reply, async () => LegalPage({ page: await pageContext(request), licence: (await openDataLicence(app.context.store.db)).text }).html),
  );
  app.get('/links', { config: { access: 'public' }, schema: { hide: true } }, async (request, reply) => sendCacheable(request, reply, async () => LinksPage({ page: await pageContext(request) }).html));
}
