/** TypeBox schema of an indicator-framework data file (`frameworks/gbt36132-*.json`). */
import { Type, type Static } from 'typebox';
import { KPI_NAMES } from './kpi-definitions.ts';
import { provenanceFields, provenancedSchema, TagSchema } from './provenance.ts';

const Id = Type.String({ pattern: '^[a-z0-9][a-z0-9.-]*$' });
const Names = { nameZh: Type.String({ minLength: 1 }), nameEn: Type.String({ minLength: 1 }) };
const Kpi = Type.Enum(KPI_NAMES);
const Weight = provenancedSchema(Type.Number({ minimum: 0 }));
const Threshold = provenancedSchema(Type.Number());
const DateText = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$' });

export const BasicRequirementSchema = Type.Object(
  { kind: Type.Literal('basic-requirement'), id: Id, ...Names, ...provenanceFields },
  { additionalProperties: false },
);

/** GB/T 36132-2018 second-level item: 必选 (required) or 可选 (optional), met or not. */
export const RequirementItemSchema = Type.Object(
  {
    kind: Type.Literal('requirement-item'),
    id: Id,
    ...Names,
    type: Type.Enum(['requirement', 'positive_quantitative', 'negative_quantitative'] as const),
    unit: Type.Union([Type.String(), Type.Null()]),
    requirement: provenancedSchema(Type.Enum(['required', 'optional'] as const)),
    max: Weight,
    kpi: Type.Optional(Type.Union([Kpi, Type.Null()])),
    formula: Type.Optional(Type.String()),
    threshold: Type.Optional(provenancedSchema(Type.Union([Type.Number(), Type.Null()]))),
    ...provenanceFields,
  },
  { additionalProperties: false },
);

const BandSchema = Type.Object(
  { atLeast: Type.Number({ minimum: 0 }), below: Type.Union([Type.Number(), Type.Null()]), benchmark: Threshold, leading: Threshold },
  { additionalProperties: false },
);

/** GB/T 36132-2025 正向定量 / 逆向定量 indicator scored between 基准值 and 引领值. */
export const QuantitativeIndicatorSchema = Type.Object(
  {
    kind: Type.Literal('quantitative-indicator'),
    id: Id,
    ...Names,
    type: Type.Enum(['positive_quantitative', 'negative_quantitative'] as const),
    unit: Type.String(),
    /** The KPI that supplies the value; null: the value is reported through `qualitative[id]`. */
    kpi: Type.Union([Kpi, Type.Null()]),
    weight: Weight,
    benchmark: Type.Optional(Threshold),
    leading: Type.Optional(Threshold),
    /** Thresholds chosen by another KPI's band (e.g. renewable share by annual tce). */
    bands: Type.Optional(Type.Object(
      { kpi: Kpi, rows: Type.Array(BandSchema, { minItems: 1 }), source: Type.String({ minLength: 1 }), tag: TagSchema },
      { additionalProperties: false },
    )),
    ...provenanceFields,
  },
  { additionalProperties: false },
);

/** GB/T 36132-2025 正向定性 indicator scored by an option table. */
export const QualitativeIndicatorSchema = Type.Object(
  {
    kind: Type.Literal('qualitative-indicator'),
    id: Id,
    ...Names,
    type: Type.Literal('positive_qualitative'),
    unit: Type.Null(),
    weight: Weight,
    options: Type.Array(
      Type.Object({ id: Type.String({ pattern: '^[a-z0-9_]+$' }), ...Names, share: provenancedSchema(Type.Number({ minimum: 0, maximum: 1 })) }, { additionalProperties: false }),
      { minItems: 1 },
    ),
    ...provenanceFields,
  },
  { additionalProperties: false },
);

export const IndicatorSchema = Type.Union([RequirementItemSchema, QuantitativeIndicatorSchema, QualitativeIndicatorSchema]);

export const DimensionSchema = Type.Object(
  { kind: Type.Literal('dimension'), id: Id, ...Names, weight: Weight, indicators: Type.Array(IndicatorSchema, { minItems: 1 }), ...provenanceFields },
  { additionalProperties: false },
);

const GradeBand = Type.Object({ grade: Type.String({ minLength: 1 }), minimum: Type.Number() }, { additionalProperties: false });

export const FrameworkFileSchema = Type.Object(
  {
    kind: Type.Literal('framework'),
    id: Id,
    version: Type.String({ minLength: 1 }),
    standard: Type.String({ minLength: 1 }),
    ...Names,
    method: Type.Enum(['checklist-2018', 'linear-2025'] as const),
    issued: DateText,
    effective: DateText,
    abolished: Type.Union([DateText, Type.Null()]),
    config: Type.Object(
      {
        baseShareAtBenchmark: Type.Optional(provenancedSchema(Type.Number({ minimum: 0, maximum: 1 }))),
        passLine: provenancedSchema(Type.Union([Type.Number({ minimum: 0, maximum: 100 }), Type.Null()])),
        grades: provenancedSchema(Type.Array(GradeBand)),
      },
      { additionalProperties: false },
    ),
    basicRequirements: Type.Array(BasicRequirementSchema),
    dimensions: Type.Array(DimensionSchema, { minItems: 1 }),
    ...provenanceFields,
  },
  { additionalProperties: false },
);

export type FrameworkFile = Static<typeof FrameworkFileSchema>;
