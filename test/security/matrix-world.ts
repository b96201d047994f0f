/**
 * The two regions the permission matrix calls every route in: Jiangxi (where the demo
 * users other than hubei@demo work) and Hubei (where only hubei@demo does). The demo data
 * holds most Jiangxi subjects; the Hubei twins are cloned here from them — every seeded
 * application in each of its states, an engagement with another evaluator organisation,
 * a panel, notices, declared changes — so each route has a subject on both sides.
 */
import { APPLICATION_STATES, type ApplicationState } from '../../src/domain/applications/application-states.ts';
import type { Store } from '../../src/store/store.ts';
import { now } from '../../src/store/store.ts';

export interface World {
  name: 'jiangxi' | 'hubei';
  /** One application per state the demo seeds (draft, city_review, …). */
  applications: Partial<Record<ApplicationState, number>>;
  evaluation: number;
  enterprise: number;
  factory: number;
  listEntry: number;
  change: number;
  notice: number;
  batch: string;
  panel: number;
  certificate: string;
  report: number;
}

export interface MatrixWorlds {
  jiangxi: World;
  hubei: World;
  newsSlug: string;
  contactReference: string;
  webhookId: number;
}

type Table = 'applications' | 'evaluations' | 'evaluator_orgs' | 'expert_panels' | 'notices' | 'entry_changes';

/** Inserts a copy of a row with some columns changed; returns the new id. */
async function cloneRow(db: Store['db'], table: Table, id: number, changes: Record<string, unknown>): Promise<number> {
  const row = (await db.selectFrom(table).selectAll().where('id', '=', id).executeTakeFirstOrThrow()) as Record<string, unknown>;
  const { id: _id, ...columns } = row;
  const inserted = await db.insertInto(table).values({ ...columns, ...changes } as never).returning('id').executeTakeFirstOrThrow();
  return inserted.id;
}

async function firstId(query: Promise<{ id: number } | undefined>, what: string): Promise<number> {
  const row = await query;
  if (row === undefined) throw new Error(`matrix world: no ${what} in the demo data`);
  return row.id;
}

