/** The indexed columns copied out of an AnnualData document when it is stored. */
export function annualDataColumns(document: { output?: { valueTenThousandYuan?: number } }): { energy_tce: number | null; co2e_t: number | null; value_ten_thousand_yuan: number | null } {
  return { energy_tce: null, co2e_t: null, value_ten_thousand_yuan: document.output?.valueTenThousandYuan ?? null };
}
