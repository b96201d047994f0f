import type { Framework, KpiResult } from '../../engine/index.ts';

/** The KPI result as it leaves the server: values, factors with sources, traces, notes. */
export function presentKpiResult(result: KpiResult) {
  return { kpis: result.kpis, factors: result.factors, traces: result.traces, notes: result.notes, outputUnit: result.outputUnit, factorSetId: result.factorSetId, factorSetVersion: result.factorSetVersion, gridSeries: result.gridSeries };
}

export function presentFrameworkSummary(framework: Framework) {
  return { id: framework.id, version: framework.version, hash: framework.hash, standard: framework.standard, nameZh: framework.nameZh, nameEn: framework.nameEn, method: framework.method, effective: framework.effective, abolished: framework.abolished, source: framework.source, tag: framework.tag };
}
