/**
 * The chain end to end on the demo data, both databases: a 重大 accident recorded in the
 * silicone plant's register puts it on the negative list; in the same transaction the
 * pipeline removes its listed entries at once (certificates revoked, authorities
 * notified), and submitting its application is vetoed by the engine.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { DIALECTS, withTestStore } from '../support/stores.ts';
import { AppError } from '../../src/domain/errors.ts';
import type { UserActor } from '../../src/domain/actors/actor.ts';
import { seedDemo } from '../../src/commands/seed/seed-demo.ts';
import { recordAccident } from '../../src/commands/ehs/record-accident.ts';
import { submitApplication } from '../../src/commands/applications/submit-application.ts';
import { verifyAuditChain } from '../../src/commands/audit/verify-audit-chain.ts';

const TODAY = '2026-11-30';

for (const dialect of DIALECTS) {
  describe(`accident → negative list → removal and veto on ${dialect.name}`, { skip: dialect.skip }, () => {
    test('a 重大 accident removes the listed plant immediately and vetoes its application', async () => {
      await withTestStore(dialect, async (store) => {
        await seedDemo(store, { today: TODAY });
        const plant = await store.db.selectFrom('enterprises').select('id').where('name_zh', '=', '江西蓝星星火有机硅有限公司').executeTakeFirstOrThrow();
        const actor: UserActor = { kind: 'user', userId: 7, email: 'enterprise@demo', displayName: '填报员', memberships: [{ role: 'enterprise', enterpriseId: plant.id, authorityId: null, authorityLevel: null, regionCode: null, evaluatorOrgId: null }] };
        const listedBefore = await store.db.selectFrom('list_entries').select(['id', 'status']).where('enterprise_id', '=', plant.id).execute();
        assert.ok(listedBefore.length >= 2 && listedBefore.every((e) => e.status === 'listed'), 'the plant is on the national and the Jiangxi list');

        const recorded = await recordAccident(store, actor, { enterpriseId: plant.id, occurredOn: '2026-11-20', category: 'safety', grade: 'major', title: '精馏塔检修闪爆', deaths: 10, reportedTo: '九江市应急管理局' }, { today: TODAY });
        assert.equal(recorded.negativeListUntil, '2029-11-20');

        const entries = await store.db.selectFrom('list_entries').select(['id', 'status', 'removal_mode', 'removal_reason', 'authority_id']).where('enterprise_id', '=', plant.id).execute();
        assert.ok(entries.every((e) => e.status === 'removed' && e.removal_mode === 'immediate'), 'every listed entry removed at once');
        assert.ok(entries.every((e) => e.removal_reason?.includes('精馏塔检修闪爆')), 'the reason names the accident');
        const certificates = await store.db.selectFrom('certificates').select('status').where('enterprise_id', '=', plant.id).execute();
        assert.ok(certificates.every((c) => c.status === 'revoked'), 'certificates revoked');
        const notices = (await store.db.selectFrom('jobs').select('payload').where('kind', '=', 'authority.notify').execute()).map((j) => JSON.parse(j.payload) as { entryId: number; subject: string });
        for (const entry of entries) assert.ok(notices.some((n) => n.entryId === entry.id && n.subject === 'immediate-removal'), `authority notified for entry ${entry.id}`);

        const application = await store.db.selectFrom('applications').select(['id', 'state']).where('enterprise_id', '=', plant.id).executeTakeFirstOrThrow();
        await assert.rejects(submitApplication(store, actor, { applicationId: application.id, today: TODAY }), (e) => AppError.is(e, 'RULE_VIOLATION') && /负面清单/.test(e.message));
        assert.equal((await verifyAuditChain(store)).ok, true);
      });
    });
  });
}
