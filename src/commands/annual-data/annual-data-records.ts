/**
 * Loading a factory for the annual-data commands: the factory with its enterprise, the
 * policy subject, and whether an application rests on a year. Once an application for a
 * factory-year is submitted, its declared data are what the pinned score, the evaluator's
 * comparison and the reviewers' decisions stand on: they change again only if the
 * application is returned (or ends without a listing).
 */
import type { Actor } from '../../domain/actors/actor.ts';
import { AppError, notFound } from '../../domain/errors.ts';
import { authorize, type Subject } from '../../policies/index.ts';
import type { Row } from '../../store/schema.ts';
import type { Executor } from '../../store/store.ts';

/** States in which the declared data of the application's factory-year may still change. */
export const EDITABLE_APPLICATION_STATES: readonly string[] = ['draft', 'returned', 'rejected', 'withdrawn'];

export interface FactoryRecord {
  factory: Row<'factories'>;
  enterprise: Row<'enterprises'>;
}

export function annualDataSubject(enterprise: Row<'enterprises'>): Subject {
  return { type: 'annual-data', enterpriseId: enterprise.id, provinceCode: enterprise.province_code, cityCode: enterprise.city_code };
}

/** The factory and its enterprise; authorizes `action` ('read' or 'write') on the enterprise's annual data. */
export async function loadFactoryFor(db: Executor, actor: Actor, factoryId: number, action: 'read' | 'write'): Promise<FactoryRecord> {
  const factory = await db.selectFrom('factories').selectAll().where('id', '=', factoryId).executeTakeFirst();
  if (factory === undefined) throw notFound(`factory ${factoryId}`);
  const enterprise = await db.selectFrom('enterprises').selectAll().where('id', '=', factory.enterprise_id).executeTakeFirstOrThrow();
  authorize(actor, action, annualDataSubject(enterprise));
  return { factory, enterprise };
}

/** The application that holds the factory-year's declared data fixed, if any. */
export async function lockingApplication(db: Executor, factory: Row<'factories'>, year: number): Promise<{ id: number; state: string } | undefined> {
  return db
    .selectFrom('applications')
    .select(['id', 'state'])
    .where('enterprise_id', '=', factory.enterprise_id)
    .where('factory_id', '=', factory.id)
    .where('data_year', '=', year)
    .where('state', 'not in', [...EDITABLE_APPLICATION_STATES])
    .orderBy('id', 'desc')
    .executeTakeFirst();
}

export function lockedError(year: number, application: { id: number; state: string }): AppError {
  return new AppError('RULE_VIOLATION', `The ${year} data are part of application ${application.id} (${application.state}); they can change only if it is returned / ${year}年度数据已随申请${application.id}提交，退回修改后方可更改`, { path: 'year', details: { applicationId: application.id, state: application.state } });
}

export function checkYear(year: number): void {
  if (!Number.isInteger(year) || year < 1990 || year > 2100) throw new AppError('VALIDATION', `year: must be a year from 1990 to 2100 / 年度须在1990至2100之间`, { path: 'year' });
}
