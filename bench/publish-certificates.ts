/**
 * Publishing a 2,000-entry batch with every certificate signed and its PDF rendered
 * (design.md quality bar: < 30 s). Setup, not timed: authorities, 2,000 enterprises with a
 * factory each, a national batch whose public notice has closed with 2,000 passed entries.
 * Timed: the pipeline's publishBatch — list entries, then in the same transaction the
 * batch.published subscriber numbers, signs, stores and audits 2,000 certificates — and
 * then every certificate rendered to its PDF the way GET /api/v1/certificates/{n}.pdf does.
 *
 * Run: `node --import tsx bench/publish-certificates.ts [entries]` (sqlite; set
 * GREENLIST_BENCH_PG_URL to run on PostgreSQL as well).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openStore, now, type Store } from '../src/store/store.ts';
import { migrate } from '../src/store/migrate.ts';
import type { DatabaseConfig } from '../src/config/env.ts';
import { composeCreditCode } from '../src/domain/credit-code/make-credit-code.ts';
import { insertEnterprise, insertFactory } from '../src/store/repositories/enterprises.ts';
import { seedAuthorities, seedProgrammes } from '../src/commands/seed/demo-organisation.ts';
import { publishBatch } from '../src/commands/batches/publish-batch.ts';
import { bindServerSecret } from '../src/commands/certificates/server-secret.ts';
import { getCertificateDocument } from '../src/commands/certificates/verify-certificate.ts';
import { renderCertificatePdf } from '../src/output/pdf/certificate-pdf.ts';
import { benchPostgresUrl, printRows, timed, writeResults, type BenchRow } from './support.ts';

const BAR_MS = 30_000;
const OPERATOR = { kind: 'system', label: 'bench' } as const;

/** 2,000 enterprises and a batch under a closed notice whose entries all passed. */
async function prepare(store: Store, entries: number): Promise<string> {
  bindServerSecret(store, 'bench-secret-bench-secret-0123456789abc');
  return store.transaction(async (trx) => {
    const authorities = await seedAuthorities(trx);
    const programmes = await seedProgrammes(trx);
    const batch = await trx
      .insertInto('batches')
      .values({ programme_id: programmes.get('green_factory')!, authority_id: authorities.national, tier: 'national', slug: 'bench-national-2026', name_zh: '2026年度绿色工厂名单', name_en: 'Green factories, 2026 list', ordinal: null, year: 2026, notice_number: '工信厅节函〔2027〕1号', framework_id: null, status: 'notice', recommend_deadline: null, published_on: null, timeline: '{}', created_at: now() })
      .returning('id')
      .executeTakeFirstOrThrow();
    const notice = await trx
      .insertInto('notices')
      .values({ batch_id: batch.id, authority_id: authorities.national, title_zh: '公示', title_en: 'Notice', opens_on: '2027-01-04', closes_on: '2027-01-18', day_kind: 'calendar', days: 15, status: 'closed', closed_at: now(), created_at: now() })
      .returning('id')
      .executeTakeFirstOrThrow();
    for (let i = 0; i < entries; i++) {
      const nameZh = `江西测试${i}新材料有限公司`;
      const enterprise = await insertEnterprise(trx, { creditCode: composeCreditCode({ regionCode: '360400', organizationBody: `MA${String(i).padStart(6, '0')}` }), nameZh, nameEn: `Jiangxi Bench ${i} New Materials Co., Ltd.`, industryCode: '2614', provinceCode: '360000', cityCode: '360400', regionCode: '360425', address: '', legalRepresentative: '' });
      const factory = await insertFactory(trx, { enterpriseId: enterprise.id, nameZh: `${nameZh}一厂`, nameEn: 'Plant 1', regionCode: '360425', address: '', siteAreaM2: null });
      await trx.insertInto('notice_entries').values({ notice_id: notice.id, application_id: null, enterprise_id: enterprise.id, factory_id: factory.id, name_zh: nameZh, status: 'passed', position: i + 1 }).execute();
    }
    return 'bench-national-2026';
  });
}

async function measure(config: DatabaseConfig, label: string, entries: number): Promise<BenchRow[]> {
  const store = openStore(config);
  try {
    await migrate(store);
    const slug = await prepare(store, entries);
    const publication = await timed(() => publishBatch(store, OPERATOR, { batch: slug, today: '2027-01-20' }));
    const numbers = (await store.db.selectFrom('certificates').select('number').orderBy('number').execute()).map((r) => r.number);
    if (numbers.length !== entries) throw new Error(`bench: ${numbers.length} certificates for ${entries} entries`);
    let bytes = 0;
    const rendering = await timed(async () => {
      for (const number of numbers) {
        const document = await getCertificateDocument(store, { number, publicUrl: 'https://greenlist.example' });
        bytes += (await renderCertificatePdf(document, { publicUrl: 'https://greenlist.example', demo: false })).length;
      }
    });
    const total = publication.ms + rendering.ms;
    return [
      { name: `publish + sign ${entries} (${label})`, value: Math.round(publication.ms), unit: 'ms', note: `${(publication.ms / entries).toFixed(2)} ms per entry, one transaction` },
      { name: `render ${entries} PDFs (${label})`, value: Math.round(rendering.ms), unit: 'ms', note: `${(rendering.ms / entries).toFixed(2)} ms per PDF, ${Math.round(bytes / entries / 1024)} KiB each` },
      { name: `publish, sign and render ${entries} (${label})`, value: Math.round(total), unit: 'ms', bar: `< ${BAR_MS} ms`, pass: total < BAR_MS },
    ];
  } finally {
    await store.close();
  }
}

export async function run(options: { entries?: number } = {}): Promise<BenchRow[]> {
  const entries = options.entries ?? 2000;
  const directory = mkdtempSync(join(tmpdir(), 'greenlist-bench-certificates-'));
  const rows: BenchRow[] = [];
  try {
    rows.push(...(await measure({ kind: 'sqlite', path: join(directory, 'bench.db') }, 'sqlite', entries)));
    const pgUrl = benchPostgresUrl();
    if (pgUrl !== undefined) {
      const schema = 'bench_' + randomBytes(4).toString('hex');
      const admin = new pg.Client({ connectionString: pgUrl });
      await admin.connect();
      await admin.query(`create schema ${schema}`);
      try {
        rows.push(...(await measure({ kind: 'postgres', url: pgUrl, schema }, 'postgres', entries)));
      } finally {
        await admin.query(`drop schema ${schema} cascade`);
        await admin.end();
      }
    }
  } finally {
    rmSync(directory, { recursive: true, force: true });
  }
  return rows;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const entries = Number(process.argv[2] ?? 2000);
  const rows = await run({ entries });
  console.log(`publish-certificates: a ${entries}-entry batch published with every certificate signed and its PDF rendered`);
  printRows(rows);
  console.log(`results: ${writeResults('publish-certificates', rows, { entries })}`);
}
