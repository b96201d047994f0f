/**
 * A small programme for certificate tests: the demo's authorities and programmes, a few
 * enterprises with valid credit codes, and batches whose list entries are inserted
 * directly (as the pipeline's publish command would) before batch.published is raised.
 */
import type { Actor } from '../../src/domain/actors/actor.ts';
import { composeCreditCode } from '../../src/domain/credit-code/make-credit-code.ts';
import { raiseDomainEvent } from '../../src/commands/events/domain-events.ts';
import '../../src/commands/events/subscribers.ts';
import { bindServerSecret } from '../../src/commands/certificates/server-secret.ts';
import { DEMO_PASSWORD, demoUserSpecs, hashDemoPasswords, seedAuthorities, seedProgrammes, seedUsers, type DemoAuthorities } from '../../src/commands/seed/demo-organisation.ts';
import { insertEnterprise, insertFactory } from '../../src/store/repositories/enterprises.ts';
import { now, type Store } from '../../src/store/store.ts';

export const TEST_SECRET = 'certificate-test-secret-0123456789abcdef';
export const PUBLISHER: Actor = { kind: 'system', label: 'test-publisher' };

export interface Programme {
  authorities: DemoAuthorities;
  programmeId: number;
  enterpriseIds: number[];
}

/** Authorities, programmes and `count` enterprises in 九江 (the first is the silicone plant). */
export async function seedProgramme(store: Store, count: number): Promise<Programme> {
  bindServerSecret(store, TEST_SECRET);
  return store.transaction(async (trx) => {
    const authorities = await seedAuthorities(trx);
    const programmes = await seedProgrammes(trx);
    const enterpriseIds: number[] = [];
    for (let i = 0; i < count; i++) {
      const nameZh = i === 0 ? '江西蓝星星火有机硅有限公司' : `江西测试${i}化工有限公司`;
      const enterprise = await insertEnterprise(trx, {
        creditCode: composeCreditCode({ regionCode: '360400', organizationBody: `7055${String(1000 + i).padStart(4, '0')}` }),
        nameZh,
        nameEn: i === 0 ? 'Jiangxi Bluestar Xinghuo Silicones Co., Ltd.' : `Jiangxi Test ${i} Chemicals`,
        industryCode: '2614',
        provinceCode: '360000',
        cityCode: '360400',
        regionCode: '360425',
        address: '',
        legalRepresentative: '',
      });
      await insertFactory(trx, { enterpriseId: enterprise.id, nameZh: `${nameZh}一厂`, nameEn: 'Plant 1', regionCode: '360425', address: '', siteAreaM2: null });
      enterpriseIds.push(enterprise.id);
    }
    return { authorities, programmeId: programmes.get('green_factory')!, enterpriseIds };
  });
}

/** A batch with its entries listed (status 'published'), without raising anything. */
export async function insertPublishedBatch(store: Store, programme: Programme, input: { slug: string; year: number; publishedOn: string; enterpriseIds: readonly number[]; authority?: keyof DemoAuthorities }): Promise<{ batchId: number; entryIds: number[] }> {
  const authorityId = programme.authorities[input.authority ?? 'national'];
  const tier = input.authority === undefined || input.authority === 'national' ? 'national' : input.authority === 'jiangxi' || input.authority === 'hubei' ? 'province' : 'city';
  return store.transaction(async (trx) => {
    const batch = await trx
      .insertInto('batches')
      .values({ programme_id: programme.programmeId, authority_id: authorityId, tier, slug: input.slug, name_zh: `${input.year}年度绿色工厂名单`, name_en: `Green factories, ${input.year} list`, ordinal: null, year: input.year, notice_number: null, framework_id: null, status: 'published', recommend_deadline: null, published_on: input.publishedOn, timeline: '{}', created_at: now() })
      .returning('id')
      .executeTakeFirstOrThrow();
    const entryIds: number[] = [];
    for (const enterpriseId of input.enterpriseIds) {
      const enterprise = await trx.selectFrom('enterprises').selectAll().where('id', '=', enterpriseId).executeTakeFirstOrThrow();
      const factory = await trx.selectFrom('factories').select('id').where('enterprise_id', '=', enterpriseId).executeTakeFirstOrThrow();
      const entry = await trx
        .insertInto('list_entries')
        .values({ batch_id: batch.id, programme_id: programme.programmeId, tier, authority_id: authorityId, enterprise_id: enterpriseId, factory_id: factory.id, application_id: null, name_zh: enterprise.name_zh, name_en: enterprise.name_en, province_code: enterprise.province_code, city_code: enterprise.city_code, industry_code: enterprise.industry_code, status: 'listed', listed_on: input.publishedOn, removed_on: null, removal_reason: null, removal_mode: null, renamed_from: null, renamed_on: null, created_at: now() })
        .returning('id')
        .executeTakeFirstOrThrow();
      entryIds.push(entry.id);
    }
    return { batchId: batch.id, entryIds };
  });
}

/** What the pipeline's publish does for certificates: raise batch.published in the publication's transaction. */
export async function raiseBatchPublished(store: Store, batchId: number, entryIds: number[], publishedOn: string): Promise<void> {
  await store.transaction((trx) => raiseDomainEvent({ trx, store, actor: PUBLISHER }, 'batch.published', { batchId, entryIds, publishedOn }));
}

/** Removes an entry the way the pipeline does: the row changes and entry.removed is raised in one transaction. */
export async function removeEntry(store: Store, entryId: number, reason: string, removedOn: string): Promise<void> {
  await store.transaction(async (trx) => {
    const entry = await trx.updateTable('list_entries').set({ status: 'removed', removed_on: removedOn, removal_reason: reason, removal_mode: 'immediate' }).where('id', '=', entryId).returningAll().executeTakeFirstOrThrow();
    await raiseDomainEvent({ trx, store, actor: PUBLISHER }, 'entry.removed', { entryId, enterpriseId: entry.enterprise_id, batchId: entry.batch_id, reason, mode: 'immediate', removedOn });
  });
}

export async function renameEntry(store: Store, entryId: number, to: string, renamedOn: string): Promise<void> {
  await store.transaction(async (trx) => {
    const before = await trx.selectFrom('list_entries').selectAll().where('id', '=', entryId).executeTakeFirstOrThrow();
    await trx.updateTable('list_entries').set({ status: 'renamed', renamed_from: before.name_zh, renamed_on: renamedOn, name_zh: to }).where('id', '=', entryId).execute();
    await raiseDomainEvent({ trx, store, actor: PUBLISHER }, 'entry.renamed', { entryId, enterpriseId: before.enterprise_id, from: before.name_zh, to, renamedOn });
  });
}

/** admin@demo, national@demo and province@demo (password DEMO_PASSWORD) for HTTP tests. */
export async function seedAuthorityUsers(store: Store, programme: Programme): Promise<void> {
  const specs = demoUserSpecs(programme.authorities, programme.enterpriseIds[0]!, 0).filter((s) => ['admin@demo', 'national@demo', 'province@demo'].includes(s.email));
  const hashes = await hashDemoPasswords(specs.length);
  await store.transaction((trx) => seedUsers(trx, specs, hashes));
}

export { DEMO_PASSWORD };
