/**
 * `npm run bench:data -- --enterprises 500000 [--database sqlite:bench/data/x.db | postgres://…] [--seed N]`
 *
 * Builds a deterministic national-size database for the benchmarks: enterprises across
 * every province and manufacturing class, their factories, three years of annual data,
 * national / provincial / city listings across batches with removals and renames, and
 * certificates for the listed entries when the certificates module is present. Rows are
 * written in large multi-row inserts inside transactions; a progress bar goes to stderr.
 */
import { existsSync } from 'node:fs';
import { parseDatabaseUrl, type DatabaseConfig } from '../src/config/env.ts';
import { openStore, now, type Store } from '../src/store/store.ts';
import { migrate } from '../src/store/migrate.ts';
import { syncFrameworks } from '../src/commands/frameworks/sync-frameworks.ts';
import { searchTextOf, shortGramsOf } from '../src/domain/enterprises/search-text.ts';
import { demoAnnualData } from '../src/domain/demo/demo-annual-data.ts';
import { annualDataColumns } from '../src/commands/seed/annual-data-columns.ts';
import { writeMeta } from '../src/store/queries/site-state.ts';
import { nationalEnterprise } from './generator/national-enterprises.ts';
import { seedNationalOrganisation, seedNationalLists, type ListedEnterprise } from './generator/national-lists.ts';
import { Progress } from './generator/progress.ts';
import { bindServerSecret } from '../src/commands/certificates/server-secret.ts';
import { issueCertificatesForBatch } from '../src/commands/certificates/issue-certificates-for-batch.ts';

export interface GenerateOptions {
  enterprises: number;
  database: DatabaseConfig;
  seed?: number;
  years?: readonly number[];
  quiet?: boolean;
}

export interface GenerateReport {
  enterprises: number;
  factories: number;
  annualData: number;
  listEntries: number;
  certificates: number;
  ms: number;
}

/** The server secret the bench data sets' signing keys are sealed with (bench apps bind the same). */
export const BENCH_SECRET = 'bench-secret-bench-secret-bench-secret-0';

const CHUNK = 1000;

async function insertChunked(store: Store, table: string, rows: Record<string, unknown>[]): Promise<void> {
  for (let i = 0; i < rows.length; i += CHUNK) await store.db.insertInto(table as never).values(rows.slice(i, i + CHUNK) as never).execute();
}

