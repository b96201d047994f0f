/**
 * Crash safety of an import, on both databases: `greenlist serve` runs an uploaded file of
 * 20,000 rows and is killed with SIGKILL in the middle — once the import is visibly past
 * its first rows and not done (PostgreSQL: GET /api/v1/imports/{id} shows rows read;
 * SQLite, one writer: the import holds the write lock, its rows not yet visible). The
 * database then holds either every report filed or none. Started again, the server takes
 * the job back after its lease (GREENLIST_JOB_LEASE_MS, shortened here) and completes the
 * import: every report filed exactly once, no report created, one audit event.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { seedOpenReportSet, writeOpenReportCsv } from '../../bench/generator/open-reports.ts';
import { verifyAuditChain } from '../../src/commands/audit/verify-audit-chain.ts';
import { migrate } from '../../src/store/migrate.ts';
import { openStore, type Store } from '../../src/store/store.ts';
import { DIALECTS } from '../support/stores.ts';
import { tempFolder } from '../imports/import-fixtures.ts';
import { addReviewer, signIn, startServer, waitFor, writeProbe } from './crash-support.ts';

const ENTERPRISES = 4000;
const YEARS = [2021, 2022, 2023, 2024, 2025];
const ROWS = ENTERPRISES * YEARS.length;

async function filedCount(store: Store): Promise<{ filed: number; reports: number }> {
  const rows = await store.db.selectFrom('dynamic_reports').select(['status']).select((eb) => eb.fn.countAll<number>().as('n')).groupBy('status').execute();
  const count = (status: string) => Number(rows.find((r) => r.status === status)?.n ?? 0);
  return { filed: count('filed') + count('filed_late'), reports: rows.reduce((sum, r) => sum + Number(r.n), 0) };
}

for (const dialect of DIALECTS) {
  describe(`an import killed mid-way on ${dialect.name}`, { skip: dialect.skip, timeout: 240_000 }, () => {
    test('leaves all or nothing; the restarted server completes it once', async () => {
      const { config, drop } = await dialect.freshConfig();
      const folder = tempFolder();
      const store = openStore(config);
      try {
        await migrate(store);
        const set = await seedOpenReportSet(store, { enterprises: ENTERPRISES, years: YEARS });
        await addReviewer(store, 'national@crash', 'national', set.authorities.national);
        const file = join(folder.path, 'reports.csv');
        await writeOpenReportCsv(file, { enterprises: ENTERPRISES, years: YEARS });

        let server = await startServer(config, folder.path);
        const headers = await signIn(server.url, 'national@crash');
        const form = new FormData();
        form.append('file', new Blob([readFileSync(file)], { type: 'text/csv' }), 'reports.csv');
        const accepted = await fetch(`${server.url}/api/v1/imports`, { method: 'POST', headers, body: form });
        assert.equal(accepted.status, 202, await accepted.clone().text());
        const importId = ((await accepted.json()) as { id: number }).id;

        const probe = writeProbe(config, { table: 'imports', id: importId });
        const statusOf = async () => (await store.db.selectFrom('imports').select(['status', 'rows_read']).where('id', '=', importId).executeTakeFirstOrThrow());
        try {
          await waitFor('the import to be past its first rows', async () => {
            if ((await statusOf()).status !== 'running') return false;
            if (dialect.name === 'sqlite') return probe.busy();
            const view = (await (await fetch(`${server.url}/api/v1/imports/${importId}`, { headers })).json()) as { status: string; progress: { rowsRead: number } };
            return view.status === 'running' && view.progress.rowsRead > 0;
          });
        } finally {
          await probe.close();
        }
        await server.kill();

        const killed = await statusOf();
        assert.equal(killed.status, 'running', 'the kill landed before the import committed');
        const afterKill = await filedCount(store);
        assert.equal(afterKill.reports, ROWS, 'no report created');
        assert.ok(afterKill.filed === 0 || afterKill.filed === ROWS, `all or nothing, found ${afterKill.filed} of ${ROWS} filed`);
        assert.equal(afterKill.filed, 0, 'killed inside its one transaction: nothing applied');

        server = await startServer(config, folder.path);
        try {
          await waitFor('the job to be taken back and the import done', async () => (await statusOf()).status === 'done', 120_000);
        } finally {
          await server.stop();
        }
        const record = await store.db.selectFrom('imports').selectAll().where('id', '=', importId).executeTakeFirstOrThrow();
        assert.deepEqual([record.attempts, record.rows_total, record.reports_filed, record.reports_unchanged], [2, ROWS, ROWS, 0], 'the second run filed everything');
        assert.deepEqual(await filedCount(store), { filed: ROWS, reports: ROWS });
        const byImport = await store.db.selectFrom('dynamic_reports').select((eb) => eb.fn.countAll<number>().as('n')).where('import_id', '=', importId).executeTakeFirstOrThrow();
        assert.equal(Number(byImport.n), ROWS);
        const applied = await store.db.selectFrom('audit_events').select('id').where('action', '=', 'import.applied').execute();
        assert.equal(applied.length, 1);
        assert.equal((await verifyAuditChain(store)).ok, true);
        const job = await store.db.selectFrom('jobs').select(['status', 'attempts']).where('kind', '=', 'imports.run').executeTakeFirstOrThrow();
        assert.deepEqual([job.status, job.attempts], ['done', 2]);
      } finally {
        await store.close();
        folder.remove();
        await drop();
      }
    });
  });
}
