/**
 * The audit chain's hash rule, shared by the writer and `greenlist audit verify`.
 * Each event's hash covers its content and the previous event's hash in the same
 * stream, so an edited, deleted or reordered event breaks every hash after it.
 */
import { createHash } from 'node:crypto';
import { canonicalJson } from '../canonical-json.ts';

export const GENESIS_HASH = '0'.repeat(64);

export interface AuditContent {
  stream: string;
  seq: number;
  at: string;
  actorUserId: number | null;
  actorLabel: string;
  action: string;
  subjectType: string;
  subjectId: string;
  enterpriseId: number | null;
  /** The event's data as stored (canonical JSON text). */
  data: string;
  prevHash: string;
}

export function auditHash(event: AuditContent): string {
  return createHash('sha256').update(canonicalJson(event)).digest('hex');
}

/** Which chain an event belongs to: one per enterprise, one for everything else. */
export function auditStream(enterpriseId: number | null): string {
  return enterpriseId === null ? 'system' : `enterprise:${enterpriseId}`;
}
