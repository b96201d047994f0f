/** `backup` and `restore` round-trip on both databases, and the audit chain verifies after restore. */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DIALECTS, sql } from '../support/stores.ts';
import { seedDemo } from '../../src/commands/seed/seed-demo.ts';
import { backupDatabase, restoreDatabase } from '../../src/cli/commands/backup.ts';
import { verifyAuditChain } from '../../src/commands/audit/verify-audit-chain.ts';
import { openStore } from '../../src/store/store.ts';
import { migrate } from '../../src/store/migrate.ts';

const count = async (db: any, table: string) => Number((await sql<{ n: number }>`select count(*) as n from ${sql.table(table)}`.execute(db)).rows[0]!.n);

for (const dialect of DIALECTS) {
  describe(`backup and restore on ${dialect.name}`, { skip: dialect.skip }, () => {
    test('a restore brings back exactly what the backup held, audit chain intact', async () => {
      const directory = mkdtempSync(join(tmpdir(), 'greenlist-backup-'));
      const { config, drop } = await dialect.freshConfig();
      try {
        let store = openStore(config);
        await migrate(store);
        await seedDemo(store, { today: '2026-11-30' });
        const before = { enterprises: await count(store.db, 'enterprises'), entries: await count(store.db, 'list_entries'), audit: await count(store.db, 'audit_events') };
        await store.close();

        const file = join(directory, 'greenlist.backup');
        await backupDatabase(config, file);

        // damage after the backup: what the restore must undo
        store = openStore(config);
        await store.db.deleteFrom('news_items').execute();
        await store.db.updateTable('enterprises').set({ name_zh: '被改动的名称' }).where('id', '=', 1).execute();
        await store.close();

        await restoreDatabase(config, file);
        store = openStore(config);
        try {
          assert.equal(await count(store.db, 'enterprises'), before.enterprises);
          assert.equal(await count(store.db, 'list_entries'), before.entries);
          assert.equal(await count(store.db, 'audit_events'), before.audit);
          assert.ok((await count(store.db, 'news_items')) > 0);
          const plant = await store.db.selectFrom('enterprises').select('name_zh').where('id', '=', 1).executeTakeFirstOrThrow();
          assert.equal(plant.name_zh, '江西蓝星星火有机硅有限公司');
          const verification = await verifyAuditChain(store);
          assert.equal(verification.ok, true);
          assert.equal(verification.events, before.audit);
          // the search index came back with the rows
          const hits = await store.capabilities.searchEnterpriseIds(store.db, '星火', 5, 0);
          assert.deepEqual(hits, [1]);
        } finally {
          await store.close();
        }
      } finally {
        await drop();
        rmSync(directory, { recursive: true, force: true });
      }
    });
  });
}
