/**
 * Certificates over HTTP: the published key set, each certificate as signed JSON and as
 * a PDF, verification by number (what the QR code opens) or of an uploaded file, and the
 * authority's revoke and key-rotation actions. Registering these routes binds the server
 * secret to the store, for the subscribers and jobs that sign and deliver.
 */
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { bindServerSecret } from '../../../commands/certificates/server-secret.ts';
import { getCertificateDocument, verifyCertificate, verifyCertificateDocument } from '../../../commands/certificates/verify-certificate.ts';
import { revokeCertificate } from '../../../commands/certificates/revoke-certificate.ts';
import { rotateSigningKey } from '../../../commands/certificates/rotate-signing-key.ts';
import { parseCertificateDocument } from '../../../domain/certificates/certificate-document.ts';
import { KEY_SET_FORMAT } from '../../../domain/certificates/published-keys.ts';
import { renderCertificatePdf } from '../../../output/pdf/certificate-pdf.ts';
import { publishedKeys } from '../../../store/queries/certificate-status.ts';
import { isDemoDatabase } from '../../../store/queries/site-state.ts';
import { requireUser } from '../../auth.ts';
import { CertificateDocumentSchema, KeySetSchema, NumberParams, VerificationSchema } from './certificate-schemas.ts';
import { sendCacheable } from '../../../web/cacheable.ts';

type NumberRequest = { Params: { number: string } };

export async function registerCertificateRoutes(app: FastifyInstance): Promise<void> {
  const { store, config } = app.context;
  bindServerSecret(store, config.secret);

  app.get(
    '/.well-known/greenlist-keys.json',
    { config: { access: 'public' }, schema: { tags: ['certificates'], summary: 'Every certificate signing key, current and retired, with its authority and validity: enough to verify a certificate offline', response: { 200: KeySetSchema } } },
    async (_request, reply) => {
      reply.header('cache-control', 'public, max-age=300');
      return { format: KEY_SET_FORMAT, issuer: config.publicUrl, keys: await publishedKeys(store.db) };
    },
  );

  app.get<NumberRequest>(
    '/api/v1/certificates/:number',
    { config: { access: 'public' }, schema: { tags: ['certificates'], summary: 'A certificate as signed: payload, Ed25519 signature and key id (the live status is at /verify)', params: NumberParams, response: { 200: CertificateDocumentSchema } } },
    async (request) => getCertificateDocument(store, { number: request.params.number, publicUrl: config.publicUrl }),
  );

  app.get<NumberRequest>(
    '/api/v1/certificates/:number.pdf',
    {
      config: { access: 'public', rateLimit: { max: 60, timeWindow: '1 minute' } },
      schema: { tags: ['certificates'], summary: 'The printable certificate: A4 PDF, Chinese with English, QR code of the verify URL, signed JSON attached as greenlist-certificate.json', params: NumberParams },
    },
    async (request, reply) => {
      const document = await getCertificateDocument(store, { number: request.params.number, publicUrl: config.publicUrl });
      const demo = await isDemoDatabase(store.db);
      const etag = `"${document.signature.value.slice(0, 22)}${demo ? '-demo' : ''}"`;
      reply.header('cache-control', 'public, max-age=300').header('etag', etag);
      if (request.headers['if-none-match'] === etag) return reply.status(304).send();
      const pdf = await renderCertificatePdf(document, { publicUrl: config.publicUrl, demo });
      return reply.type('application/pdf').header('content-disposition', `inline; filename="${document.payload.number}.pdf"`).send(pdf);
    },
  );

  app.get<NumberRequest & { Querystring: { sig?: string } }>(
    '/api/v1/certificates/:number/verify',
    {
      config: { access: 'public' },
      schema: {
        tags: ['certificates'],
        summary: 'Verifies a certificate: its signature against the published keys and its live status (valid, renamed, removed with reason and date, revoked, not_found). `sig` is the signature from a printed QR code; it must match the record.',
        params: NumberParams,
        querystring: Type.Object({ sig: Type.Optional(Type.String({ maxLength: 200 })) }),
        response: { 200: VerificationSchema },
      },
    },
    // Cached per data version like the public pages: any change to the list changes the answer's validator.
    async (request, reply) =>
      sendCacheable(request, reply, async () => JSON.stringify(await verifyCertificate(store, { number: request.params.number, publicUrl: config.publicUrl, ...(request.query.sig === undefined ? {} : { presentedSignature: request.query.sig }) })), { type: 'application/json; charset=utf-8' }),
  );

  app.post(
    '/api/v1/certificates/verify',
    {
      config: { access: 'public', rateLimit: { max: 60, timeWindow: '1 minute' } },
      schema: { tags: ['certificates'], summary: 'Verifies a certificate file (the JSON the API returns or the PDF carries): its signature against the published keys, then the live status of its number', body: Type.Object({}, { additionalProperties: true, description: 'A greenlist-certificate/1 document' }), response: { 200: VerificationSchema } },
    },
    async (request) => verifyCertificateDocument(store, parseCertificateDocument(request.body), { publicUrl: config.publicUrl }),
  );

  app.post<NumberRequest & { Body: { reason: string; revokedOn?: string } }>(
    '/api/v1/certificates/:number/revoke',
    {
      config: { access: { action: 'revoke', subject: 'certificate', id: 'number' } },
      schema: {
        tags: ['certificates'],
        summary: 'The issuing authority revokes a certificate (removal from the list revokes it by itself)',
        params: NumberParams,
        body: Type.Object({ reason: Type.String({ minLength: 1, maxLength: 500 }), revokedOn: Type.Optional(Type.String({ format: 'date' })) }),
        response: { 200: Type.Object({ number: Type.String(), revokedOn: Type.String() }) },
      },
    },
    async (request) => revokeCertificate(store, await requireUser(request), { number: request.params.number, reason: request.body.reason, ...(request.body.revokedOn === undefined ? {} : { revokedOn: request.body.revokedOn }) }),
  );

  app.post<{ Body: { authorityCode: string; reason?: string } }>(
    '/api/v1/signing-keys',
    {
      config: { access: { action: 'rotate', subject: 'signing-key' } },
      schema: {
        tags: ['certificates'],
        summary: 'Rotates an authority’s signing key: the current key is retired (and stays published) and a new one signs from now on',
        body: Type.Object({ authorityCode: Type.String({ minLength: 1, maxLength: 20, examples: ['MIIT', '360000'] }), reason: Type.Optional(Type.String({ maxLength: 200 })) }),
        response: { 201: Type.Object({ retiredKeyId: Type.Union([Type.String(), Type.Null()]), currentKeyId: Type.String() }) },
      },
    },
    async (request, reply) => reply.status(201).send(await rotateSigningKey(store, await requireUser(request), { authorityCode: request.body.authorityCode, ...(request.body.reason === undefined ? {} : { reason: request.body.reason }) })),
  );
}
