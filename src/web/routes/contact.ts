/** `/contact`: the contact and media-inquiry form, stored in contact_messages and acknowledged with a reference. */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError, notFound } from '../../domain/errors.ts';
import { sendContactMessage } from '../../commands/contact/send-contact-message.ts';
import { actorOf, clientKey, csrfTokenFor } from '../../http/auth.ts';
import { translate } from '../i18n/catalogue.ts';
import { localPath } from '../i18n/language.ts';
import { ContactPage, ContactSentPage, type ContactFormValues } from '../pages/about/contact-page.tsx';
import { pageContext, sendPage } from '../page-context.ts';

export const CONTACT_RATE_LIMIT = { max: 5, timeWindow: '15 minutes' };
const FIELDS = ['kind', 'fullName', 'email', 'organisation', 'subject', 'body'] as const;

async function renderForm(request: FastifyRequest, reply: FastifyReply, values: ContactFormValues, errors: Record<string, string>) {
  const csrfToken = await csrfTokenFor(request, reply);
  reply.header('cache-control', 'private, no-store');
  return sendPage(reply, ContactPage({ page: await pageContext(request), values, errors, csrfToken }));
}

export async function registerContactRoutes(app: FastifyInstance): Promise<void> {
  app.get('/contact', { config: { access: 'public' }, schema: { hide: true } }, async (request, reply) => {
    const kind = (request.query as { kind?: string }).kind === 'media' ? 'media' : 'contact';
    return renderForm(request, reply, { kind }, {});
  });

  app.post('/contact', { schema: { hide: true }, config: { access: { action: 'send', subject: 'contact-message' }, rateLimit: { ...CONTACT_RATE_LIMIT, keyGenerator: clientKey } } }, async (request, reply) => {
    const body = (request.body ?? {}) as Record<string, unknown>;
    const values: ContactFormValues = {};
    for (const name of FIELDS) values[name] = typeof body[name] === 'string' ? (body[name] as string) : '';
    try {
      const sent = await sendContactMessage(app.context.store, await actorOf(request), { kind: values.kind ?? '', fullName: values.fullName ?? '', email: values.email ?? '', organisation: values.organisation, subject: values.subject ?? '', body: values.body ?? '', lang: request.lang, clientKey: clientKey(request) });
      return reply.redirect(localPath(request.lang, `/contact/sent?ref=${encodeURIComponent(sent.reference)}&kind=${sent.kind}`), 303);
    } catch (error) {
      if (!AppError.is(error, 'VALIDATION') || error.path === undefined || !(FIELDS as readonly string[]).includes(error.path)) throw error;
      reply.status(400);
      return renderForm(request, reply, values, { [error.path]: translate(request.lang, `contact.error.${error.path}`) });
    }
  });

  app.get('/contact/sent', { config: { access: 'public' }, schema: { hide: true } }, async (request, reply) => {
    const query = request.query as { ref?: string; kind?: string };
    if (typeof query.ref !== 'string' || !/^MSG-\d{8}-[A-Z0-9]{6}$/.test(query.ref)) throw notFound('contact reference / 参考编号');
    reply.header('cache-control', 'private, no-store');
    return sendPage(reply, ContactSentPage({ page: await pageContext(request), reference: query.ref, kind: query.kind === 'media' ? 'media' : 'contact' }));
  });
}
