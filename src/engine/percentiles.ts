/**
 * Each KPI's percentile rank within the same GB/T 4754 industry code and year:
 * 100 × (number of peers below + ½ × number of peers equal, itself included) ÷ n, over
 * the peers with a value for that KPI. A lone factory sits at 50. Industry codes are
 * compared as given (pass the 2-digit 大类 to group by 大类). Higher percentile = higher
 * value, whatever the KPI's direction.
 */

export interface PercentileRow {
  readonly id: string;
  readonly industry: string;
  readonly year: number;
  readonly kpis: Readonly<Record<string, number | null>>;
}

export interface PercentileResult {
  readonly id: string;
  readonly industry: string;
  readonly year: number;
  readonly percentiles: Record<string, number | null>;
  /** Peers (with a value, itself included) per KPI. */
  readonly peers: Record<string, number>;
}

function countBelow(sorted: readonly number[], value: number, strictly: boolean): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (strictly ? sorted[middle]! < value : sorted[middle]! <= value) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** Percentile ranks of every row's KPIs within its (industry, year) group. Input order is kept. */
export function percentiles(rows: readonly PercentileRow[]): PercentileResult[] {
  const groups = new Map<string, Map<string, number[]>>();
  for (const row of rows) {
    const key = `${row.industry}\u0000${row.year}`;
    let group = groups.get(key);
    if (!group) { group = new Map(); groups.set(key, group); }
    for (const [name, value] of Object.entries(row.kpis)) {
      if (value === null || !Number.isFinite(value)) continue;
      let values = group.get(name);
      if (!values) { values = []; group.set(name, values); }
      values.push(value);
    }
  }
  for (const group of groups.values()) for (const values of group.values()) values.sort((a, b) => a - b);
  return rows.map((row) => {
    const group = groups.get(`${row.industry}\u0000${row.year}`)!;
    const result: Record<string, number | null> = {};
    const peers: Record<string, number> = {};
    for (const [name, value] of Object.entries(row.kpis)) {
      const values = group.get(name) ?? [];
      peers[name] = values.length;
      if (value === null || !Number.isFinite(value)) { result[name] = null; continue; }
      const below = countBelow(values, value, true);
      const equal = countBelow(values, value, false) - below;
      result[name] = (100 * (below + equal / 2)) / values.length;
    }
    return { id: row.id, industry: row.industry, year: row.year, percentiles: result, peers };
  });
}
