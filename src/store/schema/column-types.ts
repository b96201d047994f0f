/**
 * Column types as both databases store them: timestamps are ISO-8601 UTC text, dates are
 * 'YYYY-MM-DD' text, booleans are 0/1 integers and documents are JSON text
 * (docs/decisions/002-one-schema-two-databases.md).
 */
import type { Generated } from 'kysely';

export type Id = Generated<number>;
/** ISO-8601 UTC timestamp text, e.g. 2026-11-30T02:23:56.123Z */
export type Timestamp = string;
/** Calendar date text, 'YYYY-MM-DD' (Asia/Shanghai calendar). */
export type DateText = string;
/** JSON document stored as text. */
export type JsonText = string;
export type Flag = number;

export type AuthorityLevel = 'national' | 'province' | 'city';
export type Tier = AuthorityLevel;
