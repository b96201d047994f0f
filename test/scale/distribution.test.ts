/**
 * No query needs a join that a table distributed by enterprise could not run on Citus
 * (docs/decisions/006): the main journeys' test files run again in a child process with
 * every query's SQL logged, and each statement's joins between distributed tables must be
 * on the distribution columns. (Citus itself cannot be installed here; stack.md §2.)
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { nonColocatedJoins } from './distribution-rules.ts';

const root = new URL('../../', import.meta.url).pathname;
const JOURNEYS = ['test/pipeline/national-path-http.test.ts', 'test/public/public-pages.test.ts', 'test/ehs/ehs-api.test.ts', 'test/certificates/certificate-http.test.ts', 'test/workspace/review-screens.test.ts', 'test/workspace/enterprise-screens.test.ts'];

test('the checker recognises co-located and non-co-located joins', () => {
  assert.deepEqual(nonColocatedJoins('select * from "list_entries" as "e" inner join "batches" as "b" on "b"."id" = "e"."batch_id"'), []);
  assert.deepEqual(nonColocatedJoins('select * from "list_entries" as "e" inner join "enterprises" as "x" on "x"."id" = "e"."enterprise_id"'), []);
  assert.deepEqual(nonColocatedJoins('select * from "list_entries" as "e" inner join "certificates" as "c" on "c"."list_entry_id" = "e"."id" and "c"."enterprise_id" = "e"."enterprise_id"'), []);
  assert.deepEqual(nonColocatedJoins('select * from "list_entries" as "e" inner join "certificates" as "c" on "c"."list_entry_id" = "e"."id" where "e"."status" = ?'), ['certificates joined to list_entries without "c"."enterprise_id" = "e"."enterprise_id"']);
});

test('every join the main journeys run is co-located on the enterprise', () => {
  const directory = mkdtempSync(join(tmpdir(), 'greenlist-sql-'));
  const log = join(directory, 'queries.sql');
  try {
    const environment: NodeJS.ProcessEnv = { ...process.env, GREENLIST_SQL_LOG: log };
    delete environment.GREENLIST_TEST_PG_URL;
    delete environment.NODE_TEST_CONTEXT;
    const child = spawnSync(process.execPath, ['--import', 'tsx', '--test', '--test-reporter=dot', ...JOURNEYS], { cwd: root, env: environment, encoding: 'utf8', timeout: 300_000 });
    assert.equal(child.status, 0, `the journeys must pass first:\n${child.stdout}\n${child.stderr}`);
    const statements = [...new Set(readFileSync(log, 'utf8').split('\n').filter((line) => /^\s*select|\bjoin\b/i.test(line)))];
    assert.ok(statements.length > 100, `expected the journeys to run many distinct queries, got ${statements.length}`);
    const problems = statements.flatMap((statement) => nonColocatedJoins(statement).map((problem) => `${problem}\n    in: ${statement.slice(0, 300)}`));
    assert.deepEqual([...new Set(problems)], []);
  } finally {
    rmSync(directory, { recursive: true, force: true });
  }
});
