/**
 * The workspace's own commands and read models, on both databases: counts in each
 * reviewer's scope, deadlines of the next 30 days, the year's data saved with its audit
 * (and refused once an application rests on it), evidence only while editable, and an
 * expert seeing the panel's consensus only once every member has scored.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { saveAnnualData } from '../../src/commands/annual-data/save-annual-data.ts';
import { attachEvidence } from '../../src/commands/applications/attach-evidence.ts';
import { takeApplicationAction } from '../../src/commands/applications/take-application-action.ts';
import { verifyAuditChain } from '../../src/commands/audit/verify-audit-chain.ts';
import { readExpertAssignments } from '../../src/commands/experts/read-expert-assignments.ts';
import { submitExpertReview } from '../../src/commands/experts/submit-expert-review.ts';
import { AppError } from '../../src/domain/errors.ts';
import type { FileStore } from '../../src/store/files/file-store.ts';
import { applicationStateCounts, upcomingDeadlines } from '../../src/store/queries/workspace/pipeline-counts.ts';
import { quotaRows } from '../../src/store/queries/workspace/authority-work.ts';
import { DIALECTS, SEED_DAY, withDemo } from '../pipeline/pipeline-support.ts';

const PDF = Buffer.from('%PDF-1.7\n%test evidence\n');

/** A file store that keeps nothing on disk: rows only (enough for the commands' rules). */
const memoryFiles: FileStore = {
  save: (trx, file) => trx.insertInto('files').values({ enterprise_id: file.enterpriseId, sha256: 'x'.repeat(64), original_name: file.originalName, media_type: file.mediaType, size: file.bytes.byteLength, storage_key: 'memory', created_at: new Date().toISOString() }).returningAll().executeTakeFirstOrThrow(),
  read: async () => Buffer.alloc(0),
};

