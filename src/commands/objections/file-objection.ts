/**
 * Files a real-name objection (实名异议) to an entry on public notice: validate the
 * form and the evidence file → load the notice (locked) and the entry → authorize →
 * store the evidence, the objection and its audit event in one transaction.
 *
 * Case numbers: `OBJ-<year filed>-<notice id, 4 digits>-<sequence within the notice, 4
 * digits>`, e.g. OBJ-2026-0007-0003 (the third objection to notice 7, filed in 2026).
 * The notice row is locked while the sequence is read, and the column is unique.
 */
import { actorLabel, actorUserId, type Actor } from '../../domain/actors/actor.ts';
import { todayInShanghai } from '../../domain/calendar/plain-date.ts';
import { AppError, invalid, notFound } from '../../domain/errors.ts';
import { authorize } from '../../policies/index.ts';
import { appendAuditEvent } from '../../store/repositories/audit-events.ts';
import { sniffMediaType } from '../../store/files/media-type.ts';
import type { FileStore } from '../../store/files/file-store.ts';
import { now, type Store } from '../../store/store.ts';
import { sql } from 'kysely';

/** Objections per client address (the routes' @fastify/rate-limit config): generous for a person, tight for a script. */
export const OBJECTION_RATE_LIMIT = { max: 10, timeWindow: '15 minutes' };

/** Evidence files up to 5 MB (PDF, PNG or JPEG by content). */
export const EVIDENCE_MAX_BYTES = 5 * 1024 * 1024;

export interface FileObjectionInput {
  noticeId: number;
  entryId: number;
  fullName: string;
  contact: string;
  reason: string;
  evidence?: { bytes: Uint8Array; originalName: string } | undefined;
  /** Key of the client address (http/auth.ts clientKey), kept for abuse handling. */
  clientKey: string;
}

export interface FileObjectionOptions {
  files: FileStore;
  /** The filing day in Asia/Shanghai; tests pass it in. */
  today?: string;
}

export interface FiledObjection {
  caseNumber: string;
  noticeId: number;
  entryId: number;
  entryNameZh: string;
  filedAt: string;
  evidence: { mediaType: string; size: number } | null;
}

const CONTACT = /^(?:[^\s@]+@[^\s@]+\.[^\s@]+|\+?[0-9][0-9 ()-]{5,19})$/;

/** Every field's problem at once, so a form can show them together; `path` names the first. */
export interface FieldProblem {
  path: string;
  message: string;
}

function text(value: string, path: string, min: number, max: number, what: string, problems: FieldProblem[]): string {
  const trimmed = (value ?? '').trim();
  const length = [...trimmed].length;
  if (length < min) problems.push({ path, message: `${what} must be at least ${min} characters / 至少需要${min}个字符` });
  else if (length > max) problems.push({ path, message: `${what} must be at most ${max} characters / 不得超过${max}个字符` });
  return trimmed;
}

function validateForm(input: FileObjectionInput) {
  const problems: FieldProblem[] = [];
  if (!Number.isInteger(input.entryId) || input.entryId < 1) problems.push({ path: 'entryId', message: 'choose an entry on the notice / 请选择公示对象' });
  const fullName = text(input.fullName, 'fullName', 2, 50, 'The real name', problems);
  const contact = text(input.contact, 'contact', 5, 100, 'The contact', problems);
  if (!problems.some((p) => p.path === 'contact') && !CONTACT.test(contact)) problems.push({ path: 'contact', message: 'give a telephone number or an e-mail address / 请填写电话号码或电子邮箱' });
  const reason = text(input.reason, 'reason', 10, 5000, 'The reason', problems);
  const first = problems[0];
  if (first !== undefined) throw invalid(first.path, first.message, { problems });
  return { fullName, contact, reason };
}

export function caseNumberOf(year: string, noticeId: number, sequence: number): string {
  return `OBJ-${year}-${String(noticeId).padStart(4, '0')}-${String(sequence).padStart(4, '0')}`;
}

