/**
 * Applications in the workspace: `/workspace/applications` (the queue with counts by
 * state and filters) and `/workspace/applications/{id}` (the application page) with its
 * form posts — an action of the transition table, the self-evaluation, evidence files —
 * and the evidence downloads. Every post goes through the same commands as the API.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import multipart from '@fastify/multipart';
import type { UserActor } from '../../domain/actors/actor.ts';
import { isApplicationState } from '../../domain/applications/application-states.ts';
import { readApplicationDossier } from '../../commands/applications/read-application-dossier.ts';
import { takeApplicationAction } from '../../commands/applications/take-application-action.ts';
import { updateApplication } from '../../commands/applications/update-application.ts';
import { attachEvidence, EVIDENCE_FILE_MAX_BYTES, readEvidenceFile, removeEvidence } from '../../commands/applications/attach-evidence.ts';
import { applicationQueue } from '../../store/queries/application-queue.ts';
import { listEvaluatorOrgs } from '../../store/queries/user-directory.ts';
import { batchOptions } from '../../store/queries/workspace/authority-work.ts';
import { applicationStateCounts } from '../../store/queries/workspace/pipeline-counts.ts';
import { findProgramme } from '../../domain/programmes/programmes.ts';
import { sendPage } from '../page-context.ts';
import { ApplicationPage } from '../pages/workspace/applications/application-page.tsx';
import { QueuePage } from '../pages/workspace/applications/queue-page.tsx';
import { selfEvaluationFromForm } from '../pages/workspace/shared/self-evaluation-fields.tsx';
import { requireWebUser } from '../workspace-auth.ts';
import { registerWorkspaceSection } from '../workspace-sections.ts';
import { fieldsOf, frameOf, here, idParam, optionalNumber, submitForm, uploadedFile } from './workspace-forms.ts';
import { AppError } from '../../domain/errors.ts';

/** The states in which an application waits for each reviewing role. */
export const WAITING_FOR: Record<'city' | 'province' | 'national', readonly string[]> = {
  city: ['city_review'],
  province: ['province_review', 'provincial_objections', 'provincially_approved', 'provincially_listed'],
  national: ['recommended', 'national_expert_review', 'national_objections', 'nationally_approved'],
};

registerWorkspaceSection({
  id: 'applications',
  roles: ['city', 'province', 'national'],
  href: '/workspace/applications',
  titleKey: 'ws-application.queue.title',
  descriptionKey: 'ws-application.queue.description',
  order: 10,
  waiting: async (store, actor) => {
    const counts = await applicationStateCounts(store.db, actor);
    const states = new Set(actor.memberships.flatMap((m) => (m.role === 'city' || m.role === 'province' || m.role === 'national' ? WAITING_FOR[m.role] : [])));
    return [...states].reduce((sum, state) => sum + (counts[state] ?? 0), 0);
  },
});

const PAGE_SIZE = 25;

