/**
 * Region scope, for every action: each (state, action, role) of the transition table is
 * allowed for an actor of that role in the application's own region and refused for the
 * same role in another region (a Hubei reviewer on a Jiangxi application, another city,
 * another enterprise, an evaluator without the engagement, an expert off the panel); the
 * other pipeline subjects likewise. Then the same through the commands, on both databases.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Membership, Role, UserActor } from '../../src/domain/actors/actor.ts';
import { allTransitions } from '../../src/domain/applications/transition-table.ts';
import { AppError } from '../../src/domain/errors.ts';
import { can, listRules } from '../../src/policies/index.ts';
import { readApplication } from '../../src/commands/applications/read-application.ts';
import { takeApplicationAction } from '../../src/commands/applications/take-application-action.ts';
import { publishBatch } from '../../src/commands/batches/publish-batch.ts';
import { openNotice } from '../../src/commands/notices/open-notice.ts';
import { removeListEntry } from '../../src/commands/list-entries/remove-list-entry.ts';
import { applicationQueue } from '../../src/store/queries/application-queue.ts';
import { DIALECTS, withDemo } from './pipeline-support.ts';

const member = (m: Partial<Membership> & { role: Role }): Membership => ({ authorityId: null, authorityLevel: null, regionCode: null, enterpriseId: null, evaluatorOrgId: null, ...m });
const user = (userId: number, m: Membership): UserActor => ({ kind: 'user', userId, email: `${userId}@test`, displayName: String(userId), memberships: [m] });

/** For each role: an actor in the Jiangxi application's scope, and the same role elsewhere. */
const PAIRS: Record<Exclude<Role, 'admin'>, [UserActor, UserActor]> = {
  enterprise: [user(1, member({ role: 'enterprise', enterpriseId: 7 })), user(2, member({ role: 'enterprise', enterpriseId: 8 }))],
  city: [user(3, member({ role: 'city', authorityId: 3, authorityLevel: 'city', regionCode: '360400' })), user(4, member({ role: 'city', authorityId: 5, authorityLevel: 'city', regionCode: '420100' }))],
  province: [user(5, member({ role: 'province', authorityId: 2, authorityLevel: 'province', regionCode: '360000' })), user(6, member({ role: 'province', authorityId: 4, authorityLevel: 'province', regionCode: '420000' }))],
  national: [user(7, member({ role: 'national', authorityId: 1, authorityLevel: 'national', regionCode: '000000' })), user(8, member({ role: 'national', authorityId: 4, authorityLevel: 'province', regionCode: '420000' }))],
  evaluator: [user(9, member({ role: 'evaluator', evaluatorOrgId: 11 })), user(10, member({ role: 'evaluator', evaluatorOrgId: 12 }))],
  expert: [user(13, member({ role: 'expert', authorityId: 1 })), user(14, member({ role: 'expert', authorityId: 1 }))],
};

test('every action of the transition table: allowed in scope, refused to the same role from another region', () => {
  let checked = 0;
  for (const { from, transition } of allTransitions()) {
    const subject = { type: 'application', state: from, enterpriseId: 7, provinceCode: '360000', cityCode: '360400', authorityId: 1, evaluatorOrgIds: [11], panelExpertUserIds: [13] };
    for (const role of transition.roles) {
      if (role === 'system' || role === 'admin') {
        // Taken by the scheduler or subscribers only: no signed-in role may.
        for (const [inScope] of Object.values(PAIRS)) assert.equal(can(inScope, transition.action, subject), false, `${from} ${transition.action} by ${inScope.memberships[0]!.role}`);
        continue;
      }
      const [inScope, elsewhere] = PAIRS[role];
      assert.equal(can(inScope, transition.action, subject), true, `${from} ${transition.action} by ${role} in scope`);
      assert.equal(can(elsewhere, transition.action, subject), false, `${from} ${transition.action} by ${role} from elsewhere`);
      checked++;
    }
  }
  assert.ok(checked >= 35, `checked ${checked}`);
});

test('a role may not take another role’s action, even in its own region', () => {
  const subject = { type: 'application', state: 'city_review', enterpriseId: 7, provinceCode: '360000', cityCode: '360400', evaluatorOrgIds: [], panelExpertUserIds: [] };
  assert.equal(can(PAIRS.city[0], 'forward', subject), true);
  assert.equal(can(PAIRS.province[0], 'forward', subject), false);
  assert.equal(can(PAIRS.enterprise[0], 'forward', subject), false);
  assert.equal(can(PAIRS.province[0], 'recommend', subject), false, 'recommend is not an action out of city review');
});

