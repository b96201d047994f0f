/** `/verify` (enter a number) and `/verify/{number}` (the verdict; what the QR code opens, `?sig=` included). */
import type { FastifyInstance } from 'fastify';
import { verifyCertificate } from '../../commands/certificates/verify-certificate.ts';
import { normalizeCertificateNumber } from '../../domain/certificates/certificate-number.ts';
import { localPath } from '../i18n/language.ts';
import { pageContext, sendPage } from '../page-context.ts';
import { sendCacheable } from '../cacheable.ts';
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
    const number = request.params.number.slice(0, 40);
    // The live status follows the data version: the page cache's validators change with any
    // change to the list, so a cached answer is never older than the list it reports on.
    return sendCacheable(request, reply, async () => {
      const result = await verifyCertificate(store, { number, publicUrl: config.publicUrl, ...(sig === undefined ? {} : { presentedSignature: sig }) });
      return { body: VerifyResultPage({ page: await pageContext(request), result }).html, status: result.status === 'not_found' ? 404 : 200 };
    });
  });
}
