/**
 * Provenance of every coefficient, threshold and weight in the data files: where a value
 * comes from (`source`) and how sure we are (`tag`): [V] a source says so, [3P] only a
 * secondary compilation says so, [U] unverified configuration (domain.md, header).
 */
import { Type, type Static, type TSchema } from 'typebox';

export const TagSchema = Type.Union([Type.Literal('V'), Type.Literal('3P'), Type.Literal('U')]);
export type Tag = Static<typeof TagSchema>;

/** A value with its unit, source and tag, as stored in the data files. */
export interface Provenanced<Value> {
  readonly value: Value;
  readonly unit?: string;
  readonly source: string;
  readonly tag: Tag;
  readonly note?: string;
}

/** TypeBox schema of `{ value, unit?, source, tag, note? }` around a value schema. */
export function provenancedSchema<Value extends TSchema>(value: Value) {
  return Type.Object(
    {
      value,
      unit: Type.Optional(Type.String()),
      source: Type.String({ minLength: 1 }),
      tag: TagSchema,
      note: Type.Optional(Type.String()),
    },
    { additionalProperties: false },
  );
}

/** Fields every data-file item carries to say where it comes from. */
export const provenanceFields = {
  source: Type.String({ minLength: 1 }),
  tag: TagSchema,
  note: Type.Optional(Type.String()),
};
