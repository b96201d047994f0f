/** Small facts every page needs (is this the demo data set?), read from `meta`. */
import type { Executor } from '../store.ts';

export async function readMeta(db: Executor, key: string): Promise<string | undefined> {
  const row = await db.selectFrom('meta').select('value').where('key', '=', key).executeTakeFirst();
  return row?.value;
}

export async function writeMeta(db: Executor, key: string, value: string): Promise<void> {
  await db.insertInto('meta').values({ key, value }).onConflict((c) => c.column('key').doUpdateSet({ value })).execute();
}

export async function isDemoDatabase(db: Executor): Promise<boolean> {
  return (await readMeta(db, 'demo')) === '1';
}
