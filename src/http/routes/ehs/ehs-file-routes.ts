/**
 * Files of the register over the API, each in its own plugin scope so the content-type
 * parsers stay here: evidence uploads (the raw bytes of a PDF, PNG or JPEG, ≤ 10 MB;
 * the type is read from the content) and their download, and the import of inspection
 * readings or monitoring results from a CSV or XLSX body, streamed as it arrives.
 */
import { Transform, type Readable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { AppError, invalid, notFound } from '../../../domain/errors.ts';
import { uploadEvidenceFile } from '../../../commands/ehs/upload-evidence-file.ts';
import { EHS_EVIDENCE_MAX_BYTES } from '../../../commands/ehs/save-evidence-file.ts';
import { importEhsFile } from '../../../commands/ehs/import/import-ehs-file.ts';
import { EHS_IMPORT_KINDS } from '../../../commands/ehs/import/import-columns.ts';
import { tableFormatOf } from '../../../commands/ehs/import/read-table-rows.ts';
import { findRegisterFile } from '../../../store/queries/ehs/ehs-register-views.ts';
import { actorOf } from '../../auth.ts';
import { EnterpriseParams, FileRef, ImportReportView } from './ehs-schemas.ts';
import { readableRegister, TAGS } from './ehs-route-context.ts';

export const XLSX_MEDIA_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export const MAX_IMPORT_BYTES = 100 * 1024 * 1024;

/** Passes the bytes through and fails the stream once more than `limit` have gone by. */
export function limitBytes(source: Readable, limit: number): Readable {
  let seen = 0;
  return source.pipe(new Transform({
    transform(chunk: Buffer, _encoding, done) {
      seen += chunk.length;
      if (seen > limit) done(new AppError('PAYLOAD_TOO_LARGE', `the file exceeds ${limit / 1024 / 1024} MB / 文件超过大小上限`));
      else done(null, chunk);
    },
  }));
}

function fileNameOf(header: string | string[] | undefined): string {
  const value = Array.isArray(header) ? header[0] : header;
  if (value === undefined || value === '') return 'evidence';
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

export async function registerEhsFileRoutes(app: FastifyInstance): Promise<void> {
  await app.register(async (scope) => {
    scope.addContentTypeParser(['application/pdf', 'image/png', 'image/jpeg', 'application/octet-stream'], { parseAs: 'buffer', bodyLimit: EHS_EVIDENCE_MAX_BYTES }, (_request, body, done) => done(null, body));

    scope.post('/api/v1/ehs/:enterpriseId/evidence-files', {
      config: { access: { action: 'write', subject: 'ehs-register', id: 'enterpriseId' } },
      schema: {
        tags: TAGS,
        summary: 'Upload an evidence file (raw body: a PDF, PNG or JPEG of at most 10 MB; name in the x-file-name header, URL-encoded). Use its id to close a hazard.',
        params: EnterpriseParams,
        headers: Type.Object({ 'x-file-name': Type.Optional(Type.String({ examples: ['%E6%95%B4%E6%94%B9%E9%AA%8C%E6%94%B6%E5%8D%95.pdf'] })) }),
        response: { 201: FileRef },
      },
    }, async (request, reply) => {
      const { enterpriseId } = request.params as { enterpriseId: number };
      if (!Buffer.isBuffer(request.body)) throw new AppError('UNSUPPORTED_MEDIA_TYPE', 'send the file as the raw body with Content-Type application/pdf, image/png or image/jpeg / 请以原始文件作为请求体上传');
      const file = await uploadEvidenceFile(app.context.store, await actorOf(request), { enterpriseId, bytes: request.body, originalName: fileNameOf(request.headers['x-file-name']) }, { files: app.context.files });
      return reply.status(201).send({ id: file.id, name: file.original_name, mediaType: file.media_type, size: file.size });
    });

    scope.get('/api/v1/ehs/:enterpriseId/evidence-files/:fileId', { config: { access: { action: 'read', subject: 'ehs-register', id: 'enterpriseId' } }, schema: { tags: TAGS, summary: 'Download an evidence file of the register', params: Type.Object({ enterpriseId: Type.Integer({ minimum: 1 }), fileId: Type.Integer({ minimum: 1 }) }) } }, async (request, reply) => {
      const { enterpriseId, fileId } = request.params as { enterpriseId: number; fileId: number };
      await readableRegister(request, enterpriseId);
      const file = await findRegisterFile(app.context.store.db, enterpriseId, fileId);
      if (file === undefined) throw notFound(`evidence file ${fileId}`);
      let bytes: Buffer;
      try {
        bytes = await app.context.files.read(file.storage_key);
      } catch (error) {
        if (!AppError.is(error, 'NOT_FOUND')) throw error;
        throw notFound(`the content of evidence file ${fileId} (demo records carry no file)`);
      }
      return reply.type(file.media_type).header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(file.original_name)}`).header('cache-control', 'private, no-store').send(bytes);
    });
  });

  await app.register(async (scope) => {
    // The import body is streamed to the reader, not buffered.
    scope.addContentTypeParser(['text/csv', 'application/csv', XLSX_MEDIA_TYPE], (_request, payload, done) => done(null, payload));

    scope.post('/api/v1/ehs/:enterpriseId/imports/:kind', {
      config: { access: { action: 'write', subject: 'ehs-register', id: 'enterpriseId' } },
      schema: {
        tags: TAGS,
        summary: 'Import LDAR inspection readings or monitoring results from a CSV (UTF-8) or XLSX body. All or nothing: any row error stores nothing and answers 400 with every error (sheet, row, column, reason) in error.details.',
        description: [
          'inspection-readings columns: 检测轮次/round, 密封点编号/tag, 检测日期/measured on, 检测值/value (μmol/mol); optional 背景值/background, 可见泄漏/visible leak, 检测单位/inspector, 检测仪器/instrument.',
          'monitoring-results columns: 排放口编号/outlet, 污染物代码/pollutant, 监测日期/sampled on, 监测方式/method (在线/online, 手工/manual), 监测值/value; optional 超标说明/explanation.',
          'Rows already stored with the same values count as unchanged: importing the same file twice is harmless.',
        ].join('\n\n'),
        params: Type.Object({ enterpriseId: Type.Integer({ minimum: 1 }), kind: Type.Union(EHS_IMPORT_KINDS.map((k) => Type.Literal(k))) }),
        response: { 200: ImportReportView },
      },
    }, async (request) => {
      const { enterpriseId, kind } = request.params as { enterpriseId: number; kind: string };
      const format = tableFormatOf(request.headers['content-type'], undefined);
      if (format === undefined || request.body === undefined || typeof (request.body as Readable).pipe !== 'function') throw new AppError('UNSUPPORTED_MEDIA_TYPE', `send the file as the body with Content-Type text/csv or ${XLSX_MEDIA_TYPE} / 请以CSV或XLSX文件作为请求体`);
      const report = await importEhsFile(app.context.store, await actorOf(request), { enterpriseId, kind, format, source: limitBytes(request.body as Readable, MAX_IMPORT_BYTES) });
      if (!report.committed) throw invalid('file', `${report.errors.length + report.moreErrors} problem(s) in the file; nothing was stored / 文件有错误，未导入任何数据`, report);
      return report;
    });
  });
}
