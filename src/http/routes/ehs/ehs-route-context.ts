/** What every EHS route needs: the day flags are worked out for, and a read-authorized register. */
import type { FastifyRequest } from 'fastify';
import { todayInShanghai } from '../../../domain/calendar/plain-date.ts';
import { openRegister } from '../../../commands/ehs/ehs-register-access.ts';
import type { Row } from '../../../store/schema.ts';
import { actorOf } from '../../auth.ts';

export function dayOf(query: unknown): string {
  const asOf = (query as { asOf?: string } | undefined)?.asOf;
  return asOf ?? todayInShanghai();
}

/** Loads the enterprise and checks the caller may read its register (401 / 403 / 404). */
export async function readableRegister(request: FastifyRequest, enterpriseId: number): Promise<Row<'enterprises'>> {
  return openRegister(request.server.context.store.db, await actorOf(request), 'read', enterpriseId);
}

export const TAGS = ['ehs'];
