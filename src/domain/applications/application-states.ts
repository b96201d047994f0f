/**
 * The states of an application, in the order the programme runs them
 * (工信部节〔2024〕13号; domain.md §3 and §8): self-evaluation, optional third-party
 * evaluation, city review, province review, the provincial notice and list, the
 * recommendation to the nation, national expert review, the national 公示, objection
 * handling and the national list. The transitions between them are in transition-table.ts.
 */
export const APPLICATION_STATES = [
  'draft',
  'submitted',
  'third_party_evaluation',
  'city_review',
  'province_review',
  'provincial_notice',
  'provincial_objections',
  'provincially_approved',
  'provincially_listed',
  'recommended',
  'national_expert_review',
  'national_notice',
  'national_objections',
  'nationally_approved',
  'listed',
  'returned',
  'rejected',
  'withdrawn',
] as const;

export type ApplicationState = (typeof APPLICATION_STATES)[number];

export function isApplicationState(value: string): value is ApplicationState {
  return (APPLICATION_STATES as readonly string[]).includes(value);
}

/** Names for people, zh-CN and en. */
export const STATE_NAMES: Readonly<Record<ApplicationState, { zh: string; en: string }>> = {
  draft: { zh: '草稿', en: 'Draft' },
  submitted: { zh: '已提交自评价', en: 'Submitted with self-evaluation' },
  third_party_evaluation: { zh: '第三方评价中', en: 'Third-party evaluation' },
  city_review: { zh: '市级审核', en: 'City review' },
  province_review: { zh: '省级评估', en: 'Province review' },
  provincial_notice: { zh: '省级公示中', en: 'On provincial public notice' },
  provincial_objections: { zh: '省级公示异议处理', en: 'Provincial objection handling' },
  provincially_approved: { zh: '待省级名单发布', en: 'Awaiting the provincial list' },
  provincially_listed: { zh: '已列入省级名单', en: 'On the provincial list' },
  recommended: { zh: '已推荐至工信部', en: 'Recommended to the ministry' },
  national_expert_review: { zh: '国家级专家评审', en: 'National expert review' },
  national_notice: { zh: '国家级公示中', en: 'On national public notice' },
  national_objections: { zh: '国家级公示异议处理', en: 'National objection handling' },
  nationally_approved: { zh: '待国家级名单发布', en: 'Awaiting the national list' },
  listed: { zh: '已列入国家级名单', en: 'On the national list' },
  returned: { zh: '退回修改', en: 'Returned for revision' },
  rejected: { zh: '未通过', en: 'Rejected' },
  withdrawn: { zh: '已撤回', en: 'Withdrawn' },
};

/** States with no way out: the application's story ends there. */
export const FINAL_STATES: readonly ApplicationState[] = ['listed', 'rejected', 'withdrawn'];

/** States in which the application sits on a notice (its entry is a candidate of a batch). */
export const NOTICE_STATES: readonly ApplicationState[] = ['provincial_notice', 'provincial_objections', 'provincially_approved', 'national_notice', 'national_objections', 'nationally_approved'];

/** The level of a list: national, provincial or city (GB/T 2260 authority levels). */
export type Tier = 'national' | 'province' | 'city';

/** Applications aim at the provincial or the national list (a national listing implies a provincial one). */
export const TARGET_TIERS: readonly Tier[] = ['province', 'national'];
