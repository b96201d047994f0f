/**
 * Framework nodes: immutable objects tagged with `kind`, each with a same-named companion
 * object (`Dimension.create`, `Dimension.is`), after Kysely's operation nodes
 * (house-style.md). The loader builds them from the validated data files.
 */
import type { Static } from 'typebox';
import type {
  BasicRequirementSchema, DimensionSchema, FrameworkFileSchema, QualitativeIndicatorSchema,
  QuantitativeIndicatorSchema, RequirementItemSchema,
} from './framework-schema.ts';

export type BasicRequirement = Readonly<Static<typeof BasicRequirementSchema>>;
export type RequirementItem = Readonly<Static<typeof RequirementItemSchema>>;
export type QuantitativeIndicator = Readonly<Static<typeof QuantitativeIndicatorSchema>>;
export type QualitativeIndicator = Readonly<Static<typeof QualitativeIndicatorSchema>>;
export type Indicator = RequirementItem | QuantitativeIndicator | QualitativeIndicator;
export type Dimension = Readonly<Omit<Static<typeof DimensionSchema>, 'indicators'>> & { readonly indicators: readonly Indicator[] };

type FrameworkFields = Omit<Static<typeof FrameworkFileSchema>, 'basicRequirements' | 'dimensions'>;

/** A loaded framework: the file's content plus its content hash (pinned by batches). */
export type Framework = Readonly<FrameworkFields> & {
  readonly basicRequirements: readonly BasicRequirement[];
  readonly dimensions: readonly Dimension[];
  /** `sha256:` of the canonical file content; a batch pins `id`, `version` and `hash`. */
  readonly hash: string;
};

export type FrameworkNode = Framework | Dimension | Indicator | BasicRequirement;

function companion<Node extends { readonly kind: string }>(kind: Node['kind']) {
  return Object.freeze({
    /** Builds an immutable node of this kind. */
    create(properties: Omit<Node, 'kind'>): Node {
      return Object.freeze({ kind, ...properties }) as unknown as Node;
    },
    /** True when `node` is of this kind. */
    is(node: unknown): node is Node {
      return typeof node === 'object' && node !== null && (node as { kind?: unknown }).kind === kind;
    },
  });
}

export const BasicRequirement = companion<BasicRequirement>('basic-requirement');
export const RequirementItem = companion<RequirementItem>('requirement-item');
export const QuantitativeIndicator = companion<QuantitativeIndicator>('quantitative-indicator');
export const QualitativeIndicator = companion<QualitativeIndicator>('qualitative-indicator');
export const Dimension = companion<Dimension>('dimension');
export const Framework = companion<Framework>('framework');

/** Every indicator of a framework in order, with its dimension. */
export function frameworkIndicators(framework: Framework): { dimension: Dimension; indicator: Indicator }[] {
  return framework.dimensions.flatMap((dimension) => dimension.indicators.map((indicator) => ({ dimension, indicator })));
}
