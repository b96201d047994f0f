/**
 * Dynamic management on both databases: the EHS register's negative-list event removes
 * every listed entry of the enterprise at once (authority notified) and stops its
 * applications; removals for other reasons and approved renames wait for the next annual
 * publication and show in its diff; dynamic reports fall overdue by the job table; an
 * edited audit row is named by `audit verify`.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { publishBatch } from '../../src/commands/batches/publish-batch.ts';
import { closeNotice } from '../../src/commands/notices/close-notice.ts';
import { raiseDomainEvent } from '../../src/commands/events/domain-events.ts';
import { runDueJobs } from '../../src/commands/jobs/job-runner.ts';
import { removeListEntry } from '../../src/commands/list-entries/remove-list-entry.ts';
import { requestEntryChange } from '../../src/commands/list-entries/request-entry-change.ts';
import { decideEntryChange } from '../../src/commands/list-entries/decide-entry-change.ts';
import { openDynamicReports } from '../../src/commands/dynamic-reports/open-dynamic-reports.ts';
import { fileDynamicReport } from '../../src/commands/dynamic-reports/file-dynamic-report.ts';
import { verifyAuditChain } from '../../src/commands/audit/verify-audit-chain.ts';
import { todayInShanghai } from '../../src/domain/calendar/plain-date.ts';
import { AppError } from '../../src/domain/errors.ts';
import { batchDiff } from '../../src/store/queries/batch-diff.ts';
import { now } from '../../src/store/store.ts';
import { addUser, DIALECTS, SYSTEM, withDemo } from './pipeline-support.ts';

for (const dialect of DIALECTS) {
  describe(`dynamic management on ${dialect.name}`, { skip: dialect.skip }, () => {
    test('a 重大 accident recorded in the EHS register removes every listed entry at once and stops applications in the pipeline', async () => {
      await withDemo(dialect, async (demo) => {
        const { store } = demo;
        const inReview = await store.db.selectFrom('applications').select(['id', 'enterprise_id']).where('state', '=', 'city_review').orderBy('id').executeTakeFirstOrThrow();
        const raise = (enterpriseId: number) =>
          store.transaction(async (trx) => {
            const event = await trx.insertInto('ehs_events').values({ enterprise_id: enterpriseId, factory_id: null, kind: 'accident', category: 'safety', severity: 'major', occurred_on: '2026-11-20', title: '重大生产安全事故（示例）', details: '{}', status: 'open', negative_list_until: '2029-11-20', created_at: now() }).returning(['id', 'created_at']).executeTakeFirstOrThrow();
            await raiseDomainEvent({ trx, store, actor: SYSTEM }, 'enterprise.negative-listed', { enterpriseId, eventId: event.id, until: '2029-11-20', reason: '2026-11-20 重大生产安全事故' });
            return todayInShanghai(new Date(event.created_at));
          });
        const recordedOn = await raise(demo.plantId);
        const entries = await store.db.selectFrom('list_entries').select(['status', 'removal_mode', 'removed_on', 'removal_reason', 'authority_id']).where('enterprise_id', '=', demo.plantId).orderBy('id').execute();
        assert.equal(entries.length, 2, 'national 4th batch and Jiangxi 2nd batch');
        for (const entry of entries) {
          assert.deepEqual([entry.status, entry.removal_mode, entry.removed_on], ['removed', 'immediate', recordedOn]);
          assert.match(entry.removal_reason!, /^发生重大及以上安全事故 \/ a major \(重大\) or worse safety accident: 2026-11-20/);
        }
        const notifications = await store.db.selectFrom('jobs').select('payload').where('kind', '=', 'authority.notify').execute();
        assert.deepEqual(notifications.map((n) => JSON.parse(n.payload).authorityId).sort(), [demo.authorities.national, demo.authorities.jiangxi].sort());
        await runDueJobs(store, { at: new Date(Date.now() + 60_000).toISOString() });
        const delivered = await store.db.selectFrom('audit_events').select('data').where('action', '=', 'authority.notified').execute();
        assert.equal(delivered.length, 2);

        await raise(inReview.enterprise_id);
        const vetoed = await store.db.selectFrom('applications').select('state').where('id', '=', inReview.id).executeTakeFirstOrThrow();
        assert.equal(vetoed.state, 'rejected');
        const lastEvent = await store.db.selectFrom('application_events').select(['action', 'actor_role', 'reason']).where('application_id', '=', inReview.id).orderBy('id', 'desc').executeTakeFirstOrThrow();
        assert.deepEqual(lastEvent, { action: 'veto', actor_role: 'system', reason: '2026-11-20 重大生产安全事故' });
        assert.equal((await verifyAuditChain(store)).ok, true);
      });
    });

    test('an immediate reason removes now; an annual one and an approved rename wait for the next national publication and show in its diff', async () => {
      await withDemo(dialect, async (demo) => {
        const { store } = demo;
        const national = await demo.as('national@demo');
        const listed = await store.db.selectFrom('list_entries').select(['id', 'enterprise_id', 'name_zh']).where('authority_id', '=', demo.authorities.national).where('status', '=', 'listed').where('enterprise_id', '<>', demo.plantId).orderBy('id').limit(3).execute();
        const [quality, falsified, renamed] = listed;
        await removeListEntry(store, national, { entryId: quality!.id, reasonCode: 'major_quality_accident', note: '重大质量事故', today: '2026-12-01' });
        assert.equal((await store.db.selectFrom('list_entries').select('status').where('id', '=', quality!.id).executeTakeFirstOrThrow()).status, 'removed');
        await removeListEntry(store, national, { entryId: falsified!.id, reasonCode: 'falsified_data', note: '2025年度能耗数据造假', today: '2026-12-01' });
        await assert.rejects(removeListEntry(store, national, { entryId: falsified!.id, reasonCode: 'falsified_data' }), (e) => AppError.is(e, 'CONFLICT'));
        assert.equal((await store.db.selectFrom('list_entries').select('status').where('id', '=', falsified!.id).executeTakeFirstOrThrow()).status, 'listed', 'stays listed until the next publication');

        // The enterprise declares its new name; the ministry approves; the list says so at publication.
        const owner = await addUser(store, 'owner@test', { role: 'enterprise', enterpriseId: renamed!.enterprise_id });
        const newName = renamed!.name_zh.replace('有限公司', '股份有限公司');
        const change = await requestEntryChange(store, owner, { entryId: renamed!.id, kind: 'rename', nameZh: newName });
        await assert.rejects(decideEntryChange(store, await demo.as('hubei@demo'), { changeId: change.id, decision: 'approve' }), (e) => AppError.is(e, 'FORBIDDEN'));
        await decideEntryChange(store, national, { changeId: change.id, decision: 'approve', today: '2026-12-01' });

        const notice = await store.db.selectFrom('notices').selectAll().where('status', '=', 'open').executeTakeFirstOrThrow();
        await closeNotice(store, national, { noticeId: notice.id, today: '2026-12-31' });
        const published = await publishBatch(store, national, { batch: 'national-factory-2026', today: '2027-01-20' });
        const diff = (await batchDiff(store.db, published.batchId))!;
        assert.equal(diff.added.length, 14);
        const removedIds = diff.removed.map((r) => r.entryId);
        assert.ok(removedIds.includes(falsified!.id));
        assert.ok(!removedIds.includes(quality!.id), 'the immediate removal was published when it happened');
        assert.match(diff.removed.find((r) => r.entryId === falsified!.id)!.reason, /数据弄虚作假 \/ falsified data: 2025年度能耗数据造假/);
        // The demo's unfiled 2025 reports (every sixth entry) leave with this publication too.
        assert.ok(diff.removed.some((r) => r.reason.startsWith('未按期填报动态管理表')));
        assert.deepEqual(diff.renamed.map((r) => [r.entryId, r.from, r.nameZh]), [[renamed!.id, renamed!.name_zh, newName]]);
        const enterprise = await store.db.selectFrom('enterprises').select('name_zh').where('id', '=', renamed!.enterprise_id).executeTakeFirstOrThrow();
        assert.equal(enterprise.name_zh, newName);
      });
    });

    test('dynamic reports: opened for the year, filed on time or late, flagged overdue the day after the deadline', async () => {
      await withDemo(dialect, async (demo) => {
        const { store } = demo;
        const national = await demo.as('national@demo');
        const opened = await openDynamicReports(store, national, { authorityId: demo.authorities.national, year: 2026 });
        assert.equal(opened.dueOn, '2027-04-15');
        assert.equal((await openDynamicReports(store, national, { authorityId: demo.authorities.national, year: 2026 })).created, 0, 'idempotent');
        const reports = await store.db.selectFrom('dynamic_reports').selectAll().where('year', '=', 2026).orderBy('id').limit(2).execute();
        const [onTime, late] = reports;
        const owners = new Map<number, Awaited<ReturnType<typeof addUser>>>();
        const ownerOf = async (enterpriseId: number) => owners.get(enterpriseId) ?? owners.set(enterpriseId, await addUser(store, `owner-${enterpriseId}@test`, { role: 'enterprise', enterpriseId })).get(enterpriseId)!;
        const document = (year: number, enterpriseId: number) => store.db.selectFrom('annual_data').select('document').where('enterprise_id', '=', enterpriseId).where('year', '=', 2025).executeTakeFirstOrThrow().then((r) => ({ ...JSON.parse(r.document), year }));
        await assert.rejects(fileDynamicReport(store, await ownerOf(onTime!.enterprise_id), { reportId: onTime!.id, document: await document(2025, onTime!.enterprise_id), today: '2027-03-01' }), (e) => AppError.is(e, 'VALIDATION') && e.path === 'document.year');
        await assert.rejects(fileDynamicReport(store, national, { reportId: onTime!.id, today: '2027-03-01' }), (e) => AppError.is(e, 'FORBIDDEN'));
        assert.equal((await fileDynamicReport(store, await ownerOf(onTime!.enterprise_id), { reportId: onTime!.id, document: await document(2026, onTime!.enterprise_id), today: '2027-04-15' })).status, 'filed');

        await runDueJobs(store, { at: '2027-04-15T15:59:59.000Z' });
        assert.equal((await store.db.selectFrom('dynamic_reports').select('status').where('id', '=', late!.id).executeTakeFirstOrThrow()).status, 'due');
        await runDueJobs(store, { at: '2027-04-15T16:00:00.000Z' });
        const flagged = await store.db.selectFrom('dynamic_reports').select(['status', 'flag_reason']).where('id', '=', late!.id).executeTakeFirstOrThrow();
        assert.deepEqual(flagged, { status: 'overdue', flag_reason: 'not filed by 2027-04-15 / 未在2027-04-15前填报' });
        const pending = () => store.db.selectFrom('entry_changes').select('status').where('list_entry_id', '=', late!.list_entry_id).where('reason_code', '=', 'unfiled_dynamic_report').where('details', 'like', `%"reportId":${late!.id}%`).executeTakeFirstOrThrow();
        assert.equal((await pending()).status, 'approved');
        assert.equal((await fileDynamicReport(store, await ownerOf(late!.enterprise_id), { reportId: late!.id, document: await document(2026, late!.enterprise_id), today: '2027-05-02' })).status, 'filed_late');
        assert.equal((await pending()).status, 'cancelled', 'filed late: no longer removed for an unfiled report');
        const runAgain = await store.db.selectFrom('dynamic_reports').select('status').where('year', '=', 2026).where('status', '=', 'overdue').execute();
        await runDueJobs(store, { at: '2027-04-20T00:00:00.000Z' });
        assert.equal((await store.db.selectFrom('dynamic_reports').select('status').where('year', '=', 2026).where('status', '=', 'overdue').execute()).length, runAgain.length);
      });
    });

    test('an edited audit row is named by audit verify (command and CLI)', async () => {
      await withDemo(dialect, async (demo) => {
        const { store } = demo;
        const target = await store.db.selectFrom('audit_events').select(['id', 'stream', 'seq']).where('action', '=', 'application.forward').orderBy('id').executeTakeFirstOrThrow();
        assert.equal((await verifyAuditChain(store)).ok, true);
        await store.db.updateTable('audit_events').set({ data: '{"from":"city_review","to":"province_review","reason":"改过"}' }).where('id', '=', target.id).execute();
        const result = await verifyAuditChain(store);
        assert.equal(result.ok, false);
        assert.deepEqual([result.firstProblem?.eventId, result.firstProblem?.problem, result.firstProblem?.stream], [target.id, 'edited', target.stream]);
        if (store.config.kind === 'sqlite') {
          const cli = spawnSync(process.execPath, [join(new URL('../../', import.meta.url).pathname, 'bin/greenlist.js'), 'audit', 'verify'], { env: { ...process.env, DATABASE_URL: `sqlite:${store.config.path}` }, encoding: 'utf8' });
          assert.equal(cli.status, 5, cli.stderr);
          assert.match(cli.stdout, new RegExp(`audit chain BROKEN in stream ${target.stream} at sequence ${target.seq} \\(event id ${target.id}\\): edited`));
        }
      });
    });
  });
}
