/** Zero hidden dangers and zero violations on both databases: closure needs evidence. */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DIALECTS, withTestStore } from '../support/stores.ts';
import { AppError } from '../../src/domain/errors.ts';
import { fileStoreFor } from '../../src/store/files/file-store.ts';
import { recordHazard } from '../../src/commands/ehs/record-hazard.ts';
import { closeHazard } from '../../src/commands/ehs/close-hazard.ts';
import { recordViolation } from '../../src/commands/ehs/record-violation.ts';
import { recordViolationCorrection } from '../../src/commands/ehs/record-violation-correction.ts';
import { listHazards, listViolations } from '../../src/store/queries/ehs/ehs-register-views.ts';
import { ehsWorld, PDF_BYTES } from './ehs-fixtures.ts';

const hazardInput = (enterpriseId: number) => ({ enterpriseId, foundOn: '2025-04-02', foundBy: '安全环保部 李工', location: '水解工段 二楼', description: '盐酸管线法兰垫片老化渗漏', grade: 'general', owner: '设备部 王工', deadline: '2025-04-30', fundsYuan: 3500, measures: '更换垫片并复查' });

for (const dialect of DIALECTS) {
  describe(`hazards and violations on ${dialect.name}`, { skip: dialect.skip }, () => {
    test('a hazard closes only with evidence; the evidence is stored by content type and belongs to the enterprise', async () => {
      const directory = mkdtempSync(join(tmpdir(), 'greenlist-ehs-files-'));
      try {
        await withTestStore(dialect, async (store) => {
          const w = await ehsWorld(store);
          const files = fileStoreFor({ dataDirectory: directory });
          const hazard = await recordHazard(store, w.plant, hazardInput(w.plantId), { today: '2025-04-02' });
          const feed = await store.db.selectFrom('ehs_events').selectAll().where('id', '=', hazard.ehs_event_id!).executeTakeFirstOrThrow();
          assert.deepEqual([feed.kind, feed.category, feed.severity, feed.status], ['hazard', 'safety', 'general', 'open']);
          await assert.rejects(recordHazard(store, w.plant, { ...hazardInput(w.plantId), criterionId: '121-12' }, { today: '2025-04-02' }), (e) => AppError.is(e, 'VALIDATION') && e.path === 'grade');

          const close = (evidence: Parameters<typeof closeHazard>[2]['evidence'], closedOn = '2025-04-20') => closeHazard(store, w.plant, { enterpriseId: w.plantId, hazardId: hazard.id, closedOn, note: '已更换垫片，复查无渗漏', evidence }, { today: '2025-05-06', files });
          await assert.rejects(close(undefined), (e) => AppError.is(e, 'VALIDATION') && e.path === 'evidence');
          await assert.rejects(close({ bytes: new TextEncoder().encode('not a picture'), originalName: 'photo.png' }), (e) => AppError.is(e, 'UNSUPPORTED_MEDIA_TYPE'));
          await assert.rejects(close({ bytes: PDF_BYTES, originalName: 'acceptance.pdf' }, '2025-04-01'), (e) => AppError.is(e, 'VALIDATION') && e.path === 'closedOn');
          assert.equal((await store.db.selectFrom('files').select('id').execute()).length, 0, 'refused closures stored no file');
          const closed = await close({ bytes: PDF_BYTES, originalName: '整改验收单.pdf' });
          assert.equal(closed.status, 'closed');
          const file = await store.db.selectFrom('files').selectAll().where('id', '=', closed.evidence_file_id!).executeTakeFirstOrThrow();
          assert.deepEqual([file.enterprise_id, file.media_type, file.original_name], [w.plantId, 'application/pdf', '整改验收单.pdf']);
          assert.equal((await store.db.selectFrom('ehs_events').select('status').where('id', '=', hazard.ehs_event_id!).executeTakeFirstOrThrow()).status, 'closed');
          const [view] = await listHazards(store.db, w.plantId, '2025-05-06');
          assert.deepEqual([view!.overdue, view!.closedLate, view!.evidenceFile?.name], [false, false, '整改验收单.pdf']);
          await assert.rejects(close({ fileId: file.id }), (e) => AppError.is(e, 'INVALID_TRANSITION'));

          // Evidence uploaded for one enterprise cannot close another's hazard.
          const other = await recordHazard(store, w.wuhanPlant, hazardInput(w.wuhanPlantId), { today: '2025-04-02' });
          await assert.rejects(closeHazard(store, w.wuhanPlant, { enterpriseId: w.wuhanPlantId, hazardId: other.id, closedOn: '2025-04-10', evidence: { fileId: file.id } }, { today: '2025-05-06', files }), (e) => AppError.is(e, 'VALIDATION') && e.path === 'evidenceFileId');
          // …and a hazard id of another enterprise is not found through this one's register.
          await assert.rejects(closeHazard(store, w.plant, { enterpriseId: w.plantId, hazardId: other.id, closedOn: '2025-04-10', evidence: { fileId: file.id } }, { today: '2025-05-06', files }), (e) => AppError.is(e, 'NOT_FOUND'));
          // Still open after its deadline: overdue.
          assert.equal((await listHazards(store.db, w.wuhanPlantId, '2025-05-01'))[0]!.overdue, true);
        });
      } finally {
        rmSync(directory, { recursive: true, force: true });
      }
    });

    test('a violation with its penalty and corrective action; correcting it closes the feed row', async () => {
      await withTestStore(dialect, async (store) => {
        const w = await ehsWorld(store);
        const input = { enterpriseId: w.wuhanPlantId, decidedOn: '2024-09-12', domain: 'environment', authorityName: '武汉市生态环境局', decisionNumber: '武环罚〔2024〕88号', basis: '《中华人民共和国大气污染防治法》第一百零八条', penaltyYuan: 80000, permitCondition: '排污许可证 §4.2 无组织排放控制', description: '储罐呼吸阀VOCs无组织排放未按要求收集处理', correctiveAction: '加装油气回收装置', correctiveDeadline: '2024-12-31' };
        await assert.rejects(recordViolation(store, w.wuhanPlant, { ...input, penaltyYuan: -5 }, { today: '2024-10-01' }), (e) => AppError.is(e, 'VALIDATION') && e.path === 'penaltyYuan');
        await assert.rejects(recordViolation(store, w.wuhanPlant, { ...input, domain: 'finance' }, { today: '2024-10-01' }), (e) => AppError.is(e, 'VALIDATION') && e.path === 'domain');
        const violation = await recordViolation(store, w.wuhanPlant, input, { today: '2024-10-01' });
        assert.equal((await listViolations(store.db, w.wuhanPlantId, '2025-01-01'))[0]!.overdue, true, 'corrective deadline 2024-12-31 passed');
        await recordViolationCorrection(store, w.wuhanPlant, { enterpriseId: w.wuhanPlantId, violationId: violation.id, correctedOn: '2024-12-20' }, { today: '2025-01-01' });
        const [view] = await listViolations(store.db, w.wuhanPlantId, '2025-01-01');
        assert.deepEqual([view!.status, view!.overdue], ['corrected', false]);
        const feed = await store.db.selectFrom('ehs_events').selectAll().where('id', '=', violation.ehs_event_id!).executeTakeFirstOrThrow();
        assert.deepEqual([feed.kind, feed.category, feed.status, feed.negative_list_until], ['violation', 'environment', 'closed', null]);
      });
    });
  });
}
