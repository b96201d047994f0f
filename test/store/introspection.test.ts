/**
 * Migrations on PostgreSQL ask which tables exist; the answer covers the store's own
 * schema only, so a schema dropped meanwhile by another store on the same server (tests,
 * benches, tenants) cannot fail the question. Kysely's default introspector read every
 * schema and failed with `schema "t_…" does not exist` when one was dropped mid-query
 * (seen in CI, 2026-11-30).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { POSTGRES } from '../support/stores.ts';
import { migrate } from '../../src/store/migrate.ts';

test('the PostgreSQL introspector sees its own schema only, and migrating survives other schemas being dropped', { skip: POSTGRES.skip }, async () => {
  const a = await POSTGRES.open();
  const b = await POSTGRES.open();
  try {
    const schemaOf = async (store: typeof a) => (await sql<{ s: string }>`select current_schema() as s`.execute(store.db)).rows[0]!.s;
    const [schemaA, schemaB] = [await schemaOf(a), await schemaOf(b)];
    const tables = await a.db.introspection.getTables({ withInternalKyselyTables: true });
    assert.ok(tables.some((t) => t.name === 'enterprises' && t.schema === schemaA));
    assert.ok(tables.some((t) => t.name === 'kysely_migration' && t.schema === schemaA));
    assert.equal(tables.filter((t) => t.schema === schemaB).length, 0, 'another store’s schema is not listed');
    assert.equal((await a.db.introspection.getTables()).some((t) => t.name.startsWith('kysely_migration')), false);
    // Schemas created and dropped while migrations run again (nothing to apply): every run answers.
    let churning = true;
    const churn = (async () => {
      while (churning) {
        const fresh = await POSTGRES.freshConfig();
        await fresh.drop();
      }
    })();
    for (let i = 0; i < 20; i++) assert.deepEqual((await migrate(a)).applied, []);
    churning = false;
    await churn;
  } finally {
    await a.dispose();
    await b.dispose();
  }
});
