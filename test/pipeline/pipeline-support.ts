/**
 * Shared set-up for the pipeline tests: the demo data set (loaded as of a fixed day), the
 * demo users as actors, the silicone plant, and small builders for what the demo lacks
 * (a Hubei enterprise's application, objections filed straight into the table).
 */
import { createHash } from 'node:crypto';
import type { Actor, UserActor } from '../../src/domain/actors/actor.ts';
import { seedDemo } from '../../src/commands/seed/seed-demo.ts';
import { findUserByEmail, insertMembership, insertUser, loadUserActor } from '../../src/store/repositories/users.ts';
import { now, type Store } from '../../src/store/store.ts';
import { DIALECTS, withTestStore, type TestDialect } from '../support/stores.ts';
import '../../src/commands/jobs/handlers.ts';
import '../../src/commands/events/subscribers.ts';

export { DIALECTS };

/** The day the demo is loaded: the 2026 notice is open; the 2027 batch takes applications. */
export const SEED_DAY = '2026-11-30';

export const SYSTEM: Actor = { kind: 'system', label: 'test' };

export interface Demo {
  store: Store;
  as(email: string): Promise<UserActor>;
  plantId: number;
  plantFactoryId: number;
  authorities: { national: number; jiangxi: number; jiujiang: number; hubei: number; wuhan: number };
  evaluatorOrgId: number;
  programmeId: number;
  /** Adds an expert user from a region, with its profile; returns the actor. */
  addExpert(email: string, regionCode: string): Promise<UserActor>;
}

export async function withDemo<T>(dialect: TestDialect, work: (demo: Demo) => Promise<T>): Promise<T> {
  return withTestStore(dialect, async (store) => {
    await seedDemo(store, { today: SEED_DAY });
    const byCode = async (code: string) => (await store.db.selectFrom('authorities').select('id').where('code', '=', code).executeTakeFirstOrThrow()).id;
    const plant = await store.db.selectFrom('enterprises').select('id').where('name_zh', '=', '江西蓝星星火有机硅有限公司').executeTakeFirstOrThrow();
    const factory = await store.db.selectFrom('factories').select('id').where('enterprise_id', '=', plant.id).orderBy('id').executeTakeFirstOrThrow();
    const org = await store.db.selectFrom('evaluator_orgs').select('id').orderBy('id').executeTakeFirstOrThrow();
    const programme = await store.db.selectFrom('programmes').select('id').where('code', '=', 'green_factory').executeTakeFirstOrThrow();
    const as = async (email: string) => loadUserActor(store.db, (await findUserByEmail(store.db, email))!);
    const national = await byCode('MIIT');
    const demo: Demo = {
      store,
      as,
      plantId: plant.id,
      plantFactoryId: factory.id,
      authorities: { national, jiangxi: await byCode('360000'), jiujiang: await byCode('360400'), hubei: await byCode('420000'), wuhan: await byCode('420100') },
      evaluatorOrgId: org.id,
      programmeId: programme.id,
      async addExpert(email, regionCode) {
        const template = await findUserByEmail(store.db, 'expert@demo');
        const user = await insertUser(store.db, { email, passwordHash: template!.password_hash, displayName: email });
        await insertMembership(store.db, { userId: user.id, role: 'expert', authorityId: national });
        await store.db.insertInto('expert_profiles').values({ user_id: user.id, region_code: regionCode, organisation: 'test', created_at: now() }).execute();
        return as(email);
      },
    };
    return work(demo);
  });
}

/** Files an objection straight into the table (filing is the public site's command). */
export async function insertObjection(store: Store, input: { noticeId: number; noticeEntryId: number; caseNumber: string }): Promise<number> {
  const entry = await store.db.selectFrom('notice_entries').select('enterprise_id').where('id', '=', input.noticeEntryId).executeTakeFirstOrThrow();
  const row = await store.db
    .insertInto('objections')
    .values({ notice_id: input.noticeId, notice_entry_id: input.noticeEntryId, enterprise_id: entry.enterprise_id, case_number: input.caseNumber, full_name: '张三', contact: 'zhang@example.cn', reason: '该企业2025年发生过未报告的泄漏事件', evidence_file_id: null, status: 'received', outcome_note: null, handled_by: null, handled_at: null, client_key: createHash('sha256').update(input.caseNumber).digest('hex').slice(0, 32), created_at: now() })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** A membership-only user (reviewers of a region, evaluators of another organisation …). */
export async function addUser(store: Store, email: string, membership: Parameters<typeof insertMembership>[1] extends infer M ? Omit<M & object, 'userId'> : never): Promise<UserActor> {
  const template = await findUserByEmail(store.db, 'expert@demo');
  const user = await insertUser(store.db, { email, passwordHash: template!.password_hash, displayName: email });
  await insertMembership(store.db, { userId: user.id, ...membership });
  return loadUserActor(store.db, user);
}
