/**
 * The engine's public API (pure: no database, no HTTP). Frameworks and factor sets are
 * reviewed data files under `frameworks/`, loaded and validated on first use; call
 * `loadEngineData()` at boot to fail fast on a bad file.
 */
import { listFactorSets } from './factor-set.ts';
import { listFrameworks } from './frameworks.ts';
import { getGreenCodeGrades } from './green-code-grades.ts';
import { getNegativeList } from './negative-list.ts';

export { parseAnnualData, AnnualDataSchema, GRID_REGIONS, ELECTRICITY_ORIGINS, type AnnualData, type EnergyEntry, type GridRegion, type ElectricityOrigin } from './annual-data.ts';
export { computeKpis, type KpiResult, type Kpis, type ComputeKpisOptions } from './compute-kpis.ts';
export type { KpiTrace, TraceInput } from './kpi-traces.ts';
export { KPI_NAMES, KPI_DEFINITIONS, type KpiName, type KpiDefinition } from './kpi-definitions.ts';
export { loadFactorSet, getFactorSet, listFactorSets, DEFAULT_FACTOR_SET_ID, type FactorSet, type FactorUse, type CarrierFactors } from './factor-set.ts';
export { listFrameworks, getFramework, loadFramework, loadFrameworks, DEFAULT_FRAMEWORK_ID } from './frameworks.ts';
export { Framework, Dimension, RequirementItem, QuantitativeIndicator, QualitativeIndicator, BasicRequirement, frameworkIndicators, type Indicator, type FrameworkNode } from './framework-nodes.ts';
export { score, type ScoreInput, type ScoreResult, type ScoredIndicator, type ScoredDimension, type Answer, type Finding, type NegativeListEvent } from './score.ts';
export { gradeCohort, getGreenCodeGrades, type CohortGrades, type GradedRow } from './green-code-grades.ts';
export { percentiles, type PercentileRow, type PercentileResult } from './percentiles.ts';
export { getNegativeList } from './negative-list.ts';
export type { Tag, Provenanced } from './provenance.ts';

/** Loads and validates every data file now (throws AppError CONFIG naming file and field). */
export function loadEngineData(): void {
  listFrameworks();
  listFactorSets();
  getNegativeList();
  getGreenCodeGrades();
}
