/** Live counts for the home page: enterprises, and listed entries per batch and tier. */
import { sql } from 'kysely';
import type { Executor } from '../store.ts';

export interface BatchFigure {
  batchId: number;
  slug: string;
  nameZh: string;
  nameEn: string;
  tier: string;
  year: number;
  programmeCode: string;
  programmeNameZh: string;
  programmeNameEn: string;
  authorityNameZh: string;
  authorityNameEn: string;
  publishedOn: string | null;
  listed: number;
}

export interface ProgrammeFigures {
  enterprises: number;
  listedByTier: Record<string, number>;
  batches: BatchFigure[];
}

const LISTED = ['listed', 'renamed'];

export async function programmeFigures(db: Executor): Promise<ProgrammeFigures> {
  const enterprises = await db.selectFrom('enterprises').select(sql<number>`count(*)`.as('n')).executeTakeFirstOrThrow();
  const byTier = await db
    .selectFrom('list_entries')
    .select(['tier', sql<number>`count(*)`.as('n')])
    .where('status', 'in', LISTED)
    .groupBy('tier')
    .execute();
  const batches = await db
    .selectFrom('batches as b')
    .innerJoin('programmes as p', 'p.id', 'b.programme_id')
    .innerJoin('authorities as a', 'a.id', 'b.authority_id')
    .leftJoin('list_entries as e', (join) => join.onRef('e.batch_id', '=', 'b.id').on('e.status', 'in', LISTED))
    .select([
      'b.id as batchId',
      'b.slug',
      'b.name_zh as nameZh',
      'b.name_en as nameEn',
      'b.tier',
      'b.year',
      'b.published_on as publishedOn',
      'p.code as programmeCode',
      'p.name_zh as programmeNameZh',
      'p.name_en as programmeNameEn',
      'a.name_zh as authorityNameZh',
      'a.name_en as authorityNameEn',
      sql<number>`count(e.id)`.as('listed'),
    ])
    .where('b.status', '=', 'published')
    .groupBy(['b.id', 'b.slug', 'b.name_zh', 'b.name_en', 'b.tier', 'b.year', 'b.published_on', 'p.code', 'p.name_zh', 'p.name_en', 'a.name_zh', 'a.name_en'])
    .orderBy('b.published_on', 'desc')
    .orderBy('b.id', 'desc')
    .execute();
  return {
    enterprises: Number(enterprises.n),
    listedByTier: Object.fromEntries(byTier.map((r) => [r.tier, Number(r.n)])),
    batches: batches.map((b) => ({ ...b, listed: Number(b.listed) })),
  };
}
