/**
 * Lists over HTTP: the current list (public read model, store/queries/public-lists.ts),
 * a province's list with national listings implied, one entry with its changes; and
 * dynamic management — removal (immediate or at the next annual publication by reason),
 * rename and boundary-change requests and their decisions.
 */
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { invalid, notFound } from '../../../domain/errors.ts';
import { REMOVAL_REASONS } from '../../../domain/applications/list-management.ts';
import { can } from '../../../policies/index.ts';
import { removeListEntry } from '../../../commands/list-entries/remove-list-entry.ts';
import { requestEntryChange } from '../../../commands/list-entries/request-entry-change.ts';
import { decideEntryChange } from '../../../commands/list-entries/decide-entry-change.ts';
import { listEntries, LIST_SORTS, MAX_PAGE_SIZE, type ListSort } from '../../../store/queries/public-lists.ts';
import { listEntryDetail } from '../../../store/queries/list-entry-detail.ts';
import { provincialList } from '../../../store/queries/provincial-list.ts';
import type { Row } from '../../../store/schema.ts';
import { actorOf, requireUser } from '../../auth.ts';
import { findProgrammeByCode } from '../../../store/queries/lookups.ts';

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) => Type.Union([schema, Type.Null()]);
const EntryParams = Type.Object({ id: Type.Integer({ minimum: 1 }) });
const ChangeSchema = Type.Object({ id: Type.Integer(), listEntryId: Type.Integer(), kind: Type.String(), mode: Nullable(Type.String()), reasonCode: Nullable(Type.String()), reason: Nullable(Type.String()), details: Type.Object({}, { additionalProperties: true }), status: Type.String(), appliedOn: Nullable(Type.String()) });

function presentChange(row: Row<'entry_changes'>) {
  return { id: row.id, listEntryId: row.list_entry_id, kind: row.kind, mode: row.mode, reasonCode: row.reason_code, reason: row.reason, details: JSON.parse(row.details) as Record<string, unknown>, status: row.status, appliedOn: row.applied_on };
}

