/**
 * The third-party evaluation report as a PDF, in Chinese (with English headings): the
 * parties, the conflict-of-interest declaration, declared against verified values, the
 * verified KPIs with the arithmetic of each (the engine's traces), the verified score per
 * indicator, and the evaluator's sign-off (or "draft, not signed"). A4, the npm-shipped
 * CJK font (cjk-font.ts); the same report renders the same bytes.
 */
import PDFDocument from 'pdfkit';
import type { EvaluationReport } from '../../commands/evaluations/read-evaluation-report.ts';
import { KPI_NAMES } from '../../engine/index.ts';
import { cjkFont } from './cjk-font.ts';
import { collectPdf } from './collect-pdf.ts';

export interface EvaluationReportPdfOptions {
  /** The demo data set: the report says 示例数据 on every page. */
  demo: boolean;
}

type Doc = InstanceType<typeof PDFDocument>;

const GREEN = '#0b3d2c';
const INK = '#1b1f1d';
const MUTED = '#4f5953';
const RED = '#a61b1b';
const LEFT = 56;
const WIDTH = 595.28 - 112;

function heading(doc: Doc, zh: string, en: string): void {
  if (doc.y > 720) doc.addPage();
  doc.moveDown(0.8).fontSize(13).fillColor(GREEN).text(zh, LEFT, doc.y, { continued: true }).fontSize(9).fillColor(MUTED).text(`  ${en}`);
  doc.moveTo(LEFT, doc.y + 2).lineTo(LEFT + WIDTH, doc.y + 2).lineWidth(0.5).strokeColor('#d5ddd8').stroke();
  doc.moveDown(0.4);
}

function paragraph(doc: Doc, text: string, options: { size?: number; color?: string; indent?: number } = {}): void {
  doc.fontSize(options.size ?? 10).fillColor(options.color ?? INK).text(text, LEFT + (options.indent ?? 0), doc.y, { width: WIDTH - (options.indent ?? 0) });
}

/** Rows of cells at fixed column widths (fractions of the width), wrapping inside each cell. */
function table(doc: Doc, columns: readonly number[], rows: readonly (readonly string[])[], options: { header?: boolean; size?: number } = {}): void {
  const size = options.size ?? 9;
  rows.forEach((row, index) => {
    const heights = row.map((cell, i) => doc.fontSize(size).heightOfString(cell, { width: columns[i]! * WIDTH - 6 }));
    const height = Math.max(...heights) + 4;
    if (doc.y + height > 790) doc.addPage();
    const top = doc.y;
    let x = LEFT;
    row.forEach((cell, i) => {
      doc.fontSize(size).fillColor(options.header && index === 0 ? GREEN : INK).text(cell, x + 3, top + 2, { width: columns[i]! * WIDTH - 6 });
      x += columns[i]! * WIDTH;
    });
    doc.y = top + height;
    doc.moveTo(LEFT, doc.y).lineTo(LEFT + WIDTH, doc.y).lineWidth(0.3).strokeColor('#d5ddd8').stroke();
  });
  doc.x = LEFT;
}

function formatValue(value: unknown): string {
  if (value === null || value === undefined) return '—';
  if (typeof value === 'number') return Number.isInteger(value) ? value.toLocaleString('zh-CN') : value.toLocaleString('zh-CN', { maximumFractionDigits: 4 });
  return String(value);
}

function demoMark(doc: Doc): void {
  doc.save().fontSize(8).fillColor(RED).text('示例数据：企业名称或为真实名称，所有数据均为演示而编造 · Demo data: every figure is invented', LEFT, 30, { width: WIDTH, align: 'center', lineBreak: false }).restore();
}

