/**
 * One factory-year as the workspace shows it: the declared document (or none yet), whether
 * an application holds it fixed, and the framework and answers a live score uses (those
 * of the factory-year's application when there is one, else the default framework).
 */
import type { Actor } from '../../domain/actors/actor.ts';
import { DEFAULT_FRAMEWORK_ID, getFramework, type Framework } from '../../engine/index.ts';
import type { Row } from '../../store/schema.ts';
import type { Store } from '../../store/store.ts';
import { detailsOf, type SelfEvaluation } from '../applications/application-records.ts';
import { frameworkById } from '../batches/pin-framework.ts';
import { can } from '../../policies/index.ts';
import { annualDataSubject, checkYear, loadFactoryFor, lockingApplication } from './annual-data-records.ts';

export interface AnnualDataView {
  factory: Row<'factories'>;
  enterprise: Row<'enterprises'>;
  year: number;
  document: unknown | null;
  updatedAt: string | null;
  /** The application that fixes these data, if any (then the form is read-only). */
  lockedBy: { id: number; state: string } | null;
  /** The application for this factory-year whose framework and answers score the live preview. */
  application: { id: number; state: string; frameworkLabel: string } | null;
  framework: Framework;
  answers: SelfEvaluation | null;
  editable: boolean;
}

export async function readAnnualData(store: Store, actor: Actor, input: { factoryId: number; year: number }): Promise<AnnualDataView> {
  checkYear(input.year);
  const db = store.db;
  const { factory, enterprise } = await loadFactoryFor(db, actor, input.factoryId, 'read');
  const stored = await db.selectFrom('annual_data').select(['document', 'updated_at']).where('enterprise_id', '=', enterprise.id).where('factory_id', '=', factory.id).where('year', '=', input.year).where('kind', '=', 'declared').executeTakeFirst();
  const lockedBy = (await lockingApplication(db, factory, input.year)) ?? null;
  const application = await db
    .selectFrom('applications as a')
    .leftJoin('batches as b', 'b.id', 'a.batch_id')
    .select(['a.id', 'a.state', 'a.details', 'b.framework_id'])
    .where('a.enterprise_id', '=', enterprise.id)
    .where('a.factory_id', '=', factory.id)
    .where('a.data_year', '=', input.year)
    .orderBy('a.id', 'desc')
    .executeTakeFirst();
  const frameworkId = application?.framework_id ?? DEFAULT_FRAMEWORK_ID;
  const framework = application?.framework_id ? frameworkById(application.framework_id) : getFramework(frameworkId);
  return {
    factory,
    enterprise,
    year: input.year,
    document: stored === undefined ? null : JSON.parse(stored.document),
    updatedAt: stored?.updated_at ?? null,
    lockedBy,
    application: application === undefined ? null : { id: application.id, state: application.state, frameworkLabel: `${framework.nameZh} ${framework.version}` },
    framework,
    answers: application === undefined ? null : detailsOf({ details: application.details }).selfEvaluation,
    editable: lockedBy === null && can(actor, 'write', annualDataSubject(enterprise)),
  };
}
