/**
 * The programme settings each authority keeps in `authorities.settings` (JSON): deadlines,
 * notice length and day kind, self-evaluation, expert exclusion. Missing keys take the
 * national defaults of 工信部节〔2024〕13号; a malformed value is a CONFIG error naming the
 * field, never a silent default.
 */
import { AppError } from '../errors.ts';

export interface AuthoritySettings {
  /** Last day, 'MM-DD', to recommend to (or forward to) this authority. */
  recommendDeadline: string;
  /** 动态管理表 deadline, 'MM-DD'. */
  dynamicReportDeadline: string;
  noticeDays: number;
  noticeDayKind: 'calendar' | 'working';
  selfEvaluationAllowed: boolean;
  expertsExcludedFromOwnRegion: boolean;
  sources: Record<string, string>;
}

export const DEFAULT_AUTHORITY_SETTINGS: Readonly<AuthoritySettings> = Object.freeze({
  recommendDeadline: '07-31',
  dynamicReportDeadline: '04-15',
  noticeDays: 15,
  noticeDayKind: 'calendar',
  selfEvaluationAllowed: true,
  expertsExcludedFromOwnRegion: true,
  sources: {
    recommendDeadline: '工信部节〔2024〕13号: provinces recommend by 31 July [V]',
    dynamicReportDeadline: '工信部节〔2024〕13号: 动态管理表 by 15 April [V]',
    noticeDays: '工信部节〔2024〕13号: 15-day 公示 [V]',
    selfEvaluationAllowed: '工信部节〔2024〕13号: self-evaluation or third-party evaluation [V]',
    expertsExcludedFromOwnRegion: 'configuration [U]',
  },
});

const MONTH_DAY = /^(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

function fail(field: string, reason: string): never {
  throw new AppError('CONFIG', `authorities.settings.${field}: ${reason}`, { path: `settings.${field}` });
}

/** Parses an authority's settings text; throws CONFIG naming the field. */
export function parseAuthoritySettings(text: string | null | undefined): AuthoritySettings {
  let raw: unknown;
  try {
    raw = JSON.parse(text === null || text === undefined || text === '' ? '{}' : text);
  } catch {
    fail('(document)', 'is not JSON');
  }
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) fail('(document)', 'must be a JSON object');
  const value = raw as Record<string, unknown>;
  const settings: AuthoritySettings = { ...DEFAULT_AUTHORITY_SETTINGS, sources: { ...DEFAULT_AUTHORITY_SETTINGS.sources } };
  for (const field of ['recommendDeadline', 'dynamicReportDeadline'] as const) {
    const v = value[field];
    if (v === undefined) continue;
    if (typeof v !== 'string' || !MONTH_DAY.test(v) || v === '02-30' || v === '02-31') fail(field, `must be a day of the year 'MM-DD', got ${JSON.stringify(v)}`);
    settings[field] = v;
  }
  if (value.noticeDays !== undefined) {
    if (typeof value.noticeDays !== 'number' || !Number.isInteger(value.noticeDays) || value.noticeDays < 1 || value.noticeDays > 60) fail('noticeDays', 'must be an integer from 1 to 60');
    settings.noticeDays = value.noticeDays;
  }
  if (value.noticeDayKind !== undefined) {
    if (value.noticeDayKind !== 'calendar' && value.noticeDayKind !== 'working') fail('noticeDayKind', "must be 'calendar' or 'working'");
    settings.noticeDayKind = value.noticeDayKind;
  }
  for (const field of ['selfEvaluationAllowed', 'expertsExcludedFromOwnRegion'] as const) {
    const v = value[field];
    if (v === undefined) continue;
    if (typeof v !== 'boolean') fail(field, 'must be true or false');
    settings[field] = v;
  }
  if (value.sources !== undefined) {
    if (value.sources === null || typeof value.sources !== 'object' || Array.isArray(value.sources)) fail('sources', 'must be an object of texts');
    for (const [key, source] of Object.entries(value.sources as Record<string, unknown>)) {
      if (typeof source !== 'string') fail(`sources.${key}`, 'must be a text');
      settings.sources[key] = source;
    }
  }
  return settings;
}
