/** TypeBox schema of a factor-set data file (`frameworks/factors/*.json`). */
import { Type, type Static } from 'typebox';
import { provenanceFields, provenancedSchema, TagSchema } from './provenance.ts';

export const GRID_REGIONS = ['national', 'north', 'northeast', 'east', 'central', 'northwest', 'south', 'southwest'] as const;
export type GridRegion = (typeof GRID_REGIONS)[number];

const GridRegionSchema = Type.Enum(GRID_REGIONS);
const PositiveNumber = Type.Number({ exclusiveMinimum: 0 });
const Year = Type.Integer({ minimum: 1990, maximum: 2100 });

const CarrierSchema = Type.Object(
  {
    id: Type.String({ pattern: '^[a-z][a-z0-9_]*$' }),
    nameZh: Type.String({ minLength: 1 }),
    nameEn: Type.String({ minLength: 1 }),
    measure: Type.Union([Type.Literal('electricity'), Type.Literal('mass'), Type.Literal('volume'), Type.Literal('heat')]),
    emission: Type.Union([Type.Literal('grid'), Type.Literal('fuel'), Type.Literal('heat'), Type.Literal('steam')]),
    kgcePerBaseUnit: provenancedSchema(PositiveNumber),
    netCalorificValue: Type.Optional(provenancedSchema(PositiveNumber)),
    carbonContent: Type.Optional(provenancedSchema(PositiveNumber)),
    oxidationRate: Type.Optional(provenancedSchema(Type.Number({ exclusiveMinimum: 0, maximum: 1 }))),
    listedCo2PerBaseUnit: Type.Optional(provenancedSchema(PositiveNumber)),
  },
  { additionalProperties: false },
);

const YearValueSchema = Type.Object(
  { year: Year, value: PositiveNumber, ...provenanceFields },
  { additionalProperties: false },
);

const GridFactorSchema = Type.Object(
  { year: Year, region: GridRegionSchema, value: PositiveNumber, ...provenanceFields },
  { additionalProperties: false },
);

const GridSeriesSchema = Type.Object(
  {
    id: Type.String({ minLength: 1 }),
    nameZh: Type.String({ minLength: 1 }),
    nameEn: Type.String({ minLength: 1 }),
    unit: Type.Literal('kgCO2/kWh'),
    factors: Type.Array(GridFactorSchema, { minItems: 1 }),
  },
  { additionalProperties: false },
);

export const FactorSetFileSchema = Type.Object(
  {
    id: Type.String({ pattern: '^[a-z0-9][a-z0-9.-]*$' }),
    version: Type.String({ minLength: 1 }),
    nameZh: Type.String({ minLength: 1 }),
    nameEn: Type.String({ minLength: 1 }),
    source: Type.String({ minLength: 1 }),
    tag: TagSchema,
    kjPerKgce: provenancedSchema(PositiveNumber),
    carriers: Type.Array(CarrierSchema, { minItems: 1 }),
    electricityEquivalent: Type.Object(
      { unit: Type.Literal('kgce/kWh'), note: Type.Optional(Type.String()), values: Type.Array(YearValueSchema) },
      { additionalProperties: false },
    ),
    heatEmission: provenancedSchema(PositiveNumber),
    steamEnthalpy: Type.Object({ feedWaterEnthalpy: provenancedSchema(Type.Number({ minimum: 0 })) }, { additionalProperties: false }),
    grid: Type.Object(
      { defaultSeries: Type.String({ minLength: 1 }), series: Type.Array(GridSeriesSchema, { minItems: 1 }) },
      { additionalProperties: false },
    ),
  },
  { additionalProperties: false },
);

export type FactorSetFile = Static<typeof FactorSetFileSchema>;
export type CarrierFile = FactorSetFile['carriers'][number];
