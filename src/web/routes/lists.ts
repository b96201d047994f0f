/** `/lists` and `/lists/{batch}`: the public lists, filtered and paginated, with each batch's diff. */
import type { FastifyInstance } from 'fastify';
import { notFound } from '../../domain/errors.ts';
import { batchDiff } from '../../store/queries/batch-diff.ts';
import { batchEntryCounts, findBatchBySlug, findPreviousBatch, listEntries, listPublishedBatches, publishedYears } from '../../store/queries/public-lists.ts';
import { BatchPage } from '../pages/lists/batch-page.tsx';
import { ListsPage } from '../pages/lists/lists-page.tsx';
import { pageContext } from '../page-context.ts';
import { sendCacheable } from '../cacheable.ts';
import { readListQuery } from './list-query.ts';

export async function registerListRoutes(app: FastifyInstance): Promise<void> {
  app.get('/lists', { config: { access: 'public' }, schema: { hide: true } }, async (request, reply) =>
    sendCacheable(request, reply, async () => {
      const db = app.context.store.db;
      const query = readListQuery(request.query as Record<string, unknown>);
      const { filter } = query;
      const [batches, result, years] = await Promise.all([
        listPublishedBatches(db, { programmeCode: filter.programmeCode, year: filter.year, tier: filter.tier, provinceCode: filter.provinceCode }),
        listEntries(db, filter, query.paging),
        publishedYears(db),
      ]);
      const counts = await batchEntryCounts(db, batches.map((b) => b.id));
      const withCounts = batches.map((b) => ({ ...b, entries: counts.get(b.id)?.all ?? 0, current: counts.get(b.id)?.current ?? 0 }));
      return ListsPage({ page: await pageContext(request), data: { query, batches: withCounts, result, years } }).html;
    }),
  );

  app.get<{ Params: { batch: string } }>('/lists/:batch', { config: { access: 'public' }, schema: { hide: true } }, async (request, reply) =>
    sendCacheable(request, reply, async () => {
      const db = app.context.store.db;
      const batch = await findBatchBySlug(db, request.params.batch);
      if (batch === undefined || batch.status !== 'published') throw notFound(`batch ${request.params.batch} / 批次`);
      const raw = request.query as Record<string, unknown>;
      const query = readListQuery({ sort: raw.sort ?? 'name', dir: raw.dir, page: raw.page });
      const [previous, diff, result] = await Promise.all([
        findPreviousBatch(db, batch),
        batchDiff(db, batch.id),
        listEntries(db, { batchSlug: batch.slug, includeRemoved: true }, query.paging),
      ]);
      return BatchPage({ page: await pageContext(request), data: { batch, previous, diff: diff!, result, query } }).html;
    }),
  );
}
