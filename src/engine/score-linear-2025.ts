/**
 * GB/T 36132-2025 scoring: score_i = w_i · clamp((x − B)/(L − B), 0, 1) for 定量 items
 * (the same formula serves lower-is-better items, where L < B), and the option table's
 * share × w_i for 定性 items (domain.md §1.2, §8, §9.3). With a configured base share s,
 * an item exactly at 基准值 earns s · w_i and the rest is linear up to 引领值; anything
 * worse than 基准值 earns nothing.
 */
import type { Framework, QualitativeIndicator, QuantitativeIndicator } from './framework-nodes.ts';
import { formatNumber as f } from './format-number.ts';
import type { KpiName } from './kpi-definitions.ts';
import type { Answer } from './score-inputs.ts';

interface Thresholds { readonly benchmark: number; readonly leading: number; readonly tags: string }

export interface LinearItem {
  readonly indicator: QuantitativeIndicator | QualitativeIndicator;
  readonly dimensionIndex: number;
  readonly weight: number;
  readonly maxHundredths: number;
  readonly kpi: KpiName | null;
  readonly positive: boolean;
  readonly thresholds: Thresholds | null;
  readonly bandKpi: KpiName | null;
  readonly bands: readonly { atLeast: number; below: number | null; thresholds: Thresholds }[] | null;
  readonly shares: ReadonlyMap<string, number> | null;
}

export interface CompiledLinear {
  readonly items: readonly LinearItem[];
  readonly baseShare: number;
}

const compiled = new WeakMap<Framework, CompiledLinear>();

export function compileLinear2025(framework: Framework): CompiledLinear {
  let result = compiled.get(framework);
  if (result) return result;
  const items: LinearItem[] = [];
  framework.dimensions.forEach((dimension, dimensionIndex) => {
    for (const indicator of dimension.indicators) {
      if (indicator.kind === 'requirement-item') throw new Error(`internal: ${indicator.id} is not a 2025 indicator`);
      const weight = indicator.weight.value;
      const common = { indicator, dimensionIndex, weight, maxHundredths: Math.round(weight * 100) };
      if (indicator.kind === 'qualitative-indicator') {
        items.push({ ...common, kpi: null, positive: true, thresholds: null, bandKpi: null, bands: null,
          shares: new Map(indicator.options.map((option) => [option.id, option.share.value])) });
        continue;
      }
      const pair = (benchmark: { value: number; tag: string }, leading: { value: number; tag: string }): Thresholds =>
        ({ benchmark: benchmark.value, leading: leading.value, tags: `[${benchmark.tag}/${leading.tag}]` });
      items.push({
        ...common, kpi: indicator.kpi, positive: indicator.type === 'positive_quantitative', shares: null,
        thresholds: indicator.benchmark && indicator.leading ? pair(indicator.benchmark, indicator.leading) : null,
        bandKpi: indicator.bands?.kpi ?? null,
        bands: indicator.bands?.rows.map((row) => ({ atLeast: row.atLeast, below: row.below, thresholds: pair(row.benchmark, row.leading) })) ?? null,
      });
    }
  });
  result = { items, baseShare: framework.config.baseShareAtBenchmark?.value ?? 0 };
  compiled.set(framework, result);
  return result;
}

function thresholdsFor(item: LinearItem, kpis: Readonly<Record<KpiName, number | null>>): Thresholds | null {
  if (item.bands === null) return item.thresholds;
  const selector = kpis[item.bandKpi!];
  if (selector === null) return null;
  for (const band of item.bands) {
    if (selector >= band.atLeast && (band.below === null || selector < band.below)) return band.thresholds;
  }
  return null;
}

/** The value an item is scored on: its KPI, the reported number, or the chosen option. */
export function linearValue(item: LinearItem, kpis: Readonly<Record<KpiName, number | null>>, answers: Readonly<Record<string, Answer>> | undefined): number | string | null {
  if (item.kpi !== null) return kpis[item.kpi];
  const answer = answers?.[item.indicator.id];
  return answer === undefined ? null : (answer as number | string);
}

