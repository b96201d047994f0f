/**
 * Scoring one factory-year against a framework. Vetoes first (基本要求, 必选 items in 2018,
 * the three-year negative list); a vetoed evaluation has `total: null`. Indicator scores
 * are rounded half up to 0.01 point and the total is the exact sum of those rounded
 * scores (added in integer hundredths), so the printed scores always add up to the total.
 * `indicators`, `dimensions` and their explanation texts are built on first read.
 */
import type { AnnualData } from './annual-data.ts';
import { computeKpis, type KpiResult, type Kpis } from './compute-kpis.ts';
import type { FactorSet } from './factor-set.ts';
import type { Framework, Indicator } from './framework-nodes.ts';
import type { Tag } from './provenance.ts';
import { compileChecklist2018, explainChecklist2018, scoreChecklist2018, type ChecklistItem } from './score-checklist-2018.ts';
import { basicRequirementFindings, checkAnswers, negativeListFindings, type Answer, type Finding, type NegativeListEvent } from './score-inputs.ts';
import { compileLinear2025, explainLinear2025, scoreLinear2025, type CompiledLinear, type LinearItem } from './score-linear-2025.ts';

export type { Answer, Finding, NegativeListEvent } from './score-inputs.ts';

export interface ScoreInput {
  framework: Framework;
  data: AnnualData;
  /** Answers by indicator id: true/false (2018 items), an option id (定性), a number (reported 定量). */
  qualitative?: Record<string, Answer>;
  /** 基本要求 answers by id; false vetoes, a missing answer leaves the evaluation unconfirmed. */
  basicRequirements?: Record<string, boolean>;
  negativeListEvents?: NegativeListEvent[];
  /** Evaluation date YYYY-MM-DD; the negative-list window ends on it (required with events). */
  asOf?: string;
  factorSet?: FactorSet;
  gridSeries?: string;
  /** KPIs already computed for `data` (skips computing them again). */
  kpiResult?: KpiResult;
}

export interface ScoredIndicator {
  readonly id: string;
  readonly name: string;
  readonly nameEn: string;
  readonly dimension: string;
  readonly type: Indicator['type'];
  readonly unit: string | null;
  readonly value: number | string | boolean | null;
  readonly score: number;
  readonly max: number;
  readonly explanation: string;
  readonly tag: Tag;
}

export interface ScoredDimension {
  readonly id: string;
  readonly name: string;
  readonly nameEn: string;
  readonly score: number;
  readonly max: number;
}

export interface ScoreResult {
  /** No veto, every 基本要求 and 必选 answer confirmed, and the pass line (if configured) reached. */
  readonly eligible: boolean;
  readonly vetoes: readonly Finding[];
  /** Answers still missing (not a veto, but not eligible either). */
  readonly unconfirmed: readonly Finding[];
  /** Sum of the indicator scores; null when vetoed. */
  readonly total: number | null;
  readonly grade?: string;
  readonly passLine: number | null;
  readonly frameworkId: string;
  readonly frameworkVersion: string;
  readonly frameworkHash: string;
  readonly method: Framework['method'];
  readonly dimensions: readonly ScoredDimension[];
  /** Per indicator; scores are shown even when vetoed, for information. */
  readonly indicators: readonly ScoredIndicator[];
  readonly kpis: Kpis;
  readonly notes: readonly string[];
}

/** Everything about a framework that does not depend on the data, prepared once. */
interface Scorer {
  readonly framework: Framework;
  readonly indicatorsById: ReadonlyMap<string, Indicator>;
  readonly count: number;
  readonly indicators: readonly Indicator[];
  readonly dimensionIndex: Int32Array;
  readonly maxHundredths: Int32Array;
  readonly grades: readonly { grade: string; minimum: number }[];
  readonly checklist: readonly ChecklistItem[] | null;
  readonly linear: CompiledLinear | null;
}

const scorers = new WeakMap<Framework, Scorer>();

function scorerFor(framework: Framework): Scorer {
  let scorer = scorers.get(framework);
  if (scorer) return scorer;
  const checklist = framework.method === 'checklist-2018' ? compileChecklist2018(framework) : null;
  const linear = framework.method === 'linear-2025' ? compileLinear2025(framework) : null;
  const items: readonly (ChecklistItem | LinearItem)[] = checklist ?? linear!.items;
  scorer = {
    framework,
    indicatorsById: new Map(items.map((item) => [item.indicator.id, item.indicator] as const)),
    count: items.length,
    indicators: items.map((item) => item.indicator),
    dimensionIndex: Int32Array.from(items, (item) => item.dimensionIndex),
    maxHundredths: Int32Array.from(items, (item) => item.maxHundredths),
    grades: [...framework.config.grades.value].sort((a, b) => b.minimum - a.minimum),
    checklist,
    linear,
  };
  scorers.set(framework, scorer);
  return scorer;
}

const VETOED_NOTE = '已否决：总分为空，各指标得分仅供参考 / vetoed: total is null; indicator scores are shown for information only';

