/**
 * An application's history in plain words, zh-CN or en: "2026-05-12 九江市主管部门 审核通过并报送省级 — 理由…".
 * From the application's own event rows; the words come from the transition table.
 */
import { ACTION_WORDS } from '../../domain/applications/transition-table.ts';
import { isApplicationAction } from '../../domain/applications/assert-transition.ts';
import { isApplicationState, STATE_NAMES } from '../../domain/applications/application-states.ts';
import type { Executor } from '../store.ts';

export type HistoryLanguage = 'zh-CN' | 'en';

const ROLE_WORDS: Record<string, { zh: string; en: string }> = {
  enterprise: { zh: '企业', en: 'The enterprise' },
  evaluator: { zh: '第三方评价机构', en: 'The third-party evaluator' },
  city: { zh: '市级主管部门', en: 'The city authority' },
  province: { zh: '省级主管部门', en: 'The provincial authority' },
  national: { zh: '工业和信息化部', en: 'The ministry' },
  expert: { zh: '评审专家', en: 'An expert' },
  admin: { zh: '管理员', en: 'An administrator' },
  system: { zh: '系统', en: 'The system' },
};

export interface HistoryLine {
  at: string;
  action: string;
  fromState: string;
  toState: string;
  actorRole: string;
  reason: string | null;
  /** The line in words, in the requested language. */
  text: string;
}

export async function applicationHistory(db: Executor, applicationId: number, lang: HistoryLanguage): Promise<HistoryLine[]> {
  const rows = await db.selectFrom('application_events').selectAll().where('application_id', '=', applicationId).orderBy('id').execute();
  const zh = lang === 'zh-CN';
  return rows.map((row) => {
    const who = ROLE_WORDS[row.actor_role] ?? { zh: row.actor_role, en: row.actor_role };
    const did = row.action === 'create'
      ? { zh: '创建了申请草稿', en: 'started the application as a draft' }
      : isApplicationAction(row.action) ? ACTION_WORDS[row.action] : { zh: row.action, en: row.action };
    const state = isApplicationState(row.to_state) ? STATE_NAMES[row.to_state] : { zh: row.to_state, en: row.to_state };
    const date = row.at.slice(0, 10);
    const reason = row.reason === null ? '' : zh ? `，理由：${row.reason}` : `; reason: ${row.reason}`;
    const text = zh ? `${date} ${who.zh}${did.zh}（现为「${state.zh}」）${reason}` : `${date} ${who.en} ${did.en} (now: ${state.en.toLowerCase()})${reason}`;
    return { at: row.at, action: row.action, fromState: row.from_state, toState: row.to_state, actorRole: row.actor_role, reason: row.reason, text };
  });
}
