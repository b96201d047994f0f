/** Every migration, in order. Append; never edit or reorder a released one. */
import { foundation } from './0001-foundation.ts';
import { pipeline } from './0002-pipeline.ts';
import { listChanges } from './0003-list-changes.ts';
import { pipelineRules } from './0004-pipeline-rules.ts';
import { publicSite } from './0005-public-site.ts';
import { webhooks } from './0006-webhooks.ts';
import { ehs } from './0007-ehs.ts';
import { searchGrams } from './0008-search-grams.ts';
import { imports } from './0009-imports.ts';
import type { StoreMigration } from './migration.ts';

export const MIGRATIONS: readonly StoreMigration[] = [foundation, pipeline, listChanges, pipelineRules, publicSite, webhooks, ehs, searchGrams, imports];
