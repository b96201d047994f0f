/**
 * A batch pins one framework version: `batches.framework_id` is the `frameworks` row
 * `<id>@<version>` that sync-frameworks.ts copies from the reviewed files at boot. Scoring
 * for the batch takes the engine's framework only when its version and content hash are
 * the pinned ones: a changed framework is a new version, never a silent re-score.
 */
import { canonicalJson } from '../../domain/canonical-json.ts';
import { AppError, invalid } from '../../domain/errors.ts';
import { getFramework, type Framework } from '../../engine/index.ts';
import { now, type Executor } from '../../store/store.ts';
import { frameworkVersionId } from '../frameworks/sync-frameworks.ts';

/** The engine's framework for 'gbt36132-2025' or 'gbt36132-2025@2025.1'; VALIDATION at `path` otherwise. */
export function frameworkById(id: string, path = 'frameworkId'): Framework {
  const [frameworkId, version] = id.split('@');
  let framework: Framework;
  try {
    framework = getFramework(frameworkId!);
  } catch (error) {
    if (AppError.is(error, 'NOT_FOUND')) throw invalid(path, `no framework "${id}" / 无此指标体系`);
    throw error;
  }
  if (version !== undefined && version !== framework.version) {
    throw new AppError('RULE_VIOLATION', `Framework ${frameworkId} is at version ${framework.version} in this installation, not ${version} / 指标体系版本不符`, { path });
  }
  return framework;
}

function frameworkChanged(id: string): AppError {
  return new AppError('RULE_VIOLATION', `The framework ${id} pinned by the batch has changed content since; a changed framework needs a new version / 批次固定的指标体系${id}内容已变化，须发布新版本`);
}

/** Makes sure the version's row exists and is marked pinned; returns the framework and its version id. */
export async function pinFramework(db: Executor, id: string): Promise<{ framework: Framework; versionId: string }> {
  const framework = frameworkById(id);
  const versionId = frameworkVersionId(framework);
  const row = await db.selectFrom('frameworks').select(['content_hash', 'pinned_at']).where('id', '=', versionId).executeTakeFirst();
  const at = now();
  if (row === undefined) {
    await db.insertInto('frameworks').values({ id: versionId, code: framework.id, version: framework.version, title_zh: framework.nameZh, title_en: framework.nameEn, content_hash: framework.hash, document: canonicalJson(framework), pinned_at: at, created_at: at }).execute();
  } else {
    if (row.content_hash !== framework.hash) throw frameworkChanged(versionId);
    if (row.pinned_at === null) await db.updateTable('frameworks').set({ pinned_at: at }).where('id', '=', versionId).execute();
  }
  return { framework, versionId };
}

/** The framework a batch pinned ('<id>@<version>'), checked against the stored content hash. */
export async function pinnedFramework(db: Executor, versionId: string): Promise<Framework> {
  const framework = frameworkById(versionId);
  const row = await db.selectFrom('frameworks').select('content_hash').where('id', '=', versionId).executeTakeFirst();
  if (row !== undefined && row.content_hash !== framework.hash) throw frameworkChanged(versionId);
  return framework;
}
