/**
 * Turns EHS register rows that put an enterprise on the negative list (the EHS register
 * sets `negative_list_until`) into the negative-list events the scoring engine vetoes
 * (frameworks/negative-list.json kinds). The register's own kind wins when it is already
 * a negative-list kind; otherwise its category decides: quality → quality_accident,
 * environment/pollution → pollution_accident, anything else → safety_accident.
 * This mapping is an adapter between two features and is reported as such.
 */
export interface EhsNegativeRow {
  kind: string;
  category: string;
  severity: string | null;
  occurred_on: string;
  title: string;
  negative_list_until: string | null;
}

export interface NegativeEvent {
  kind: string;
  date: string;
  description?: string;
}

const NEGATIVE_KINDS = new Set([
  'not_operating', 'safety_accident', 'quality_accident', 'pollution_accident', 'tax_evasion', 'previously_removed',
  'serious_inspection_problem', 'unfinished_energy_rectification', 'dishonest_judgment_debtor',
]);

export function negativeListKindOf(row: Pick<EhsNegativeRow, 'kind' | 'category'>): string {
  if (NEGATIVE_KINDS.has(row.kind)) return row.kind;
  const category = row.category.toLowerCase();
  if (category.includes('quality')) return 'quality_accident';
  if (category.includes('environment') || category.includes('pollution') || category.includes('emission')) return 'pollution_accident';
  return 'safety_accident';
}

/** Rows in force on `asOf` (negative_list_until on or after it), as engine events. */
export function negativeEventsInForce(rows: readonly EhsNegativeRow[], asOf: string): NegativeEvent[] {
  return rows
    .filter((row) => row.negative_list_until !== null && row.negative_list_until >= asOf && row.occurred_on <= asOf)
    .map((row) => ({ kind: negativeListKindOf(row), date: row.occurred_on, description: `${row.title}${row.severity ? ` (${row.severity})` : ''}` }));
}