export async function renderEvaluationReportPdf(report: EvaluationReport, options: EvaluationReportPdfOptions): Promise<Buffer> {
  const { evaluation, application, enterprise, organisation } = report;
  const stamp = new Date(evaluation.signed_at ?? evaluation.accepted_at ?? evaluation.created_at);
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: 48, bottom: 40, left: LEFT, right: LEFT },
    font: null as unknown as string,
    lang: 'zh-CN',
    displayTitle: true,
    bufferPages: true,
    info: { Title: `第三方评价报告 ${enterprise.name_zh} ${application.data_year}`, Author: organisation.name_zh, Subject: `application ${application.id} · evaluation ${evaluation.id}`, Creator: 'greenlist', Producer: 'greenlist', CreationDate: stamp, ModDate: stamp },
  });
  const done = collectPdf(doc);
  doc.registerFont('cjk', cjkFont() as string);
  doc.font('cjk');

  doc.fontSize(20).fillColor(GREEN).text('绿色工厂第三方评价报告', LEFT, 56, { width: WIDTH, align: 'center' });
  doc.fontSize(11).fillColor(MUTED).text('Green factory third-party evaluation report', { width: WIDTH, align: 'center' });
  doc.moveDown(0.4);
  const signed = report.signer !== null;
  doc.fontSize(10).fillColor(signed ? GREEN : RED).text(signed ? `已签署 Signed · ${report.signer!.displayName} · ${report.signer!.signedAt.slice(0, 10)}` : '草稿：尚未签署 · Draft: not signed', { width: WIDTH, align: 'center' });

  heading(doc, '基本信息', 'Parties');
  table(doc, [0.3, 0.7], [
    ['申报企业 Enterprise', `${enterprise.name_zh}\n${enterprise.name_en}`],
    ['统一社会信用代码 Credit code', enterprise.credit_code],
    ['工厂 Factory', report.factory === null ? '—' : report.factory.name_zh],
    ['申报批次 Batch', report.batch === null ? '—' : `${report.batch.nameZh}\n${report.batch.nameEn}`],
    ['数据年度 Data year', String(application.data_year)],
    ['评价依据 Framework', report.score === null ? (report.batch?.frameworkId ?? '—') : `${report.score.frameworkId} ${report.score.frameworkVersion}`],
    ['第三方评价机构 Evaluator', `${organisation.name_zh}\n${organisation.name_en}（${organisation.credit_code}）`],
    ['申请编号 / 委托编号 Application / engagement', `${application.id} / ${evaluation.id}`],
  ]);

  heading(doc, '利益冲突声明', 'Conflict-of-interest declaration');
  paragraph(doc, report.declaration === null ? '尚未声明 · not declared yet' : `${report.declaration.hasConflict ? '存在利益冲突' : '无利益冲突 · no conflict of interest'}：${report.declaration.statement}`);

  heading(doc, '申报值与核实值', 'Declared and verified values');
  if (report.verified === null) paragraph(doc, '尚未录入核实数据 · no verified values recorded yet', { color: MUTED });
  else if (report.differences.length === 0) paragraph(doc, '核实值与企业申报值一致 · the verified values equal the declared ones');
  else table(doc, [0.46, 0.19, 0.19, 0.16], [['字段 Field', '申报值 Declared', '核实值 Verified', '相对差 Change'], ...report.differences.map((d) => [d.path, formatValue(d.declared), formatValue(d.verified), d.relative === null ? '—' : `${(d.relative * 100).toFixed(1)}%`])], { header: true });

  heading(doc, '核实后关键绩效指标及计算过程', 'Verified KPIs and their arithmetic');
  if (report.kpis === null) paragraph(doc, '无核实数据 · no verified data', { color: MUTED });
  else {
    for (const name of KPI_NAMES) {
      const trace = report.kpis.traces[name];
      if (doc.y > 740) doc.addPage();
      paragraph(doc, `${trace.nameZh}（${name}）：${trace.value === null ? `— ${trace.reason ?? ''}` : `${formatValue(trace.value)} ${trace.unit}`}`, { size: 10 });
      for (const step of trace.steps) paragraph(doc, step, { size: 8, color: MUTED, indent: 14 });
    }
  }

  heading(doc, '评分', 'Score');
  const score = report.score;
  if (score === null) paragraph(doc, '无评分 · not scored', { color: MUTED });
  else {
    paragraph(doc, `总分 Total：${score.total === null ? '—（否决 vetoed）' : score.total}${score.grade ? ` · 等级 ${score.grade}` : ''} · ${score.eligible ? '符合 eligible' : '不符合 not eligible'}`, { size: 11 });
    for (const veto of score.vetoes) paragraph(doc, `否决 Veto：${veto.reason}`, { color: RED });
    for (const open of score.unconfirmed) paragraph(doc, `未确认 Unconfirmed：${open.reason}`, { color: MUTED });
    doc.moveDown(0.3);
    table(doc, [0.34, 0.14, 0.52], [['指标 Indicator', '得分 Score', '说明 Explanation'], ...score.indicators.map((i) => [i.name, `${i.score} / ${i.max}`, i.explanation])], { header: true, size: 8 });
  }

  heading(doc, '签署', 'Sign-off');
  paragraph(doc, signed ? `本报告由${organisation.name_zh}评价人员${report.signer!.displayName}于${report.signer!.signedAt.slice(0, 10)}签署，机构对报告的真实性、准确性负责（工信部节〔2024〕13号）。` : '本报告尚未签署，仅供核对。 · This report is not signed yet.');
  paragraph(doc, signed ? `Signed by ${report.signer!.displayName} of ${organisation.name_en} on ${report.signer!.signedAt.slice(0, 10)}; the evaluator answers for the report's truth and accuracy.` : '', { size: 9, color: MUTED });

  const range = doc.bufferedPageRange();
  for (let i = 0; i < range.count; i++) {
    doc.switchToPage(range.start + i);
    // Header and footer sit in the margins: without this pdfkit would start a new page for them.
    const margins = doc.page.margins;
    doc.page.margins = { ...margins, top: 0, bottom: 0 };
    if (options.demo) demoMark(doc);
    doc.fontSize(8).fillColor(MUTED).text(`${enterprise.name_zh} · ${application.data_year} · ${i + 1} / ${range.count}`, LEFT, 812, { width: WIDTH, align: 'center', lineBreak: false });
    doc.page.margins = margins;
  }
  doc.end();
  return done;
}
