/**
 * The enterprise saves the declared AnnualData of one factory-year (typed in the form or
 * uploaded as the workbook): validated by the engine, stored with its indexed columns,
 * audited. Refused while an application under review or listed rests on that year.
 */
import { actorLabel, actorUserId, type Actor } from '../../domain/actors/actor.ts';
import { invalid } from '../../domain/errors.ts';
import { parseAnnualData, type AnnualData } from '../../engine/index.ts';
import { appendAuditEvent } from '../../store/repositories/audit-events.ts';
import type { Row } from '../../store/schema.ts';
import { now, type Store } from '../../store/store.ts';
import { annualDataColumns } from '../seed/annual-data-columns.ts';
import { checkYear, loadFactoryFor, lockedError, lockingApplication } from './annual-data-records.ts';

export interface SaveAnnualDataInput {
  factoryId: number;
  year: number;
  /** AnnualData v1; its `year` must be the factory-year's. */
  document: unknown;
  /** Where the values came from, for the audit trail. */
  source?: 'form' | 'workbook' | 'api';
}

export async function saveAnnualData(store: Store, actor: Actor, input: SaveAnnualDataInput): Promise<Row<'annual_data'>> {
  checkYear(input.year);
  const data: AnnualData = parseAnnualData(input.document);
  if (data.year !== input.year) throw invalid('year', `the data are for ${data.year}, not ${input.year} / 数据年度与所填年度不符`);
  const columns = annualDataColumns(data);
  return store.transaction(async (trx) => {
    const { factory } = await loadFactoryFor(trx, actor, input.factoryId, 'write');
    const locking = await lockingApplication(trx, factory, input.year);
    if (locking !== undefined) throw lockedError(input.year, locking);
    const existing = await store.capabilities
      .forUpdate(trx.selectFrom('annual_data').select('id').where('enterprise_id', '=', factory.enterprise_id).where('factory_id', '=', factory.id).where('year', '=', input.year).where('kind', '=', 'declared'))
      .executeTakeFirst();
    const at = now();
    const document = JSON.stringify(data);
    const row = existing === undefined
      ? await trx.insertInto('annual_data').values({ enterprise_id: factory.enterprise_id, factory_id: factory.id, year: input.year, kind: 'declared', document, ...columns, created_at: at, updated_at: at }).returningAll().executeTakeFirstOrThrow()
      : await trx.updateTable('annual_data').set({ document, ...columns, updated_at: at }).where('id', '=', existing.id).returningAll().executeTakeFirstOrThrow();
    await appendAuditEvent(trx, store.capabilities, {
      actorUserId: actorUserId(actor),
      actorLabel: actorLabel(actor),
      action: existing === undefined ? 'annual-data.created' : 'annual-data.updated',
      subjectType: 'annual-data',
      subjectId: `${factory.id}:${input.year}`,
      enterpriseId: factory.enterprise_id,
      data: { factoryId: factory.id, year: input.year, source: input.source ?? 'api', energyTce: columns.energy_tce, co2eT: columns.co2e_t, energyLines: data.energy.length },
    });
    return row;
  });
}
