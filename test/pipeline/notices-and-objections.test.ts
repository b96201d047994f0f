/**
 * 公示 on both databases: provincial notices of 5 working days end on the right day around
 * National Day and the Spring Festival (chinese-days holidays and 调休 make-up days) and are
 * closed by the job table exactly then; an upheld objection takes the entry out of the
 * batch; a dismissed one lets it pass once decided; outcomes are public once closed.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createBatch } from '../../src/commands/batches/create-batch.ts';
import { publishBatch } from '../../src/commands/batches/publish-batch.ts';
import { runDueJobs } from '../../src/commands/jobs/job-runner.ts';
import { closeNotice } from '../../src/commands/notices/close-notice.ts';
import { openNotice } from '../../src/commands/notices/open-notice.ts';
import { decideObjection } from '../../src/commands/objections/decide-objection.ts';
import { AppError } from '../../src/domain/errors.ts';
import { batchDiff } from '../../src/store/queries/batch-diff.ts';
import { listObjectionOutcomes } from '../../src/store/queries/public-notices.ts';
import { DIALECTS, insertObjection, withDemo, type Demo } from './pipeline-support.ts';

async function provinceReviewApplications(demo: Demo): Promise<number[]> {
  const rows = await demo.store.db.selectFrom('applications').select('id').where('state', '=', 'province_review').where('province_code', '=', '360000').orderBy('id').execute();
  return rows.map((r) => r.id);
}

const stateOf = async (demo: Demo, id: number) => (await demo.store.db.selectFrom('applications').select('state').where('id', '=', id).executeTakeFirstOrThrow()).state;
const noticeStatus = async (demo: Demo, id: number) => (await demo.store.db.selectFrom('notices').select('status').where('id', '=', id).executeTakeFirstOrThrow()).status;

for (const dialect of DIALECTS) {
  describe(`notices and objections on ${dialect.name}`, { skip: dialect.skip }, () => {
    test('a 5-working-day provincial notice opened Monday 2026-09-28 ends Friday 10-09 and closes at midnight after it', async () => {
      await withDemo(dialect, async (demo) => {
        const province = await demo.as('province@demo');
        const [applicationId] = await provinceReviewApplications(demo);
        const batch = await demo.store.db.selectFrom('batches').select('id').where('authority_id', '=', demo.authorities.jiangxi).where('status', '=', 'open').executeTakeFirstOrThrow();
        const notice = await openNotice(demo.store, province, { batchId: batch.id, applicationIds: [applicationId!], opensOn: '2026-09-28', today: '2026-09-28' });
        // 09-28, 09-29, 09-30 are working days; 10-01…10-07 the National Day holiday; 10-08 and 10-09 complete five.
        assert.deepEqual([notice.closes_on, notice.days, notice.day_kind], ['2026-10-09', 5, 'working']);
        assert.equal(await stateOf(demo, applicationId!), 'provincial_notice');
        await assert.rejects(closeNotice(demo.store, province, { noticeId: notice.id, today: '2026-10-09' }), (e) => AppError.is(e, 'RULE_VIOLATION'));
        await runDueJobs(demo.store, { at: '2026-10-09T15:59:59.999Z' });
        assert.equal(await noticeStatus(demo, notice.id), 'open');
        await runDueJobs(demo.store, { at: '2026-10-09T16:00:00.000Z' });
        assert.equal(await noticeStatus(demo, notice.id), 'closed');
        assert.equal(await stateOf(demo, applicationId!), 'provincially_approved');
        // Running the job or the command again changes nothing.
        assert.equal((await closeNotice(demo.store, province, { noticeId: notice.id, today: '2026-10-12' })).alreadyClosed, true);
      });
    });

    test('a notice opened on 2026-02-20, inside the Spring Festival holiday, ends on the make-up Saturday 02-28', async () => {
      await withDemo(dialect, async (demo) => {
        const province = await demo.as('province@demo');
        const [, applicationId] = await provinceReviewApplications(demo);
        const batch = await createBatch(demo.store, province, { programmeCode: 'green_factory', year: 2026, frameworkId: 'gbt36132-2025' });
        assert.equal(batch.slug, 'jiangxi-factory-2026');
        const notice = await openNotice(demo.store, province, { batchId: batch.id, applicationIds: [applicationId!], opensOn: '2026-02-20', today: '2026-02-20' });
        // 02-20 … 02-23 are holidays; 02-24, 25, 26, 27 are four working days; Saturday 02-28 is a 调休 working day, the fifth.
        assert.equal(notice.closes_on, '2026-02-28');
        await runDueJobs(demo.store, { at: '2026-02-28T15:59:59.999Z' });
        assert.equal(await noticeStatus(demo, notice.id), 'open');
        await runDueJobs(demo.store, { at: '2026-02-28T16:00:00.000Z' });
        assert.equal(await noticeStatus(demo, notice.id), 'closed');
      });
    });

    test('an upheld objection takes the entry out of the batch; a dismissed one passes; outcomes are published when the notice closes', async () => {
      await withDemo(dialect, async (demo) => {
        const province = await demo.as('province@demo');
        const [first, second] = await provinceReviewApplications(demo);
        const batch = await demo.store.db.selectFrom('batches').select(['id', 'slug']).where('authority_id', '=', demo.authorities.jiangxi).where('status', '=', 'open').executeTakeFirstOrThrow();
        const notice = await openNotice(demo.store, province, { batchId: batch.id, applicationIds: [first!, second!], opensOn: '2026-11-30', today: '2026-11-30' });
        const entries = await demo.store.db.selectFrom('notice_entries').select(['id', 'application_id']).where('notice_id', '=', notice.id).orderBy('position').execute();
        const upheldId = await insertObjection(demo.store, { noticeId: notice.id, noticeEntryId: entries[0]!.id, caseNumber: 'OBJ-2026-T-0001' });
        const dismissedId = await insertObjection(demo.store, { noticeId: notice.id, noticeEntryId: entries[1]!.id, caseNumber: 'OBJ-2026-T-0002' });

        // Decided during the notice: the entry leaves the batch at once.
        await decideObjection(demo.store, province, { objectionId: upheldId, outcome: 'upheld', note: '经核查，该企业2025年发生未报告的泄漏事件，异议成立。', today: '2026-12-01' });
        assert.equal(await stateOf(demo, first!), 'rejected');
        assert.deepEqual(await listObjectionOutcomes(demo.store.db, notice.id).then((o) => o.map((x) => x.status)), ['upheld']);

        // The other case is still open when the notice closes: its entry waits in objection handling.
        const closed = await closeNotice(demo.store, province, { noticeId: notice.id, today: '2026-12-08' });
        assert.deepEqual([closed.passed, closed.withObjections, closed.outcomesPublished], [0, 1, 1]);
        assert.equal(await stateOf(demo, second!), 'provincial_objections');
        await assert.rejects(publishBatch(demo.store, province, { batch: batch.slug, today: '2026-12-09' }), (e) => AppError.is(e, 'RULE_VIOLATION'));

        await decideObjection(demo.store, province, { objectionId: dismissedId, outcome: 'dismissed', note: '经核查，举报事项与事实不符，异议不成立。', today: '2026-12-09' });
        assert.equal(await stateOf(demo, second!), 'provincially_approved');
        await assert.rejects(decideObjection(demo.store, province, { objectionId: dismissedId, outcome: 'upheld', note: '再次处理同一异议' }), (e) => AppError.is(e, 'CONFLICT'));

        const published = await publishBatch(demo.store, province, { batch: batch.slug, today: '2026-12-10' });
        const diff = (await batchDiff(demo.store.db, published.batchId))!;
        const listedApplications = await demo.store.db.selectFrom('list_entries').select('application_id').where('batch_id', '=', published.batchId).execute();
        assert.deepEqual(listedApplications.map((e) => e.application_id), [second]);
        assert.equal(diff.added.length, 1);
        assert.equal(await stateOf(demo, second!), 'provincially_listed');
        const statuses = await demo.store.db.selectFrom('notice_entries').select('status').where('notice_id', '=', notice.id).orderBy('position').execute();
        assert.deepEqual(statuses.map((s) => s.status), ['removed', 'listed']);
        assert.equal((await publishBatch(demo.store, province, { batch: batch.slug, today: '2026-12-11' })).alreadyPublished, true);
      });
    });

    test('objection cases are decided only by the notice’s own authority', async () => {
      await withDemo(dialect, async (demo) => {
        const notice = await demo.store.db.selectFrom('notices').select('id').where('status', '=', 'open').executeTakeFirstOrThrow();
        const entry = await demo.store.db.selectFrom('notice_entries').select('id').where('notice_id', '=', notice.id).orderBy('position').executeTakeFirstOrThrow();
        const objectionId = await insertObjection(demo.store, { noticeId: notice.id, noticeEntryId: entry.id, caseNumber: 'OBJ-2026-T-0009' });
        for (const email of ['province@demo', 'hubei@demo', 'city@demo', 'enterprise@demo']) {
          await assert.rejects(decideObjection(demo.store, await demo.as(email), { objectionId, outcome: 'dismissed', note: '不属于本部门处理的异议' }), (e) => AppError.is(e, 'FORBIDDEN'), email);
        }
        const decided = await decideObjection(demo.store, await demo.as('national@demo'), { objectionId, outcome: 'upheld', note: '异议成立，移出本批次公示名单。' });
        assert.equal(decided.status, 'upheld');
        const removed = await demo.store.db.selectFrom('notice_entries').select('status').where('id', '=', entry.id).executeTakeFirstOrThrow();
        assert.equal(removed.status, 'removed');
      });
    });
  });
}
