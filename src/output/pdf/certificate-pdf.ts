/**
 * The printable certificate: one A4 page in Chinese with English, drawn from the signed
 * document alone (so the same certificate always gives the same page). It carries a QR
 * code of the verify URL with the signature, the key id and signature in print, and the
 * signed JSON as the attachment `greenlist-certificate.json`, which
 * `greenlist verify-certificate file.pdf` reads back offline (read-certificate-attachment.ts).
 */
import PDFDocument from 'pdfkit';
import QRCode from 'qrcode';
import { CERTIFICATE_ATTACHMENT, certificateLinks, type CertificateDocument } from '../../domain/certificates/certificate-document.ts';
import { frameworkLabel, type CertificatePayload } from '../../domain/certificates/certificate-payload.ts';
import { cjkFont } from './cjk-font.ts';
import { collectPdf } from './collect-pdf.ts';

export interface CertificatePdfOptions {
  /** Public origin for the QR code when the document carries no links. */
  publicUrl: string;
  /** The demo data set: the page says 示例数据 / demo data across its face. */
  demo: boolean;
}

const PAGE = { width: 595.28, height: 841.89 };
const GREEN = '#0b3d2c';
const RED = '#a61b1b';
const INK = '#1b1f1d';
const MUTED = '#4f5953';

const TITLES: Record<string, [string, string]> = {
  green_factory: ['绿色工厂证书', 'Green Factory Certificate'],
  green_park: ['绿色工业园区证书', 'Green Industrial Park Certificate'],
  green_supply_chain: ['绿色供应链管理企业证书', 'Green Supply-Chain Management Enterprise Certificate'],
  green_design_product: ['绿色设计产品证书', 'Green-Design Product Certificate'],
  system_integration: ['绿色制造系统集成项目证书', 'Green-Manufacturing System-Integration Project Certificate'],
};

const TIERS: Record<string, [string, string]> = { national: ['国家级', 'National'], province: ['省级', 'Provincial'], city: ['市级', 'City'] };

type Doc = InstanceType<typeof PDFDocument>;

/** Double frame with corner marks: the look of an official certificate, not a forged seal. */
function drawBorder(doc: Doc): void {
  doc.save();
  doc.lineWidth(2.5).strokeColor(GREEN).rect(22, 22, PAGE.width - 44, PAGE.height - 44).stroke();
  doc.lineWidth(0.8).strokeColor(RED).rect(30, 30, PAGE.width - 60, PAGE.height - 60).stroke();
  for (const [x, y] of [[30, 30], [PAGE.width - 30, 30], [30, PAGE.height - 30], [PAGE.width - 30, PAGE.height - 30]] as const) {
    doc.fillColor(RED).polygon([x, y - 6], [x + 6, y], [x, y + 6], [x - 6, y]).fill();
  }
  doc.restore();
}

function drawDemoMark(doc: Doc): void {
  doc.save();
  doc.rotate(-35, { origin: [PAGE.width / 2, PAGE.height / 2] });
  doc.fillColor('#c8d3cc').fillOpacity(0.45).fontSize(72).text('示例数据 DEMO', 0, PAGE.height / 2 - 50, { width: PAGE.width, align: 'center', lineBreak: false });
  doc.restore();
  doc.fillColor(RED).fontSize(9).text('示例数据：企业名称或为真实名称，所有数据均为演示而编造 · Demo data: every figure is invented', 40, 40, { width: PAGE.width - 80, align: 'center' });
}

/** The QR code as vector squares (one rectangle per run of dark modules): sharp at any print size. */
function drawQrCode(doc: Doc, text: string, x: number, y: number, size: number): void {
  const qr = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const count = qr.modules.size;
  const quiet = 4;
  const cell = size / (count + quiet * 2);
  doc.save().rect(x, y, size, size).fill('#ffffff').fillColor('#000000');
  for (let row = 0; row < count; row++) {
    let run = -1;
    for (let column = 0; column <= count; column++) {
      const dark = column < count && qr.modules.get(row, column) === 1;
      if (dark && run < 0) run = column;
      if (!dark && run >= 0) {
        doc.rect(x + (quiet + run) * cell, y + (quiet + row) * cell, (column - run) * cell, cell);
        run = -1;
      }
    }
  }
  doc.fill('#000000').restore();
}