export async function fileObjection(store: Store, actor: Actor, input: FileObjectionInput, options: FileObjectionOptions): Promise<FiledObjection> {
  const { fullName, contact, reason } = validateForm(input);
  let evidence: { bytes: Uint8Array; originalName: string; mediaType: string } | undefined;
  if (input.evidence !== undefined && input.evidence.bytes.byteLength > 0) {
    if (input.evidence.bytes.byteLength > EVIDENCE_MAX_BYTES) throw new AppError('PAYLOAD_TOO_LARGE', 'The evidence file exceeds 5 MB / 证明材料不得超过 5 MB', { path: 'evidence' });
    const mediaType = sniffMediaType(input.evidence.bytes);
    if (mediaType === undefined) throw new AppError('UNSUPPORTED_MEDIA_TYPE', 'The evidence must be a PDF, PNG or JPEG file / 证明材料须为 PDF、PNG 或 JPEG 文件', { path: 'evidence' });
    evidence = { bytes: input.evidence.bytes, originalName: input.evidence.originalName, mediaType };
  }
  const today = options.today ?? todayInShanghai();

  return store.transaction(async (trx) => {
    const notice = await store.capabilities.forUpdate(trx.selectFrom('notices').selectAll().where('id', '=', input.noticeId)).executeTakeFirst();
    if (notice === undefined || (notice.status !== 'open' && notice.status !== 'closed')) throw notFound(`notice ${input.noticeId}`);
    const entry = await trx.selectFrom('notice_entries').selectAll().where('id', '=', input.entryId).where('notice_id', '=', notice.id).executeTakeFirst();
    if (entry === undefined) throw invalid('entryId', `no entry ${input.entryId} on this notice / 公示名单中没有该条目`);
    authorize(actor, 'file', { type: 'objection', enterpriseId: entry.enterprise_id, authorityId: notice.authority_id });
    if (notice.status !== 'open' || today < notice.opens_on || today > notice.closes_on) {
      throw new AppError('RULE_VIOLATION', `The notice ran ${notice.opens_on} to ${notice.closes_on}; objections are accepted only while it is open / 公示期（${notice.opens_on} 至 ${notice.closes_on}）外不受理异议`);
    }
    if (entry.status !== 'candidate') throw new AppError('RULE_VIOLATION', 'Objections are accepted only on candidate entries / 仅受理对公示对象的异议', { path: 'entryId' });

    const count = await trx.selectFrom('objections').select(sql<number>`count(*)`.as('n')).where('notice_id', '=', notice.id).executeTakeFirstOrThrow();
    const caseNumber = caseNumberOf(today.slice(0, 4), notice.id, Number(count.n) + 1);
    const file = evidence === undefined ? undefined : await options.files.save(trx, { bytes: evidence.bytes, originalName: evidence.originalName, mediaType: evidence.mediaType, enterpriseId: entry.enterprise_id });
    const filedAt = now();
    await trx
      .insertInto('objections')
      .values({
        notice_id: notice.id,
        notice_entry_id: entry.id,
        enterprise_id: entry.enterprise_id,
        case_number: caseNumber,
        full_name: fullName,
        contact,
        reason,
        evidence_file_id: file?.id ?? null,
        status: 'received',
        outcome_note: null,
        handled_by: null,
        handled_at: null,
        client_key: input.clientKey,
        created_at: filedAt,
      })
      .execute();
    await appendAuditEvent(trx, store.capabilities, {
      actorUserId: actorUserId(actor),
      actorLabel: actorLabel(actor),
      action: 'objection.filed',
      subjectType: 'objection',
      subjectId: caseNumber,
      enterpriseId: entry.enterprise_id,
      // The objector's name and contact stay in the objection row, not in the audit log.
      data: { noticeId: notice.id, entryId: entry.id, caseNumber, evidence: file === undefined ? null : { fileId: file.id, sha256: file.sha256, mediaType: file.media_type, size: file.size } },
    });
    return { caseNumber, noticeId: notice.id, entryId: entry.id, entryNameZh: entry.name_zh, filedAt, evidence: file === undefined ? null : { mediaType: file.media_type, size: file.size } };
  });
}
