/** The fields of an application that leave the server, and their schema for OpenAPI. */
import { Type } from 'typebox';
import { STATE_NAMES, isApplicationState } from '../../../domain/applications/application-states.ts';
import type { ApplicationView } from '../../../commands/applications/read-application.ts';
import type { Row } from '../../../store/schema.ts';

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) => Type.Union([schema, Type.Null()]);

export const ApplicationSchema = Type.Object({
  id: Type.Integer(),
  enterpriseId: Type.Integer(),
  factoryId: Nullable(Type.Integer()),
  programmeId: Type.Integer(),
  programmeCode: Type.Optional(Type.String()),
  batchId: Nullable(Type.Integer()),
  authorityId: Type.Integer(),
  provinceCode: Type.String(),
  cityCode: Type.String(),
  targetTier: Type.String({ examples: ['national'] }),
  state: Type.String({ examples: ['city_review'] }),
  stateNameZh: Type.String({ examples: ['市级审核'] }),
  stateNameEn: Type.String({ examples: ['City review'] }),
  dataYear: Type.Integer({ examples: [2025] }),
  frameworkId: Nullable(Type.String({ examples: ['gbt36132-2025@2025.1'] })),
  scoreTotal: Nullable(Type.Number()),
  details: Type.Object({}, { additionalProperties: true, description: '{ programme: {…fields of the list type}, selfEvaluation: { qualitative, basicRequirements, summary, reportFileId } | null }' }),
  version: Type.Integer(),
  submittedAt: Nullable(Type.String()),
  createdAt: Type.String(),
  updatedAt: Type.String(),
  availableActions: Type.Optional(Type.Array(Type.String(), { description: 'actions this reader may take now (transition table ∩ policy)' })),
});

export function presentApplication(row: Row<'applications'>, view?: Pick<ApplicationView, 'programmeCode' | 'availableActions'>) {
  const names = isApplicationState(row.state) ? STATE_NAMES[row.state] : { zh: row.state, en: row.state };
  return {
    id: row.id,
    enterpriseId: row.enterprise_id,
    factoryId: row.factory_id,
    programmeId: row.programme_id,
    ...(view === undefined ? {} : { programmeCode: view.programmeCode, availableActions: view.availableActions }),
    batchId: row.batch_id,
    authorityId: row.authority_id,
    provinceCode: row.province_code,
    cityCode: row.city_code,
    targetTier: row.target_tier,
    state: row.state,
    stateNameZh: names.zh,
    stateNameEn: names.en,
    dataYear: row.data_year,
    frameworkId: row.framework_id,
    scoreTotal: row.score_total,
    details: JSON.parse(row.details || '{}') as Record<string, unknown>,
    version: row.version,
    submittedAt: row.submitted_at,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}
