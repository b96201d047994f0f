/** The administrators' inbox of contact and media messages: read them, mark each handled. */
import { actorLabel, actorUserId, type Actor } from '../../domain/actors/actor.ts';
import { AppError, notFound } from '../../domain/errors.ts';
import { authorize } from '../../policies/index.ts';
import { appendAuditEvent } from '../../store/repositories/audit-events.ts';
import type { Row } from '../../store/schema.ts';
import { now, type Store } from '../../store/store.ts';

export async function listContactMessages(store: Store, actor: Actor, filter: { handled?: boolean; limit?: number; offset?: number } = {}): Promise<{ items: Row<'contact_messages'>[]; total: number; open: number }> {
  authorize(actor, 'read', { type: 'contact-message' });
  let query = store.db.selectFrom('contact_messages');
  if (filter.handled === true) query = query.where('handled_at', 'is not', null);
  if (filter.handled === false) query = query.where('handled_at', 'is', null);
  const [items, total, open] = await Promise.all([
    query.selectAll().orderBy('created_at', 'desc').orderBy('id', 'desc').limit(filter.limit ?? 50).offset(filter.offset ?? 0).execute(),
    query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    store.db.selectFrom('contact_messages').select((eb) => eb.fn.countAll<number>().as('n')).where('handled_at', 'is', null).executeTakeFirstOrThrow(),
  ]);
  return { items, total: Number(total.n), open: Number(open.n) };
}

export async function markContactMessageHandled(store: Store, actor: Actor, input: { reference: string }): Promise<Row<'contact_messages'>> {
  return store.transaction(async (trx) => {
    authorize(actor, 'handle', { type: 'contact-message' });
    const message = await store.capabilities.forUpdate(trx.selectFrom('contact_messages').selectAll().where('reference', '=', input.reference)).executeTakeFirst();
    if (message === undefined) throw notFound(`message ${input.reference}`);
    if (message.handled_at !== null) throw new AppError('CONFLICT', `${message.reference} was already handled / 该留言已处理`);
    const handled = await trx.updateTable('contact_messages').set({ handled_at: now() }).where('id', '=', message.id).returningAll().executeTakeFirstOrThrow();
    await appendAuditEvent(trx, store.capabilities, { actorUserId: actorUserId(actor), actorLabel: actorLabel(actor), action: 'contact-message.handled', subjectType: 'contact-message', subjectId: message.reference, enterpriseId: null, data: { kind: message.kind } });
    return handled;
  });
}
