/**
 * The third-party evaluator's workspace: the engagement inbox, one engagement (accept with
 * the conflict declaration or decline, record the verified values, sign), and the
 * evaluation report as a PDF (also open to the enterprise and the region's reviewers).
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { UserActor } from '../../domain/actors/actor.ts';
import { EVALUATOR_CAP } from '../../domain/applications/evaluator-cap.ts';
import { todayInShanghai } from '../../domain/calendar/plain-date.ts';
import { AppError } from '../../domain/errors.ts';
import { parseAnnualData } from '../../engine/index.ts';
import { can } from '../../policies/index.ts';
import { acceptEngagement } from '../../commands/evaluations/accept-engagement.ts';
import { endEngagement } from '../../commands/evaluations/end-engagement.ts';
import { readEvaluationReport } from '../../commands/evaluations/read-evaluation-report.ts';
import { evaluationSubject } from '../../commands/evaluations/evaluation-records.ts';
import { recordVerifiedData } from '../../commands/evaluations/record-verified-data.ts';
import { signEvaluation } from '../../commands/evaluations/sign-evaluation.ts';
import { detailsOf, type SelfEvaluation } from '../../commands/applications/application-records.ts';
import { evidenceFramework } from '../../commands/applications/attach-evidence.ts';
import { renderEvaluationReportPdf } from '../../output/pdf/evaluation-report-pdf.ts';
import { evaluatorEngagements } from '../../store/queries/evaluator-engagements.ts';
import { isDemoDatabase } from '../../store/queries/site-state.ts';
import { sendPage } from '../page-context.ts';
import { EngagementInboxPage, EngagementPage } from '../pages/workspace/evaluator/engagement-pages.tsx';
import { annualDataFormFields, checkAnnualDataForm, type FormFields } from '../pages/workspace/shared/annual-data-form.ts';
import { selfEvaluationFromForm } from '../pages/workspace/shared/self-evaluation-fields.tsx';
import { requireWebUser } from '../workspace-auth.ts';
import { registerWorkspaceSection } from '../workspace-sections.ts';
import { fieldsOf, frameOf, here, idParam, submitForm } from './workspace-forms.ts';

function orgIdsOf(actor: UserActor): number[] {
  return actor.memberships.filter((m) => m.role === 'evaluator' && m.evaluatorOrgId !== null).map((m) => m.evaluatorOrgId!);
}

registerWorkspaceSection({
  id: 'engagements',
  roles: ['evaluator'],
  href: '/workspace/engagements',
  titleKey: 'ws-evaluator.inbox.title',
  descriptionKey: 'ws-evaluator.inbox.description',
  order: 10,
  waiting: async (store, actor) => (await evaluatorEngagements(store.db, orgIdsOf(actor))).filter((e) => e.state === 'requested' || e.state === 'accepted').length,
});

export async function registerWorkspaceEvaluatorRoutes(app: FastifyInstance): Promise<void> {
  const store = () => app.context.store;

  const renderEngagement = async (request: FastifyRequest, reply: FastifyReply, actor: UserActor, input: { fields?: FormFields; problems?: Record<string, string>; error?: string } = {}) => {
    const report = await readEvaluationReport(store(), actor, idParam(request, 'id'));
    const framework = await evidenceFramework(store().db, report.application);
    const verified = report.evaluation.verified_document === null ? null : (JSON.parse(report.evaluation.verified_document) as { data: unknown; answers?: SelfEvaluation });
    const answers = verified?.answers ?? detailsOf(report.application).selfEvaluation;
    const source = report.verified ?? report.declared;
    let values = input.fields;
    if (values === undefined) {
      try {
        values = annualDataFormFields(source === null ? null : parseAnnualData(source));
      } catch {
        values = {};
      }
    }
    const canAct = can(actor, 'record-verified-data', evaluationSubject(report.evaluation, report.application));
    return sendPage(reply, EngagementPage({ frame: await frameOf(request, actor), report, framework, answers, values, problems: input.problems ?? {}, canAct, error: input.error }));
  };

  app.get('/workspace/engagements', { config: { access: { action: 'accept', subject: 'evaluation' } }, schema: { hide: true } }, async (request, reply) => {
    const actor = await requireWebUser(request, reply);
    if (actor === undefined) return reply;
    const orgIds = orgIdsOf(actor);
    if (orgIds.length === 0) throw new AppError('FORBIDDEN', 'This page is for third-party evaluators / 此页面仅供第三方评价机构使用');
    const rows = await evaluatorEngagements(store().db, orgIds);
    const year = Number(todayInShanghai().slice(0, 4));
    const capUsed = rows.filter((r) => r.national === 1 && r.year === year && (r.state === 'accepted' || r.state === 'signed')).length;
    return sendPage(reply, EngagementInboxPage({ frame: await frameOf(request, actor), rows, capUsed, capYear: year }));
  });

  app.get('/workspace/engagements/:id', { config: { access: { action: 'read', subject: 'evaluation', id: 'id' } }, schema: { hide: true } }, async (request, reply) => {
    const actor = await requireWebUser(request, reply);
    if (actor === undefined) return reply;
    return renderEngagement(request, reply, actor);
  });

  app.get('/workspace/engagements/:id/report.pdf', { config: { access: { action: 'read', subject: 'evaluation', id: 'id' } }, schema: { hide: true } }, async (request, reply) => {
    const actor = await requireWebUser(request, reply);
    if (actor === undefined) return reply;
    const report = await readEvaluationReport(store(), actor, idParam(request, 'id'));
    const pdf = await renderEvaluationReportPdf(report, { demo: await isDemoDatabase(store().db) });
    return reply.type('application/pdf').header('content-disposition', `inline; filename="evaluation-${report.evaluation.id}.pdf"`).header('cache-control', 'private, no-store').send(pdf);
  });

  app.post('/workspace/engagements/:id/accept', { config: { access: { action: 'accept', subject: 'evaluation', id: 'id' } }, schema: { hide: true } }, async (request, reply) => {
    const fields = fieldsOf(request.body);
    const id = idParam(request, 'id');
    return submitForm(request, reply, async (actor) => {
      await acceptEngagement(store(), actor, { evaluationId: id, declaration: { hasConflict: fields.hasConflict === 'true', statement: fields.statement ?? '' } });
      return here(request, `/workspace/engagements/${id}`, 'engagementAccepted');
    }, (actor, error) => renderEngagement(request, reply, actor, { error: error.message }));
  });

  app.post('/workspace/engagements/:id/decline', { config: { access: { action: 'decline', subject: 'evaluation', id: 'id' } }, schema: { hide: true } }, async (request, reply) => {
    const fields = fieldsOf(request.body);
    const id = idParam(request, 'id');
    return submitForm(request, reply, async (actor) => {
      await endEngagement(store(), actor, { evaluationId: id, by: 'decline', reason: fields.reason?.trim() || null });
      return here(request, '/workspace/engagements', 'engagementDeclined');
    }, (actor, error) => renderEngagement(request, reply, actor, { error: error.message }));
  });

  app.post('/workspace/engagements/:id/verified', { config: { access: { action: 'record-verified-data', subject: 'evaluation', id: 'id' } }, schema: { hide: true } }, async (request, reply) => {
    const fields = fieldsOf(request.body);
    const id = idParam(request, 'id');
    const actor = await requireWebUser(request, reply);
    if (actor === undefined) return reply;
    const report = await readEvaluationReport(store(), actor, id);
    const outcome = checkAnnualDataForm(fields, report.application.data_year);
    if (!outcome.ok) {
      reply.status(400);
      return renderEngagement(request, reply, actor, { fields, problems: outcome.problems });
    }
    const framework = await evidenceFramework(store().db, report.application);
    return submitForm(request, reply, async () => {
      await recordVerifiedData(store(), actor, { evaluationId: id, data: outcome.data, answers: selfEvaluationFromForm(framework, fields) });
      return here(request, `/workspace/engagements/${id}#compare`, 'verifiedRecorded');
    }, (_actor, error) => renderEngagement(request, reply, actor, { fields, error: error.message }));
  });

  app.post('/workspace/engagements/:id/sign', { config: { access: { action: 'sign', subject: 'evaluation', id: 'id' } }, schema: { hide: true } }, async (request, reply) => {
    const id = idParam(request, 'id');
    return submitForm(request, reply, async (actor) => {
      await signEvaluation(store(), actor, { evaluationId: id });
      return here(request, `/workspace/engagements/${id}`, 'evaluationSigned');
    }, (actor, error) => renderEngagement(request, reply, actor, { error: error.message }));
  });
}
