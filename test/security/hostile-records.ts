/**
 * Records whose text is an attack, written into a demo store before the app starts: an
 * enterprise (on the open notice, with its notice entry, list entries and certificate),
 * a news item, an objection reason, a contact message shown to administrators and an
 * EHS hazard — each named `<script>alert(1)</script>"' onmouseover=x`. The pages that
 * show them must show the text, escaped.
 */
import { createHash } from 'node:crypto';
import type { Store } from '../../src/store/store.ts';
import { now } from '../../src/store/store.ts';

export const HOSTILE = `<script>alert(1)</script>"' onmouseover=x`;
/** What must never appear in HTML: the script tag, and a quote that could close an attribute before the handler. */
export const UNSAFE_FRAGMENTS = ['<script>alert(1)', `"' onmouseover=x`, `" onmouseover=x`, `' onmouseover=x`];
/** What must appear where the text is shown: the tag, escaped. */
export const ESCAPED_TAG = '&lt;script&gt;alert(1)&lt;/script&gt;';

export interface HostileRecords {
  enterpriseId: number;
  noticeId: number;
  newsSlug: string;
  certificateNumber: string | null;
  contactReference: string;
  hazardId: number;
  plantId: number;
  /** The enterprise's credit code, to search for it. */
  creditCode: string;
}

export async function plantHostileRecords(store: Store): Promise<HostileRecords> {
  const db = store.db;
  const notice = await db.selectFrom('notices').select('id').where('status', '=', 'open').orderBy('id').executeTakeFirstOrThrow();
  const entry = await db.selectFrom('notice_entries').select(['id', 'enterprise_id']).where('notice_id', '=', notice.id).orderBy('position').executeTakeFirstOrThrow();
  const enterprise = await db.selectFrom('enterprises').select(['id', 'credit_code']).where('id', '=', entry.enterprise_id).executeTakeFirstOrThrow();
  await db.updateTable('enterprises').set({ name_zh: HOSTILE, name_en: HOSTILE }).where('id', '=', enterprise.id).execute();
  await db.updateTable('notice_entries').set({ name_zh: HOSTILE }).where('enterprise_id', '=', enterprise.id).execute();
  await db.updateTable('list_entries').set({ name_zh: HOSTILE, name_en: HOSTILE }).where('enterprise_id', '=', enterprise.id).execute();
  const certificate = await db.selectFrom('certificates').select('number').where('enterprise_id', '=', enterprise.id).executeTakeFirst();

  const at = now();
  const newsSlug = 'hostile-news';
  await db.insertInto('news_items').values({ slug: newsSlug, lang: 'zh-CN', title: HOSTILE, summary: HOSTILE, body: `${HOSTILE}\n\n[link](javascript:alert(1)) <img src=x onerror=alert(1)>`, author: HOSTILE, published_at: at, enterprise_id: enterprise.id, province_code: null, programme_code: null, is_demo: 1, created_at: at, updated_at: at }).execute();

  await db.insertInto('objections').values({ notice_id: notice.id, notice_entry_id: entry.id, enterprise_id: entry.enterprise_id, case_number: 'OBJ-2026-9999-0001', full_name: HOSTILE, contact: HOSTILE, reason: HOSTILE, evidence_file_id: null, status: 'received', outcome_note: null, handled_by: null, handled_at: null, client_key: createHash('sha256').update('hostile').digest('hex').slice(0, 32), created_at: at }).execute();

  const contactReference = 'MSG-20261130-HOSTIL';
  await db.insertInto('contact_messages').values({ kind: 'media', full_name: HOSTILE, email: 'hostile@example.com', organisation: HOSTILE, subject: HOSTILE, body: HOSTILE, lang: 'zh-CN', client_key: 'hostile', reference: contactReference, created_at: at, handled_at: null }).execute();

  const plant = await db.selectFrom('enterprises').select('id').orderBy('id').executeTakeFirstOrThrow();
  const hazard = await db.selectFrom('ehs_hazards').select('id').where('enterprise_id', '=', plant.id).where('closed_on', 'is', null).orderBy('id').executeTakeFirst();
  const hazardId = hazard?.id ?? (await db.selectFrom('ehs_hazards').select('id').where('enterprise_id', '=', plant.id).orderBy('id').executeTakeFirstOrThrow()).id;
  // Open, so the register's dashboard lists it.
  await db.updateTable('ehs_hazards').set({ description: HOSTILE, location: HOSTILE, status: 'open', closed_on: null }).where('id', '=', hazardId).execute();
  await db.updateTable('ehs_events').set({ title: HOSTILE }).where('enterprise_id', '=', plant.id).execute();

  return { enterpriseId: enterprise.id, noticeId: notice.id, newsSlug, certificateNumber: certificate?.number ?? null, contactReference, hazardId, plantId: plant.id, creditCode: enterprise.credit_code };
}
