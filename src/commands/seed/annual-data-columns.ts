/** The indexed columns copied out of an AnnualData document when it is stored. */
import { computeKpis, parseAnnualData } from '../../engine/index.ts';

export function annualDataColumns(document: unknown): { energy_tce: number | null; co2e_t: number | null; value_ten_thousand_yuan: number | null } {
  const data = parseAnnualData(document);
  const { kpis } = computeKpis(data);
  return { energy_tce: kpis.energyTce, co2e_t: kpis.co2eT, value_ten_thousand_yuan: data.output?.valueTenThousandYuan ?? null };
}
