/**
 * Where a third party's verified values differ from the enterprise's declared ones, field
 * by field, so reviewers see every difference (工信部节〔2024〕13号: the third party answers
 * for the report's truth). Energy lines are matched by carrier and unit, products by name
 * and unit; other fields by their path in AnnualData v1.
 */
export interface ValueDifference {
  /** Path in AnnualData, e.g. `energy[raw_coal, t].quantity`, `water.reusedM3`. */
  path: string;
  declared: number | string | null;
  verified: number | string | null;
  /** (verified − declared) ÷ declared, when both are numbers and declared ≠ 0. */
  relative: number | null;
}

type Leaf = number | string;

function flatten(document: unknown): Map<string, Leaf> {
  const out = new Map<string, Leaf>();
  const walk = (value: unknown, path: string) => {
    if (typeof value === 'number' || typeof value === 'string') {
      out.set(path, value);
      return;
    }
    if (value === null || typeof value !== 'object') return;
    if (Array.isArray(value)) {
      value.forEach((item, index) => {
        const record = (item ?? {}) as Record<string, unknown>;
        // Lines are keyed by what they are, not by position: reordering is not a difference.
        const key = typeof record.carrier === 'string' ? `${record.carrier}, ${String(record.unit ?? '')}` : typeof record.name === 'string' ? `${record.name}, ${String(record.unit ?? '')}` : String(index);
        for (const [field, inner] of Object.entries(record)) {
          if (field === 'carrier' || field === 'name' || field === 'unit') continue;
          walk(inner, `${path}[${key}].${field}`);
        }
      });
      return;
    }
    for (const [field, inner] of Object.entries(value as Record<string, unknown>)) walk(inner, path === '' ? field : `${path}.${field}`);
  };
  walk(document, '');
  return out;
}

/** Every field of either document, the declared value beside the verified one, in path order. */
export function annualDataComparison(declared: unknown, verified: unknown): ValueDifference[] {
  const left = flatten(declared);
  const right = flatten(verified);
  const paths = [...new Set([...left.keys(), ...right.keys()])].sort();
  return paths.map((path) => {
    const a = left.get(path) ?? null;
    const b = right.get(path) ?? null;
    const relative = typeof a === 'number' && typeof b === 'number' && a !== 0 && a !== b ? Math.round(((b - a) / a) * 10_000) / 10_000 : null;
    return { path, declared: a, verified: b, relative };
  });
}

/** Every field whose verified value differs from the declared one, in path order. */
export function annualDataDifferences(declared: unknown, verified: unknown): ValueDifference[] {
  return annualDataComparison(declared, verified).filter((d) => d.declared !== d.verified);
}
