/** Who a pipeline command acts as from a terminal: the operator (system actor 'cli'), or a user by `--as=<email>`. */
import type { Actor } from '../../domain/actors/actor.ts';
import { AppError, invalid } from '../../domain/errors.ts';
import { findUserByEmail, loadUserActor } from '../../store/repositories/users.ts';
import type { Store } from '../../store/store.ts';
import { optionString, type Arguments } from '../arguments.ts';

export async function cliActor(store: Store, args: Arguments): Promise<Actor> {
  const email = optionString(args, 'as');
  if (email === undefined) return { kind: 'system', label: 'cli' };
  const user = await findUserByEmail(store.db, email);
  if (user === undefined) throw new AppError('NOT_FOUND', `no user ${email}`);
  return loadUserActor(store.db, user);
}

export function positiveInteger(value: string | undefined, name: string, usage: string): number {
  if (value === undefined || !/^\d+$/.test(value) || Number(value) < 1) throw invalid(name, `a number is required: greenlist ${usage}`);
  return Number(value);
}

export function print(args: Arguments, value: unknown, text: () => string): void {
  console.log(args.options.json ? JSON.stringify(value, null, 2) : text());
}
