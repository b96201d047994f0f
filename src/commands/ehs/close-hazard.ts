/**
 * Closes (销号) a hazard with evidence of its rectification: a file uploaded with the
 * closure (PDF, PNG or JPEG by content, ≤ 10 MB) or one uploaded before for this
 * enterprise. No evidence, no closure.
 */
import type { Actor } from '../../domain/actors/actor.ts';
import { todayInShanghai } from '../../domain/calendar/plain-date.ts';
import { invalid, notFound } from '../../domain/errors.ts';
import { assertHazardClosure } from '../../domain/ehs/hazards.ts';
import type { FileStore } from '../../store/files/file-store.ts';
import { setEhsEventStatus } from '../../store/repositories/ehs/ehs-event-feed.ts';
import { findItem, updateItem } from '../../store/repositories/ehs/ehs-items.ts';
import type { Row } from '../../store/schema.ts';
import type { Executor, Store } from '../../store/store.ts';
import { auditRegisterChange, openRegister, optionalText, type RegisterOptions } from './ehs-register-access.ts';
import { saveEvidenceFile, type EvidenceUpload } from './save-evidence-file.ts';

export interface CloseHazardInput {
  enterpriseId: number;
  hazardId: number;
  closedOn: string;
  note?: string;
  /** A file uploaded now, or the id of one uploaded earlier for this enterprise. */
  evidence?: EvidenceUpload | { fileId: number } | undefined;
}

async function evidenceFileId(trx: Executor, enterpriseId: number, evidence: CloseHazardInput['evidence'], files: FileStore | undefined): Promise<number | null> {
  if (evidence === undefined) return null;
  if ('fileId' in evidence) {
    const file = await trx.selectFrom('files').select(['id', 'enterprise_id']).where('id', '=', evidence.fileId).executeTakeFirst();
    if (file === undefined || file.enterprise_id !== enterpriseId) throw invalid('evidenceFileId', `no evidence file ${evidence.fileId} of this enterprise / 证明材料不存在`);
    return file.id;
  }
  if (files === undefined) throw invalid('evidence', 'file uploads are not available here');
  return (await saveEvidenceFile(trx, files, enterpriseId, evidence)).id;
}

export async function closeHazard(store: Store, actor: Actor, input: CloseHazardInput, options: RegisterOptions & { files?: FileStore } = {}): Promise<Row<'ehs_hazards'>> {
  const today = options.today ?? todayInShanghai();
  const note = optionalText('note', input.note, 2000);
  return store.transaction(async (trx) => {
    const enterprise = await openRegister(trx, actor, 'write', input.enterpriseId);
    const hazard = await findItem(trx, 'ehs_hazards', enterprise.id, input.hazardId);
    if (hazard === undefined) throw notFound(`hazard ${input.hazardId}`);
    // Checked before the file is stored, so a refused closure leaves no upload behind.
    assertHazardClosure({ status: hazard.status, foundOn: hazard.found_on }, { closedOn: input.closedOn, hasEvidence: input.evidence !== undefined, note }, today);
    const fileId = await evidenceFileId(trx, enterprise.id, input.evidence, options.files);
    const closed = await updateItem(trx, 'ehs_hazards', enterprise.id, hazard.id, { status: 'closed', closed_on: input.closedOn, closure_note: note, evidence_file_id: fileId });
    await setEhsEventStatus(trx, enterprise.id, hazard.ehs_event_id, 'closed');
    await auditRegisterChange(trx, store, actor, { enterpriseId: enterprise.id, action: 'ehs.hazard.closed', subjectType: 'ehs_hazard', subjectId: hazard.id, data: { closedOn: input.closedOn, evidenceFileId: fileId, deadline: hazard.deadline } });
    return closed;
  });
}
