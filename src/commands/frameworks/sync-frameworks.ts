/**
 * Copies the reviewed framework and factor-set files into the database, where batches pin
 * them (`batches.framework_id` = `<id>@<version>`). Runs at every boot; idempotent, also when
 * several processes boot at once (a version another one inserted first is left alone). A file
 * whose content changed without a new version is refused: a pinned version is immutable.
 */
import { canonicalJson } from '../../domain/canonical-json.ts';
import { AppError } from '../../domain/errors.ts';
import { listFactorSets, listFrameworks, type Framework } from '../../engine/index.ts';
import { now, retryWhileBusy, type Store } from '../../store/store.ts';

/** The database id of a framework version: what a batch pins. */
export function frameworkVersionId(framework: Pick<Framework, 'id' | 'version'>): string {
  return `${framework.id}@${framework.version}`;
}

export async function syncFrameworks(store: Store): Promise<{ inserted: string[] }> {
  const inserted: string[] = [];
  await retryWhileBusy(() => store.transaction(async (trx) => {
    inserted.length = 0;
    for (const framework of listFrameworks()) {
      const id = frameworkVersionId(framework);
      const existing = await trx.selectFrom('frameworks').select(['content_hash']).where('id', '=', id).executeTakeFirst();
      if (existing !== undefined) {
        if (existing.content_hash !== framework.hash) throw new AppError('CONFIG', `frameworks/${framework.id}.json: content changed but the version is still ${framework.version}; a released version is immutable — give the change a new version`);
        continue;
      }
      // Another process booting at the same moment may insert the same version first.
      const added = await trx.insertInto('frameworks').values({ id, code: framework.id, version: framework.version, title_zh: framework.nameZh, title_en: framework.nameEn, content_hash: framework.hash, document: canonicalJson(framework), pinned_at: null, created_at: now() }).onConflict((c) => c.column('id').doNothing()).executeTakeFirst();
      if (Number(added.numInsertedOrUpdatedRows ?? 0) > 0) inserted.push(id);
    }
    for (const factorSet of listFactorSets()) {
      const id = `${factorSet.id}@${factorSet.version}`;
      const existing = await trx.selectFrom('factor_sets').select(['content_hash']).where('id', '=', id).executeTakeFirst();
      if (existing !== undefined) {
        if (existing.content_hash !== factorSet.hash) throw new AppError('CONFIG', `frameworks/factors/${factorSet.id}.json: content changed but the version is still ${factorSet.version}; give the change a new version`);
        continue;
      }
      const added = await trx.insertInto('factor_sets').values({ id, version: factorSet.version, content_hash: factorSet.hash, document: canonicalJson(factorSet.file), created_at: now() }).onConflict((c) => c.column('id').doNothing()).executeTakeFirst();
      if (Number(added.numInsertedOrUpdatedRows ?? 0) > 0) inserted.push(id);
    }
  }));
  return { inserted };
}
