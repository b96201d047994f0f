/** The objection cases of a notice, in full (objector, contact, reason), for the reviewers of its authority only. */
import type { Actor } from '../../domain/actors/actor.ts';
import { notFound } from '../../domain/errors.ts';
import { authorize } from '../../policies/index.ts';
import type { Store } from '../../store/store.ts';

export async function listObjectionCases(store: Store, actor: Actor, noticeId: number) {
  const notice = await store.db.selectFrom('notices').select(['id', 'authority_id']).where('id', '=', noticeId).executeTakeFirst();
  if (notice === undefined) throw notFound(`notice ${noticeId}`);
  authorize(actor, 'read', { type: 'objection', authorityId: notice.authority_id });
  return store.db
    .selectFrom('objections as o')
    .innerJoin('notice_entries as ne', (join) => join.onRef('ne.id', '=', 'o.notice_entry_id').onRef('ne.enterprise_id', '=', 'o.enterprise_id'))
    .select(['o.id as id', 'o.case_number as caseNumber', 'o.notice_entry_id as noticeEntryId', 'ne.name_zh as entryNameZh', 'ne.application_id as applicationId', 'o.full_name as fullName', 'o.contact as contact', 'o.reason as reason', 'o.evidence_file_id as evidenceFileId', 'o.status as status', 'o.outcome_note as outcomeNote', 'o.handled_at as handledAt', 'o.created_at as filedAt'])
    .where('o.notice_id', '=', notice.id)
    .orderBy('o.id')
    .execute();
}
