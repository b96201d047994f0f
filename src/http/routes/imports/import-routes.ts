/**
 * Imports over HTTP: upload a file (multipart, streamed to the data folder, never held in
 * memory), answered at once with the import's id while a job runs it; read its progress
 * and errors; download the template of a year's dynamic reports. @fastify/multipart is
 * registered in this plugin's scope only, without attaching fields to the body, so a
 * cookie session must send its CSRF token in the x-csrf-token header (bearer clients need none).
 */
import multipart from '@fastify/multipart';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { createImport, IMPORT_KINDS, type ImportKind } from '../../../commands/imports/create-import.ts';
import { dynamicReportTemplate } from '../../../commands/imports/dynamic-report-template.ts';
import { bindImportDirectory, MAX_IMPORT_BYTES, removeQuietly, storeUpload } from '../../../commands/imports/import-files.ts';
import { readImport } from '../../../commands/imports/read-import.ts';
import { sheetFormatOf } from '../../../commands/imports/read-sheet-rows.ts';
import { AppError } from '../../../domain/errors.ts';
import { authorize } from '../../../policies/index.ts';
import { SHEET_MEDIA_TYPES } from '../../../output/sheets/write-sheets.ts';
import { requireUser } from '../../auth.ts';
import { presentImport } from '../../presenters/present-import.ts';
import { ImportView } from './import-schemas.ts';

const TAGS = ['imports'];

export async function registerImportRoutes(app: FastifyInstance): Promise<void> {
  const store = app.context.store;
  bindImportDirectory(store, app.context.config.dataDirectory);

  await app.register(async (scope) => {
    await scope.register(multipart, { limits: { fileSize: MAX_IMPORT_BYTES, files: 1, fields: 5, parts: 6 } });
    scope.post<{ Querystring: { kind?: ImportKind } }>(
      '/api/v1/imports',
      {
        bodyLimit: MAX_IMPORT_BYTES + 1024 * 1024,
        schema: {
          tags: TAGS,
          summary: 'Upload a file to import (multipart/form-data, field `file`: .csv or .xlsx, ≤ 200 MB); answers 202 with the import, which a job then runs',
          description: [
            'Dynamic-report CSV v1 (docs/formats/dynamic-report-csv.md): one row per listed factory-year, columns credit_code, year and the AnnualData figures; UTF-8 with or without BOM; XLSX with the same columns on the first sheet.',
            'All or nothing: a file with any row error stores nothing, and GET /api/v1/imports/{id} lists every error (the first 1,000, with their count). Importing the same file again changes nothing.',
            'Each row is authorized: national reviewers anywhere, province reviewers in their province, administrators in their authority’s region, an enterprise for its own entries.',
          ].join('\n\n'),
          querystring: Type.Object({ kind: Type.Optional(Type.Union(IMPORT_KINDS.map((k) => Type.Literal(k)), { default: 'dynamic-reports' })) }),
          consumes: ['multipart/form-data'],
          response: { 202: ImportView },
        },
      },
      async (request, reply) => {
        const actor = await requireUser(request);
        authorize(actor, 'create', { type: 'import' });
        if (!request.isMultipart()) throw new AppError('UNSUPPORTED_MEDIA_TYPE', 'send the file as multipart/form-data in the field "file" / 请以multipart/form-data上传文件（字段名file）');
        const part = await request.file();
        if (part === undefined || part.fieldname !== 'file') throw new AppError('VALIDATION', 'file: the multipart field "file" is required / 缺少文件字段file', { path: 'file' });
        const format = sheetFormatOf(part.filename, part.mimetype);
        if (format === undefined) {
          part.file.resume();
          throw new AppError('UNSUPPORTED_MEDIA_TYPE', 'the file must be .csv or .xlsx / 文件须为CSV或XLSX格式', { path: 'file' });
        }
        const stored = await storeUpload(store, part.file, format);
        if (part.file.truncated) {
          removeQuietly(stored.path);
          throw new AppError('PAYLOAD_TOO_LARGE', `the file exceeds ${MAX_IMPORT_BYTES / 1024 / 1024} MB; split it / 文件超过大小上限，请拆分`, { path: 'file' });
        }
        const { record } = await createImport(store, actor, { kind: request.query.kind ?? 'dynamic-reports', fileName: part.filename || `upload.${format}`, sourcePath: stored.path, format, size: stored.size, sha256: stored.sha256 });
        return reply.status(202).header('location', `/api/v1/imports/${record.id}`).send(presentImport(record));
      },
    );
  });

  app.get<{ Params: { id: number } }>(
    '/api/v1/imports/:id',
    {
      schema: {
        tags: TAGS,
        summary: 'An import’s state (queued, running, failed, done), progress, result and errors; readable by its sender and administrators',
        params: Type.Object({ id: Type.Integer({ minimum: 1 }) }),
        response: { 200: ImportView },
      },
    },
    async (request) => presentImport(await readImport(store, await requireUser(request), request.params.id)),
  );

  app.get<{ Querystring: { year: number; format?: 'csv' | 'xlsx' } }>(
    '/api/v1/imports/templates/dynamic-reports',
    {
      schema: {
        tags: TAGS,
        summary: 'The year’s dynamic reports you may import, as a dynamic-report CSV v1 (or XLSX) to fill in: key columns filled, filed figures included; imports back as is',
        querystring: Type.Object({ year: Type.Integer({ minimum: 2016, maximum: 2100, examples: [2025] }), format: Type.Optional(Type.Union([Type.Literal('csv'), Type.Literal('xlsx')], { default: 'csv' })) }),
      },
    },
    async (request, reply) => {
      const format = request.query.format ?? 'csv';
      const sheet = dynamicReportTemplate(store, await requireUser(request), { year: request.query.year, format });
      return reply
        .type(SHEET_MEDIA_TYPES[format])
        .header('content-disposition', `attachment; filename="dynamic-reports-${request.query.year}.${format}"`)
        .header('cache-control', 'private, no-store')
        .send(sheet);
    },
  );
}
