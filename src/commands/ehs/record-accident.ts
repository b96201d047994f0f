/**
 * Records an accident or incident: safety (一般/较大/重大/特别重大), environmental
 * emergency (Ⅳ/Ⅲ/Ⅱ/Ⅰ级) or quality. The grade may not be lower than the casualty and
 * loss figures imply. A 重大 or worse safety or quality accident, or a Ⅱ级 or worse
 * environmental emergency, puts the enterprise on the negative list for three years:
 * the feed row carries `negative_list_until` and, in the same transaction,
 * `enterprise.negative-listed` is raised — the pipeline's subscriber starts immediate
 * removal of its listed entries and the engine vetoes new applications.
 */
import type { Actor } from '../../domain/actors/actor.ts';
import { todayInShanghai } from '../../domain/calendar/plain-date.ts';
import { invalid } from '../../domain/errors.ts';
import { assertGradeFitsFigures, isAccidentCategory, isAccidentGrade, negativeListingOf, type AccidentFigures } from '../../domain/ehs/accidents.ts';
import { assertPastDate } from '../../domain/ehs/ehs-dates.ts';
import { raiseDomainEvent } from '../events/domain-events.ts';
import '../events/subscribers.ts';
import { linkEhsEvent } from '../../store/repositories/ehs/ehs-event-feed.ts';
import { insertItem } from '../../store/repositories/ehs/ehs-items.ts';
import type { Row } from '../../store/schema.ts';
import type { Store } from '../../store/store.ts';
import { auditRegisterChange, openRegister, optionalText, requiredText, type RegisterOptions } from './ehs-register-access.ts';

export interface RecordAccidentInput extends AccidentFigures {
  enterpriseId: number;
  occurredOn: string;
  category: string;
  grade: string;
  title: string;
  description?: string;
  reportedTo?: string;
}

export interface RecordedAccident {
  accident: Row<'ehs_accidents'>;
  eventId: number;
  /** Last day on the negative list, or null when this accident does not negative-list. */
  negativeListUntil: string | null;
}

const GRADE_WORDS = {
  safety: { general: '一般', larger: '较大', major: '重大', especially_major: '特别重大' },
  environment: { general: '一般（Ⅳ级）', larger: '较大（Ⅲ级）', major: '重大（Ⅱ级）', especially_major: '特别重大（Ⅰ级）' },
  quality: { general: '一般', larger: '较大', major: '重大', especially_major: '特别重大' },
} as const;
const CATEGORY_WORDS = { safety: '生产安全事故', environment: '突发环境事件', quality: '质量事故' } as const;

function wholeNumber(path: string, value: number | undefined): number | null {
  if (value === undefined || value === null) return null;
  if (!Number.isInteger(value) || value < 0) throw invalid(path, 'must be a whole number ≥ 0 / 须为不小于0的整数');
  return value;
}

export async function recordAccident(store: Store, actor: Actor, input: RecordAccidentInput, options: RegisterOptions = {}): Promise<RecordedAccident> {
  const today = options.today ?? todayInShanghai();
  assertPastDate('occurredOn', input.occurredOn, today);
  if (!isAccidentCategory(input.category)) throw invalid('category', 'must be safety, environment or quality / 须为安全、环境或质量');
  if (!isAccidentGrade(input.grade)) throw invalid('grade', 'must be general, larger, major or especially_major / 等级须为一般、较大、重大或特别重大');
  const category = input.category;
  const grade = input.grade;
  const figures = { deaths: wholeNumber('deaths', input.deaths), seriousInjuries: wholeNumber('seriousInjuries', input.seriousInjuries), evacuated: wholeNumber('evacuated', input.evacuated), directLossTenThousandYuan: input.directLossTenThousandYuan ?? null };
  assertGradeFitsFigures(category, grade, Object.fromEntries(Object.entries(figures).filter(([, v]) => v !== null)) as AccidentFigures);
  const title = requiredText('title', input.title, 200);
  const description = optionalText('description', input.description, 4000);
  const reportedTo = optionalText('reportedTo', input.reportedTo, 200);
  const listing = negativeListingOf({ category, grade, occurredOn: input.occurredOn });
  return store.transaction(async (trx) => {
    const enterprise = await openRegister(trx, actor, 'write', input.enterpriseId);
    const accident = await insertItem(trx, 'ehs_accidents', {
      enterprise_id: enterprise.id,
      occurred_on: input.occurredOn,
      category,
      grade,
      title,
      description,
      deaths: figures.deaths,
      serious_injuries: figures.seriousInjuries,
      evacuated: figures.evacuated,
      direct_loss_ten_thousand_yuan: figures.directLossTenThousandYuan,
      reported_to: reportedTo,
      negative_list_until: listing.until,
      ehs_event_id: null,
    });
    const reason = `${GRADE_WORDS[category][grade]}${CATEGORY_WORDS[category]}（${input.occurredOn}）：${title}`;
    const eventId = await linkEhsEvent(trx, { table: 'ehs_accidents', id: accident.id }, {
      enterpriseId: enterprise.id,
      kind: 'accident',
      category,
      severity: grade,
      occurredOn: input.occurredOn,
      title: reason,
      details: { negativeListKind: listing.negativeListKind, negativeListRule: `${listing.rule.source} [${listing.rule.tag}]`, ...figures },
      status: 'closed',
      negativeListUntil: listing.until,
    });
    await auditRegisterChange(trx, store, actor, { enterpriseId: enterprise.id, action: 'ehs.accident.recorded', subjectType: 'ehs_accident', subjectId: accident.id, data: { category, grade, occurredOn: input.occurredOn, negativeListUntil: listing.until } });
    if (listing.until !== null) {
      await raiseDomainEvent({ trx, store, actor }, 'enterprise.negative-listed', { enterpriseId: enterprise.id, eventId, until: listing.until, reason });
    }
    return { accident: { ...accident, ehs_event_id: eventId }, eventId, negativeListUntil: listing.until };
  });
}