export async function generateNational(options: GenerateOptions): Promise<GenerateReport> {
  const started = Date.now();
  const seed = options.seed ?? 2026;
  const years = options.years ?? [2023, 2024, 2025];
  const store = openStore(options.database);
  const progress = new Progress(options.quiet ?? false);
  try {
    await migrate(store);
    await syncFrameworks(store);
    const existing = await store.db.selectFrom('enterprises').select('id').limit(1).executeTakeFirst();
    if (existing !== undefined) throw new Error('the target database already holds enterprises; use a new file or database');
    if (store.sqlite) {
      store.sqlite.pragma('synchronous = OFF');
      store.sqlite.pragma('cache_size = -262144');
    }
    const organisation = await store.transaction((trx) => seedNationalOrganisation(trx));
    let factories = 0;
    let annualData = 0;
    const listable: ListedEnterprise[] = [];
    const at = now();
    progress.start('enterprises, factories, annual data', options.enterprises);
    const batchSize = 5000;
    for (let from = 0; from < options.enterprises; from += batchSize) {
      const to = Math.min(from + batchSize, options.enterprises);
      const enterpriseRows: Record<string, unknown>[] = [];
      const factoryRows: Record<string, unknown>[] = [];
      const dataRows: Record<string, unknown>[] = [];
      const gramRows: Record<string, unknown>[] = [];
      for (let i = from; i < to; i++) {
        const e = nationalEnterprise(seed, i);
        const id = i + 1;
        enterpriseRows.push({ id, credit_code: e.creditCode, name_zh: e.nameZh, name_en: e.nameEn, industry_code: e.industryCode, province_code: e.provinceCode, city_code: e.cityCode, region_code: e.regionCode, address: e.address, legal_representative: e.legalRepresentative, search_text: searchTextOf(e), is_demo: 1, created_at: at, updated_at: at });
        for (const gram of shortGramsOf(e.nameZh)) gramRows.push({ gram, enterprise_id: id });
        for (const factory of e.factories) {
          factories++;
          const factoryId = factories;
          factoryRows.push({ id: factoryId, enterprise_id: id, name_zh: factory.nameZh, name_en: factory.nameEn, region_code: factory.regionCode, address: '', site_area_m2: factory.siteAreaM2, created_at: at });
          if (factory === e.factories[0]) listable.push({ id, factoryId, nameZh: e.nameZh, nameEn: e.nameEn, provinceCode: e.provinceCode, cityCode: e.cityCode, industryCode: e.industryCode });
          for (const year of years) {
            const document = demoAnnualData(e, factory, year);
            annualData++;
            dataRows.push({ id: annualData, enterprise_id: id, factory_id: factoryId, year, kind: 'declared', document: JSON.stringify(document), ...annualDataColumns(document), created_at: at, updated_at: at });
          }
        }
      }
      await store.transaction(async (trx) => {
        const scoped = { ...store, db: trx } as Store;
        await insertChunked(scoped, 'enterprises', enterpriseRows);
        await insertChunked(scoped, 'enterprise_grams', gramRows);
        await insertChunked(scoped, 'factories', factoryRows);
        await insertChunked(scoped, 'annual_data', dataRows);
      });
      progress.update(to);
    }
    progress.done();
    for (const table of ['enterprises', 'factories', 'annual_data']) await store.capabilities.resetIdentity(store.db, table);
    progress.start('lists and batches', 1);
    const listEntries = await store.transaction((trx) => seedNationalLists(trx, { organisation, enterprises: listable, seed, scale: options.enterprises / 500_000 }));
    progress.update(1);
    progress.done();
    // Certificates for every listed entry, signed like published ones (one transaction per batch).
    bindServerSecret(store, BENCH_SECRET);
    const batches = await store.db.selectFrom('batches').select('id').where('status', '=', 'published').orderBy('id').execute();
    progress.start('certificates', batches.length);
    let certificates = 0;
    for (const [index, batch] of batches.entries()) {
      const report = await store.transaction((trx) => issueCertificatesForBatch({ trx, store, actor: { kind: 'system', label: 'bench-data' } }, batch.id));
      certificates += report.issued.length;
      progress.update(index + 1);
    }
    progress.done();
    await writeMeta(store.db, 'demo', '1');
    await writeMeta(store.db, 'bench_dataset', JSON.stringify({ enterprises: options.enterprises, seed, generatedAt: at }));
    if (store.sqlite) store.sqlite.pragma('optimize');
    return { enterprises: options.enterprises, factories, annualData, listEntries, certificates, ms: Date.now() - started };
  } finally {
    await store.close();
  }
}

function argument(name: string): string | undefined {
  const index = process.argv.indexOf(`--${name}`);
  return index >= 0 ? process.argv[index + 1] : process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1];
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const enterprises = Number(argument('enterprises') ?? 500_000);
  if (!Number.isInteger(enterprises) || enterprises < 1) {
    console.error('--enterprises must be a positive whole number');
    process.exit(2);
  }
  const url = argument('database') ?? process.env.DATABASE_URL ?? `sqlite:bench/data/national-${enterprises}.db`;
  const database = parseDatabaseUrl(url, '--database');
  if (database.kind === 'sqlite' && existsSync(database.path)) {
    console.error(`${database.path} exists; delete it or choose another --database`);
    process.exit(2);
  }
  const report = await generateNational({ enterprises, database, seed: Number(argument('seed') ?? 2026) });
  console.log(`generated ${report.enterprises.toLocaleString('en')} enterprises, ${report.factories.toLocaleString('en')} factories, ${report.annualData.toLocaleString('en')} factory-years, ${report.listEntries.toLocaleString('en')} list entries, ${report.certificates.toLocaleString('en')} certificates in ${(report.ms / 1000).toFixed(1)} s → ${url}`);
}
