/**
 * Keeping the register through the API: the enterprise records seal points, rounds,
 * repairs, hazards, violations, permit limits, monitoring results and accidents. Every
 * handler calls one command (which validates, authorizes and audits) and answers with
 * the item as the read routes show it.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Static, TSchema } from 'typebox';
import { todayInShanghai } from '../../../domain/calendar/plain-date.ts';
import { registerSealPoint } from '../../../commands/ehs/register-seal-point.ts';
import { recordInspectionRound } from '../../../commands/ehs/record-inspection-round.ts';
import { recordLeakRepairAttempt } from '../../../commands/ehs/record-leak-repair-attempt.ts';
import { closeLeak } from '../../../commands/ehs/close-leak.ts';
import { recordHazard } from '../../../commands/ehs/record-hazard.ts';
import { closeHazard } from '../../../commands/ehs/close-hazard.ts';
import { recordViolation } from '../../../commands/ehs/record-violation.ts';
import { recordViolationCorrection } from '../../../commands/ehs/record-violation-correction.ts';
import { setPermitLimit } from '../../../commands/ehs/set-permit-limit.ts';
import { recordMonitoringResults } from '../../../commands/ehs/record-monitoring-results.ts';
import { explainExceedance } from '../../../commands/ehs/explain-exceedance.ts';
import { recordAccident } from '../../../commands/ehs/record-accident.ts';
import { listAccidents, listHazards, listLeaks, listMonitoringResults, listPermitLimits, listSealPoints, listViolations } from '../../../store/queries/ehs/ehs-register-views.ts';
import { actorOf } from '../../auth.ts';
import * as S from './ehs-schemas.ts';
import { TAGS } from './ehs-route-context.ts';

type Params = { enterpriseId: number } & Record<string, number>;
const created = (schema: unknown) => ({ 201: schema });

export async function registerEhsWriteRoutes(app: FastifyInstance): Promise<void> {
  const store = () => app.context.store;
  const db = () => app.context.store.db;
  const context = async (request: FastifyRequest) => ({ actor: await actorOf(request), params: request.params as Params, today: todayInShanghai() });
  /** The body as its schema describes it (Fastify has validated it against that schema). */
  const bodyOf = <T extends TSchema>(request: FastifyRequest, _schema: T) => request.body as Static<T>;

  app.post('/api/v1/ehs/:enterpriseId/seal-points', { config: { access: { action: 'write', subject: 'ehs-register', id: 'enterpriseId' } }, schema: { tags: TAGS, summary: 'Add a seal point to the LDAR inventory', params: S.EnterpriseParams, body: S.SealPointBody, response: created(S.SealPointView) } }, async (request, reply) => {
    const { actor, params } = await context(request);
    const point = await registerSealPoint(store(), actor, { enterpriseId: params.enterpriseId, ...bodyOf(request, S.SealPointBody) });
    const view = (await listSealPoints(db(), params.enterpriseId, { id: point.id })).items[0];
    return reply.status(201).send(view);
  });

  app.post('/api/v1/ehs/:enterpriseId/inspection-rounds', { config: { access: { action: 'write', subject: 'ehs-register', id: 'enterpriseId' } }, schema: { tags: TAGS, summary: 'Record an LDAR round with its readings; leaks open with their deadlines. Sending the same round again changes nothing.', params: S.EnterpriseParams, body: S.RoundBody, response: created(S.RoundOutcome) } }, async (request, reply) => {
    const { actor, params } = await context(request);
    const outcome = await recordInspectionRound(store(), actor, { enterpriseId: params.enterpriseId, ...bodyOf(request, S.RoundBody) }, { source: 'api' });
    return reply.status(201).send({ roundId: outcome.roundId, stored: outcome.stored, unchanged: outcome.unchanged, leaks: outcome.leaks.map((l) => ({ id: l.id, detectedOn: l.detected_on, firstAttemptDue: l.first_attempt_due, repairDue: l.repair_due })) });
  });

  app.post('/api/v1/ehs/:enterpriseId/leaks/:leakId/repair-attempt', { config: { access: { action: 'write', subject: 'ehs-register', id: 'enterpriseId' } }, schema: { tags: TAGS, summary: 'Record the first repair attempt on a leak', params: S.ItemParams('leakId'), body: S.RepairAttemptBody, response: { 200: S.LeakView } } }, async (request) => {
    const { actor, params, today } = await context(request);
    await recordLeakRepairAttempt(store(), actor, { enterpriseId: params.enterpriseId, leakId: params.leakId!, ...bodyOf(request, S.RepairAttemptBody) });
    return (await listLeaks(db(), params.enterpriseId, today, { id: params.leakId! }))[0];
  });

  app.post('/api/v1/ehs/:enterpriseId/leaks/:leakId/closure', { config: { access: { action: 'write', subject: 'ehs-register', id: 'enterpriseId' } }, schema: { tags: TAGS, summary: 'Close a leak with a re-measurement at or below its threshold (422 RULE_VIOLATION when still over it)', params: S.ItemParams('leakId'), body: S.LeakClosureBody, response: { 200: S.LeakView } } }, async (request) => {
    const { actor, params, today } = await context(request);
    await closeLeak(store(), actor, { enterpriseId: params.enterpriseId, leakId: params.leakId!, ...bodyOf(request, S.LeakClosureBody) });
    return (await listLeaks(db(), params.enterpriseId, today, { id: params.leakId! }))[0];
  });

  app.post('/api/v1/ehs/:enterpriseId/hazards', { config: { access: { action: 'write', subject: 'ehs-register', id: 'enterpriseId' } }, schema: { tags: TAGS, summary: 'Record a hazard (一般/重大) with its rectification plan', params: S.EnterpriseParams, body: S.HazardBody, response: created(S.HazardView) } }, async (request, reply) => {
    const { actor, params, today } = await context(request);
    const hazard = await recordHazard(store(), actor, { enterpriseId: params.enterpriseId, ...bodyOf(request, S.HazardBody) });
    return reply.status(201).send((await listHazards(db(), params.enterpriseId, today, { id: hazard.id }))[0]);
  });

  app.post('/api/v1/ehs/:enterpriseId/hazards/:hazardId/closure', { config: { access: { action: 'write', subject: 'ehs-register', id: 'enterpriseId' } }, schema: { tags: TAGS, summary: 'Close a hazard with evidence (upload the file first to /evidence-files); without evidence: 400 at path evidence', params: S.ItemParams('hazardId'), body: S.HazardClosureBody, response: { 200: S.HazardView } } }, async (request) => {
    const { actor, params, today } = await context(request);
    const body = bodyOf(request, S.HazardClosureBody);
    await closeHazard(store(), actor, { enterpriseId: params.enterpriseId, hazardId: params.hazardId!, closedOn: body.closedOn, ...(body.note === undefined ? {} : { note: body.note }), evidence: { fileId: body.evidenceFileId } });
    return (await listHazards(db(), params.enterpriseId, today, { id: params.hazardId! }))[0];
  });

  app.post('/api/v1/ehs/:enterpriseId/violations', { config: { access: { action: 'write', subject: 'ehs-register', id: 'enterpriseId' } }, schema: { tags: TAGS, summary: 'Record a regulatory finding or penalty', params: S.EnterpriseParams, body: S.ViolationBody, response: created(S.ViolationView) } }, async (request, reply) => {
    const { actor, params, today } = await context(request);
    const violation = await recordViolation(store(), actor, { enterpriseId: params.enterpriseId, ...bodyOf(request, S.ViolationBody) });
    return reply.status(201).send((await listViolations(db(), params.enterpriseId, today)).find((v) => v.id === violation.id));
  });

  app.post('/api/v1/ehs/:enterpriseId/violations/:violationId/correction', { config: { access: { action: 'write', subject: 'ehs-register', id: 'enterpriseId' } }, schema: { tags: TAGS, summary: 'Record that the corrective action was completed', params: S.ItemParams('violationId'), body: S.CorrectionBody, response: { 200: S.ViolationView } } }, async (request) => {
    const { actor, params, today } = await context(request);
    await recordViolationCorrection(store(), actor, { enterpriseId: params.enterpriseId, violationId: params.violationId!, ...bodyOf(request, S.CorrectionBody) });
    return (await listViolations(db(), params.enterpriseId, today)).find((v) => v.id === params.violationId);
  });

  app.post('/api/v1/ehs/:enterpriseId/permit-limits', { config: { access: { action: 'write', subject: 'ehs-register', id: 'enterpriseId' } }, schema: { tags: TAGS, summary: 'Set a discharge-permit limit for an outlet and pollutant (ends the previous one)', params: S.EnterpriseParams, body: S.PermitLimitBody, response: created(S.PermitLimitView) } }, async (request, reply) => {
    const { actor, params } = await context(request);
    const limit = await setPermitLimit(store(), actor, { enterpriseId: params.enterpriseId, ...bodyOf(request, S.PermitLimitBody) });
    return reply.status(201).send((await listPermitLimits(db(), params.enterpriseId)).find((l) => l.id === limit.id));
  });

  app.post('/api/v1/ehs/:enterpriseId/monitoring-results', { config: { access: { action: 'write', subject: 'ehs-register', id: 'enterpriseId' } }, schema: { tags: TAGS, summary: 'Record monitoring results; each is checked against the limit in force on its day and exceedances are flagged', params: S.EnterpriseParams, body: S.MonitoringBody, response: created(S.MonitoringOutcome) } }, async (request, reply) => {
    const { actor, params } = await context(request);
    const outcome = await recordMonitoringResults(store(), actor, { enterpriseId: params.enterpriseId, ...bodyOf(request, S.MonitoringBody) }, { source: 'api' });
    return reply.status(201).send({ stored: outcome.stored, unchanged: outcome.unchanged, exceedances: outcome.exceedances.map((e) => ({ id: e.id, sampledOn: e.sampled_on, value: e.value, limitMax: e.limit_max, limitMin: e.limit_min })) });
  });

  app.post('/api/v1/ehs/:enterpriseId/monitoring-results/:resultId/explanation', { config: { access: { action: 'write', subject: 'ehs-register', id: 'enterpriseId' } }, schema: { tags: TAGS, summary: 'Explain an exceedance', params: S.ItemParams('resultId'), body: S.ExplanationBody, response: { 200: S.MonitoringResultView } } }, async (request) => {
    const { actor, params } = await context(request);
    await explainExceedance(store(), actor, { enterpriseId: params.enterpriseId, resultId: params.resultId!, ...bodyOf(request, S.ExplanationBody) });
    return (await listMonitoringResults(db(), params.enterpriseId, { id: params.resultId! })).items[0];
  });

  app.post('/api/v1/ehs/:enterpriseId/accidents', {
    config: { access: { action: 'write', subject: 'ehs-register', id: 'enterpriseId' } },
    schema: {
      tags: TAGS,
      summary: 'Record an accident or incident. A 重大+ safety or quality accident or a Ⅱ级+ environmental emergency negative-lists the enterprise for three years: new applications are vetoed and listed entries enter immediate removal.',
      params: S.EnterpriseParams,
      body: S.AccidentBody,
      response: created(S.AccidentOutcome),
    },
  }, async (request, reply) => {
    const { actor, params, today } = await context(request);
    const recorded = await recordAccident(store(), actor, { enterpriseId: params.enterpriseId, ...bodyOf(request, S.AccidentBody) });
    const accident = (await listAccidents(db(), params.enterpriseId, today)).find((a) => a.id === recorded.accident.id);
    return reply.status(201).send({ accident, eventId: recorded.eventId, negativeListUntil: recorded.negativeListUntil });
  });
}

