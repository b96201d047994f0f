/**
 * Evidence per indicator: the enterprise attaches files (PDF, PNG or JPEG, by content,
 * never by name; up to 10 MB each) to the indicators of its application while it is a
 * draft or returned for revision, and may take one off again. Reviewers, the engaged
 * evaluator and the panel's experts read them with the application.
 */
import { actorLabel, actorUserId, type Actor } from '../../domain/actors/actor.ts';
import { AppError, invalid } from '../../domain/errors.ts';
import { DEFAULT_FRAMEWORK_ID, frameworkIndicators, getFramework, type Framework } from '../../engine/index.ts';
import { authorize } from '../../policies/index.ts';
import type { FileStore } from '../../store/files/file-store.ts';
import { sniffMediaType } from '../../store/files/media-type.ts';
import { appendAuditEvent } from '../../store/repositories/audit-events.ts';
import { now, type Executor, type Store } from '../../store/store.ts';
import { frameworkById } from '../batches/pin-framework.ts';
import { detailsOf, loadApplicationFor, type ApplicationRow, type EvidenceRef } from './application-records.ts';

export const EVIDENCE_FILE_MAX_BYTES = 10 * 1024 * 1024;
const EDITABLE = ['draft', 'returned'];

/** The framework whose indicators the application's evidence is filed under: the batch's, else the default. */
export async function evidenceFramework(db: Executor, application: Pick<ApplicationRow, 'batch_id'>): Promise<Framework> {
  const batch = application.batch_id === null ? undefined : await db.selectFrom('batches').select('framework_id').where('id', '=', application.batch_id).executeTakeFirst();
  return batch?.framework_id ? frameworkById(batch.framework_id) : getFramework(DEFAULT_FRAMEWORK_ID);
}

/** Indicator ids evidence may be filed under: the framework's indicators and basic requirements. */
export function evidenceTargets(framework: Framework): { id: string; nameZh: string; nameEn: string }[] {
  return [...framework.basicRequirements.map((r) => ({ id: r.id, nameZh: r.nameZh, nameEn: r.nameEn })), ...frameworkIndicators(framework).map(({ indicator }) => ({ id: indicator.id, nameZh: indicator.nameZh, nameEn: indicator.nameEn }))];
}

async function writeEvidence(trx: Executor, application: ApplicationRow, evidence: Record<string, EvidenceRef[]>): Promise<void> {
  const details = { ...detailsOf(application), evidence };
  const updated = await trx
    .updateTable('applications')
    .set({ details: JSON.stringify(details), version: application.version + 1, updated_at: now() })
    .where('id', '=', application.id)
    .where('version', '=', application.version)
    .executeTakeFirst();
  if (Number(updated.numUpdatedRows) !== 1) throw new AppError('CONFLICT', 'the application changed meanwhile; reload and try again / 申请已被修改，请刷新');
}

function requireEditable(application: ApplicationRow): void {
  if (!EDITABLE.includes(application.state)) throw new AppError('INVALID_TRANSITION', `Evidence can change only while the application is a draft or returned (it is ${application.state}) / 仅草稿或退回修改的申请可以更改证明材料`);
}

export interface AttachEvidenceInput {
  applicationId: number;
  indicatorId: string;
  file: { bytes: Uint8Array; originalName: string };
}

export async function attachEvidence(store: Store, actor: Actor, input: AttachEvidenceInput, options: { files: FileStore }): Promise<EvidenceRef> {
  if (input.file.bytes.byteLength === 0) throw invalid('file', 'choose a file / 请选择文件');
  if (input.file.bytes.byteLength > EVIDENCE_FILE_MAX_BYTES) throw new AppError('PAYLOAD_TOO_LARGE', 'An evidence file may be at most 10 MB / 证明材料不得超过 10 MB', { path: 'file' });
  const mediaType = sniffMediaType(input.file.bytes);
  if (mediaType === undefined) throw new AppError('UNSUPPORTED_MEDIA_TYPE', 'Evidence must be a PDF, PNG or JPEG file (checked by content) / 证明材料须为 PDF、PNG 或 JPEG 文件（按文件内容识别）', { path: 'file' });
  return store.transaction(async (trx) => {
    const { application, subject } = await loadApplicationFor(trx, store, actor, input.applicationId);
    authorize(actor, 'update', subject);
    requireEditable(application);
    const framework = await evidenceFramework(trx, application);
    if (!evidenceTargets(framework).some((t) => t.id === input.indicatorId)) throw invalid('indicatorId', `"${input.indicatorId}" is not an indicator of ${framework.id} / 指标体系中无此指标`);
    const file = await options.files.save(trx, { bytes: input.file.bytes, originalName: input.file.originalName, mediaType, enterpriseId: application.enterprise_id });
    const reference: EvidenceRef = { fileId: file.id, name: file.original_name, mediaType, size: file.size, attachedAt: file.created_at };
    const evidence = detailsOf(application).evidence;
    await writeEvidence(trx, application, { ...evidence, [input.indicatorId]: [...(evidence[input.indicatorId] ?? []), reference] });
    await appendAuditEvent(trx, store.capabilities, { actorUserId: actorUserId(actor), actorLabel: actorLabel(actor), action: 'application.evidence-attached', subjectType: 'application', subjectId: application.id, enterpriseId: application.enterprise_id, data: { indicatorId: input.indicatorId, fileId: file.id, sha256: file.sha256, mediaType, size: file.size } });
    return reference;
  });
}

export async function removeEvidence(store: Store, actor: Actor, input: { applicationId: number; fileId: number }): Promise<void> {
  await store.transaction(async (trx) => {
    const { application, subject } = await loadApplicationFor(trx, store, actor, input.applicationId);
    authorize(actor, 'update', subject);
    requireEditable(application);
    const evidence = detailsOf(application).evidence;
    const kept = Object.fromEntries(Object.entries(evidence).map(([id, files]) => [id, files.filter((f) => f.fileId !== input.fileId)]).filter(([, files]) => files !== undefined && files.length > 0));
    if (JSON.stringify(kept) === JSON.stringify(evidence)) throw invalid('fileId', `file ${input.fileId} is not attached to this application / 该文件不是本申请的证明材料`);
    await writeEvidence(trx, application, kept);
    await appendAuditEvent(trx, store.capabilities, { actorUserId: actorUserId(actor), actorLabel: actorLabel(actor), action: 'application.evidence-removed', subjectType: 'application', subjectId: application.id, enterpriseId: application.enterprise_id, data: { fileId: input.fileId } });
  });
}

/** An evidence file of an application its reader may see: the row's storage key, name and type. */
export async function readEvidenceFile(store: Store, actor: Actor, input: { applicationId: number; fileId: number }): Promise<{ storageKey: string; name: string; mediaType: string }> {
  const { application } = await loadApplicationFor(store.db, store, actor, input.applicationId);
  const attached = Object.values(detailsOf(application).evidence).flat().some((f) => f.fileId === input.fileId);
  if (!attached) throw new AppError('NOT_FOUND', `file ${input.fileId} is not evidence of application ${application.id}`);
  const file = await store.db.selectFrom('files').select(['storage_key', 'original_name', 'media_type']).where('id', '=', input.fileId).where('enterprise_id', '=', application.enterprise_id).executeTakeFirst();
  if (file === undefined) throw new AppError('NOT_FOUND', `file ${input.fileId} not found`);
  return { storageKey: file.storage_key, name: file.original_name, mediaType: file.media_type };
}
