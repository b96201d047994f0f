/**
 * Administration in the workspace (besides users, admin-users.ts): authorities and their
 * settings, frameworks (view, pin one to an open batch), news items written with a
 * preview then published or edited, and the contact messages.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { UserActor } from '../../domain/actors/actor.ts';
import { parseAuthoritySettings } from '../../domain/applications/authority-settings.ts';
import { AppError } from '../../domain/errors.ts';
import { listFrameworks } from '../../engine/index.ts';
import { authorize } from '../../policies/index.ts';
import { updateBatch } from '../../commands/batches/update-batch.ts';
import { listContactMessages, markContactMessageHandled } from '../../commands/contact/handle-contact-messages.ts';
import { checkNewsInput, type NewsInput } from '../../commands/news/news-input.ts';
import { listNewsItems, publishNewsItem, readNewsItem, updateNewsItem } from '../../commands/news/publish-news-item.ts';
import { now } from '../../store/store.ts';
import { authorityBatches } from '../../store/queries/workspace/authority-work.ts';
import { sendPage } from '../page-context.ts';
import { AuthoritiesPage, FrameworksAdminPage, MessagesPage } from '../pages/workspace/admin/admin-pages.tsx';
import { NEWS_FIELDS, NewsFormPage, NewsListPage, NewsPreviewPage, type NewsFormValues } from '../pages/workspace/admin/news-pages.tsx';
import { requireWebUser } from '../workspace-auth.ts';
import { registerWorkspaceSection } from '../workspace-sections.ts';
import { fieldsOf, frameOf, here, isFormMistake, optionalNumber, submitForm } from './workspace-forms.ts';
import { authorityMembership } from './workspace-review.ts';
import { listAuthorityRows, listFrameworkPins } from '../../store/queries/lookups.ts';

registerWorkspaceSection({ id: 'admin-authorities', roles: ['admin'], href: '/workspace/admin/authorities', titleKey: 'ws-admin.authorities.title', descriptionKey: 'ws-admin.authorities.description', order: 80 });
registerWorkspaceSection({ id: 'admin-frameworks', roles: ['admin'], href: '/workspace/admin/frameworks', titleKey: 'ws-admin.frameworks.title', descriptionKey: 'ws-admin.frameworks.description', order: 82 });
registerWorkspaceSection({ id: 'admin-news', roles: ['admin'], href: '/workspace/admin/news', titleKey: 'ws-admin.news.title', descriptionKey: 'ws-admin.news.description', order: 84 });
registerWorkspaceSection({
  id: 'admin-messages',
  roles: ['admin'],
  href: '/workspace/admin/messages',
  titleKey: 'ws-admin.messages.title',
  descriptionKey: 'ws-admin.messages.description',
  order: 86,
  waiting: async (store, actor) => (await listContactMessages(store, actor, { handled: false, limit: 1 })).open,
});

function newsValues(fields: Record<string, string>): NewsFormValues {
  return Object.fromEntries(NEWS_FIELDS.map((name) => [name, fields[name] ?? ''])) as NewsFormValues;
}

function newsInput(values: NewsFormValues): NewsInput {
  const enterpriseId = optionalNumber(values.enterpriseId);
  return { slug: values.slug ?? '', lang: values.lang ?? '', title: values.title ?? '', summary: values.summary ?? '', body: values.body ?? '', author: values.author ?? '', publishedOn: values.publishedOn ?? '', programmeCode: values.programmeCode ?? '', provinceCode: values.provinceCode ?? '', enterpriseId: enterpriseId ?? null };
}

export async function registerWorkspaceAdminRoutes(app: FastifyInstance): Promise<void> {
  const store = () => app.context.store;

  app.get('/workspace/admin/authorities', { config: { access: { action: 'administer', subject: 'authority' } }, schema: { hide: true } }, async (request, reply) => {
    const actor = await requireWebUser(request, reply);
    if (actor === undefined) return reply;
    authorityMembership(actor, ['admin']);
    const rows = await listAuthorityRows(store().db);
    const authorities = rows.map((row) => {
      try {
        return { row, settings: parseAuthoritySettings(row.settings), problem: null };
      } catch (error) {
        return { row, settings: null, problem: (error as Error).message };
      }
    });
    return sendPage(reply, AuthoritiesPage({ frame: await frameOf(request, actor), authorities }));
  });

  const renderFrameworks = async (request: FastifyRequest, reply: FastifyReply, actor: UserActor, error?: string) => {
    const membership = authorityMembership(actor, ['admin']);
    const [stored, batches] = await Promise.all([listFrameworkPins(store().db), authorityBatches(store().db, membership.authorityId)]);
    const frameworks = listFrameworks().map((f) => {
      const row = stored.find((s) => s.id === `${f.id}@${f.version}`);
      return { id: f.id, version: f.version, nameZh: f.nameZh, nameEn: f.nameEn, hash: f.hash, effective: f.effective, abolished: f.abolished, stored: row === undefined ? null : { pinnedAt: row.pinned_at } };
    });
    return sendPage(reply, FrameworksAdminPage({ frame: await frameOf(request, actor), frameworks, openBatches: batches.filter((b) => b.status === 'open'), error }));
  };

  app.get('/workspace/admin/frameworks', { config: { access: { action: 'administer', subject: 'authority' } }, schema: { hide: true } }, async (request, reply) => {
    const actor = await requireWebUser(request, reply);
    if (actor === undefined) return reply;
    return renderFrameworks(request, reply, actor);
  });

  app.post('/workspace/admin/frameworks/pin', { config: { access: { action: 'administer', subject: 'authority' } }, schema: { hide: true } }, async (request, reply) => {
    const fields = fieldsOf(request.body);
    return submitForm(request, reply, async (actor) => {
      await updateBatch(store(), actor, { batchId: Number(fields.batchId), frameworkId: fields.frameworkId ?? '' });
      return here(request, '/workspace/admin/frameworks', 'frameworkPinned');
    }, (actor, error) => renderFrameworks(request, reply, actor, error.message));
  });

  app.get<{ Querystring: { page?: string } }>('/workspace/admin/news', { config: { access: { action: 'update', subject: 'news-item' } }, schema: { hide: true } }, async (request, reply) => {
    const actor = await requireWebUser(request, reply);
    if (actor === undefined) return reply;
    const page = Math.max(1, Math.floor(optionalNumber(request.query.page) ?? 1));
    const { items, total } = await listNewsItems(store(), actor, { limit: 30, offset: (page - 1) * 30 });
    return sendPage(reply, NewsListPage({ frame: await frameOf(request, actor), items, total, page }));
  });

  app.get('/workspace/admin/news/new', { config: { access: { action: 'publish', subject: 'news-item' } }, schema: { hide: true } }, async (request, reply) => {
    const actor = await requireWebUser(request, reply);
    if (actor === undefined) return reply;
    authorize(actor, 'publish', { type: 'news-item' });
    return sendPage(reply, NewsFormPage({ frame: await frameOf(request, actor), values: { lang: request.lang, author: actor.displayName }, editing: false }));
  });

  app.get<{ Params: { slug: string } }>('/workspace/admin/news/:slug/edit', { config: { access: { action: 'update', subject: 'news-item' } }, schema: { hide: true } }, async (request, reply) => {
    const actor = await requireWebUser(request, reply);
    if (actor === undefined) return reply;
    const item = await readNewsItem(store(), actor, request.params.slug);
    const values: NewsFormValues = { slug: item.slug, lang: item.lang, title: item.title, summary: item.summary, body: item.body, author: item.author, publishedOn: new Date(Date.parse(item.published_at) + 8 * 3_600_000).toISOString().slice(0, 10), programmeCode: item.programme_code ?? '', provinceCode: item.province_code ?? '', enterpriseId: item.enterprise_id === null ? '' : String(item.enterprise_id) };
    return sendPage(reply, NewsFormPage({ frame: await frameOf(request, actor), values, editing: true }));
  });

  app.post('/workspace/admin/news/form', { config: { access: { action: 'publish', subject: 'news-item' } }, schema: { hide: true } }, async (request, reply) => {
    const actor = await requireWebUser(request, reply);
    if (actor === undefined) return reply;
    const fields = fieldsOf(request.body);
    return sendPage(reply, NewsFormPage({ frame: await frameOf(request, actor), values: newsValues(fields), editing: fields.editing === '1' }));
  });

  app.post('/workspace/admin/news/preview', { config: { access: { action: 'publish', subject: 'news-item' } }, schema: { hide: true } }, async (request, reply) => {
    const actor = await requireWebUser(request, reply);
    if (actor === undefined) return reply;
    const fields = fieldsOf(request.body);
    const values = newsValues(fields);
    const editing = fields.editing === '1';
    authorize(actor, editing ? 'update' : 'publish', { type: 'news-item' });
    try {
      const draft = checkNewsInput(newsInput(values), now());
      return sendPage(reply, NewsPreviewPage({ frame: await frameOf(request, actor), draft, values, editing }));
    } catch (error) {
      if (!isFormMistake(error)) throw error;
      reply.status(error.status);
      return sendPage(reply, NewsFormPage({ frame: await frameOf(request, actor), values, editing, error: error.message }));
    }
  });

  const newsFormAgain = async (request: FastifyRequest, reply: FastifyReply, actor: UserActor, error: AppError, editing: boolean) =>
    sendPage(reply, NewsFormPage({ frame: await frameOf(request, actor), values: newsValues(fieldsOf(request.body)), editing, error: error.message }));

  app.post('/workspace/admin/news', { config: { access: { action: 'publish', subject: 'news-item' } }, schema: { hide: true } }, async (request, reply) => {
    const values = newsValues(fieldsOf(request.body));
    return submitForm(request, reply, async (actor) => {
      await publishNewsItem(store(), actor, newsInput(values));
      return here(request, '/workspace/admin/news', 'newsPublished');
    }, (actor, error) => newsFormAgain(request, reply, actor, error, false));
  });

  app.post<{ Params: { slug: string } }>('/workspace/admin/news/:slug', { config: { access: { action: 'update', subject: 'news-item' } }, schema: { hide: true } }, async (request, reply) => {
    const values = { ...newsValues(fieldsOf(request.body)), slug: request.params.slug };
    return submitForm(request, reply, async (actor) => {
      await updateNewsItem(store(), actor, newsInput(values));
      return here(request, '/workspace/admin/news', 'newsUpdated');
    }, (actor, error) => newsFormAgain(request, reply, actor, error, true));
  });

  app.get<{ Querystring: { handled?: string; page?: string } }>('/workspace/admin/messages', { config: { access: { action: 'read', subject: 'contact-message' } }, schema: { hide: true } }, async (request, reply) => {
    const actor = await requireWebUser(request, reply);
    if (actor === undefined) return reply;
    const showHandled = request.query.handled === '1';
    const page = Math.max(1, Math.floor(optionalNumber(request.query.page) ?? 1));
    const { items, total, open } = await listContactMessages(store(), actor, { handled: showHandled, limit: 20, offset: (page - 1) * 20 });
    return sendPage(reply, MessagesPage({ frame: await frameOf(request, actor), messages: items, total, open, showHandled, page }));
  });

  app.post<{ Params: { reference: string } }>('/workspace/admin/messages/:reference/handled', { config: { access: { action: 'handle', subject: 'contact-message' } }, schema: { hide: true } }, async (request, reply) => {
    return submitForm(request, reply, async (actor) => {
      await markContactMessageHandled(store(), actor, { reference: request.params.reference });
      return here(request, '/workspace/admin/messages', 'messageHandled');
    }, async (_actor, error) => {
      throw error;
    });
  });
}