function drawSeal(doc: Doc, payload: CertificatePayload, x: number, y: number): void {
  doc.save();
  doc.lineWidth(2).strokeColor(RED).circle(x, y, 46).stroke();
  doc.lineWidth(0.6).circle(x, y, 41).stroke();
  doc.fillColor(RED).fontSize(payload.issuer.nameZh.length > 9 ? 8 : 9.5).text(payload.issuer.nameZh, x - 36, y - 16, { width: 72, align: 'center' });
  doc.fontSize(8).text('电子签名', x - 36, y + 8, { width: 72, align: 'center' });
  doc.fontSize(6.5).text('Ed25519', x - 36, y + 20, { width: 72, align: 'center' });
  doc.restore();
}

function fieldRows(payload: CertificatePayload): [string, string, string][] {
  const batch = payload.batch.noticeNumber === null ? payload.batch.nameZh : `${payload.batch.nameZh}（${payload.batch.noticeNumber}）`;
  return [
    ['统一社会信用代码', 'Unified social credit code', payload.enterprise.creditCode],
    ...(payload.factory === null ? [] : [['工厂', 'Factory', [payload.factory.nameZh, payload.factory.nameEn].filter(Boolean).join('\n')] as [string, string, string]]),
    ['名单批次', 'List', `${batch}\n${payload.batch.nameEn}`],
    ['评价依据', 'Indicator framework', frameworkLabel(payload.framework) ?? '—'],
    ['发证机关', 'Issuing authority', `${payload.issuer.nameZh}\n${payload.issuer.nameEn}`],
    ['发证日期', 'Date of issue', payload.issuedOn],
    ['有效期', 'Validity', `自 ${payload.validity.from} 起，列入名单期间有效（动态管理）\nFrom ${payload.validity.from} for as long as the entry stays on the list`],
  ];
}

/**
 * One line of text, centred or left-aligned, without pdfkit's line wrapper: the wrapper
 * measures every word again, which was a third of a page's rendering time.
 */
function line(doc: Doc, text: string, y: number, options: { size: number; color: string; left?: number; centre?: boolean; spacing?: number }): number {
  doc.fontSize(options.size).fillColor(options.color);
  const width = doc.widthOfString(text, { characterSpacing: options.spacing ?? 0 });
  const x = options.centre === false ? (options.left ?? 62) : (PAGE.width - width) / 2;
  doc.text(text, x, y, { lineBreak: false, characterSpacing: options.spacing ?? 0 });
  return y + doc.currentLineHeight(true);
}

/** A line that may be longer than the page: wrapped (and centred) only when it has to be. */
function fitted(doc: Doc, text: string, y: number, options: { size: number; color: string; left?: number; width?: number; centre?: boolean }): number {
  const width = options.width ?? PAGE.width - 124;
  doc.fontSize(options.size);
  if (doc.widthOfString(text) <= width) return line(doc, text, y, options);
  doc.fillColor(options.color).text(text, options.left ?? 62, y, { width, align: options.centre === false ? 'left' : 'center' });
  return doc.y;
}

/** Draws the title, the enterprise and the signed fields; returns where they end. */
function drawBody(doc: Doc, document: CertificateDocument): number {
  const { payload } = document;
  const [titleZh, titleEn] = TITLES[payload.programme.code] ?? [`${payload.programme.nameZh}证书`, `${payload.programme.nameEn} certificate`];
  const [tierZh, tierEn] = TIERS[payload.tier] ?? [payload.tier, payload.tier];
  let y = line(doc, titleZh, 78, { size: 30, color: GREEN, spacing: 4 });
  y = line(doc, titleEn, y, { size: 14, color: GREEN });
  y = line(doc, `${tierZh} · ${tierEn}`, y + 4, { size: 11, color: RED });
  y = line(doc, `证书编号 Certificate No.  ${payload.number}`, y + 8, { size: 11, color: INK });
  y = line(doc, '兹证明 / This is to certify that', y + 22, { size: 11, color: MUTED });
  y = fitted(doc, payload.enterprise.nameZh, y + 6, { size: 22, color: INK });
  if (payload.enterprise.nameEn !== '') y = fitted(doc, payload.enterprise.nameEn, y, { size: 12, color: MUTED });
  y = fitted(doc, `列入${payload.batch.nameZh}，特发此证。`, y + 8, { size: 11, color: INK });
  y = fitted(doc, `is listed in "${payload.batch.nameEn}", and this certificate is issued accordingly.`, y, { size: 10, color: MUTED });

  const left = 62;
  const valueLeft = left + 160;
  const valueWidth = PAGE.width - 62 - valueLeft;
  y += 22;
  doc.lineWidth(0.5).strokeColor('#d5ddd8').moveTo(left, y - 8).lineTo(PAGE.width - 62, y - 8).stroke();
  for (const [labelZh, labelEn, value] of fieldRows(payload)) {
    const labelBottom = line(doc, labelEn, line(doc, labelZh, y, { size: 10, color: INK, left, centre: false }), { size: 8, color: MUTED, left, centre: false });
    let valueBottom = y;
    for (const part of value.split('\n')) valueBottom = fitted(doc, part, valueBottom, { size: 10, color: INK, left: valueLeft, width: valueWidth, centre: false });
    y = Math.max(labelBottom, valueBottom) + 9;
  }
  return y;
}

