/** Uploads an evidence file to an enterprise's register (to close a hazard with later). */
import type { Actor } from '../../domain/actors/actor.ts';
import type { FileStore } from '../../store/files/file-store.ts';
import type { Row } from '../../store/schema.ts';
import type { Store } from '../../store/store.ts';
import { auditRegisterChange, openRegister } from './ehs-register-access.ts';
import { saveEvidenceFile, type EvidenceUpload } from './save-evidence-file.ts';

export async function uploadEvidenceFile(store: Store, actor: Actor, input: { enterpriseId: number } & EvidenceUpload, options: { files: FileStore }): Promise<Row<'files'>> {
  return store.transaction(async (trx) => {
    const enterprise = await openRegister(trx, actor, 'write', input.enterpriseId);
    const file = await saveEvidenceFile(trx, options.files, enterprise.id, input);
    await auditRegisterChange(trx, store, actor, { enterpriseId: enterprise.id, action: 'ehs.evidence.uploaded', subjectType: 'file', subjectId: file.id, data: { sha256: file.sha256, mediaType: file.media_type, size: file.size } });
    return file;
  });
}
