/**
 * GB/T 36132-2018 scoring: every 必选 (required) item must be met, 可选 (optional) items add
 * points; an item scores its full points when met and nothing otherwise; first-level
 * weights are [U] configuration (domain.md §1.1, §8). A performance item with a KPI and a
 * threshold is met when the KPI reaches the threshold; without either, the evaluator's
 * true/false answer decides.
 */
import type { Framework, RequirementItem } from './framework-nodes.ts';
import { formatNumber as f } from './format-number.ts';
import type { KpiName } from './kpi-definitions.ts';
import type { Answer, Finding } from './score-inputs.ts';

export interface ChecklistItem {
  readonly indicator: RequirementItem;
  readonly dimensionIndex: number;
  readonly maxHundredths: number;
  readonly required: boolean;
  readonly kpi: KpiName | null;
  readonly threshold: number | null;
  readonly higherIsBetter: boolean;
}

const compiled = new WeakMap<Framework, readonly ChecklistItem[]>();

export function compileChecklist2018(framework: Framework): readonly ChecklistItem[] {
  let items = compiled.get(framework);
  if (items) return items;
  items = framework.dimensions.flatMap((dimension, dimensionIndex) => dimension.indicators.map((indicator) => {
    if (indicator.kind !== 'requirement-item') throw new Error(`internal: ${indicator.id} is not a 2018 item`);
    return {
      indicator, dimensionIndex, maxHundredths: Math.round(indicator.max.value * 100),
      required: indicator.requirement.value === 'required', kpi: indicator.kpi ?? null,
      threshold: indicator.threshold?.value ?? null, higherIsBetter: indicator.type !== 'negative_quantitative',
    };
  }));
  compiled.set(framework, items);
  return items;
}

/** Met (true), not met (false) or unknown (null), and the value it was decided on. */
function decide(item: ChecklistItem, kpis: Readonly<Record<KpiName, number | null>>, answers: Readonly<Record<string, Answer>> | undefined): { met: boolean | null; value: number | boolean | null } {
  const kpiValue = item.kpi === null ? null : kpis[item.kpi];
  if (kpiValue !== null && item.threshold !== null) {
    return { met: item.higherIsBetter ? kpiValue >= item.threshold : kpiValue <= item.threshold, value: kpiValue };
  }
  const answer = answers?.[item.indicator.id];
  return { met: answer === undefined ? null : answer === true, value: kpiValue ?? (answer === undefined ? null : (answer as boolean)) };
}

export function scoreChecklist2018(items: readonly ChecklistItem[], kpis: Readonly<Record<KpiName, number | null>>, answers: Readonly<Record<string, Answer>> | undefined, hundredths: Int32Array, values: (number | string | boolean | null)[]): { vetoes: Finding[]; unconfirmed: Finding[] } {
  const vetoes: Finding[] = [];
  const unconfirmed: Finding[] = [];
  for (let index = 0; index < items.length; index++) {
    const item = items[index]!;
    const { met, value } = decide(item, kpis, answers);
    values[index] = value;
    hundredths[index] = met === true ? item.maxHundredths : 0;
    if (!item.required) continue;
    if (met === false) vetoes.push({ id: `required.${item.indicator.id}`, reason: `必选项未满足 / required (必选) item not met: ${item.indicator.nameZh}` });
    else if (met === null) unconfirmed.push({ id: `required.${item.indicator.id}`, reason: `必选项未作答 / required (必选) item not answered: ${item.indicator.nameZh}` });
  }
  return { vetoes, unconfirmed };
}

export function explainChecklist2018(item: ChecklistItem, kpis: Readonly<Record<KpiName, number | null>>, answers: Readonly<Record<string, Answer>> | undefined, hundredths: number): string {
  const { met, value } = decide(item, kpis, answers);
  const kind = item.required ? '必选 / required' : '可选 / optional';
  const points = `${(hundredths / 100).toFixed(2)} / ${(item.maxHundredths / 100).toFixed(2)}`;
  const threshold = item.indicator.threshold;
  if (item.kpi !== null && typeof value === 'number' && item.threshold !== null && threshold) {
    const comparison = item.higherIsBetter ? '≥' : '≤';
    return `${kind}; ${item.kpi} = ${f(value)} ${comparison} ${f(item.threshold)} [${threshold.tag}]? ${met ? '是 / yes' : '否 / no'} → ${points}`;
  }
  if (met === null) return `${kind}; 未作答 / not answered${item.kpi !== null && value !== null ? ` (${item.kpi} = ${f(value as number)}, no threshold configured)` : ''} → ${points}`;
  const basis = item.kpi !== null && typeof value === 'number' ? ` (${item.kpi} = ${f(value)}; judged against the industry benchmark)` : '';
  return `${kind}; 评价人判定${met ? '满足' : '不满足'} / evaluator answered ${met ? 'met' : 'not met'}${basis} → ${points}`;
}