/** Share of the weight earned, in [0, 1]. */
function earnedShare(item: LinearItem, value: number | string | null, kpis: Readonly<Record<KpiName, number | null>>, baseShare: number): number {
  if (value === null) return 0;
  if (item.shares !== null) return item.shares.get(value as string) ?? 0;
  const thresholds = thresholdsFor(item, kpis);
  if (thresholds === null) return 0;
  const x = value as number;
  const { benchmark, leading } = thresholds;
  if (item.positive ? x < benchmark : x > benchmark) return 0;
  const progress = (x - benchmark) / (leading - benchmark);
  const clamped = progress <= 0 ? 0 : progress >= 1 ? 1 : progress;
  return baseShare + (1 - baseShare) * clamped;
}

/** Points in integer hundredths, rounded half up (the 1e-9 guards against binary representation). */
export function toHundredths(points: number, maxHundredths: number): number {
  const rounded = Math.round(points * 100 + 1e-9);
  return rounded < 0 ? 0 : rounded > maxHundredths ? maxHundredths : rounded;
}

export function scoreLinear2025(model: CompiledLinear, kpis: Readonly<Record<KpiName, number | null>>, answers: Readonly<Record<string, Answer>> | undefined, hundredths: Int32Array, values: (number | string | boolean | null)[]): void {
  const items = model.items;
  for (let index = 0; index < items.length; index++) {
    const item = items[index]!;
    const value = linearValue(item, kpis, answers);
    values[index] = value;
    hundredths[index] = toHundredths(item.weight * earnedShare(item, value, kpis, model.baseShare), item.maxHundredths);
  }
}

/** The explanation of one item's score, zh then en, with the numbers to redo it by hand. */
export function explainLinear2025(model: CompiledLinear, item: LinearItem, value: number | string | boolean | null, hundredths: number, kpis: Readonly<Record<KpiName, number | null>>): string {
  const indicator = item.indicator;
  const score = (hundredths / 100).toFixed(2);
  const w = f(item.weight);
  if (item.shares !== null) {
    const option = (indicator as QualitativeIndicator).options.find((candidate) => candidate.id === value);
    if (!option) return `未作答，得0分 / not answered: 0 of ${w}`;
    return `选项「${option.nameZh}」得分比例 ${f(option.share.value)} [${option.share.tag}]：${w} × ${f(option.share.value)} = ${score} / option "${option.nameEn}" share ${f(option.share.value)}: ${w} × ${f(option.share.value)} = ${score}`;
  }
  const source = item.kpi === null ? `qualitative["${indicator.id}"]` : `KPI ${item.kpi}`;
  if (value === null) return `无数值（${source}），得0分 / no value (${source}): 0 of ${w}`;
  const thresholds = thresholdsFor(item, kpis);
  if (thresholds === null) {
    return `无适用的基准值/引领值（按 ${item.bandKpi} 分档），得0分 / no applicable thresholds (band by ${item.bandKpi} = ${kpis[item.bandKpi!] ?? 'null'}): 0 of ${w}`;
  }
  const x = value as number;
  const { benchmark: b, leading: l, tags } = thresholds;
  const band = item.bands === null ? '' : `（按 ${item.bandKpi} = ${f(kpis[item.bandKpi!] ?? 0)} 分档 / band by ${item.bandKpi}）`;
  const head = `x = ${f(x)}${indicator.unit === "1" ? "" : ` ${indicator.unit}`}，基准值 B = ${f(b)}，引领值 L = ${f(l)} ${tags}${band}`;
  if (item.positive ? x < b : x > b) return `${head}；未达基准值，得0分 / worse than the benchmark: 0 of ${w}`;
  const progress = (x - b) / (l - b);
  const clamped = Math.min(1, Math.max(0, progress));
  const base = model.baseShare === 0 ? '' : `，基准值得分比例 s = ${f(model.baseShare)} / base share s = ${f(model.baseShare)}`;
  const share = model.baseShare === 0 ? `${w} × ${f(clamped)}` : `${w} × (${f(model.baseShare)} + ${f(1 - model.baseShare)} × ${f(clamped)})`;
  return `${head}${base}；(x − B)/(L − B) = (${f(x)} − ${f(b)})/(${f(l)} − ${f(b)}) = ${f(progress)}，取值范围[0,1] → ${f(clamped)}；得分 = ${share} = ${score} / score = ${share} = ${score}`;
}
