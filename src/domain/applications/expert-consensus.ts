/**
 * The expert panel's consensus on one application (docs/decisions/004-expert-consensus.md):
 * at least three experts without a declared conflict must have scored; every member who
 * did not recuse must have scored; the consensus score is the median (or the mean) of
 * their scores, rounded to 0.1; an expert whose score lies more than `dissentPoints`
 * from it dissents, and the dissent is recorded with the comment. The application passes
 * when the consensus score reaches `passScore`. Pass score and dissent distance are
 * configuration per panel [U]: no source fixes them.
 */
import { invalid } from '../errors.ts';

export interface ConsensusRule {
  method: 'median' | 'mean';
  /** 0–100; the application passes at or above it. */
  passScore: number;
  /** A score further than this from the consensus is recorded as dissent. */
  dissentPoints: number;
}

export const DEFAULT_CONSENSUS_RULE: Readonly<ConsensusRule> = Object.freeze({ method: 'median', passScore: 60, dissentPoints: 15 });

/** Fewest experts on a panel, and fewest scores for a consensus. */
export const MINIMUM_EXPERTS = 3;

export interface ExpertScore {
  expertUserId: number;
  /** True when the expert declared a conflict of interest and recused. */
  conflictDeclared: boolean;
  /** 0–100, null while the expert has not scored. */
  score: number | null;
  comment: string | null;
}

export interface Consensus {
  reached: boolean;
  passed: boolean;
  score: number | null;
  method: ConsensusRule['method'];
  scores: number;
  recused: number;
  waitingFor: number[];
  dissent: { expertUserId: number; score: number; comment: string | null }[];
  /** Why, in words. */
  detail: string;
}

export function parseConsensusRule(text: string | null | undefined): ConsensusRule {
  if (text === null || text === undefined || text === '') return { ...DEFAULT_CONSENSUS_RULE };
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw invalid('consensusRule', 'must be JSON { method, passScore, dissentPoints }');
  }
  return checkConsensusRule(raw);
}

export function checkConsensusRule(raw: unknown): ConsensusRule {
  if (raw === undefined || raw === null) return { ...DEFAULT_CONSENSUS_RULE };
  if (typeof raw !== 'object' || Array.isArray(raw)) throw invalid('consensusRule', 'must be an object { method, passScore, dissentPoints }');
  const value = { ...DEFAULT_CONSENSUS_RULE, ...(raw as Record<string, unknown>) } as Record<string, unknown>;
  if (value.method !== 'median' && value.method !== 'mean') throw invalid('consensusRule.method', "must be 'median' or 'mean'");
  for (const key of ['passScore', 'dissentPoints'] as const) {
    const n = value[key];
    if (typeof n !== 'number' || !Number.isFinite(n) || n < 0 || n > 100) throw invalid(`consensusRule.${key}`, 'must be a number from 0 to 100');
  }
  return { method: value.method, passScore: value.passScore as number, dissentPoints: value.dissentPoints as number };
}

const roundTenth = (value: number) => Math.round(value * 10) / 10;

function centre(values: readonly number[], method: ConsensusRule['method']): number {
  const sorted = [...values].sort((a, b) => a - b);
  if (method === 'mean') return sorted.reduce((sum, v) => sum + v, 0) / sorted.length;
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

export function expertConsensus(reviews: readonly ExpertScore[], rule: ConsensusRule = DEFAULT_CONSENSUS_RULE): Consensus {
  const active = reviews.filter((review) => !review.conflictDeclared);
  const scored = active.filter((review): review is ExpertScore & { score: number } => review.score !== null);
  const waitingFor = active.filter((review) => review.score === null).map((review) => review.expertUserId);
  const base = { method: rule.method, scores: scored.length, recused: reviews.length - active.length, waitingFor };
  if (waitingFor.length > 0 || scored.length < MINIMUM_EXPERTS) {
    const detail = waitingFor.length > 0
      ? `${waitingFor.length} expert(s) have not scored yet / 尚有${waitingFor.length}位专家未评分`
      : `only ${scored.length} expert score(s) without conflict; at least ${MINIMUM_EXPERTS} are needed / 无利益冲突的专家评分仅${scored.length}份，至少需${MINIMUM_EXPERTS}份`;
    return { ...base, reached: false, passed: false, score: null, dissent: [], detail };
  }
  const score = roundTenth(centre(scored.map((review) => review.score), rule.method));
  const dissent = scored.filter((review) => Math.abs(review.score - score) > rule.dissentPoints).map((review) => ({ expertUserId: review.expertUserId, score: review.score, comment: review.comment }));
  const passed = score >= rule.passScore;
  const detail = `${rule.method} ${score} of ${scored.length} scores ${passed ? '≥' : '<'} ${rule.passScore}; ${dissent.length} dissenting / ${rule.method === 'median' ? '中位数' : '平均分'}${score}，${passed ? '通过' : '未通过'}，不同意见${dissent.length}份`;
  return { ...base, reached: true, passed, score, dissent, detail };
}
