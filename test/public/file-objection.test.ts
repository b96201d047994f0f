/** Filing objections and contact messages on both databases: rules, case numbers, evidence, audit. */
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DIALECTS, type TestStore } from '../support/stores.ts';
import { fileObjection, EVIDENCE_MAX_BYTES, caseNumberOf } from '../../src/commands/objections/file-objection.ts';
import { sendContactMessage, contactReference } from '../../src/commands/contact/send-contact-message.ts';
import { fileStoreFor } from '../../src/store/files/file-store.ts';
import { verifyAuditChain } from '../../src/commands/audit/verify-audit-chain.ts';
import { AppError } from '../../src/domain/errors.ts';
import type { Actor } from '../../src/domain/actors/actor.ts';
import { loadPublicFixture, type PublicFixture } from './fixture.ts';

const TODAY = '2026-11-30';
const PUBLIC: Actor = { kind: 'public', clientKey: 'client-a' };
const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3, 4]);
const form = { fullName: '张三', contact: 'zhangsan@example.org', reason: '该企业2026年发生环境违法行为，已被处罚。', clientKey: 'client-a' };

for (const dialect of DIALECTS) {
  describe(`filing objections on ${dialect.name}`, { skip: dialect.skip }, () => {
    let store: TestStore;
    let fixture: PublicFixture;
    let dataDirectory: string;
    before(async () => {
      store = await dialect.open();
      fixture = await loadPublicFixture(store, { today: TODAY });
      dataDirectory = mkdtempSync(join(tmpdir(), 'greenlist-files-'));
    });
    after(async () => {
      await store?.dispose();
      rmSync(dataDirectory, { recursive: true, force: true });
    });
    const file = (input: Partial<Parameters<typeof fileObjection>[2]>, today = TODAY) =>
      fileObjection(store, PUBLIC, { noticeId: fixture.openNoticeId, entryId: fixture.candidates.paint, ...form, ...input }, { files: fileStoreFor({ dataDirectory }), today });

    test('an objection gets the next case number of its notice, its evidence is stored by content, and it is audited', async () => {
      const first = await file({ evidence: { bytes: PNG, originalName: '../现场照片.png' } });
      const second = await file({ entryId: fixture.candidates.plant });
      assert.equal(first.caseNumber, caseNumberOf('2026', fixture.openNoticeId, 1));
      assert.equal(second.caseNumber, caseNumberOf('2026', fixture.openNoticeId, 2));
      assert.match(first.caseNumber, /^OBJ-2026-\d{4}-0001$/);
      assert.deepEqual(first.evidence, { mediaType: 'image/png', size: PNG.byteLength });
      const row = await store.db.selectFrom('objections').selectAll().where('case_number', '=', first.caseNumber).executeTakeFirstOrThrow();
      assert.equal(row.status, 'received');
      assert.equal(row.full_name, '张三');
      const stored = await store.db.selectFrom('files').selectAll().where('id', '=', row.evidence_file_id!).executeTakeFirstOrThrow();
      assert.equal(stored.original_name, '现场照片.png');
      assert.deepEqual(new Uint8Array(readFileSync(join(dataDirectory, stored.storage_key))), PNG);
      const audit = await store.db.selectFrom('audit_events').selectAll().where('subject_type', '=', 'objection').where('subject_id', '=', first.caseNumber).executeTakeFirstOrThrow();
      assert.equal(audit.action, 'objection.filed');
      assert.doesNotMatch(audit.data, /张三|zhangsan/, 'the objector stays out of the audit log');
      assert.equal((await verifyAuditChain(store)).ok, true);
    });

    test('the form is validated field by field', async () => {
      const fails = async (input: Partial<Parameters<typeof fileObjection>[2]>, path: string, code = 'VALIDATION') =>
        assert.rejects(file(input), (e) => AppError.is(e) && e.code === code && e.path === path, `${path} ${code}`);
      await fails({ fullName: '张' }, 'fullName');
      await fails({ contact: 'not a contact' }, 'contact');
      await fails({ reason: '太短' }, 'reason');
      await fails({ entryId: 999_999 }, 'entryId');
      // Every field's problem is reported at once, the first one named by the error's path.
      await assert.rejects(file({ entryId: 0, fullName: '', reason: '' }), (e) => AppError.is(e, 'VALIDATION') && e.path === 'entryId' && JSON.stringify((e.details as { problems: { path: string }[] }).problems.map((p) => p.path)) === '["entryId","fullName","reason"]');
      await fails({ evidence: { bytes: new TextEncoder().encode('MZ executable'), originalName: 'evidence.pdf' } }, 'evidence', 'UNSUPPORTED_MEDIA_TYPE');
      const big = new Uint8Array(EVIDENCE_MAX_BYTES + 1);
      big.set(PNG);
      await fails({ evidence: { bytes: big, originalName: 'big.png' } }, 'evidence', 'PAYLOAD_TOO_LARGE');
      // Exactly 5 MB is accepted.
      const limit = new Uint8Array(EVIDENCE_MAX_BYTES);
      limit.set(PNG);
      assert.equal((await file({ evidence: { bytes: limit, originalName: 'limit.png' } })).evidence?.size, EVIDENCE_MAX_BYTES);
    });

    test('only while the notice is open, and only on a candidate entry', async () => {
      // The fixture's open notice opened on TODAY: the day before, it was not open yet.
      await assert.rejects(file({}, '2026-11-29'), (e) => AppError.is(e, 'RULE_VIOLATION'));
      await assert.rejects(fileObjection(store, PUBLIC, { noticeId: fixture.closedNoticeId, entryId: fixture.candidates.passed, ...form }, { files: fileStoreFor({ dataDirectory }), today: TODAY }), (e) => AppError.is(e, 'RULE_VIOLATION'));
      await store.db.updateTable('notice_entries').set({ status: 'withdrawn' }).where('id', '=', fixture.candidates.plant).execute();
      await assert.rejects(file({ entryId: fixture.candidates.plant }), (e) => AppError.is(e, 'RULE_VIOLATION') && e.path === 'entryId');
      await store.db.updateTable('notice_entries').set({ status: 'candidate' }).where('id', '=', fixture.candidates.plant).execute();
      await assert.rejects(fileObjection(store, PUBLIC, { noticeId: 999_999, entryId: 1, ...form }, { files: fileStoreFor({ dataDirectory }), today: TODAY }), (e) => AppError.is(e, 'NOT_FOUND'));
    });

    test('a contact message is stored with a reference and audited without its content', async () => {
      const sent = await sendContactMessage(store, PUBLIC, { kind: 'media', fullName: '王五', email: 'wang@example.org', organisation: '某报社', subject: '采访申请', body: '希望采访绿色工厂名单工作。', lang: 'zh-CN', clientKey: 'client-a' }, { today: TODAY });
      assert.match(sent.reference, /^MSG-20261130-[A-HJKMNP-Z2-9]{6}$/);
      const row = await store.db.selectFrom('contact_messages').selectAll().where('reference', '=', sent.reference).executeTakeFirstOrThrow();
      assert.deepEqual([row.kind, row.organisation, row.handled_at], ['media', '某报社', null]);
      const audit = await store.db.selectFrom('audit_events').selectAll().where('action', '=', 'contact.received').executeTakeFirstOrThrow();
      assert.doesNotMatch(audit.data, /王五|采访/);
      await assert.rejects(sendContactMessage(store, PUBLIC, { kind: 'contact', fullName: '王五', email: 'no-at-sign', subject: '主题', body: '内容内容内容内容内容', lang: 'en', clientKey: 'k' }), (e) => AppError.is(e, 'VALIDATION') && e.path === 'email');
      await assert.rejects(sendContactMessage(store, PUBLIC, { kind: 'spam', fullName: '王五', email: 'a@b.cn', subject: '主题', body: '内容内容内容内容内容', lang: 'en', clientKey: 'k' }), (e) => AppError.is(e, 'VALIDATION') && e.path === 'kind');
    });
  });
}

test('contact references use an alphabet without look-alikes', () => {
  let n = 0;
  // pick() returning 0,1,2,… walks the alphabet: A B C D E F.
  assert.equal(contactReference('2026-11-30', () => n++), 'MSG-20261130-ABCDEF');
  assert.equal(contactReference('2026-01-02', () => 30), 'MSG-20260102-999999');
});
