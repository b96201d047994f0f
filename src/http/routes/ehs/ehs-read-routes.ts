/**
 * Reading an enterprise's EHS register: the dashboard (Four Zero), the "Three First"
 * summary of a year, every list, the `ehs_events` feed and the negative-list events in
 * force. The enterprise reads its own; reviewers read those in their region.
 */
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { ehsDashboard } from '../../../store/queries/ehs/ehs-dashboard.ts';
import { ehsThreeFirst } from '../../../store/queries/ehs/ehs-three-first.ts';
import { negativeListEventsOf } from '../../../store/queries/ehs/ehs-negative-list.ts';
import { listAccidents, listEhsEvents, listHazards, listLeaks, listMonitoringResults, listPermitLimits, listRounds, listSealPoints, listViolations } from '../../../store/queries/ehs/ehs-register-views.ts';
import { AccidentView, AsOfQuery, DashboardView, EhsEventView, EnterpriseParams, HazardView, LeakView, MonitoringResultView, Paged, PermitLimitView, RoundView, SealPointView, ThreeFirstView, ViolationView } from './ehs-schemas.ts';
import { dayOf, readableRegister, TAGS } from './ehs-route-context.ts';

type Params = { enterpriseId: number };
const PageQuery = { limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000, default: 100 })), offset: Type.Optional(Type.Integer({ minimum: 0, default: 0 })) };

