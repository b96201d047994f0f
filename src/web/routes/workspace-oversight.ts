/**
 * The reviewing authority's oversight: `/workspace/deadlines` (deadlines in the coming
 * weeks, quotas by sub-region for a batch) and `/workspace/dynamic-management` (the year's
 * 动态管理表 filed, overdue and flagged; declared changes to decide; removals).
 */
import { notFound } from '../../domain/errors.ts';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { UserActor } from '../../domain/actors/actor.ts';
import { todayInShanghai } from '../../domain/calendar/plain-date.ts';
import { can } from '../../policies/index.ts';
import { openDynamicReports } from '../../commands/dynamic-reports/open-dynamic-reports.ts';
import { removeListEntry } from '../../commands/list-entries/remove-list-entry.ts';
import { decideEntryChange } from '../../commands/list-entries/decide-entry-change.ts';
import { dynamicReportQueue } from '../../store/queries/dynamic-report-queue.ts';
import { authorityBatches, authorityEntries, authorityEntryChanges, quotaRows } from '../../store/queries/workspace/authority-work.ts';
import { dynamicReportCounts, upcomingDeadlines } from '../../store/queries/workspace/pipeline-counts.ts';
import { sendPage } from '../page-context.ts';
import { DeadlinesPage, DynamicManagementPage } from '../pages/workspace/review/oversight-pages.tsx';
import { requireWebUser } from '../workspace-auth.ts';
import { registerWorkspaceSection } from '../workspace-sections.ts';
import { fieldsOf, frameOf, here, idParam, optionalNumber, submitForm } from './workspace-forms.ts';
import { authorityMembership } from './workspace-review.ts';
import { findAuthorityById, findProvinceAuthorityId } from '../../store/queries/lookups.ts';

registerWorkspaceSection({
  id: 'deadlines',
  roles: ['national', 'province', 'city'],
  href: '/workspace/deadlines',
  titleKey: 'ws-review.deadlines.title',
  descriptionKey: 'ws-review.deadlines.description',
  order: 20,
  waiting: async (store, actor) => (await upcomingDeadlines(store.db, actor, { today: todayInShanghai(), days: 30 })).length,
});

registerWorkspaceSection({
  id: 'dynamic-management',
  roles: ['national', 'province', 'city'],
  href: '/workspace/dynamic-management',
  titleKey: 'ws-review.dynamic.title',
  descriptionKey: 'ws-review.dynamic.description',
  order: 60,
  waiting: async (store, actor) => {
    const ids = actor.memberships.filter((m) => ['national', 'province', 'city'].includes(m.role) && m.authorityId !== null).map((m) => m.authorityId!);
    return ids.length === 0 ? 0 : (await authorityEntryChanges(store.db, ids[0]!, ['requested'])).length;
  },
});

/** Quotas an authority keeps in its settings (`quotas`: region code → places), each a configuration value [U]. */
function configuredQuotas(settings: string): { quotas: Record<string, number>; source: string | null } {
  const parsed = JSON.parse(settings || '{}') as { quotas?: Record<string, unknown>; sources?: Record<string, string> };
  const quotas = Object.fromEntries(Object.entries(parsed.quotas ?? {}).filter(([code, n]) => /^\d{6}$/.test(code) && typeof n === 'number' && Number.isInteger(n) && n >= 0)) as Record<string, number>;
  return { quotas, source: Object.keys(quotas).length === 0 ? null : (parsed.sources?.quotas ?? 'quotas: configuration [U]') };
}

