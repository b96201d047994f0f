/** The evaluation report PDF: Chinese text that reads back, the differences and the arithmetic, the sign-off, stable bytes. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { PDFParse } from 'pdf-parse';
import type { EvaluationReport } from '../../commands/evaluations/read-evaluation-report.ts';
import { annualDataDifferences } from '../../domain/applications/annual-data-differences.ts';
import { computeKpis, getFramework, parseAnnualData, score } from '../../engine/index.ts';
import type { Row } from '../../store/schema.ts';
import { renderEvaluationReportPdf } from './evaluation-report-pdf.ts';

const declared = { year: 2025, gridRegion: 'central', energy: [{ carrier: 'electricity', quantity: 12_000_000, unit: 'kWh' }], output: { products: [{ name: '有机硅单体', quantity: 100_000, unit: 't' }], valueTenThousandYuan: 250_000 }, water: { withdrawalM3: 1000, reusedM3: 9000 } };
const verified = { ...declared, water: { withdrawalM3: 1000, reusedM3: 8100 } };
const data = parseAnnualData(verified);

function report(signed: boolean): EvaluationReport {
  const at = '2026-03-20T02:00:00.000Z';
  return {
    evaluation: { id: 7, application_id: 3, enterprise_id: 1, kind: 'third_party', evaluator_org_id: 2, state: signed ? 'signed' : 'accepted', national: 1, year: 2026, conflict_declaration: null, verified_document: null, result_document: null, signed_by: signed ? 5 : null, signed_at: signed ? at : null, accepted_at: at, created_at: at },
    application: { id: 3, data_year: 2025 } as Row<'applications'>,
    enterprise: { name_zh: '江西蓝星星火有机硅有限公司', name_en: 'Jiangxi Bluestar Xinghuo Organosilicone', credit_code: '913604257058623130' } as Row<'enterprises'>,
    factory: { name_zh: '永修生产基地' } as Row<'factories'>,
    organisation: { name_zh: '示例绿色评价技术服务有限公司', name_en: 'Demo Green Evaluation Services', credit_code: '91110000MA0000000X' } as Row<'evaluator_orgs'>,
    batch: { nameZh: '2027年度绿色工厂名单', nameEn: 'Green factories, 2027 list', frameworkId: 'gbt36132-2025@2025.1' },
    declaration: { hasConflict: false, statement: '本机构与申报企业无任何利益关系。' },
    declared,
    verified,
    differences: annualDataDifferences(declared, verified),
    kpis: computeKpis(data),
    score: JSON.parse(JSON.stringify(score({ framework: getFramework('gbt36132-2025'), data }))),
    signer: signed ? { displayName: '第三方评价员（示例）', signedAt: at } : null,
  };
}

async function text(pdf: Buffer): Promise<string> {
  const parser = new PDFParse({ data: new Uint8Array(pdf) });
  try {
    return (await parser.getText()).text;
  } finally {
    await parser.destroy();
  }
}

test('the report reads back in Chinese with the difference, the arithmetic and the sign-off', async () => {
  const pdf = await renderEvaluationReportPdf(report(true), { demo: true });
  assert.equal(pdf.subarray(0, 5).toString('latin1'), '%PDF-');
  const content = (await text(pdf)).replace(/\s+/g, '');
  for (const expected of ['绿色工厂第三方评价报告', '江西蓝星星火有机硅有限公司', '本机构与申报企业无任何利益关系', 'water.reusedM3', '示例数据', '第三方评价员（示例）']) assert.ok(content.includes(expected), expected);
  // 12 000 000 kWh × 0.1229 kgce/kWh = 1 474 800 kgce: the trace's first step is printed.
  assert.ok(content.includes('12000000kWh×0.1229kgce/kWh=1474800kgce'), 'the arithmetic of energyTce');
  // reusedM3 9 000 → 8 100: (8100 − 9000) ÷ 9000 = −10.0 %.
  assert.ok(content.includes('-10.0%'));
});

test('an unsigned report says it is a draft; the same report renders the same bytes', async () => {
  const draft = await renderEvaluationReportPdf(report(false), { demo: false });
  assert.ok((await text(draft)).includes('草稿'));
  assert.ok(draft.equals(await renderEvaluationReportPdf(report(false), { demo: false })));
});
