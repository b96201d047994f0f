/**
 * The indicator engine over HTTP: KPIs and scores for an AnnualData document, and the
 * frameworks as data. Stateless: nothing is stored. Bodies are checked by the engine's
 * own parser so every error names the exact field (`data.energy[2].unit`).
 */
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { AnnualDataSchema, computeKpis, getFramework, listFrameworks, parseAnnualData, score, DEFAULT_FRAMEWORK_ID } from '../../../engine/index.ts';
import { AppError, invalid } from '../../../domain/errors.ts';
import { demoAnnualData } from '../../../domain/demo/demo-annual-data.ts';
import { demoEnterprises } from '../../../domain/demo/demo-enterprises.ts';
import { presentFrameworkSummary, presentKpiResult } from '../../presenters/present-engine.ts';

/** Schemas here document the body in OpenAPI; validation is the engine's (exact paths). */
const documentOnly = { validatorCompiler: () => (data: unknown) => ({ value: data }) };

const plant = demoEnterprises(1)[0]!;
const EXAMPLE = demoAnnualData(plant, plant.factories[0]!, 2025);

function withPrefix<T>(prefix: string, work: () => T): T {
  try {
    return work();
  } catch (error) {
    if (AppError.is(error, 'VALIDATION') && error.path !== undefined) throw invalid(`${prefix}.${error.path}`.replace('.[', '['), error.message.replace(/^[^:]*: /, ''));
    throw error;
  }
}

const ScoreBody = Type.Object({
  framework: Type.Optional(Type.String({ description: `framework id; default ${DEFAULT_FRAMEWORK_ID}`, examples: ['gbt36132-2025'] })),
  data: AnnualDataSchema,
  qualitative: Type.Optional(Type.Record(Type.String(), Type.Union([Type.String(), Type.Number(), Type.Boolean()]), { description: 'answers for qualitative indicators and 2018 requirement items, by indicator id' })),
  basicRequirements: Type.Optional(Type.Record(Type.String(), Type.Boolean(), { description: '基本要求 answers by id; false is a veto' })),
  negativeListEvents: Type.Optional(Type.Array(Type.Object({ kind: Type.String(), date: Type.String({ format: 'date' }), description: Type.Optional(Type.String()) }))),
  asOf: Type.Optional(Type.String({ format: 'date', description: 'the evaluation date for the three-year negative-list window; required with negativeListEvents' })),
});

type ScoreBodyType = { framework?: string; data: unknown; qualitative?: Record<string, string | number | boolean>; basicRequirements?: Record<string, boolean>; negativeListEvents?: { kind: string; date: string; description?: string }[]; asOf?: string };

export async function registerEngineRoutes(app: FastifyInstance): Promise<void> {
  app.post(
    '/api/v1/kpis',
    {
      config: { access: 'public' },
      ...documentOnly,
      schema: {
        tags: ['engine'],
        summary: 'Every KPI of one factory-year, with the factors used and a trace per KPI',
        description: 'Body: an AnnualData v1 document. Unknown carriers or units, negative or non-numeric quantities give 400 VALIDATION naming the field path. Per-unit KPIs are null with a reason when output is missing.',
        body: { ...AnnualDataSchema, examples: [EXAMPLE] },
      },
    },
    async (request) => presentKpiResult(computeKpis(parseAnnualData(request.body))),
  );

  app.post(
    '/api/v1/score',
    {
      config: { access: 'public' },
      ...documentOnly,
      schema: {
        tags: ['engine'],
        summary: 'Score one factory-year against a framework: vetoes first, then each indicator with its explanation',
        body: { ...ScoreBody, examples: [{ framework: 'gbt36132-2025', data: EXAMPLE, asOf: '2026-11-30' }] },
      },
    },
    async (request) => {
      const body = request.body as ScoreBodyType | null;
      if (body === null || typeof body !== 'object' || Array.isArray(body)) throw invalid('body', 'must be an object { framework?, data, qualitative?, basicRequirements?, negativeListEvents?, asOf? }');
      if (body.data === undefined) throw invalid('data', 'is required (an AnnualData v1 document)');
      let framework;
      try {
        framework = getFramework(body.framework ?? DEFAULT_FRAMEWORK_ID);
      } catch {
        throw invalid('framework', `unknown framework "${body.framework}"; known: ${listFrameworks().map((f) => f.id).join(', ')}`);
      }
      const data = withPrefix('data', () => parseAnnualData(body.data));
      return score({
        framework,
        data,
        ...(body.qualitative === undefined ? {} : { qualitative: body.qualitative }),
        ...(body.basicRequirements === undefined ? {} : { basicRequirements: body.basicRequirements }),
        ...(body.negativeListEvents === undefined ? {} : { negativeListEvents: body.negativeListEvents }),
        ...(body.asOf === undefined ? {} : { asOf: body.asOf }),
      });
    },
  );

  app.get(
    '/api/v1/frameworks',
    { config: { access: 'public' }, schema: { tags: ['engine'], summary: 'The indicator frameworks (id, version, content hash, method, source)' } },
    async () => ({ frameworks: listFrameworks().map(presentFrameworkSummary) }),
  );

  app.get<{ Params: { id: string } }>(
    '/api/v1/frameworks/:id',
    { config: { access: 'public' }, schema: { tags: ['engine'], summary: 'One framework as data: every item with its names, type, unit, weight, thresholds, source and tag', params: Type.Object({ id: Type.String({ examples: ['gbt36132-2025'] }) }) } },
    async (request) => getFramework(request.params.id),
  );
}
