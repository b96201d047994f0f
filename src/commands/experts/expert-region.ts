/** Experts may not review entries of their own region where the authority says so (authority settings). */
import { AppError } from '../../domain/errors.ts';
import type { Executor } from '../../store/store.ts';
import { authoritySettingsOf } from '../applications/application-records.ts';

export async function assertExpertMayReview(db: Executor, panelAuthorityId: number, expertUserId: number, application: { id: number; province_code: string }): Promise<void> {
  const settings = await authoritySettingsOf(db, panelAuthorityId);
  if (!settings.expertsExcludedFromOwnRegion) return;
  const profile = await db.selectFrom('expert_profiles').select('region_code').where('user_id', '=', expertUserId).executeTakeFirst();
  if (profile === undefined) {
    throw new AppError('RULE_VIOLATION', `Expert ${expertUserId} has no region on record; this authority excludes experts from their own region / 专家${expertUserId}未登记所在地区，无法确认回避`);
  }
  if (profile.region_code.slice(0, 2) === application.province_code.slice(0, 2)) {
    throw new AppError('RULE_VIOLATION', `Expert ${expertUserId} comes from the application's own province (${profile.region_code}) and may not review it / 专家${expertUserId}与申报单位同属一省，须回避`, { details: { expertUserId, applicationId: application.id } });
  }
}
