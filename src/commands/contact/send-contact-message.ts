/**
 * Stores a contact message or media inquiry for the administrators and returns the
 * reference the sender is given: `MSG-<yyyymmdd>-<6 characters>` from an alphabet
 * without look-alikes (no 0/O, 1/I/L), unique by the column's constraint.
 */
import { randomInt } from 'node:crypto';
import { actorLabel, actorUserId, type Actor } from '../../domain/actors/actor.ts';
import { todayInShanghai } from '../../domain/calendar/plain-date.ts';
import { invalid } from '../../domain/errors.ts';
import { authorize } from '../../policies/index.ts';
import { appendAuditEvent } from '../../store/repositories/audit-events.ts';
import { now, type Store } from '../../store/store.ts';

export const CONTACT_KINDS = ['contact', 'media'] as const;
export type ContactKind = (typeof CONTACT_KINDS)[number];

export interface SendContactMessageInput {
  kind: string;
  fullName: string;
  email: string;
  organisation?: string | undefined;
  subject: string;
  body: string;
  lang: string;
  clientKey: string;
}

export interface SentContactMessage {
  reference: string;
  kind: ContactKind;
  createdAt: string;
}

const ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function contactReference(today: string, pick: (size: number) => number = randomInt): string {
  let suffix = '';
  for (let i = 0; i < 6; i++) suffix += ALPHABET[pick(ALPHABET.length)];
  return `MSG-${today.replaceAll('-', '')}-${suffix}`;
}

function text(value: string | undefined, path: string, min: number, max: number): string {
  const trimmed = (value ?? '').trim();
  const length = [...trimmed].length;
  if (length < min) throw invalid(path, `must be at least ${min} characters / 至少需要${min}个字符`);
  if (length > max) throw invalid(path, `must be at most ${max} characters / 不得超过${max}个字符`);
  return trimmed;
}

export async function sendContactMessage(store: Store, actor: Actor, input: SendContactMessageInput, options: { today?: string } = {}): Promise<SentContactMessage> {
  if (!(CONTACT_KINDS as readonly string[]).includes(input.kind)) throw invalid('kind', 'must be contact or media / 请选择咨询类型');
  const kind = input.kind as ContactKind;
  const fullName = text(input.fullName, 'fullName', 2, 80);
  const email = text(input.email, 'email', 5, 200);
  if (!EMAIL.test(email)) throw invalid('email', 'is not an e-mail address / 电子邮箱格式不正确');
  const organisation = text(input.organisation, 'organisation', 0, 200);
  const subject = text(input.subject, 'subject', 2, 200);
  const body = text(input.body, 'body', 10, 5000);
  authorize(actor, 'send', { type: 'contact-message' });
  const reference = contactReference(options.today ?? todayInShanghai());
  return store.transaction(async (trx) => {
    const createdAt = now();
    const row = await trx
      .insertInto('contact_messages')
      .values({ kind, full_name: fullName, email, organisation: organisation === '' ? null : organisation, subject, body, lang: input.lang === 'en' ? 'en' : 'zh-CN', client_key: input.clientKey, reference, created_at: createdAt, handled_at: null })
      .returning('id')
      .executeTakeFirstOrThrow();
    await appendAuditEvent(trx, store.capabilities, {
      actorUserId: actorUserId(actor),
      actorLabel: actorLabel(actor),
      action: 'contact.received',
      subjectType: 'contact_message',
      subjectId: row.id,
      enterpriseId: null,
      data: { kind, reference },
    });
    return { reference, kind, createdAt };
  });
}