test('the other pipeline subjects are scoped to their authority, enterprise or organisation', () => {
  const ruleSubjects = new Set(listRules().map((r) => r.subjectType));
  for (const type of ['evaluation', 'panel', 'notice', 'objection', 'batch', 'dynamic-report', 'dynamic-report-year', 'list-entry']) assert.ok(ruleSubjects.has(type), type);
  const jiangxiAuthority = { authorityId: 2, enterpriseId: 7, provinceCode: '360000', cityCode: '360400', evaluatorOrgId: 11 };
  const cases: [string, string, Exclude<Role, 'admin'>][] = [
    ['batch', 'publish', 'province'], ['batch', 'create', 'province'], ['notice', 'open', 'province'], ['notice', 'close', 'province'], ['objection', 'decide', 'province'], ['objection', 'read', 'province'],
    ['list-entry', 'remove', 'province'], ['list-entry', 'decide-change', 'province'], ['dynamic-report-year', 'open', 'province'], ['panel', 'create', 'province'],
    ['list-entry', 'request-change', 'enterprise'], ['dynamic-report', 'file', 'enterprise'], ['evaluation', 'engage', 'enterprise'],
    ['evaluation', 'accept', 'evaluator'], ['evaluation', 'sign', 'evaluator'], ['evaluation', 'record-verified-data', 'evaluator'],
    ['dynamic-report', 'read', 'city'], ['evaluation', 'read', 'city'],
  ];
  for (const [type, action, role] of cases) {
    const [inScope, elsewhere] = PAIRS[role];
    assert.equal(can(inScope, action, { type, ...jiangxiAuthority }), true, `${type} ${action} ${role} in scope`);
    assert.equal(can(elsewhere, action, { type, ...jiangxiAuthority }), false, `${type} ${action} ${role} elsewhere`);
  }
});

for (const dialect of DIALECTS) {
  describe(`permissions through the commands on ${dialect.name}`, { skip: dialect.skip }, () => {
    test('a Hubei reviewer can neither read nor act on a Jiangxi application; each queue holds only its own', async () => {
      await withDemo(dialect, async (demo) => {
        const hubei = await demo.as('hubei@demo');
        const city = await demo.as('city@demo');
        const province = await demo.as('province@demo');
        const jiangxiApps = await demo.store.db.selectFrom('applications').select(['id', 'state', 'city_code']).where('province_code', '=', '360000').where('state', '<>', 'draft').orderBy('id').execute();
        for (const application of jiangxiApps) {
          await assert.rejects(readApplication(demo.store, hubei, application.id), (e) => AppError.is(e, 'FORBIDDEN'));
          for (const action of ['forward', 'recommend', 'return', 'reject']) {
            await assert.rejects(takeApplicationAction(demo.store, hubei, { applicationId: application.id, action, reason: '越权操作测试' }), (e) => AppError.is(e, 'FORBIDDEN'), `${application.state} ${action}`);
          }
        }
        const hubeiApp = await demo.store.db.selectFrom('applications').select('id').where('province_code', '=', '420000').executeTakeFirstOrThrow();
        await assert.rejects(readApplication(demo.store, province, hubeiApp.id), (e) => AppError.is(e, 'FORBIDDEN'));
        const hubeiQueue = await applicationQueue(demo.store.db, hubei);
        assert.deepEqual(hubeiQueue.items.map((i) => i.provinceCode), ['420000']);
        const cityQueue = await applicationQueue(demo.store.db, city);
        assert.ok(cityQueue.items.length > 0 && cityQueue.items.every((i) => i.cityCode === '360400'));
        const plantDraft = await demo.store.db.selectFrom('applications').select('id').where('state', '=', 'draft').executeTakeFirstOrThrow();
        await assert.rejects(readApplication(demo.store, city, plantDraft.id), (e) => AppError.is(e, 'FORBIDDEN'), 'reviewers never see drafts');
        const expertQueue = await applicationQueue(demo.store.db, await demo.as('expert@demo'));
        assert.deepEqual(expertQueue.items.map((i) => i.state), ['national_expert_review']);
        const evaluatorQueue = await applicationQueue(demo.store.db, await demo.as('evaluator@demo'));
        assert.deepEqual(evaluatorQueue.items.map((i) => i.state), ['third_party_evaluation']);
      });
    });

    test('batches, notices and list entries of one authority are refused to another', async () => {
      await withDemo(dialect, async (demo) => {
        const hubei = await demo.as('hubei@demo');
        const jiangxiBatch = await demo.store.db.selectFrom('batches').select(['id', 'slug']).where('authority_id', '=', demo.authorities.jiangxi).where('status', '=', 'open').executeTakeFirstOrThrow();
        const jiangxiApp = await demo.store.db.selectFrom('applications').select('id').where('state', '=', 'province_review').where('province_code', '=', '360000').executeTakeFirstOrThrow();
        await assert.rejects(openNotice(demo.store, hubei, { batchId: jiangxiBatch.id, applicationIds: [jiangxiApp.id], today: '2026-11-30' }), (e) => AppError.is(e, 'FORBIDDEN'));
        await assert.rejects(publishBatch(demo.store, hubei, { batch: 'national-factory-2026' }), (e) => AppError.is(e, 'FORBIDDEN'));
        const entry = await demo.store.db.selectFrom('list_entries').select('id').where('authority_id', '=', demo.authorities.jiangxi).where('status', '=', 'listed').executeTakeFirstOrThrow();
        await assert.rejects(removeListEntry(demo.store, hubei, { entryId: entry.id, reasonCode: 'falsified_data' }), (e) => AppError.is(e, 'FORBIDDEN'));
        await assert.rejects(removeListEntry(demo.store, await demo.as('enterprise@demo'), { entryId: entry.id, reasonCode: 'falsified_data' }), (e) => AppError.is(e, 'FORBIDDEN'));
      });
    });
  });
}
