/**
 * Open data: `/open-data` (every stable URL and the licence), the current list and each
 * batch as CSV / JSON / XLSX, and each batch's diff as CSV / JSON. Downloads stream from
 * the database in chunks and answer conditional requests like the pages.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Readable } from 'node:stream';
import { notFound } from '../../domain/errors.ts';
import { batchDiff } from '../../store/queries/batch-diff.ts';
import { findBatchBySlug, listPublishedBatches, type BatchSummary } from '../../store/queries/public-lists.ts';
import { openDataRows } from '../../store/queries/open-data-rows.ts';
import { readMeta } from '../../store/queries/site-state.ts';
import { diffColumns, listColumns, type DiffSheetRow } from '../../output/sheets/sheet-columns.ts';
import { jsonStream, csvStream, sheetStream, SHEET_MEDIA_TYPES, type SheetFormat, type SheetMeta } from '../../output/sheets/write-sheets.ts';
import { OpenDataPage } from '../pages/about/open-data-page.tsx';
import { pageContext } from '../page-context.ts';
import { sendCacheable, validatorsFor } from '../cacheable.ts';

/** The platform's default; an installation sets its own in meta `open_data_licence`. */
export const DEFAULT_LICENCE = 'CC BY 4.0 (https://creativecommons.org/licenses/by/4.0/) — attribution: the issuing authority named with each batch / 署名：各批次的发布单位';

export async function openDataLicence(db: FastifyInstance['context']['store']['db']): Promise<{ text: string; isDefault: boolean }> {
  const configured = await readMeta(db, 'open_data_licence');
  return configured === undefined || configured.trim() === '' ? { text: DEFAULT_LICENCE, isDefault: true } : { text: configured, isDefault: false };
}

function parseFile(file: string, formats: readonly SheetFormat[]): { name: string; format: SheetFormat } | undefined {
  const match = /^(.+)\.(csv|json|xlsx)$/.exec(file);
  if (match === null || !(formats as readonly string[]).includes(match[2]!)) return undefined;
  return { name: match[1]!, format: match[2] as SheetFormat };
}

async function sendDownload(request: FastifyRequest, reply: FastifyReply, fileName: string, format: SheetFormat, stream: () => Readable): Promise<FastifyReply> {
  const validators = await validatorsFor(request);
  validators.apply(reply);
  if (validators.notModified) return reply.status(304).send();
  return reply
    .type(SHEET_MEDIA_TYPES[format])
    .header('content-disposition', `attachment; filename="${fileName}"`)
    .header('access-control-allow-origin', '*')
    .send(stream());
}

function batchMeta(batch: BatchSummary, licence: string, publicUrl: string): SheetMeta {
  return {
    title: `${batch.nameZh} / ${batch.nameEn}`,
    licence,
    source: `${batch.authorityNameZh} / ${batch.authorityNameEn} — ${publicUrl}/lists/${batch.slug}`,
    generatedAt: new Date().toISOString(),
  };
}

export async function registerOpenDataRoutes(app: FastifyInstance): Promise<void> {
  const publicUrl = app.context.config.publicUrl.replace(/\/$/, '');
  const db = () => app.context.store.db;

  app.get('/open-data', { config: { access: 'public' }, schema: { hide: true } }, async (request, reply) =>
    sendCacheable(request, reply, async () => {
      const [batches, licence] = await Promise.all([listPublishedBatches(db()), openDataLicence(db())]);
      return OpenDataPage({ page: await pageContext(request), batches, licence: licence.text, licenceIsDefault: licence.isDefault, publicUrl }).html;
    }),
  );

  app.get<{ Params: { file: string } }>('/open-data/:file', { config: { access: 'public' }, schema: { hide: true } }, async (request, reply) => {
    const file = parseFile(request.params.file, ['csv', 'json', 'xlsx']);
    if (file === undefined || file.name !== 'current') throw notFound(`open data ${request.params.file}`);
    const licence = await openDataLicence(db());
    const meta: SheetMeta = { title: '当前在册名单 / Current lists (all tiers and batches)', licence: licence.text, source: publicUrl + '/lists', generatedAt: new Date().toISOString() };
    return sendDownload(request, reply, `greenlist-current.${file.format}`, file.format, () => sheetStream(file.format, openDataRows(db(), { kind: 'current' }), listColumns(publicUrl), meta));
  });

  app.get<{ Params: { file: string } }>('/open-data/batches/:file', { config: { access: 'public' }, schema: { hide: true } }, async (request, reply) => {
    const file = parseFile(request.params.file, ['csv', 'json', 'xlsx']);
    const batch = file === undefined ? undefined : await findBatchBySlug(db(), file.name);
    if (file === undefined || batch === undefined || batch.status !== 'published') throw notFound(`open data ${request.params.file}`);
    const licence = await openDataLicence(db());
    return sendDownload(request, reply, `${batch.slug}.${file.format}`, file.format, () => sheetStream(file.format, openDataRows(db(), { kind: 'batch', batchId: batch.id }), listColumns(publicUrl), batchMeta(batch, licence.text, publicUrl)));
  });

  app.get<{ Params: { slug: string; file: string } }>('/open-data/batches/:slug/:file', { config: { access: 'public' }, schema: { hide: true } }, async (request, reply) => {
    const file = parseFile(request.params.file, ['csv', 'json']);
    const batch = file === undefined || file.name !== 'diff' ? undefined : await findBatchBySlug(db(), request.params.slug);
    if (file === undefined || batch === undefined || batch.status !== 'published') throw notFound(`open data ${request.params.slug}/${request.params.file}`);
    const licence = await openDataLicence(db());
    const diff = (await batchDiff(db(), batch.id))!;
    const rows: DiffSheetRow[] = [
      ...diff.added.map((e) => ({ change: 'added' as const, ...e, date: diff.publishedOn, reason: null, mode: null, from: null })),
      ...diff.removed.map((e) => ({ change: 'removed' as const, ...e, date: e.removedOn, reason: e.reason, mode: e.mode, from: null })),
      ...diff.renamed.map((e) => ({ change: 'renamed' as const, ...e, date: e.renamedOn, reason: null, mode: null, from: e.from })),
    ];
    async function* iterate() {
      yield* rows;
    }
    const meta = { ...batchMeta(batch, licence.text, publicUrl), title: `${batch.nameZh}：名单变化 / ${batch.nameEn}: changes` };
    return sendDownload(request, reply, `${batch.slug}-diff.${file.format}`, file.format, () => (file.format === 'csv' ? csvStream(iterate(), diffColumns(publicUrl)) : jsonStream(iterate(), diffColumns(publicUrl), meta, 'changes')));
  });
}