export async function registerListRoutes(app: FastifyInstance): Promise<void> {
  const store = app.context.store;

  app.get<{ Querystring: { province?: string; city?: string; industry?: string; programme?: string; year?: number; tier?: 'national' | 'province' | 'city'; batch?: string; page?: number; pageSize?: number; sort?: ListSort; direction?: 'asc' | 'desc' } }>(
    '/api/v1/lists',
    {
      config: { access: 'public' },
      schema: {
        tags: ['lists', 'public'],
        summary: 'The current list (listed or renamed entries), filtered and paged',
        querystring: Type.Object({
          province: Type.Optional(Type.String({ pattern: '^\\d{6}$' })),
          city: Type.Optional(Type.String({ pattern: '^\\d{6}$' })),
          industry: Type.Optional(Type.String({ maxLength: 4 })),
          programme: Type.Optional(Type.String()),
          year: Type.Optional(Type.Integer()),
          tier: Type.Optional(Type.Union([Type.Literal('national'), Type.Literal('province'), Type.Literal('city')])),
          batch: Type.Optional(Type.String()),
          page: Type.Optional(Type.Integer({ minimum: 1 })),
          pageSize: Type.Optional(Type.Integer({ minimum: 1, maximum: MAX_PAGE_SIZE })),
          sort: Type.Optional(Type.Union(LIST_SORTS.map((s) => Type.Literal(s)))),
          direction: Type.Optional(Type.Union([Type.Literal('asc'), Type.Literal('desc')])),
        }),
      },
    },
    async (request) => {
      const q = request.query;
      return listEntries(store.db, { provinceCode: q.province, cityCode: q.city, industryCode: q.industry, programmeCode: q.programme, year: q.year, tier: q.tier, batchSlug: q.batch }, { page: q.page ?? 1, pageSize: q.pageSize ?? 50, sort: q.sort ?? 'listed', direction: q.direction ?? 'desc' });
    },
  );

  app.get<{ Params: { province: string }; Querystring: { programme?: string } }>(
    '/api/v1/lists/provinces/:province',
    {
      config: { access: 'public' },
      schema: {
        tags: ['lists', 'public'],
        summary: 'A province’s list: its own provincial entries plus the national entries of its enterprises (national listing implies provincial listing)',
        params: Type.Object({ province: Type.String({ pattern: '^\\d{2}0000$', examples: ['360000'] }) }),
        querystring: Type.Object({ programme: Type.Optional(Type.String({ examples: ['green_factory'] })) }),
        response: { 200: Type.Object({ items: Type.Array(Type.Object({ entryId: Type.Integer(), enterpriseId: Type.Integer(), nameZh: Type.String(), nameEn: Type.String(), cityCode: Type.String(), listedOn: Type.String(), batchSlug: Type.String(), via: Type.String() })) }) },
      },
    },
    async (request) => {
      const programme = await findProgrammeByCode(store.db, request.query.programme ?? 'green_factory');
      if (programme === undefined) throw invalid('programme', `unknown programme "${request.query.programme}"`);
      return { items: await provincialList(store.db, { programmeId: programme.id, provinceCode: request.params.province }) };
    },
  );

  app.get<{ Params: { id: number } }>(
    '/api/v1/lists/entries/:id',
    { config: { access: 'public' }, schema: { tags: ['lists', 'public'], summary: 'One list entry with its applied changes (the list’s authority and the enterprise also see pending ones)', params: EntryParams } },
    async (request) => {
      const actor = await actorOf(request);
      const entry = await listEntryDetail(store.db, request.params.id, { includePending: false });
      if (entry === undefined) throw notFound(`list entry ${request.params.id}`);
      const subject = { type: 'list-entry', enterpriseId: entry.enterpriseId, authorityId: entry.authorityId, provinceCode: entry.provinceCode, cityCode: entry.cityCode };
      return can(actor, 'read', subject) && actor.kind === 'user' ? listEntryDetail(store.db, entry.id, { includePending: true }) : entry;
    },
  );

  app.post<{ Params: { id: number }; Body: { reasonCode: string; note?: string } }>(
    '/api/v1/lists/entries/:id/removal',
    {
      config: { access: { action: 'remove', subject: 'list-entry', id: 'id' } },
      schema: {
        tags: ['lists'],
        summary: 'Remove an entry: a 重大 accident or Ⅱ级+ environmental emergency removes it now (certificate revoked, authority notified); other reasons at the next annual publication',
        params: EntryParams,
        body: Type.Object({ reasonCode: Type.Union(Object.keys(REMOVAL_REASONS).map((code) => Type.Literal(code))), note: Type.Optional(Type.String({ maxLength: 2000 })) }, { examples: [{ reasonCode: 'major_safety_accident', note: '2026-10-12 发生重大生产安全事故' }] }),
        response: { 200: ChangeSchema },
      },
    },
    async (request) => presentChange(await removeListEntry(store, await requireUser(request), { entryId: request.params.id, reasonCode: request.body.reasonCode, note: request.body.note ?? null })),
  );

  app.post<{ Params: { id: number }; Body: { kind: 'rename' | 'boundary_change'; nameZh?: string; nameEn?: string; description?: string } }>(
    '/api/v1/lists/entries/:id/changes',
    {
      config: { access: { action: 'request-change', subject: 'list-entry', id: 'id' } },
      schema: {
        tags: ['lists'],
        summary: 'The enterprise declares a rename or a boundary change of its entry',
        params: EntryParams,
        body: Type.Object({ kind: Type.Union([Type.Literal('rename'), Type.Literal('boundary_change')]), nameZh: Type.Optional(Type.String({ maxLength: 200 })), nameEn: Type.Optional(Type.String({ maxLength: 200 })), description: Type.Optional(Type.String({ maxLength: 5000 })) }, { examples: [{ kind: 'rename', nameZh: '江西蓝星星火有机硅股份有限公司' }] }),
        response: { 201: ChangeSchema },
      },
    },
    async (request, reply) => reply.status(201).send(presentChange(await requestEntryChange(store, await requireUser(request), { entryId: request.params.id, ...request.body }))),
  );

  app.post<{ Params: { id: number }; Body: { decision: 'approve' | 'reject'; note?: string } }>(
    '/api/v1/lists/changes/:id/decision',
    {
      config: { access: { action: 'decide-change', subject: 'list-entry', id: 'id', lookup: 'list-entry-change' } },
      schema: {
        tags: ['lists'],
        summary: 'The list’s authority decides a declared change; an approved rename is published with the next list of that programme and tier',
        params: EntryParams,
        body: Type.Object({ decision: Type.Union([Type.Literal('approve'), Type.Literal('reject')]), note: Type.Optional(Type.String({ maxLength: 2000 })) }),
        response: { 200: ChangeSchema },
      },
    },
    async (request) => presentChange(await decideEntryChange(store, await requireUser(request), { changeId: request.params.id, decision: request.body.decision, note: request.body.note ?? null })),
  );
}