export async function registerEhsReadRoutes(app: FastifyInstance): Promise<void> {
  const db = () => app.context.store.db;

  app.get('/api/v1/ehs/:enterpriseId/dashboard', { config: { access: { action: 'read', subject: 'ehs-register', id: 'enterpriseId' } }, schema: { tags: TAGS, summary: 'Four Zero at a glance: days since the last leak, hazard, violation and exceedance; open and overdue items; twelve-month trends; accidents and negative-list status', params: EnterpriseParams, querystring: AsOfQuery, response: { 200: DashboardView } } }, async (request) => {
    const { enterpriseId } = request.params as Params;
    const enterprise = await readableRegister(request, enterpriseId);
    return ehsDashboard(db(), enterprise.id, dayOf(request.query));
  });

  app.get('/api/v1/ehs/:enterpriseId/three-first', { config: { access: { action: 'read', subject: 'ehs-register', id: 'enterpriseId' } }, schema: { tags: TAGS, summary: '"Three First" summary of one year (safety / environment / quality), for the annual dynamic report', params: EnterpriseParams, querystring: Type.Object({ year: Type.Integer({ minimum: 2000, maximum: 2100, examples: [2025] }) }), response: { 200: ThreeFirstView } } }, async (request) => {
    const { enterpriseId } = request.params as Params;
    const enterprise = await readableRegister(request, enterpriseId);
    return ehsThreeFirst(db(), enterprise.id, (request.query as { year: number }).year);
  });

  app.get('/api/v1/ehs/:enterpriseId/seal-points', { config: { access: { action: 'read', subject: 'ehs-register', id: 'enterpriseId' } }, schema: { tags: TAGS, summary: 'The LDAR seal-point inventory', params: EnterpriseParams, querystring: Type.Object({ unit: Type.Optional(Type.String()), ...PageQuery }), response: { 200: Paged(SealPointView) } } }, async (request) => {
    const { enterpriseId } = request.params as Params;
    await readableRegister(request, enterpriseId);
    return listSealPoints(db(), enterpriseId, request.query as { unit?: string; limit?: number; offset?: number });
  });

  app.get('/api/v1/ehs/:enterpriseId/inspection-rounds', { config: { access: { action: 'read', subject: 'ehs-register', id: 'enterpriseId' } }, schema: { tags: TAGS, summary: 'LDAR inspection rounds, newest first, with their reading and leak counts', params: EnterpriseParams, response: { 200: Type.Object({ items: Type.Array(RoundView) }) } } }, async (request) => {
    const { enterpriseId } = request.params as Params;
    await readableRegister(request, enterpriseId);
    return { items: await listRounds(db(), enterpriseId) };
  });

  app.get('/api/v1/ehs/:enterpriseId/leaks', { config: { access: { action: 'read', subject: 'ehs-register', id: 'enterpriseId' } }, schema: { tags: TAGS, summary: 'Leaks with their deadlines and overdue flags', params: EnterpriseParams, querystring: Type.Object({ status: Type.Optional(Type.Union([Type.Literal('open'), Type.Literal('repaired')])), asOf: AsOfQuery.properties.asOf }), response: { 200: Type.Object({ items: Type.Array(LeakView) }) } } }, async (request) => {
    const { enterpriseId } = request.params as Params;
    await readableRegister(request, enterpriseId);
    const query = request.query as { status?: 'open' | 'repaired' };
    return { items: await listLeaks(db(), enterpriseId, dayOf(request.query), query.status ? { status: query.status } : {}) };
  });

  app.get('/api/v1/ehs/:enterpriseId/hazards', { config: { access: { action: 'read', subject: 'ehs-register', id: 'enterpriseId' } }, schema: { tags: TAGS, summary: 'Hazards (隐患) with their rectification plans, closures and evidence', params: EnterpriseParams, querystring: Type.Object({ status: Type.Optional(Type.Union([Type.Literal('open'), Type.Literal('closed')])), asOf: AsOfQuery.properties.asOf }), response: { 200: Type.Object({ items: Type.Array(HazardView) }) } } }, async (request) => {
    const { enterpriseId } = request.params as Params;
    await readableRegister(request, enterpriseId);
    const query = request.query as { status?: 'open' | 'closed' };
    return { items: await listHazards(db(), enterpriseId, dayOf(request.query), query.status ? { status: query.status } : {}) };
  });

  app.get('/api/v1/ehs/:enterpriseId/violations', { config: { access: { action: 'read', subject: 'ehs-register', id: 'enterpriseId' } }, schema: { tags: TAGS, summary: 'Regulatory findings and penalties', params: EnterpriseParams, querystring: AsOfQuery, response: { 200: Type.Object({ items: Type.Array(ViolationView) }) } } }, async (request) => {
    const { enterpriseId } = request.params as Params;
    await readableRegister(request, enterpriseId);
    return { items: await listViolations(db(), enterpriseId, dayOf(request.query)) };
  });

  app.get('/api/v1/ehs/:enterpriseId/permit-limits', { config: { access: { action: 'read', subject: 'ehs-register', id: 'enterpriseId' } }, schema: { tags: TAGS, summary: 'Discharge-permit limits per outlet and pollutant', params: EnterpriseParams, response: { 200: Type.Object({ items: Type.Array(PermitLimitView) }) } } }, async (request) => {
    const { enterpriseId } = request.params as Params;
    await readableRegister(request, enterpriseId);
    return { items: await listPermitLimits(db(), enterpriseId) };
  });

  app.get('/api/v1/ehs/:enterpriseId/monitoring-results', { config: { access: { action: 'read', subject: 'ehs-register', id: 'enterpriseId' } }, schema: { tags: TAGS, summary: 'Monitoring results against the permit; exceedances flagged', params: EnterpriseParams, querystring: Type.Object({ exceedancesOnly: Type.Optional(Type.Boolean()), from: Type.Optional(Type.String({ format: 'date' })), to: Type.Optional(Type.String({ format: 'date' })), ...PageQuery }), response: { 200: Paged(MonitoringResultView) } } }, async (request) => {
    const { enterpriseId } = request.params as Params;
    await readableRegister(request, enterpriseId);
    return listMonitoringResults(db(), enterpriseId, request.query as { exceedancesOnly?: boolean });
  });

  app.get('/api/v1/ehs/:enterpriseId/accidents', { config: { access: { action: 'read', subject: 'ehs-register', id: 'enterpriseId' } }, schema: { tags: TAGS, summary: 'Accidents and incidents with their grade and negative-list window', params: EnterpriseParams, querystring: AsOfQuery, response: { 200: Type.Object({ items: Type.Array(AccidentView) }) } } }, async (request) => {
    const { enterpriseId } = request.params as Params;
    await readableRegister(request, enterpriseId);
    return { items: await listAccidents(db(), enterpriseId, dayOf(request.query)) };
  });

  app.get('/api/v1/ehs/:enterpriseId/events', { config: { access: { action: 'read', subject: 'ehs-register', id: 'enterpriseId' } }, schema: { tags: TAGS, summary: 'EHS events: one summary row per leak, hazard, violation, exceedance and accident', params: EnterpriseParams, querystring: Type.Object({ kind: Type.Optional(Type.String({ examples: ['accident'] })), ...PageQuery }), response: { 200: Paged(EhsEventView) } } }, async (request) => {
    const { enterpriseId } = request.params as Params;
    await readableRegister(request, enterpriseId);
    return listEhsEvents(db(), enterpriseId, request.query as { kind?: string });
  });

  app.get('/api/v1/ehs/:enterpriseId/negative-list', { config: { access: { action: 'read', subject: 'ehs-register', id: 'enterpriseId' } }, schema: { tags: TAGS, summary: 'Negative-list events in force on a day, in the shape the scoring engine takes (`negativeListEvents`)', params: EnterpriseParams, querystring: AsOfQuery, response: { 200: Type.Object({ asOf: Type.String({ format: 'date' }), events: Type.Array(Type.Object({ kind: Type.String(), date: Type.String(), until: Type.String(), ehsEventId: Type.Integer(), title: Type.String() })) }) } } }, async (request) => {
    const { enterpriseId } = request.params as Params;
    await readableRegister(request, enterpriseId);
    const asOf = dayOf(request.query);
    return { asOf, events: await negativeListEventsOf(db(), enterpriseId, asOf) };
  });
}