/** The QR code, the seal mark and the signature, from `top` (606 unless long names pushed the fields lower). */
function drawVerification(doc: Doc, document: CertificateDocument, verifyUrl: string, top: number): void {
  const { payload, signature } = document;
  const qrSize = 118;
  const qrX = PAGE.width - 62 - qrSize;
  const qrY = top;
  drawQrCode(doc, verifyUrl, qrX, qrY, qrSize);
  line(doc, '扫码核验 · Scan to verify', qrY + qrSize + 4, { size: 9, color: INK, left: qrX + 8, centre: false });
  drawSeal(doc, payload, 118, top + 60);
  const left = 178;
  const width = qrX - left - 14;
  let y = line(doc, '数字签名 Digital signature (Ed25519)', top + 12, { size: 9, color: INK, left, centre: false });
  y = line(doc, `密钥 Key: ${signature.keyId}`, y, { size: 7.5, color: MUTED, left, centre: false });
  // 86 characters of base64url, printed in two halves so it can be typed back.
  y = line(doc, signature.value.slice(0, 43), y + 1, { size: 7, color: MUTED, left, centre: false });
  y = line(doc, signature.value.slice(43), y, { size: 7, color: MUTED, left, centre: false });
  fitted(doc, `核验 Verify: ${verifyUrl.split('?')[0]}`, y + 1, { size: 7.5, color: MUTED, left, width, centre: false });
  y = line(doc, '证书状态以名单实时状态为准：移出名单即撤销。签名数据以附件 greenlist-certificate.json 嵌入本文件，可离线核验：', 764, { size: 7.5, color: MUTED });
  y = line(doc, 'npx greenlist verify-certificate <本文件.pdf> · Status follows the live list: removal revokes this certificate.', y, { size: 7.5, color: MUTED });
  line(doc, 'The signed data is attached to this file as greenlist-certificate.json; check it offline with the command above.', y, { size: 7.5, color: MUTED });
}

export async function renderCertificatePdf(document: CertificateDocument, options: CertificatePdfOptions): Promise<Buffer> {
  const { payload } = document;
  const verifyUrl = document.links?.verify ?? certificateLinks(options.publicUrl, payload.number, document.signature.value).verify;
  // The issue date stands in for "now" so the same certificate renders the same bytes.
  const issued = new Date(`${payload.issuedOn}T00:00:00+08:00`);
  const doc = new PDFDocument({
    size: 'A4',
    margin: 0,
    // No default Helvetica: loading its metrics cost about 1 ms a document, and every
    // glyph here comes from the CJK font.
    font: null as unknown as string,
    lang: 'zh-CN',
    displayTitle: true,
    info: { Title: `${payload.number} ${payload.enterprise.nameZh}`, Author: payload.issuer.nameZh, Subject: `${payload.programme.nameZh} · ${payload.batch.nameZh}`, Keywords: payload.number, Creator: 'greenlist', Producer: 'greenlist', CreationDate: issued, ModDate: issued },
  });
  const done = collectPdf(doc);
  doc.registerFont('cjk', cjkFont() as string);
  doc.font('cjk');
  drawBorder(doc);
  if (options.demo) drawDemoMark(doc);
  const bodyBottom = drawBody(doc, document);
  // The footer starts at 764: the block below the fields may move down by 20 points at most.
  drawVerification(doc, document, verifyUrl, Math.min(Math.max(606, bodyBottom + 12), 626));
  doc.file(Buffer.from(JSON.stringify({ ...document, links: document.links ?? certificateLinks(options.publicUrl, payload.number, document.signature.value) }, null, 2) + '\n', 'utf8'), {
    name: CERTIFICATE_ATTACHMENT,
    type: 'application/json',
    description: 'Signed certificate data (greenlist-certificate/1) · 证书签名数据',
    creationDate: issued,
    modifiedDate: issued,
  });
  doc.end();
  return done;
}
