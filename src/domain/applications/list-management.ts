/**
 * Dynamic management of listed entries (工信部节〔2024〕13号; Heilongjiang 实施细则,
 * domain.md §3.2): why an entry leaves a list and when. At the next annual publication:
 * a negative-list event, an unfiled 动态管理表, falsified data, no longer qualifying.
 * Immediately: a 重大 (or worse) safety or quality accident, or a Ⅱ级 (重大) or worse
 * environmental emergency. Renames and boundary changes are declared and, once approved,
 * published with the next list (each list notice carries new entries, removals and renames).
 */
import { invalid } from '../errors.ts';

export type RemovalMode = 'annual' | 'immediate';

export const REMOVAL_REASONS = {
  unfiled_dynamic_report: { mode: 'annual', zh: '未按期填报动态管理表', en: 'dynamic-management report not filed' },
  falsified_data: { mode: 'annual', zh: '数据弄虚作假', en: 'falsified data' },
  negative_list_event: { mode: 'annual', zh: '发生负面清单事件', en: 'a negative-list event' },
  no_longer_qualifies: { mode: 'annual', zh: '不再符合绿色工厂要求', en: 'no longer meets the requirements' },
  major_safety_accident: { mode: 'immediate', zh: '发生重大及以上安全事故', en: 'a major (重大) or worse safety accident' },
  major_quality_accident: { mode: 'immediate', zh: '发生重大及以上质量事故', en: 'a major (重大) or worse quality accident' },
  environmental_emergency: { mode: 'immediate', zh: '发生Ⅱ级（重大）及以上突发环境事件', en: 'a grade Ⅱ (major) or worse environmental emergency' },
} as const satisfies Record<string, { mode: RemovalMode; zh: string; en: string }>;

export type RemovalReasonCode = keyof typeof REMOVAL_REASONS;

export function isRemovalReasonCode(value: string): value is RemovalReasonCode {
  return Object.hasOwn(REMOVAL_REASONS, value);
}

/** Checks a reason code; the mode follows from it (an immediate reason is never deferred, and back). */
export function removalRule(code: string): { code: RemovalReasonCode; mode: RemovalMode; zh: string; en: string } {
  if (!isRemovalReasonCode(code)) throw invalid('reasonCode', `must be one of ${Object.keys(REMOVAL_REASONS).join(', ')}`);
  return { code, ...REMOVAL_REASONS[code] };
}

/** The stored removal reason: "中文 / English", plus the reviewer's note when there is one. */
export function removalReasonText(code: RemovalReasonCode, note?: string | null): string {
  const reason = REMOVAL_REASONS[code];
  const trimmed = note?.trim();
  return `${reason.zh} / ${reason.en}${trimmed ? `: ${trimmed}` : ''}`;
}

export type EntryChangeKind = 'rename' | 'boundary_change';

/** Entry statuses that count as listed (a renamed entry is still on the list). */
export const ACTIVE_ENTRY_STATUSES: readonly string[] = ['listed', 'renamed'];
