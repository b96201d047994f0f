/**
 * Which tables are distributed on Citus and by which column (docs/decisions/003), and a
 * check of one SQL statement: every join between two distributed tables must be on their
 * distribution columns (co-located), or Citus could not run it shard by shard.
 */
export const DISTRIBUTION_COLUMN: Readonly<Record<string, string>> = {
  enterprises: 'id',
  enterprise_grams: 'enterprise_id',
  factories: 'enterprise_id',
  annual_data: 'enterprise_id',
  applications: 'enterprise_id',
  application_events: 'enterprise_id',
  evaluations: 'enterprise_id',
  panel_applications: 'enterprise_id',
  expert_reviews: 'enterprise_id',
  notice_entries: 'enterprise_id',
  objections: 'enterprise_id',
  list_entries: 'enterprise_id',
  certificates: 'enterprise_id',
  dynamic_reports: 'enterprise_id',
  ehs_events: 'enterprise_id',
  files: 'enterprise_id',
  entry_changes: 'enterprise_id',
  ehs_seal_points: 'enterprise_id',
  ehs_inspection_rounds: 'enterprise_id',
  ehs_readings: 'enterprise_id',
  ehs_leaks: 'enterprise_id',
  ehs_hazards: 'enterprise_id',
  ehs_violations: 'enterprise_id',
  ehs_permit_limits: 'enterprise_id',
  ehs_monitoring_results: 'enterprise_id',
  ehs_accidents: 'enterprise_id',
};

const CLAUSE_END = /\b(inner join|left join|right join|full join|cross join|join|where|group by|order by|having|limit|offset|returning|union)\b/i;

/** The tables of a statement's FROM and JOIN clauses with their aliases, and each join's condition. */
function joins(statement: string): { table: string; alias: string; condition: string | null }[] {
  const found: { table: string; alias: string; condition: string | null }[] = [];
  const pattern = /\b(from|join)\s+"([a-z_]+)"(?:\s+as\s+"([a-z_0-9]+)")?/gi;
  for (const match of statement.matchAll(pattern)) {
    const table = match[2]!;
    const alias = match[3] ?? table;
    let condition: string | null = null;
    if (match[1]!.toLowerCase() === 'join') {
      const rest = statement.slice(match.index! + match[0].length);
      const on = /^\s+on\s+/i.exec(rest);
      if (on !== null) {
        let depth = 0;
        let end = on[0].length;
        for (; end < rest.length; end++) {
          const c = rest[end];
          if (c === '(') depth++;
          else if (c === ')') {
            if (depth === 0) break;
            depth--;
          } else if (depth === 0 && CLAUSE_END.test(rest.slice(end, end + 12)) && /\s/.test(rest[end - 1] ?? ' ')) break;
        }
        condition = rest.slice(on[0].length, end);
      }
    }
    found.push({ table, alias, condition });
  }
  return found;
}

/** A description of each join in the statement that Citus could not co-locate; empty when fine. */
export function nonColocatedJoins(statement: string): string[] {
  const clauses = joins(statement);
  const tableOf = new Map(clauses.map((c) => [c.alias, c.table]));
  const problems: string[] = [];
  for (const clause of clauses) {
    if (clause.condition === null || DISTRIBUTION_COLUMN[clause.table] === undefined) continue;
    const referenced = [...clause.condition.matchAll(/"([a-z_0-9]+)"\."([a-z_]+)"/g)].map((m) => m[1]!).filter((alias) => alias !== clause.alias);
    for (const other of new Set(referenced)) {
      const otherTable = tableOf.get(other);
      if (otherTable === undefined || DISTRIBUTION_COLUMN[otherTable] === undefined) continue;
      const mine = `"${clause.alias}"."${DISTRIBUTION_COLUMN[clause.table]}"`;
      const theirs = `"${other}"."${DISTRIBUTION_COLUMN[otherTable]}"`;
      if (!clause.condition.includes(`${mine} = ${theirs}`) && !clause.condition.includes(`${theirs} = ${mine}`)) {
        problems.push(`${clause.table} joined to ${otherTable} without ${mine} = ${theirs}`);
      }
    }
  }
  return problems;
}
