/**
 * A third-party evaluator's yearly cap: at most 15 national-level green-factory projects
 * per year per legal representative, across every organisation that person represents
 * (工信部节〔2024〕13号 as applied by Wuhan 2025 and Chongqing 2023; domain.md §3.2 [V]).
 */
import { AppError } from '../errors.ts';

export const EVALUATOR_CAP = { value: 15, source: '工信部节〔2024〕13号; Wuhan 2025, Chongqing 2023 notices (domain.md §3.2)', tag: 'V' } as const;

/** Throws RULE_VIOLATION when accepting one more national project would exceed the cap. */
export function assertWithinEvaluatorCap(acceptedThisYear: number, year: number, cap: number = EVALUATOR_CAP.value): void {
  if (acceptedThisYear + 1 > cap) {
    throw new AppError(
      'RULE_VIOLATION',
      `The legal representative of this evaluator already has ${acceptedThisYear} national-level projects in ${year}; at most ${cap} a year are allowed / 该第三方机构法定代表人${year}年已承担${acceptedThisYear}个国家级项目，每年不得超过${cap}个`,
      { details: { acceptedThisYear, year, cap } },
    );
  }
}
