import type { FastifyInstance } from 'fastify';
import { programmeFigures } from '../../store/queries/programme-figures.ts';
import { HomePage } from '../pages/home-page.tsx';
import { pageContext, sendPage } from '../page-context.ts';

export async function registerHomeRoutes(app: FastifyInstance): Promise<void> {
  app.get('/', { schema: { hide: true } }, async (request, reply) => {
    const figures = await programmeFigures(app.context.store.db);
    return sendPage(reply, HomePage({ page: await pageContext(request), figures }));
  });
}
