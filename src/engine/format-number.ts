/** Numbers as printed in traces and explanations: plain digits, at most 10 significant figures. */
export function formatNumber(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  if (value === 0) return '0';
  return String(Number(value.toPrecision(10)));
}
