/**
 * `POST /api/v1/notices/{id}/objections`: a real-name objection from a program (the site's
 * form posts multipart to /notices/{id}/objections). The optional evidence file travels
 * base64-encoded; its type is read from its bytes (PDF, PNG, JPEG), at most 5 MB.
 */
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { invalid } from '../../../domain/errors.ts';
import { EVIDENCE_MAX_BYTES, fileObjection, OBJECTION_RATE_LIMIT } from '../../../commands/objections/file-objection.ts';
import { actorOf, clientKey } from '../../auth.ts';

const Body = Type.Object(
  {
    entryId: Type.Integer({ minimum: 1, description: 'The notice entry objected to (GET /api/v1/notices/{id} lists them)' }),
    fullName: Type.String({ minLength: 2, maxLength: 50, description: 'Real name of the person or organisation objecting' }),
    contact: Type.String({ minLength: 5, maxLength: 100, description: 'Telephone number or e-mail address' }),
    reason: Type.String({ minLength: 10, maxLength: 5000 }),
    evidence: Type.Optional(Type.Object({ fileName: Type.String({ minLength: 1, maxLength: 200 }), contentBase64: Type.String({ maxLength: Math.ceil((EVIDENCE_MAX_BYTES * 4) / 3) + 8 }) }, { additionalProperties: false })),
  },
  { additionalProperties: false, examples: [{ entryId: 3, fullName: '张三', contact: 'zhangsan@example.com', reason: '该企业2026年发生环境违法行为，已被生态环境部门处罚。' }] },
);
const Filed = Type.Object({ caseNumber: Type.String({ examples: ['OBJ-2026-0001-0001'] }), noticeId: Type.Integer(), entryId: Type.Integer(), entryNameZh: Type.String(), filedAt: Type.String(), evidence: Type.Union([Type.Object({ mediaType: Type.String(), size: Type.Integer() }), Type.Null()]) });

export async function registerPublicObjectionRoutes(app: FastifyInstance): Promise<void> {
  app.post<{ Params: { id: number }; Body: { entryId: number; fullName: string; contact: string; reason: string; evidence?: { fileName: string; contentBase64: string } } }>(
    '/api/v1/notices/:id/objections',
    {
      bodyLimit: Math.ceil((EVIDENCE_MAX_BYTES * 4) / 3) + 64 * 1024,
      config: { access: { action: 'file', subject: 'objection' }, rateLimit: { ...OBJECTION_RATE_LIMIT, keyGenerator: clientKey } },
      schema: {
        tags: ['public', 'notices'],
        summary: 'File a real-name objection to an entry while its notice is open; answers the case number',
        params: Type.Object({ id: Type.Integer({ minimum: 1 }) }),
        body: Body,
        response: { 201: Filed },
      },
    },
    async (request, reply) => {
      const body = request.body;
      let evidence: { bytes: Uint8Array; originalName: string } | undefined;
      if (body.evidence !== undefined) {
        if (!/^[A-Za-z0-9+/]*={0,2}$/.test(body.evidence.contentBase64)) throw invalid('evidence.contentBase64', 'is not base64 / 不是有效的 base64 编码');
        evidence = { bytes: Buffer.from(body.evidence.contentBase64, 'base64'), originalName: body.evidence.fileName };
      }
      const filed = await fileObjection(app.context.store, await actorOf(request), { noticeId: request.params.id, entryId: body.entryId, fullName: body.fullName, contact: body.contact, reason: body.reason, evidence, clientKey: clientKey(request) }, { files: app.context.files });
      return reply.status(201).send(filed);
    },
  );
}
