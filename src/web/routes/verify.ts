/** `/verify` (enter a number) and `/verify/{number}` (the verdict; what the QR code opens, `?sig=` included). */
import type { FastifyInstance } from 'fastify';
import { verifyCertificate } from '../../commands/certificates/verify-certificate.ts';
import { normalizeCertificateNumber } from '../../domain/certificates/certificate-number.ts';
import { localPath } from '../i18n/language.ts';
import { pageContext, sendPage } from '../page-context.ts';
import { VerifyFormPage } from '../pages/verify/verify-form-page.tsx';
import { VerifyResultPage } from '../pages/verify/verify-result-page.tsx';

export async function registerVerifyRoutes(app: FastifyInstance): Promise<void> {
  const { store, config } = app.context;
  app.get<{ Querystring: { number?: string } }>('/verify', { config: { access: 'public' }, schema: { hide: true } }, async (request, reply) => {
    const number = typeof request.query.number === 'string' ? normalizeCertificateNumber(request.query.number).slice(0, 40) : '';
    if (number !== '') return reply.redirect(localPath(request.lang, `/verify/${encodeURIComponent(number)}`), 303);
    return sendPage(reply, VerifyFormPage({ page: await pageContext(request) }));
  });
  app.get<{ Params: { number: string }; Querystring: { sig?: string } }>('/verify/:number', { config: { access: 'public' }, schema: { hide: true } }, async (request, reply) => {
    const sig = typeof request.query.sig === 'string' ? request.query.sig.slice(0, 200) : undefined;
    const result = await verifyCertificate(store, { number: request.params.number.slice(0, 40), publicUrl: config.publicUrl, ...(sig === undefined ? {} : { presentedSignature: sig }) });
    reply.header('cache-control', 'no-store');
    if (result.status === 'not_found') reply.status(404);
    return sendPage(reply, VerifyResultPage({ page: await pageContext(request), result }));
  });
}