for (const dialect of DIALECTS) {
  describe(`workspace commands on ${dialect.name}`, { skip: dialect.skip }, () => {
    test('counts by state follow each reviewer’s scope; deadlines come within 30 days', async () => {
      await withDemo(dialect, async (demo) => {
        // The demo pipeline (demo-pipeline.ts): Jiujiang has 2 in city review, 1 in third-party
        // evaluation, 1 in province review (provincial) and 1 recommended; Jiangxi outside
        // Jiujiang 1 in province review and 1 in national expert review; Hubei 1 in province review.
        assert.deepEqual(await applicationStateCounts(demo.store.db, await demo.as('city@demo')), { city_review: 2, province_review: 1, recommended: 1, third_party_evaluation: 1 });
        assert.deepEqual(await applicationStateCounts(demo.store.db, await demo.as('hubei@demo')), { province_review: 1 });
        const national = await applicationStateCounts(demo.store.db, await demo.as('national@demo'));
        assert.equal(national.draft, undefined, 'reviewers never see drafts');
        assert.equal(Object.values(national).reduce((a, b) => a + b, 0), 8);
        // The open 2026 notice (seeded on 2026-11-26 or so) closes within 30 days of the seeding day; the 2027 batches' deadlines do not.
        const deadlines = await upcomingDeadlines(demo.store.db, await demo.as('national@demo'), { today: SEED_DAY });
        assert.deepEqual(deadlines.map((d) => d.kind), ['notice']);
        assert.ok(deadlines[0]!.date > SEED_DAY && deadlines[0]!.date <= '2026-12-30');
        assert.deepEqual(await upcomingDeadlines(demo.store.db, await demo.as('evaluator@demo'), { today: SEED_DAY }), []);
      });
    });

    test('quotas by city: the batch’s applications by stage beside the configured places', async () => {
      await withDemo(dialect, async (demo) => {
        const batch = await demo.store.db.selectFrom('batches').select('id').where('slug', '=', 'national-factory-2027').executeTakeFirstOrThrow();
        const rows = await quotaRows(demo.store.db, { level: 'province', regionCode: '360000', batchId: batch.id, quotas: { '360400': 3, '360100': 1 } });
        // National batch, Jiangxi: Jiujiang holds 1 city review + 1 third-party (in review) and 1 recommended;
        // the other Jiangxi applications of the batch are in province review (forwarded) and national expert review (recommended stage).
        const jiujiang = rows.find((r) => r.regionCode === '360400')!;
        assert.deepEqual([jiujiang.inReview, jiujiang.forwarded, jiujiang.recommended, jiujiang.quota], [2, 0, 1, 3]);
        assert.ok(rows.some((r) => r.regionCode === '360100' && r.quota === 1), 'a configured city without applications is listed');
      });
    });

    test('the year’s data are saved with an audit event, then refused once the application is submitted', async () => {
      await withDemo(dialect, async (demo) => {
        const enterprise = await demo.as('enterprise@demo');
        const document = { year: 2025, gridRegion: 'central', energy: [{ carrier: 'electricity', quantity: 1000, unit: 'kWh' }] };
        const row = await saveAnnualData(demo.store, enterprise, { factoryId: demo.plantFactoryId, year: 2025, document, source: 'workbook' });
        // 1 000 kWh × 0.1229 kgce/kWh = 122.9 kgce = 0.1229 tce.
        assert.equal(row.energy_tce, 0.1229);
        const audit = await demo.store.db.selectFrom('audit_events').select(['action', 'data']).where('subject_type', '=', 'annual-data').execute();
        assert.deepEqual(audit.map((a) => [a.action, JSON.parse(a.data).source]), [['annual-data.updated', 'workbook']]);
        await assert.rejects(saveAnnualData(demo.store, await demo.as('hubei@demo'), { factoryId: demo.plantFactoryId, year: 2025, document }), (e) => AppError.is(e, 'FORBIDDEN'));
        await assert.rejects(saveAnnualData(demo.store, enterprise, { factoryId: demo.plantFactoryId, year: 2024, document }), (e) => AppError.is(e, 'VALIDATION') && e.path === 'year');
        const draft = await demo.store.db.selectFrom('applications').select('id').where('enterprise_id', '=', demo.plantId).executeTakeFirstOrThrow();
        await attachEvidence(demo.store, enterprise, { applicationId: draft.id, indicatorId: 'energy.energy-intensity', file: { bytes: PDF, originalName: '能源审计报告.pdf' } }, { files: memoryFiles });
        await takeApplicationAction(demo.store, enterprise, { applicationId: draft.id, action: 'submit', today: SEED_DAY });
        await assert.rejects(saveAnnualData(demo.store, enterprise, { factoryId: demo.plantFactoryId, year: 2025, document }), (e) => AppError.is(e, 'RULE_VIOLATION'));
        await assert.rejects(attachEvidence(demo.store, enterprise, { applicationId: draft.id, indicatorId: 'energy.energy-intensity', file: { bytes: PDF, originalName: 'late.pdf' } }, { files: memoryFiles }), (e) => AppError.is(e, 'INVALID_TRANSITION'));
        const details = JSON.parse((await demo.store.db.selectFrom('applications').select('details').where('id', '=', draft.id).executeTakeFirstOrThrow()).details);
        assert.deepEqual(Object.keys(details.evidence), ['energy.energy-intensity'], 'the evidence survived the submission');
        assert.equal((await verifyAuditChain(demo.store)).ok, true);
      });
    });

    test('an expert sees the panel’s consensus only once every member has scored', async () => {
      await withDemo(dialect, async (demo) => {
        const [first, second, third] = [await demo.as('expert@demo'), await demo.as('expert2@demo'), await demo.as('expert3@demo')];
        const [assignment] = await readExpertAssignments(demo.store, first);
        assert.ok(assignment !== undefined && assignment.consensus === null);
        for (const [expert, score] of [[first, 70], [second, 64]] as const) await submitExpertReview(demo.store, expert, { panelId: assignment.panelId, applicationId: assignment.applicationId, kind: 'score', score, comment: '指标基本达标。' });
        assert.equal((await readExpertAssignments(demo.store, first))[0]!.consensus, null, 'one expert still to score');
        await submitExpertReview(demo.store, third, { panelId: assignment.panelId, applicationId: assignment.applicationId, kind: 'score', score: 40, comment: '数据存疑，建议退回。' });
        const settled = (await readExpertAssignments(demo.store, first))[0]!.consensus!;
        // Median of 40, 64, 70 = 64 ≥ 60: passed; 40 lies 24 from it (> 15): dissent.
        assert.deepEqual([settled.passed, settled.score, settled.dissent.map((d) => d.score)], [true, 64, [40]]);
        await assert.rejects(readExpertAssignments(demo.store, await demo.as('city@demo')), (e) => AppError.is(e, 'FORBIDDEN'));
      });
    });
  });
}
