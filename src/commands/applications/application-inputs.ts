/** Checks shared by creating and editing an application: the factory is the enterprise's; the batch fits. */
import { AppError, invalid } from '../../domain/errors.ts';
import type { Executor } from '../../store/store.ts';

/** Green factories apply per factory (AnnualData is per factory-year); other list types may name none. */
export async function checkFactoryOf(db: Executor, enterpriseId: number, programmeCode: string, factoryId: number | null): Promise<number | null> {
  if (factoryId === null) {
    if (programmeCode !== 'green_factory') return null;
    const first = await db.selectFrom('factories').select('id').where('enterprise_id', '=', enterpriseId).orderBy('id').executeTakeFirst();
    if (first === undefined) throw invalid('factoryId', 'the enterprise has no factory registered / 企业尚未登记工厂');
    return first.id;
  }
  const factory = await db.selectFrom('factories').select('id').where('id', '=', factoryId).where('enterprise_id', '=', enterpriseId).executeTakeFirst();
  if (factory === undefined) throw invalid('factoryId', `factory ${factoryId} is not one of the enterprise's / 非本企业工厂`);
  return factory.id;
}

/** A batch takes applications while it is open, for its own programme, tier and authority. */
export async function checkBatchForApplication(db: Executor, batchId: number, expected: { programmeId: number; tier: string; authorityId: number }) {
  const batch = await db.selectFrom('batches').selectAll().where('id', '=', batchId).executeTakeFirst();
  if (batch === undefined) throw invalid('batchId', `no batch ${batchId}`);
  if (batch.programme_id !== expected.programmeId || batch.tier !== expected.tier || batch.authority_id !== expected.authorityId) {
    throw invalid('batchId', `batch ${batch.slug} is not a ${expected.tier} batch of this programme and authority / 批次与申报类别、层级或主管部门不符`);
  }
  if (batch.status !== 'open') throw new AppError('RULE_VIOLATION', `Batch ${batch.slug} no longer takes applications (${batch.status}) / 该批次已停止受理`, { path: 'batchId' });
  return batch;
}
