/** Every migration, in order. Append; never edit or reorder a released one. */
import { foundation } from './0001-foundation.ts';
import { pipeline } from './0002-pipeline.ts';
import { listChanges } from './0003-list-changes.ts';
import type { StoreMigration } from './migration.ts';

export const MIGRATIONS: readonly StoreMigration[] = [foundation, pipeline, listChanges];
