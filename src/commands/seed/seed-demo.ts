/**
 * Loads the deterministic demo data set (`greenlist seed --demo`, and `npm start` on an
 * empty embedded database). One transaction: a failure leaves the database empty.
 */
import type { Config } from '../../config/env.ts';
import { AppError } from '../../domain/errors.ts';
import { todayInShanghai } from '../../domain/calendar/plain-date.ts';
import { demoAnnualData, DEMO_YEARS } from '../../domain/demo/demo-annual-data.ts';
import { demoEnterprises } from '../../domain/demo/demo-enterprises.ts';
import { demoNews } from '../../domain/demo/demo-news.ts';
import { appendAuditEvent } from '../../store/repositories/audit-events.ts';
import { insertEnterprise, insertFactory } from '../../store/repositories/enterprises.ts';
import { writeMeta } from '../../store/queries/site-state.ts';
import { now, retryWhileBusy, type Executor, type Store } from '../../store/store.ts';
import { seedDemoLists, type SeededEnterprise } from './demo-lists.ts';
import { seedDemoClosedNotice } from './demo-closed-notice.ts';
import { demoUserSpecs, hashDemoPasswords, seedAuthorities, seedEvaluatorOrg, seedProgrammes, seedUsers } from './demo-organisation.ts';
import { annualDataColumns } from './annual-data-columns.ts';
import { seedDemoPipeline } from './demo-pipeline.ts';
import { seedDemoCertificates } from './demo-certificates.ts';
import { seedDemoEhs } from './demo-ehs.ts';
import { syncFrameworks } from '../frameworks/sync-frameworks.ts';

export interface SeedReport {
  enterprises: number;
  factories: number;
  annualData: number;
  batches: number;
  listEntries: number;
  noticeEntries: number;
  users: number;
  news: number;
}

export async function seedDemo(store: Store, options: { today?: string } = {}): Promise<SeedReport> {
  const today = options.today ?? todayInShanghai();
  await refuseUnlessEmpty(store.db);
  const enterprises = demoEnterprises();
  const hashes = await hashDemoPasswords(8);
  await syncFrameworks(store);
  return store.transaction(async (trx) => {
    // Again inside the transaction: another process may have seeded in the meantime.
    await refuseUnlessEmpty(trx);
    const authorities = await seedAuthorities(trx);
    const programmes = await seedProgrammes(trx);
    const evaluatorOrgId = await seedEvaluatorOrg(trx);
    const seeded: SeededEnterprise[] = [];
    const idsByKey = new Map<string, number>();
    let factories = 0;
    let annualData = 0;
    const at = now();
    for (const demo of enterprises) {
      const enterprise = await insertEnterprise(trx, { ...demo, isDemo: true });
      idsByKey.set(demo.key, enterprise.id);
      let firstFactoryId: number | undefined;
      for (const factory of demo.factories) {
        const row = await insertFactory(trx, { enterpriseId: enterprise.id, nameZh: factory.nameZh, nameEn: factory.nameEn, regionCode: factory.regionCode, address: factory.address, siteAreaM2: factory.siteAreaM2 });
        firstFactoryId ??= row.id;
        factories++;
        for (const year of DEMO_YEARS) {
          const document = demoAnnualData(demo, factory, year);
          await trx
            .insertInto('annual_data')
            .values({ enterprise_id: enterprise.id, factory_id: row.id, year, kind: 'declared', document: JSON.stringify(document), ...annualDataColumns(document), created_at: at, updated_at: at })
            .execute();
          annualData++;
        }
      }
      seeded.push({ id: enterprise.id, factoryId: firstFactoryId!, nameZh: demo.nameZh, nameEn: demo.nameEn, provinceCode: demo.provinceCode, cityCode: demo.cityCode, industryCode: demo.industryCode });
    }
    const specs = demoUserSpecs(authorities, seeded[0]!.id, evaluatorOrgId);
    await seedUsers(trx, specs, hashes);
    const lists = await seedDemoLists(trx, { authorities, programmeId: programmes.get('green_factory')!, enterprises: seeded, today });
    await seedDemoClosedNotice(trx);
    await seedDemoPipeline(trx, store.capabilities, { authorities, programmes, evaluatorOrgId, enterprises: seeded, today });
    await seedDemoCertificates({ trx, store, actor: { kind: 'system', label: 'seed' } });
    await seedDemoEhs(trx, store.capabilities, { enterprises: seeded, today });
    const news = demoNews();
    for (const item of news) {
      await trx
        .insertInto('news_items')
        .values({ slug: item.slug, lang: item.lang, title: item.title, summary: item.summary, body: item.body, author: item.author, published_at: new Date(item.publishedAt).toISOString(), enterprise_id: item.enterpriseKey === undefined ? null : (idsByKey.get(item.enterpriseKey) ?? null), province_code: item.provinceCode ?? null, programme_code: item.programmeCode, is_demo: 1, created_at: at, updated_at: at })
        .execute();
    }
    await writeMeta(trx, 'demo', '1');
    await writeMeta(trx, 'demo_seeded_on', today);
    await appendAuditEvent(trx, store.capabilities, { actorUserId: null, actorLabel: 'seed', action: 'demo.seeded', subjectType: 'database', subjectId: 'demo', enterpriseId: null, data: { enterprises: enterprises.length, today } });
    return { enterprises: enterprises.length, factories, annualData, batches: lists.batches, listEntries: lists.listEntries, noticeEntries: lists.noticeEntries, users: specs.length, news: news.length };
  });
}

async function refuseUnlessEmpty(db: Executor): Promise<void> {
  const existing = await db.selectFrom('enterprises').select('id').limit(1).executeTakeFirst();
  if (existing !== undefined) throw new AppError('CONFLICT', 'the database already holds enterprises; the demo data set loads only into an empty database');
}

/**
 * The embedded default loads the demo by itself when empty, unless GREENLIST_DEMO=0.
 * Processes starting at once on one empty file take turns (the write lock): one seeds,
 * the others find the data there.
 */
export async function seedDemoIfEmpty(store: Store, config: Config): Promise<boolean> {
  if (config.database.kind !== 'sqlite' || !config.demo) return false;
  try {
    await retryWhileBusy(() => seedDemo(store));
    return true;
  } catch (error) {
    if (AppError.is(error, 'CONFLICT')) return false;
    throw error;
  }
}