export async function registerWorkspaceApplicationRoutes(app: FastifyInstance): Promise<void> {
  const store = () => app.context.store;

  const renderApplication = async (request: FastifyRequest, reply: FastifyReply, actor: UserActor, error?: string) => {
    const dossier = await readApplicationDossier(store(), actor, idParam(request, 'id'), request.lang);
    const evaluatorOrgs = dossier.availableActions.includes('engage-evaluator') ? await listEvaluatorOrgs(store().db) : [];
    return sendPage(reply, ApplicationPage({ frame: await frameOf(request, actor), dossier, evaluatorOrgs, error }));
  };

  app.get<{ Querystring: Record<string, string | undefined> }>('/workspace/applications', { config: { access: 'signed-in' }, schema: { hide: true } }, async (request, reply) => {
    const actor = await requireWebUser(request, reply);
    if (actor === undefined) return reply;
    const q = request.query;
    const filter = {
      state: q.state && isApplicationState(q.state) ? q.state : undefined,
      programme: q.programme && findProgramme(q.programme) !== undefined ? q.programme : undefined,
      batch: optionalNumber(q.batch),
    };
    const page = Math.max(1, Math.floor(optionalNumber(q.page) ?? 1));
    const [queue, counts, batches] = await Promise.all([
      applicationQueue(store().db, actor, { state: filter.state, programmeCode: filter.programme, batchId: filter.batch, limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE }),
      applicationStateCounts(store().db, actor, { programmeCode: filter.programme, batchId: filter.batch }),
      batchOptions(store().db),
    ]);
    return sendPage(reply, QueuePage({ frame: await frameOf(request, actor), items: queue.items, total: queue.total, counts, filter, page, pageSize: PAGE_SIZE, batches }));
  });

  app.get('/workspace/applications/:id', { config: { access: { action: 'read', subject: 'application', id: 'id' } }, schema: { hide: true } }, async (request, reply) => {
    const actor = await requireWebUser(request, reply);
    if (actor === undefined) return reply;
    return renderApplication(request, reply, actor);
  });

  app.post('/workspace/applications/:id/actions/:action', { config: { access: { action: ':action', subject: 'application', id: 'id' } }, schema: { hide: true } }, async (request, reply) => {
    const fields = fieldsOf(request.body);
    const id = idParam(request, 'id');
    const action = (request.params as { action: string }).action;
    return submitForm(request, reply, async (actor) => {
      await takeApplicationAction(store(), actor, { applicationId: id, action, reason: fields.reason?.trim() || null, ...(fields.evaluatorOrgId ? { evaluatorOrgId: Number(fields.evaluatorOrgId) } : {}) });
      return here(request, `/workspace/applications/${id}`, 'actionTaken');
    }, (actor, error) => renderApplication(request, reply, actor, error.message));
  });

  app.post('/workspace/applications/:id/self-evaluation', { config: { access: { action: 'update', subject: 'application', id: 'id' } }, schema: { hide: true } }, async (request, reply) => {
    const fields = fieldsOf(request.body);
    const id = idParam(request, 'id');
    return submitForm(request, reply, async (actor) => {
      const dossier = await readApplicationDossier(store(), actor, id, request.lang);
      await updateApplication(store(), actor, { applicationId: id, selfEvaluation: selfEvaluationFromForm(dossier.framework, fields) });
      return here(request, `/workspace/applications/${id}#self-evaluation`, 'selfEvaluationSaved');
    }, (actor, error) => renderApplication(request, reply, actor, error.message));
  });

  app.post('/workspace/applications/:id/evidence/:fileId/remove', { config: { access: { action: 'update', subject: 'application', id: 'id' } }, schema: { hide: true } }, async (request, reply) => {
    const id = idParam(request, 'id');
    return submitForm(request, reply, async (actor) => {
      await removeEvidence(store(), actor, { applicationId: id, fileId: idParam(request, 'fileId') });
      return here(request, `/workspace/applications/${id}#evidence`, 'evidenceRemoved');
    }, (actor, error) => renderApplication(request, reply, actor, error.message));
  });

  app.get('/workspace/applications/:id/evidence/:fileId', { config: { access: { action: 'read', subject: 'application', id: 'id' } }, schema: { hide: true } }, async (request, reply) => {
    const actor = await requireWebUser(request, reply);
    if (actor === undefined) return reply;
    const file = await readEvidenceFile(store(), actor, { applicationId: idParam(request, 'id'), fileId: idParam(request, 'fileId') });
    return reply
      .type(file.mediaType)
      .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(file.name)}`)
      .header('x-content-type-options', 'nosniff')
      .header('cache-control', 'private, no-store')
      .send(await app.context.files.read(file.storageKey));
  });

  // Evidence uploads in their own scope: multipart fields (the _csrf token among them) are
  // parsed before the CSRF check runs.
  await app.register(async (scope) => {
    await scope.register(multipart, { attachFieldsToBody: true, throwFileSizeLimit: false, limits: { fileSize: EVIDENCE_FILE_MAX_BYTES + 1, files: 1, fields: 5 } });
    scope.post('/workspace/applications/:id/evidence', { config: { access: { action: 'update', subject: 'application', id: 'id' } }, schema: { hide: true } }, async (request, reply) => {
      const id = idParam(request, 'id');
      const fields = fieldsOf(request.body);
      const file = await uploadedFile(request.body, 'file');
      return submitForm(request, reply, async (actor) => {
        if (file === undefined) throw new AppError('VALIDATION', 'file: choose a file / 请选择文件', { path: 'file' });
        await attachEvidence(store(), actor, { applicationId: id, indicatorId: fields.indicatorId ?? '', file: { bytes: file.bytes, originalName: file.name } }, { files: app.context.files });
        return here(request, `/workspace/applications/${id}#evidence`, 'evidenceAttached');
      }, (actor, error) => renderApplication(request, reply, actor, error.message));
    });
  });
}