/** Scores one factory-year; throws AppError VALIDATION for bad answers, events or dates. */
export function score(input: ScoreInput): ScoreResult {
  const { framework, qualitative } = input;
  const scorer = scorerFor(framework);
  const kpiResult = input.kpiResult
    ?? computeKpis(input.data, input.factorSet === undefined && input.gridSeries === undefined ? undefined : { factorSet: input.factorSet, gridSeries: input.gridSeries });
  const kpis = kpiResult.kpis;
  checkAnswers(qualitative, scorer.indicatorsById, framework.id);
  const basic = basicRequirementFindings(framework, input.basicRequirements);
  const negative = negativeListFindings(input.negativeListEvents, input.asOf);
  const vetoes: Finding[] = negative.vetoes.length === 0 ? basic.vetoes : [...basic.vetoes, ...negative.vetoes];
  const unconfirmed: Finding[] = basic.unconfirmed;

  const hundredths = new Int32Array(scorer.count);
  const values: (number | string | boolean | null)[] = new Array(scorer.count);
  if (scorer.checklist !== null) {
    const findings = scoreChecklist2018(scorer.checklist, kpis, qualitative, hundredths, values);
    for (const finding of findings.vetoes) vetoes.push(finding);
    for (const finding of findings.unconfirmed) unconfirmed.push(finding);
  } else {
    scoreLinear2025(scorer.linear!, kpis, qualitative, hundredths, values);
  }
  let sum = 0;
  for (let index = 0; index < scorer.count; index++) sum += hundredths[index]!;
  const total = vetoes.length > 0 ? null : sum / 100;
  let grade: string | undefined;
  if (total !== null) {
    for (const band of scorer.grades) if (total >= band.minimum) { grade = band.grade; break; }
  }
  let notes = kpiResult.notes;
  if (negative.notes.length > 0 || vetoes.length > 0) {
    notes = [...notes, ...negative.notes];
    if (vetoes.length > 0) notes.push(VETOED_NOTE);
  }
  return new Scored(scorer, kpis, qualitative, hundredths, values, vetoes, unconfirmed, total, grade, notes);
}

/**
 * The result object. `indicators` and `dimensions` (with the explanation texts) are
 * prototype getters built on first read, so bulk re-scoring builds no strings; `toJSON`
 * includes them. (An object spread copies own fields only: read them explicitly.)
 */
class Scored implements ScoreResult {
  readonly eligible: boolean;
  readonly passLine: number | null;
  readonly frameworkId: string;
  readonly frameworkVersion: string;
  readonly frameworkHash: string;
  readonly method: Framework['method'];
  declare readonly grade?: string;
  #indicators: ScoredIndicator[] | undefined;
  #dimensions: ScoredDimension[] | undefined;
  readonly #scorer: Scorer;
  readonly #answers: Readonly<Record<string, Answer>> | undefined;
  readonly #hundredths: Int32Array;
  readonly #values: (number | string | boolean | null)[];

  constructor(
    scorer: Scorer,
    readonly kpis: Kpis,
    answers: Readonly<Record<string, Answer>> | undefined,
    hundredths: Int32Array,
    values: (number | string | boolean | null)[],
    readonly vetoes: readonly Finding[],
    readonly unconfirmed: readonly Finding[],
    readonly total: number | null,
    grade: string | undefined,
    readonly notes: readonly string[],
  ) {
    const framework = scorer.framework;
    this.passLine = framework.config.passLine.value;
    this.eligible = vetoes.length === 0 && unconfirmed.length === 0 && (this.passLine === null || (total !== null && total >= this.passLine));
    if (grade !== undefined) this.grade = grade;
    this.frameworkId = framework.id;
    this.frameworkVersion = framework.version;
    this.frameworkHash = framework.hash;
    this.method = framework.method;
    this.#scorer = scorer;
    this.#answers = answers;
    this.#hundredths = hundredths;
    this.#values = values;
  }

  get indicators(): readonly ScoredIndicator[] {
    if (this.#indicators === undefined) {
      const scorer = this.#scorer;
      this.#indicators = scorer.indicators.map((indicator, index): ScoredIndicator => ({
        id: indicator.id, name: indicator.nameZh, nameEn: indicator.nameEn,
        dimension: scorer.framework.dimensions[scorer.dimensionIndex[index]!]!.id, type: indicator.type, unit: indicator.unit,
        value: this.#values[index] ?? null, score: this.#hundredths[index]! / 100, max: scorer.maxHundredths[index]! / 100,
        explanation: scorer.checklist !== null
          ? explainChecklist2018(scorer.checklist[index]!, this.kpis, this.#answers, this.#hundredths[index]!)
          : explainLinear2025(scorer.linear!, scorer.linear!.items[index]!, this.#values[index] ?? null, this.#hundredths[index]!, this.kpis),
        tag: indicator.tag,
      }));
    }
    return this.#indicators;
  }

  get dimensions(): readonly ScoredDimension[] {
    if (this.#dimensions === undefined) {
      const scorer = this.#scorer;
      const sums = scorer.framework.dimensions.map(() => 0);
      for (let index = 0; index < scorer.count; index++) {
        const at = scorer.dimensionIndex[index]!;
        sums[at] = sums[at]! + this.#hundredths[index]!;
      }
      this.#dimensions = scorer.framework.dimensions.map((dimension, index) => ({
        id: dimension.id, name: dimension.nameZh, nameEn: dimension.nameEn, score: sums[index]! / 100, max: dimension.weight.value,
      }));
    }
    return this.#dimensions;
  }

  toJSON() {
    return {
      eligible: this.eligible, vetoes: this.vetoes, unconfirmed: this.unconfirmed, total: this.total,
      ...(this.grade === undefined ? {} : { grade: this.grade }), passLine: this.passLine,
      frameworkId: this.frameworkId, frameworkVersion: this.frameworkVersion, frameworkHash: this.frameworkHash, method: this.method,
      dimensions: this.dimensions, indicators: this.indicators, kpis: this.kpis, notes: this.notes,
    };
  }
}
