/**
 * Records one limit of the discharge permit (排污许可证): outlet, pollutant, unit and the
 * upper (and for pH a lower) bound, valid from a date. A new limit for the same outlet
 * and pollutant ends the previous one the day before.
 */
import type { Actor } from '../../domain/actors/actor.ts';
import { addCalendarDays } from '../../domain/calendar/calendar.ts';
import { assertPlainDate } from '../../domain/calendar/plain-date.ts';
import { AppError, invalid } from '../../domain/errors.ts';
import { assertPermitLimit, OUTLET_MEDIA, type OutletMedium } from '../../domain/ehs/emissions.ts';
import { insertItem, permitLimitsOf } from '../../store/repositories/ehs/ehs-items.ts';
import type { Row } from '../../store/schema.ts';
import type { Store } from '../../store/store.ts';
import { auditRegisterChange, openRegister, optionalText, requiredText } from './ehs-register-access.ts';

export interface SetPermitLimitInput {
  enterpriseId: number;
  permitNumber: string;
  outletCode: string;
  outletName: string;
  medium: string;
  pollutantCode: string;
  pollutantName: string;
  unit: string;
  limitMax: number | null;
  limitMin?: number | null;
  standard?: string;
  validFrom: string;
}

const CODE = /^[A-Za-z0-9][A-Za-z0-9._-]{0,31}$/;

export async function setPermitLimit(store: Store, actor: Actor, input: SetPermitLimitInput): Promise<Row<'ehs_permit_limits'>> {
  const outletCode = requiredText('outletCode', input.outletCode, 32);
  const pollutantCode = requiredText('pollutantCode', input.pollutantCode, 32);
  if (!CODE.test(outletCode)) throw invalid('outletCode', 'letters, digits, . _ - (as in the permit, e.g. DA001) / 排放口编号格式不正确');
  if (!CODE.test(pollutantCode)) throw invalid('pollutantCode', 'letters, digits, . _ - (e.g. COD, NOx, pH) / 污染物代码格式不正确');
  if (!(OUTLET_MEDIA as readonly string[]).includes(input.medium)) throw invalid('medium', 'must be air or water / 须为废气或废水');
  const limit = { limitMax: input.limitMax ?? null, limitMin: input.limitMin ?? null };
  assertPermitLimit(limit);
  assertPlainDate('validFrom', input.validFrom);
  const text = {
    permit_number: requiredText('permitNumber', input.permitNumber, 60),
    outlet_name: requiredText('outletName', input.outletName, 100),
    pollutant_name: requiredText('pollutantName', input.pollutantName, 60),
    unit: requiredText('unit', input.unit, 20),
    standard: optionalText('standard', input.standard, 200),
  };
  return store.transaction(async (trx) => {
    const enterprise = await openRegister(trx, actor, 'write', input.enterpriseId);
    const same = (await permitLimitsOf(trx, enterprise.id)).filter((l) => l.outlet_code === outletCode && l.pollutant_code === pollutantCode);
    if (same.some((l) => l.valid_from >= input.validFrom)) throw new AppError('CONFLICT', `a limit for ${outletCode}/${pollutantCode} already starts on or after ${input.validFrom} / 该排放口污染物已有同日或更晚生效的限值`, { path: 'validFrom' });
    const previous = same.filter((l) => l.valid_until === null || l.valid_until >= input.validFrom);
    for (const old of previous) {
      await trx.updateTable('ehs_permit_limits').set({ valid_until: addCalendarDays(input.validFrom, -1) }).where('enterprise_id', '=', enterprise.id).where('id', '=', old.id).execute();
    }
    const row = await insertItem(trx, 'ehs_permit_limits', { enterprise_id: enterprise.id, outlet_code: outletCode, medium: input.medium as OutletMedium, pollutant_code: pollutantCode, limit_max: limit.limitMax, limit_min: limit.limitMin, valid_from: input.validFrom, valid_until: null, ...text });
    await auditRegisterChange(trx, store, actor, { enterpriseId: enterprise.id, action: 'ehs.permit-limit.set', subjectType: 'ehs_permit_limit', subjectId: row.id, data: { outletCode, pollutantCode, limitMax: limit.limitMax, limitMin: limit.limitMin, validFrom: input.validFrom, ended: previous.map((p) => p.id) } });
    return row;
  });
}