export async function registerWorkspaceOversightRoutes(app: FastifyInstance): Promise<void> {
  const store = () => app.context.store;

  app.get('/workspace/deadlines', { config: { access: { action: 'oversee', subject: 'authority' } }, schema: { hide: true } }, async (request, reply) => {
    const actor = await requireWebUser(request, reply);
    if (actor === undefined) return reply;
    const membership = authorityMembership(actor);
    const today = todayInShanghai();
    const authority = await findAuthorityById(store().db, membership.authorityId);
    if (authority === undefined) throw notFound(`authority ${membership.authorityId}`);
    // A city works on the batches of its province and the nation: it sees its province's.
    const batchAuthority = authority.level === 'city' ? (await findProvinceAuthorityId(store().db, authority.region_code)) ?? membership.authorityId : membership.authorityId;
    const [deadlines, batches] = await Promise.all([upcomingDeadlines(store().db, actor, { today, days: 30 }), authorityBatches(store().db, batchAuthority)]);
    const chosen = batches.find((b) => String(b.id) === (request.query as { batch?: string }).batch) ?? batches.find((b) => b.status !== 'published') ?? batches[0];
    const { quotas, source } = configuredQuotas(authority.settings);
    const rows = chosen === undefined ? [] : await quotaRows(store().db, { level: authority.level, regionCode: authority.region_code, batchId: chosen.id, quotas });
    return sendPage(reply, DeadlinesPage({ frame: await frameOf(request, actor), deadlines, batches, chosenBatchId: chosen?.id, quotas: rows, quotaSource: source, today }));
  });

  const renderDynamic = async (request: FastifyRequest, reply: FastifyReply, actor: UserActor, error?: string) => {
    const membership = authorityMembership(actor);
    const query = request.query as { year?: string; status?: string; q?: string; page?: string };
    const current = Number(todayInShanghai().slice(0, 4));
    const years = Array.from({ length: 5 }, (_, i) => current - 1 - i);
    const year = years.includes(Number(query.year)) ? Number(query.year) : years[0]!;
    const status = ['due', 'overdue', 'filed', 'filed_late'].includes(query.status ?? '') ? query.status : undefined;
    const entryPage = Math.max(1, Math.floor(optionalNumber(query.page) ?? 1));
    const [counts, reports, changes, scheduled, entries] = await Promise.all([
      dynamicReportCounts(store().db, actor, { year }),
      // Without a chosen status, the reports that still need filing (due or overdue).
      status === undefined ? Promise.all(['overdue', 'due'].map((s) => dynamicReportQueue(store().db, actor, { year, status: s, limit: 200 }))).then((lists) => lists.flat()) : dynamicReportQueue(store().db, actor, { year, status, limit: 200 }),
      authorityEntryChanges(store().db, membership.authorityId, ['requested']),
      authorityEntryChanges(store().db, membership.authorityId, ['approved']),
      authorityEntries(store().db, membership.authorityId, { query: query.q?.trim() || undefined, limit: 25, offset: (entryPage - 1) * 25 }),
    ]);
    return sendPage(reply, DynamicManagementPage({ frame: await frameOf(request, actor), year, years, counts, reports, status, changes, scheduled: scheduled.filter((c) => c.kind === 'removal'), entries, entryQuery: query.q ?? '', entryPage, canOpen: can(actor, 'open', { type: 'dynamic-report-year', authorityId: membership.authorityId }), error }));
  };

  app.get('/workspace/dynamic-management', { config: { access: { action: 'oversee', subject: 'authority' } }, schema: { hide: true } }, async (request, reply) => {
    const actor = await requireWebUser(request, reply);
    if (actor === undefined) return reply;
    return renderDynamic(request, reply, actor);
  });

  app.post('/workspace/dynamic-management/open', { config: { access: { action: 'oversee', subject: 'authority' } }, schema: { hide: true } }, async (request, reply) => {
    const fields = fieldsOf(request.body);
    return submitForm(request, reply, async (actor) => {
      await openDynamicReports(store(), actor, { authorityId: authorityMembership(actor).authorityId, year: Number(fields.year) });
      return here(request, `/workspace/dynamic-management?year=${Number(fields.year)}`, 'reportsOpened');
    }, (actor, error) => renderDynamic(request, reply, actor, error.message));
  });

  app.post('/workspace/dynamic-management/entries/:id/remove', { config: { access: { action: 'remove', subject: 'list-entry', id: 'id' } }, schema: { hide: true } }, async (request, reply) => {
    const fields = fieldsOf(request.body);
    return submitForm(request, reply, async (actor) => {
      await removeListEntry(store(), actor, { entryId: idParam(request, 'id'), reasonCode: fields.reasonCode ?? '', note: fields.note ?? null });
      return here(request, '/workspace/dynamic-management#scheduled', 'entryRemoved');
    }, (actor, error) => renderDynamic(request, reply, actor, error.message));
  });

  app.post('/workspace/dynamic-management/changes/:id', { config: { access: { action: 'decide-change', subject: 'list-entry', id: 'id', lookup: 'list-entry-change' } }, schema: { hide: true } }, async (request, reply) => {
    const fields = fieldsOf(request.body);
    return submitForm(request, reply, async (actor) => {
      await decideEntryChange(store(), actor, { changeId: idParam(request, 'id'), decision: fields.decision === 'reject' ? 'reject' : 'approve', note: fields.note ?? null });
      return here(request, '/workspace/dynamic-management#changes', 'changeDecided');
    }, (actor, error) => renderDynamic(request, reply, actor, error.message));
  });
}
