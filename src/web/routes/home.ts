import type { FastifyInstance } from 'fastify';
import { todayInShanghai } from '../../domain/calendar/plain-date.ts';
import { programmeFigures } from '../../store/queries/programme-figures.ts';
import { listPublicNotices } from '../../store/queries/public-notices.ts';
import { listNews } from '../../store/queries/public-news.ts';
import { listedPerIndustryDivision, listedPerProvince } from '../../store/queries/site-figures.ts';
import { HomePage } from '../pages/home-page.tsx';
import { pageContext } from '../page-context.ts';
import { sendCacheable } from '../cacheable.ts';

export async function registerHomeRoutes(app: FastifyInstance): Promise<void> {
  app.get('/', { config: { access: 'public' }, schema: { hide: true } }, async (request, reply) =>
    sendCacheable(request, reply, async () => {
      const db = app.context.store.db;
      const [figures, openNotices, news, perProvince, perIndustry] = await Promise.all([
        programmeFigures(db),
        listPublicNotices(db, 'open'),
        listNews(db, { lang: request.lang }, { limit: 4, offset: 0 }),
        listedPerProvince(db),
        listedPerIndustryDivision(db),
      ]);
      const data = { figures, openNotices, news: news.items, perProvince, perIndustry, today: todayInShanghai() };
      return HomePage({ page: await pageContext(request), data }).html;
    }),
  );
}