/** Adds the Hubei twins to a store seeded with the demo data and names the subjects of both regions. */
export async function prepareMatrixWorlds(store: Store): Promise<MatrixWorlds> {
  const db = store.db;
  const authority = async (code: string) => firstId(db.selectFrom('authorities').select('id').where('code', '=', code).executeTakeFirst(), `authority ${code}`);
  const [national, jiangxi, hubei] = [await authority('MIIT'), await authority('360000'), await authority('420000')];
  const batchOf = async (authorityId: number) => db.selectFrom('batches').select(['id', 'slug']).where('authority_id', '=', authorityId).where('status', '=', 'open').executeTakeFirstOrThrow();
  const [jiangxiBatch, hubeiBatch] = [await batchOf(jiangxi), await batchOf(hubei)];
  const plant = await firstId(db.selectFrom('enterprises').select('id').orderBy('id').executeTakeFirst(), 'plant');
  const factoryOf = (enterpriseId: number) => firstId(db.selectFrom('factories').select('id').where('enterprise_id', '=', enterpriseId).orderBy('id').executeTakeFirst(), `factory of ${enterpriseId}`);

  // Hubei enterprises without an application of their own, one per cloned application.
  const busy = (await db.selectFrom('applications').select('enterprise_id').execute()).map((r) => r.enterprise_id);
  const hubeiEnterprises = await db.selectFrom('enterprises').select(['id', 'city_code']).where('province_code', '=', '420000').where('city_code', '=', '420100').where('id', 'not in', busy).orderBy('id').limit(12).execute();
  const seeded = await db.selectFrom('applications').selectAll().where('province_code', '=', '360000').orderBy('id').execute();
  const jiangxiApplications: World['applications'] = {};
  const hubeiApplications: World['applications'] = {};
  const clones = new Map<number, { id: number; enterpriseId: number }>();
  {
    for (const [index, application] of seeded.entries()) {
      const state = application.state as ApplicationState;
      if (!APPLICATION_STATES.includes(state) || jiangxiApplications[state] !== undefined) continue;
      jiangxiApplications[state] = application.id;
      const enterprise = hubeiEnterprises[index]!;
      const id = await cloneRow(db, 'applications', application.id, {
        enterprise_id: enterprise.id,
        factory_id: await factoryOf(enterprise.id),
        province_code: '420000',
        city_code: enterprise.city_code,
        authority_id: application.authority_id === jiangxi ? hubei : application.authority_id,
        batch_id: application.batch_id === jiangxiBatch.id ? hubeiBatch.id : application.batch_id,
      });
      hubeiApplications[state] = id;
      clones.set(application.id, { id, enterpriseId: enterprise.id });
    }
  }

  // An engagement with another evaluator organisation, on the Hubei twin of the application under evaluation.
  const engagement = await db.selectFrom('evaluations').selectAll().where('kind', '=', 'third_party').orderBy('id').executeTakeFirstOrThrow();
  const otherOrg = await cloneRow(db, 'evaluator_orgs', engagement.evaluator_org_id!, { name_zh: '另一评价机构（矩阵测试）', name_en: 'Another assessor (matrix test)', credit_code: '91420100MA4MATRIX1', legal_representative_key: 'matrix-test-other-representative' });
  const twin = clones.get(engagement.application_id)!;
  const hubeiEngagement = await cloneRow(db, 'evaluations', engagement.id, { application_id: twin.id, enterprise_id: twin.enterpriseId, evaluator_org_id: otherOrg });

  const panel = await firstId(db.selectFrom('expert_panels').select('id').orderBy('id').executeTakeFirst(), 'panel');
  const hubeiPanel = await cloneRow(db, 'expert_panels', panel, { authority_id: hubei, batch_id: hubeiBatch.id, name: '湖北省评审组（矩阵测试）' });

  const openNotice = await firstId(db.selectFrom('notices').select('id').where('status', '=', 'open').executeTakeFirst(), 'open notice');
  const jiangxiNotice = await cloneRow(db, 'notices', openNotice, { authority_id: jiangxi, batch_id: jiangxiBatch.id });
  const hubeiNotice = await cloneRow(db, 'notices', openNotice, { authority_id: hubei, batch_id: hubeiBatch.id });

  const entryOf = (authorityId: number, provinceCode: string) =>
    db.selectFrom('list_entries').select(['id', 'enterprise_id']).where('authority_id', '=', authorityId).where('province_code', '=', provinceCode).where('status', '=', 'listed').orderBy('id').executeTakeFirstOrThrow();
  const plantEntry = (await db.selectFrom('list_entries').select(['id', 'enterprise_id']).where('enterprise_id', '=', plant).where('authority_id', '=', jiangxi).where('status', '=', 'listed').executeTakeFirst()) ?? (await entryOf(jiangxi, '360000'));
  const hubeiEntry = await entryOf(national, '420000');
  const anyChange = await firstId(db.selectFrom('entry_changes').select('id').orderBy('id').executeTakeFirst(), 'entry change');
  const change = (entry: { id: number; enterprise_id: number }) => cloneRow(db, 'entry_changes', anyChange, { list_entry_id: entry.id, enterprise_id: entry.enterprise_id, kind: 'rename', mode: null, status: 'requested', decided_by: null, decided_at: null, applied_on: null });

  const certificateOf = async (authorityId: number, provinceCode: string) =>
    (await db.selectFrom('certificates as c').innerJoin('list_entries as e', 'e.id', 'c.list_entry_id').select('c.number').where('e.authority_id', '=', authorityId).where('e.province_code', '=', provinceCode).where('c.status', '<>', 'revoked').orderBy('c.id').executeTakeFirstOrThrow()).number;
  const reportOf = async (provinceCode: string, enterpriseId?: number) => {
    const query = db.selectFrom('dynamic_reports as r').innerJoin('enterprises as e', 'e.id', 'r.enterprise_id').select('r.id').where('e.province_code', '=', provinceCode);
    return (await (enterpriseId === undefined ? query : query.where('r.enterprise_id', '=', enterpriseId)).orderBy('r.id').executeTakeFirst())?.id;
  };
  const hubeiEnterprise = hubeiEnterprises[0]!.id;

  const newsSlug = (await db.selectFrom('news_items').select('slug').orderBy('id').executeTakeFirstOrThrow()).slug;
  const contactReference = 'MSG-20261130-MATRIX';
  await db.insertInto('contact_messages').values({ kind: 'contact', full_name: '矩阵测试', email: 'matrix@example.test', organisation: null, subject: '矩阵测试', body: '权限矩阵测试留言。', lang: 'zh-CN', client_key: 'matrix', reference: contactReference, created_at: now(), handled_at: null }).execute();
  const webhook = await db.insertInto('webhook_subscriptions').values({ url: 'https://receiver.example/matrix', secret: 'sealed-matrix-secret', events: JSON.stringify(['batch.published']), description: 'matrix', active: 1, created_by: null, created_at: now(), deactivated_at: null } as never).returning('id').executeTakeFirstOrThrow();

  return {
    jiangxi: {
      name: 'jiangxi',
      applications: jiangxiApplications,
      evaluation: engagement.id,
      enterprise: plant,
      factory: await factoryOf(plant),
      listEntry: plantEntry.id,
      change: await change(plantEntry),
      notice: jiangxiNotice,
      batch: jiangxiBatch.slug,
      panel,
      certificate: await certificateOf(jiangxi, '360000'),
      report: (await reportOf('360000', plant)) ?? (await reportOf('360000'))!,
    },
    hubei: {
      name: 'hubei',
      applications: hubeiApplications,
      evaluation: hubeiEngagement,
      enterprise: hubeiEnterprise,
      factory: await factoryOf(hubeiEnterprise),
      listEntry: hubeiEntry.id,
      change: await change(hubeiEntry),
      notice: hubeiNotice,
      batch: hubeiBatch.slug,
      panel: hubeiPanel,
      certificate: await certificateOf(national, '420000'),
      report: (await reportOf('420000'))!,
    },
    newsSlug,
    contactReference,
    webhookId: webhook.id,
  };
}

const ROLLBACK = Symbol('rollback');

/**
 * The store with every transaction rolled back once `rollingBack.on` is set: an allowed
 * call that would change something (a publication, a transition) leaves the data as it
 * was, so every caller of the matrix meets the same subjects in the same states.
 */
export function rollingBack(store: Store): Store & { on: boolean } {
  const wrapped: Store & { on: boolean } = {
    ...store,
    on: false,
    async transaction(work) {
      if (!wrapped.on) return store.transaction(work);
      let result: Awaited<ReturnType<typeof work>> | undefined;
      try {
        await store.db.transaction().execute(async (trx) => {
          result = await work(trx);
          throw ROLLBACK;
        });
      } catch (error) {
        if (error !== ROLLBACK) throw error;
      }
      return result as Awaited<ReturnType<typeof work>>;
    },
  };
  return wrapped;
}
