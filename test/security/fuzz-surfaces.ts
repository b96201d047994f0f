/**
 * Fuzzing every input surface with fast-check, over HTTP against the real app on a demo
 * database: AnnualData (`/api/v1/kpis`, `/api/v1/score`, the annual-data form), the
 * public forms (objections over the API and the site, contact), sign-in, the query
 * strings of list, search and open-data routes, path parameters, the annual-data
 * workbook upload and the EHS CSV import. For every case:
 *
 * - no 5xx and no unhandled rejection;
 * - every 4xx is `{ error: { code, message } }` (JSON routes) or an HTML page (the site);
 * - a refused request stored nothing: the row counts of the tables it touches are the
 *   same before and after.
 *
 * Used by test/security/fuzz.test.ts (a few hundred cases per surface, seeded) and by
 * bench/fuzz.ts (100,000 cases in all).
 */
import fc from 'fast-check';
import ExcelJS from 'exceljs';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/http/app.ts';
import { seedDemo } from '../../src/commands/seed/seed-demo.ts';
import { writeAnnualDataTemplate } from '../../src/output/sheets/annual-data-template.ts';
import { demoAnnualData } from '../../src/domain/demo/demo-annual-data.ts';
import { demoEnterprises } from '../../src/domain/demo/demo-enterprises.ts';
import type { Database } from '../../src/store/schema.ts';
import type { TestDialect, TestStore } from '../support/stores.ts';
import { testConfig } from '../support/app.ts';

type TableName = keyof Database & string;

export interface FuzzCase {
  method: 'GET' | 'POST';
  url: string;
  as: 'public' | 'enterprise' | 'national';
  web: boolean;
  /** Tables a refused request must leave as they were. */
  tables: readonly TableName[];
  json?: unknown;
  form?: Record<string, string>;
  raw?: { body: string | Buffer; contentType: string };
  multipart?: { fields: Record<string, string>; file?: { field: string; name: string; type: string; bytes: Buffer } };
  /** Cells to change in the annual-data template before it is uploaded as the multipart file: [row, column, value]. */
  workbookEdits?: [number, number, string | number][];
}

export interface FuzzContext {
  app: FastifyInstance;
  store: TestStore;
  plantId: number;
  factoryId: number;
  noticeId: number;
  noticeEntryIds: number[];
  workbook: Buffer;
  /** The plant's seal-point tags and permit outlet/pollutant pairs, for CSV rows that import. */
  sealTags: string[];
  outlets: [string, string][];
  sessions: Record<'enterprise' | 'national', { cookie: string; csrf: string }>;
  formToken: string;
  close(): Promise<void>;
}

const SEED_DAY = '2026-11-30';

export async function openFuzzContext(dialect: TestDialect): Promise<FuzzContext> {
  const store = await dialect.open();
  await seedDemo(store, { today: SEED_DAY });
  const app = await buildApp({ config: testConfig(store, { dataDirectory: `/tmp/greenlist-fuzz-${process.pid}` }), store });
  await app.ready();
  const sessions = {} as FuzzContext['sessions'];
  for (const [role, email] of [['enterprise', 'enterprise@demo'], ['national', 'national@demo']] as const) {
    const response = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email, password: 'greenlist-demo' } });
    sessions[role] = { cookie: `gl_session=${response.cookies.find((c) => c.name === 'gl_session')!.value}`, csrf: response.json().csrfToken };
  }
  const form = await app.inject({ method: 'GET', url: '/contact' });
  const plantId = (await store.db.selectFrom('enterprises').select('id').orderBy('id').executeTakeFirstOrThrow()).id;
  const factoryId = (await store.db.selectFrom('factories').select('id').where('enterprise_id', '=', plantId).orderBy('id').executeTakeFirstOrThrow()).id;
  const notice = await store.db.selectFrom('notices').select('id').where('status', '=', 'open').executeTakeFirstOrThrow();
  const entries = await store.db.selectFrom('notice_entries').select('id').where('notice_id', '=', notice.id).execute();
  const workbook = await writeAnnualDataTemplate({ year: 2025, data: VALID_ANNUAL_DATA, title: 'fuzz' });
  const sealTags = (await store.db.selectFrom('ehs_seal_points').select('tag').where('enterprise_id', '=', plantId).limit(5).execute()).map((r) => r.tag);
  const outlets = (await store.db.selectFrom('ehs_permit_limits').select(['outlet_code', 'pollutant_code']).where('enterprise_id', '=', plantId).limit(5).execute()).map((r): [string, string] => [r.outlet_code, r.pollutant_code]);
  return {
    app, store, plantId, factoryId, noticeId: notice.id, noticeEntryIds: entries.map((e) => e.id), workbook, sessions, sealTags: sealTags.length > 0 ? sealTags : ['X'], outlets: outlets.length > 0 ? outlets : [['DA001', 'COD']],
    formToken: form.cookies.find((c) => c.name === 'gl_form')!.value,
    async close() {
      await app.close();
      await store.dispose();
    },
  };
}

// ---- values ---------------------------------------------------------------------------

/** Strings that have broken parsers, queries and pages elsewhere. */
export const NASTY = ["' or 1=1 --", '%', '_', '\\', '"; drop table enterprises; --', '\u2018\u2019\u201c\u201d', '<script>alert(1)</script>', '../../etc/passwd', '..%2f..%2f', '\u0000', '%00', '%E4%', 'NaN', 'Infinity', '-0', '1e309', '99999999999999999999', '-1', '0x10', ' ', '', '星火', '𠀀𠀁', '\u202e', 'null', '[]', '{}', 'a'.repeat(5000)];

const nasty = fc.constantFrom(...NASTY);
const text = fc.oneof({ weight: 3, arbitrary: fc.string({ maxLength: 40 }) }, { weight: 2, arbitrary: nasty }, { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 20 }) }, { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 20 }) });
const numberLike = fc.oneof(fc.integer().map(String), fc.double().map(String), fc.constantFrom('1,000', '1e3', '', ' 12 ', '0.1.2', '−5'), text);
const anyNumber = fc.oneof({ weight: 3, arbitrary: fc.double() }, { weight: 2, arbitrary: fc.integer() }, { weight: 1, arbitrary: fc.constantFrom(0, -1, 1e308, 5e-324, Number.MAX_SAFE_INTEGER + 2) }, { weight: 1, arbitrary: text }, { weight: 1, arbitrary: fc.constant(null) });

const CARRIERS = ['electricity', 'raw_coal', 'washed_coal', 'coke', 'natural_gas', 'steam', 'heat', 'diesel', 'lpg', 'fuel_oil'];
const UNITS = ['kWh', 'MWh', 't', 'kg', 'm3', '10^4 m3', 'GJ', 'MJ'];
const GRIDS = ['national', 'north', 'northeast', 'east', 'central', 'northwest', 'south', 'southwest'];
const section = (keys: string[]) => fc.record(Object.fromEntries(keys.map((k) => [k, anyNumber])), { requiredKeys: [] });

const annualDataParts = fc.record({
    year: fc.oneof(fc.integer({ min: 1990, max: 2100 }), fc.integer(), text),
    gridRegion: fc.oneof(fc.constantFrom(...GRIDS), text),
    energy: fc.array(fc.record({ carrier: fc.oneof(fc.constantFrom(...CARRIERS), text), quantity: anyNumber, unit: fc.oneof(fc.constantFrom(...UNITS), text), origin: text, enthalpyKjPerKg: anyNumber }, { requiredKeys: [] }), { maxLength: 6 }),
    output: fc.record({ products: fc.array(fc.record({ name: text, quantity: anyNumber, unit: fc.oneof(fc.constantFrom(...UNITS), text) }, { requiredKeys: [] }), { maxLength: 3 }), valueTenThousandYuan: anyNumber }, { requiredKeys: [] }),
    land: section(['siteAreaM2', 'footprintM2', 'floorAreaM2']),
    water: section(['withdrawalM3', 'reusedM3', 'wastewaterTreatedM3', 'wastewaterReusedM3']),
    solidWaste: section(['generatedT', 'utilizedT', 'priorStockUtilizedT']),
    materials: section(['greenT', 'totalT']),
    processEmissionsTCO2e: anyNumber,
  }, { requiredKeys: [] });
const plant = demoEnterprises(1)[0]!;
/** A valid factory-year: the demo plant's 2025. */
export const VALID_ANNUAL_DATA = demoAnnualData(plant, plant.factories[0]!, 2025);

export const annualDataArbitrary: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: annualDataParts },
  // A valid document with some of its parts replaced: many stay valid and reach the engine.
  { weight: 4, arbitrary: annualDataParts.map((parts) => ({ ...VALID_ANNUAL_DATA, ...parts })) },
  { weight: 1, arbitrary: fc.subarray(Object.keys(VALID_ANNUAL_DATA)).map((keys) => Object.fromEntries(keys.map((k) => [k, (VALID_ANNUAL_DATA as unknown as Record<string, unknown>)[k]]))) },
  { weight: 1, arbitrary: fc.jsonValue() },
  { weight: 1, arbitrary: fc.constant(VALID_ANNUAL_DATA) },
);


const formFields = (names: readonly string[], value: fc.Arbitrary<string> = text) =>
  fc.tuple(fc.dictionary(fc.constantFrom(...names), value, { maxKeys: names.length }), fc.dictionary(text, text, { maxKeys: 3 })).map(([known, extra]) => ({ ...extra, ...known }));

// ---- surfaces -------------------------------------------------------------------------

export interface Surface {
  name: string;
  cases(context: FuzzContext): fc.Arbitrary<FuzzCase>;
}

const ANNUAL_FORM_FIELDS = ['gridRegion', 'intent', 'extraRows', 'processEmissionsTCO2e', 'output.valueTenThousandYuan', 'land.siteAreaM2', 'land.footprintM2', 'land.floorAreaM2', 'water.withdrawalM3', 'water.reusedM3', 'solidWaste.generatedT', 'solidWaste.utilizedT', 'materials.greenT', 'materials.totalT',
  ...[0, 1, 2].flatMap((i) => [`energy[${i}].carrier`, `energy[${i}].quantity`, `energy[${i}].unit`, `energy[${i}].origin`, `energy[${i}].enthalpyKjPerKg`, `output.products[${i}].name`, `output.products[${i}].quantity`, `output.products[${i}].unit`]), 'energy[99999999999].unit', 'energy[-1].carrier'];

const QUERY_ROUTES: readonly [string, FuzzCase['as']][] = [
  ['/search', 'public'], ['/search/live', 'public'], ['/api/v1/enterprises', 'public'], ['/api/v1/lists', 'public'], ['/lists', 'public'], ['/news', 'public'], ['/api/v1/news', 'public'],
  ['/notices', 'public'], ['/api/v1/notices', 'public'], ['/api/v1/batches', 'public'], ['/feed.xml', 'public'], ['/atom.xml', 'public'], ['/feed.json', 'public'], ['/open-data', 'public'], ['/verify', 'public'],
  ['/login', 'public'], ['/contact', 'public'], ['/workspace/applications', 'national'], ['/api/v1/applications', 'national'], ['/api/v1/dynamic-reports', 'national'], ['/workspace/dynamic-management', 'national'],
  ['/workspace/deadlines', 'national'], ['/api/v1/users', 'national'], ['/workspace/enterprise', 'enterprise'], ['/workspace/ehs', 'enterprise'],
];
const QUERY_KEYS = ['q', 'page', 'pageSize', 'limit', 'offset', 'sort', 'direction', 'province', 'city', 'industry', 'programme', 'year', 'tier', 'batch', 'status', 'state', 'lang', 'kind', 'from', 'to', 'exceedancesOnly', 'asOf', 'number', 'next', 'done', 'all'];

const PATH_ROUTES: readonly [string, FuzzCase['as']][] = [
  ['/enterprises/{}', 'public'], ['/lists/{}', 'public'], ['/news/{}', 'public'], ['/verify/{}', 'public'], ['/notices/{}', 'public'], ['/notices/{}/object', 'public'], ['/frameworks/{}', 'public'], ['/frameworks/factors/{}', 'public'],
  ['/open-data/{}', 'public'], ['/open-data/batches/{}', 'public'], ['/open-data/batches/national-factory-2025/{}', 'public'], ['/assets/{}', 'public'], ['/sitemaps/{}', 'public'],
  ['/api/v1/enterprises/{}', 'public'], ['/api/v1/batches/{}', 'public'], ['/api/v1/batches/{}/diff', 'public'], ['/api/v1/lists/entries/{}', 'public'], ['/api/v1/lists/provinces/{}', 'public'], ['/api/v1/news/{}', 'public'],
  ['/api/v1/certificates/{}', 'public'], ['/api/v1/certificates/{}/verify', 'public'], ['/api/v1/frameworks/{}', 'public'], ['/api/v1/notices/{}', 'public'],
  ['/api/v1/applications/{}', 'national'], ['/api/v1/applications/{}/history', 'national'], ['/api/v1/panels/{}', 'national'], ['/api/v1/ehs/{}/dashboard', 'national'], ['/api/v1/ehs/{}/events', 'national'], ['/api/v1/webhooks/{}/deliveries', 'national'],
  ['/workspace/applications/{}', 'national'], ['/workspace/notices/{}', 'national'], ['/workspace/batches/{}', 'national'], ['/workspace/ehs/{}', 'enterprise'], ['/workspace/annual-data/{}/2025', 'enterprise'], ['/workspace/engagements/{}', 'enterprise'],
];
const pathValue = fc.oneof(fc.nat().map(String), fc.constantFrom('1', '2', '53', 'national-factory-2025', 'gbt36132-2025', 'GF-N-2019-000000-000001', 'site.css', 'enterprises.csv'), nasty, text);

const ENTERPRISE_TABLES: readonly TableName[] = ['annual_data', 'audit_events'];
const EHS_TABLES: readonly TableName[] = ['ehs_inspection_rounds', 'ehs_readings', 'ehs_leaks', 'ehs_monitoring_results', 'ehs_seal_points', 'ehs_events', 'audit_events'];
const EHS_HEADERS = ['round', '检测轮次', 'tag', '密封点编号', 'measured on', '检测日期', 'value', '检测值', 'background', 'visible leak', 'inspector', 'instrument', 'outlet', '排放口编号', 'pollutant', 'sampled on', 'method', '监测方式', 'explanation', '超标说明'];
const csvCell = fc.oneof(fc.constantFrom('2025-03-01', '2025/3/1', '12.5', '-3', '是', 'online', '手工', 'R-2025-01', 'FG-001', 'DA001', 'COD', '"', '""', ',', '\n', '\r\n', '=cmd|calc!A1'), numberLike, text);
const VALID_ROWS: Record<string, string[]> = {
  'inspection-readings': ['检测轮次', '密封点编号', '检测日期', '检测值'],
  'monitoring-results': ['排放口编号', '污染物代码', '监测日期', '监测方式', '监测值'],
};
const validCsv = (kind: string, context: FuzzContext) => fc.array(fc.tuple(fc.nat({ max: 999_999 }).map((n) => `FUZZ-${n}`), fc.constantFrom(...context.sealTags, 'X'), fc.oneof({ weight: 4, arbitrary: fc.tuple(fc.integer({ min: 1, max: 10 }), fc.integer({ min: 1, max: 28 })).map(([m, d]) => `2026-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`) }, { weight: 1, arbitrary: fc.constant('2026/3/2') }, { weight: 1, arbitrary: text }), fc.oneof({ weight: 4, arbitrary: fc.nat({ max: 20000 }).map(String) }, { weight: 1, arbitrary: numberLike }), fc.constantFrom('在线', '手工', '在线', 'x'), fc.constantFrom(...context.outlets)), { minLength: 1, maxLength: 4 })
  .map((rows) => [VALID_ROWS[kind]!.join(','), ...rows.map(([a, b, c, d, e, [outlet, pollutant]]) => (kind === 'inspection-readings' ? [a, b, c, d] : [outlet, pollutant, c, e, d]).map((cell) => (/[",\n\r]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell)).join(','))].join('\n'));
const csvText = fc.tuple(fc.subarray(EHS_HEADERS, { minLength: 0 }), fc.array(fc.array(csvCell, { maxLength: 8 }), { maxLength: 20 }), fc.boolean())
  .map(([header, rows, bom]) => (bom ? '\uFEFF' : '') + [header, ...rows].map((row) => row.map((cell) => (/[",\n\r]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell)).join(',')).join('\n'));

async function mutatedWorkbook(base: Buffer, edits: [number, number, string | number][]): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(base as unknown as ArrayBuffer);
  const sheet = book.worksheets[0]!;
  for (const [row, column, value] of edits) sheet.getCell(row, column).value = value;
  return Buffer.from(await book.xlsx.writeBuffer());
}

export const SURFACES: readonly Surface[] = [
  { name: 'AnnualData: POST /api/v1/kpis', cases: () => fc.oneof({ weight: 9, arbitrary: annualDataArbitrary.map((json): FuzzCase => ({ method: 'POST', url: '/api/v1/kpis', as: 'public', web: false, tables: [], json })) }, { weight: 1, arbitrary: text.map((body): FuzzCase => ({ method: 'POST', url: '/api/v1/kpis', as: 'public', web: false, tables: [], raw: { body, contentType: 'application/json' } })) }) },
  {
    name: 'AnnualData: POST /api/v1/score',
    cases: () => fc.record({ framework: fc.oneof({ weight: 4, arbitrary: fc.constantFrom('gbt36132-2025', 'gbt36132-2018') }, { weight: 1, arbitrary: text }), data: annualDataArbitrary, qualitative: fc.dictionary(text, fc.oneof(text, fc.double(), fc.boolean())), basicRequirements: fc.dictionary(text, fc.boolean()), negativeListEvents: fc.array(fc.record({ kind: text, date: fc.oneof(fc.constant('2025-01-01'), text), description: text }), { maxLength: 2 }), asOf: fc.oneof(fc.constant('2026-11-30'), text) }, { requiredKeys: ['data'] })
      .chain((body) => fc.subarray(Object.keys(body)).map((keep) => Object.fromEntries(Object.entries(body).filter(([k]) => k === 'data' || k === 'framework' || keep.includes(k)))))
      .map((json): FuzzCase => ({ method: 'POST', url: '/api/v1/score', as: 'public', web: false, tables: [], json })),
  },
  {
    name: 'AnnualData: the workspace form',
    cases: (context) => fc.tuple(fc.oneof(fc.constant('2025'), fc.integer({ min: 1900, max: 2200 }).map(String), pathValue), formFields(ANNUAL_FORM_FIELDS, fc.oneof(numberLike, fc.constantFrom(...CARRIERS, ...UNITS, ...GRIDS, 'save', 'rows'))), fc.boolean())
      .map(([year, fields, save]): FuzzCase => ({ method: 'POST', url: `/workspace/annual-data/${context.factoryId}/${encodeURIComponent(year)}`, as: 'enterprise', web: true, tables: ENTERPRISE_TABLES, form: save ? { ...fields, intent: 'save' } : fields })),
  },
  {
    name: 'Objections: POST /api/v1/notices/{id}/objections',
    cases: (context) => fc.tuple(fc.record({ entryId: fc.oneof(fc.constantFrom(...context.noticeEntryIds), fc.integer(), text), fullName: text, contact: text, reason: fc.oneof(text, fc.string({ minLength: 20, maxLength: 400 })), evidence: fc.record({ fileName: text, contentBase64: fc.oneof(fc.uint8Array({ maxLength: 200 }).map((b) => Buffer.from(b).toString('base64')), fc.constant(Buffer.from('%PDF-1.4\n%%EOF').toString('base64')), text) }) }, { requiredKeys: [] }), fc.boolean())
      // Half of them a valid objection with some fields replaced, so the command's own checks are reached.
      .map(([fields, fromValid]) => (fromValid ? { entryId: context.noticeEntryIds[0], fullName: '张三', contact: '13800000000', reason: '该企业去年发生过环境污染事件，请核查。', ...fields } : fields))
      .map((json): FuzzCase => ({ method: 'POST', url: `/api/v1/notices/${context.noticeId}/objections`, as: 'public', web: false, tables: ['objections', 'files', 'audit_events'], json })),
  },
  {
    name: 'Objections: the notice page form (multipart)',
    cases: (context) => fc.tuple(formFields(['entryId', 'fullName', 'contact', 'reason']), fc.boolean(), fc.option(fc.tuple(text, fc.oneof(fc.uint8Array({ maxLength: 300 }).map((b) => Buffer.from(b)), fc.constant(Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\n%%EOF')), fc.constant(Buffer.from('<html><script>alert(1)</script></html>')))))).map(([fields, fromValid, file]): FuzzCase => ({
      method: 'POST', url: `/notices/${context.noticeId}/objections`, as: 'public', web: true, tables: ['objections', 'files', 'audit_events'],
      multipart: {
        fields: fromValid ? { entryId: String(context.noticeEntryIds[0]), fullName: '张三', contact: '13800000000', reason: '该企业去年发生过环境污染事件，请核查。', ...fields } : fields,
        ...(file === null ? {} : { file: { field: 'evidence', name: file[0].replace(/["\r\n]/g, '') || 'evidence.pdf', type: 'application/pdf', bytes: file[1] } }),
      },
    })),
  },
  {
    name: 'Contact form: POST /contact',
    cases: () => fc.tuple(formFields(['kind', 'fullName', 'email', 'organisation', 'subject', 'body']), fc.boolean()).map(([fields, fromValid]): FuzzCase => ({
      method: 'POST', url: '/contact', as: 'public', web: true, tables: ['contact_messages', 'audit_events'],
      form: fromValid ? { kind: 'contact', fullName: '张三', email: 'zhang@example.com', subject: '申报咨询', body: '想了解绿色工厂的申报流程。', ...fields } : fields,
    })),
  },
  {
    name: 'Sign-in: API and page',
    cases: () => fc.tuple(fc.oneof(fc.constantFrom('province@demo', 'nobody@demo'), text), text, fc.boolean(), fc.jsonValue()).map(([email, password, page, junk]): FuzzCase =>
      page ? { method: 'POST', url: '/login', as: 'public', web: true, tables: ['sessions'], form: { email, password } } : { method: 'POST', url: '/api/v1/auth/login', as: 'public', web: false, tables: ['sessions'], json: typeof junk === 'object' && junk !== null && !Array.isArray(junk) ? { email, password, ...junk } : { email, password } }),
  },
  {
    name: 'Query strings of list, search and open-data routes',
    cases: () => fc.tuple(fc.constantFrom(...QUERY_ROUTES), fc.array(fc.tuple(fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...QUERY_KEYS) }, { weight: 1, arbitrary: text }), fc.oneof(text, numberLike)), { maxLength: 5 }), fc.oneof({ weight: 5, arbitrary: fc.constant('') }, { weight: 1, arbitrary: fc.constantFrom('&%', '&q=%E4%B8', '&q=%zz', '&&&=', '&q[]=1&q[]=2', '&__proto__[x]=1') }))
      .map(([[path, as], pairs, raw]): FuzzCase => ({ method: 'GET', url: `${path}?${new URLSearchParams(pairs).toString()}${raw}`, as, web: !path.startsWith('/api/'), tables: [] })),
  },
  {
    name: 'Path parameters',
    cases: () => fc.tuple(fc.constantFrom(...PATH_ROUTES), pathValue, fc.boolean()).map(([[path, as], value, encode]): FuzzCase => ({ method: 'GET', url: path.replace('{}', encode ? encodeURIComponent(value) : value.replace(/[?#\s]/g, '')), as, web: !path.startsWith('/api/'), tables: [] })),
  },
  {
    name: 'EHS import: CSV to /api/v1/ehs/{id}/imports/{kind}',
    cases: (context) => fc.constantFrom('inspection-readings', 'monitoring-results').chain((kind) => fc.tuple(fc.constant(kind), fc.oneof(csvText, validCsv(kind, context)))).map(([kind, body]): FuzzCase => ({ method: 'POST', url: `/api/v1/ehs/${context.plantId}/imports/${kind}`, as: 'enterprise', web: false, tables: EHS_TABLES, raw: { body, contentType: 'text/csv' } })),
  },
  {
    name: 'Annual-data workbook upload',
    cases: (context) => fc.oneof(
      { weight: 3, arbitrary: fc.array(fc.tuple(fc.integer({ min: 1, max: 60 }), fc.integer({ min: 1, max: 8 }), fc.oneof(numberLike, fc.double(), text)), { maxLength: 8 }).map((edits) => ({ edits })) },
      { weight: 1, arbitrary: fc.uint8Array({ maxLength: 400 }).map((bytes) => ({ bytes: Buffer.from(bytes) })) },
      { weight: 1, arbitrary: fc.integer({ min: 1, max: 4000 }).map((cut) => ({ bytes: context.workbook.subarray(0, cut) })) },
    ).map((spec): FuzzCase => ({
      method: 'POST', url: `/workspace/annual-data/${context.factoryId}/2025/upload`, as: 'enterprise', web: true, tables: ENTERPRISE_TABLES,
      multipart: { fields: {}, file: { field: 'file', name: 'data.xlsx', type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', bytes: 'bytes' in spec ? spec.bytes : Buffer.alloc(0) } },
      ...('edits' in spec ? { workbookEdits: spec.edits } : {}),
    })),
  },
];

// ---- running --------------------------------------------------------------------------

function multipartBody(fields: Record<string, string>, file?: NonNullable<FuzzCase['multipart']>['file']): { payload: Buffer; contentType: string } {
  const boundary = '----greenlist-fuzz-boundary';
  const parts: Buffer[] = [];
  for (const [name, value] of Object.entries(fields)) parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`));
  if (file) parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${file.field}"; filename="${file.name}"\r\nContent-Type: ${file.type}\r\n\r\n`), file.bytes, Buffer.from('\r\n'));
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(parts), contentType: `multipart/form-data; boundary=${boundary}` };
}

async function countRows(context: FuzzContext, tables: readonly TableName[]): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const table of tables) counts[table] = Number((await context.store.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
  return counts;
}

let clientNumber = 0;

/** Sends one case and checks the invariants; throws with the case and the answer when one fails. */
export async function checkCase(context: FuzzContext, fuzz: FuzzCase): Promise<number> {
  // The workbook edits are made into a real workbook here, outside the arbitrary (exceljs is async).
  if (fuzz.workbookEdits !== undefined && fuzz.multipart?.file !== undefined) fuzz.multipart.file.bytes = await mutatedWorkbook(context.workbook, fuzz.workbookEdits);
  const session = fuzz.as === 'public' ? undefined : context.sessions[fuzz.as];
  const csrf = session?.csrf ?? context.formToken;
  const headers: Record<string, string> = { accept: fuzz.web ? 'text/html' : 'application/json', cookie: session?.cookie ?? `gl_form=${context.formToken}`, 'x-csrf-token': csrf };
  let payload: string | Buffer | undefined;
  if (fuzz.json !== undefined) {
    payload = JSON.stringify(fuzz.json);
    headers['content-type'] = 'application/json';
  } else if (fuzz.form !== undefined) {
    payload = new URLSearchParams({ ...fuzz.form, _csrf: csrf }).toString();
    headers['content-type'] = 'application/x-www-form-urlencoded';
  } else if (fuzz.raw !== undefined) {
    payload = fuzz.raw.body;
    headers['content-type'] = fuzz.raw.contentType;
  } else if (fuzz.multipart !== undefined) {
    const body = multipartBody({ ...fuzz.multipart.fields, _csrf: csrf }, fuzz.multipart.file);
    payload = body.payload;
    headers['content-type'] = body.contentType;
  }
  const before = fuzz.tables.length === 0 ? {} : await countRows(context, fuzz.tables);
  // A different client address per case, so the per-client rate limits do not answer in the handlers' place.
  const remoteAddress = `10.${(clientNumber >> 16) & 255}.${(clientNumber >> 8) & 255}.${clientNumber++ & 255}`;
  const response = await context.app.inject({ method: fuzz.method, url: fuzz.url, headers, remoteAddress, ...(payload === undefined ? {} : { payload }) });
  const status = response.statusCode;
  const problem = (why: string) => new Error(`${why}\n  request: ${fuzz.method} ${fuzz.url.slice(0, 300)} as ${fuzz.as}\n  body: ${String(payload ?? '').slice(0, 300)}\n  answer: ${status} ${response.body.slice(0, 400)}`);
  if (status >= 500) throw problem('a 5xx answer');
  if (status >= 400) {
    const type = String(response.headers['content-type'] ?? '');
    if (type.includes('application/json')) {
      const error = (response.json() as { error?: { code?: unknown; message?: unknown } }).error;
      if (typeof error?.code !== 'string' || typeof error.message !== 'string') throw problem('a 4xx without { error: { code, message } }');
    } else if (!fuzz.web || !type.includes('text/html')) {
      throw problem(`a 4xx that is neither the JSON error nor an HTML page (${type})`);
    }
    const after = fuzz.tables.length === 0 ? {} : await countRows(context, fuzz.tables);
    for (const table of fuzz.tables) if (after[table] !== before[table]) throw problem(`a refused request changed ${table}: ${before[table]} → ${after[table]} rows`);
  }
  return status;
}

export interface SurfaceReport {
  surface: string;
  cases: number;
  ms: number;
  statuses: Record<string, number>;
  failure?: string;
}

/** Runs `numRuns` seeded cases of one surface; stops at the first failure (shrunk) and reports it. */
export async function fuzzSurface(context: FuzzContext, surface: Surface, options: { numRuns: number; seed: number }): Promise<SurfaceReport> {
  const statuses: Record<string, number> = {};
  const unhandled: unknown[] = [];
  const onUnhandled = (reason: unknown) => void unhandled.push(reason);
  process.on('unhandledRejection', onUnhandled);
  const start = performance.now();
  let cases = 0;
  try {
    const result = await fc.check(
      fc.asyncProperty(surface.cases(context), async (fuzz) => {
        cases++;
        const status = await checkCase(context, fuzz);
        statuses[status] = (statuses[status] ?? 0) + 1;
        if (unhandled.length > 0) throw new Error(`an unhandled rejection: ${String(unhandled[0])}`);
      }),
      { numRuns: options.numRuns, seed: options.seed, endOnFailure: false, maxSkipsPerRun: 0 },
    );
    const report: SurfaceReport = { surface: surface.name, cases, ms: performance.now() - start, statuses };
    if (result.failed) report.failure = `seed ${options.seed}, path ${result.counterexamplePath}: ${result.errorInstance instanceof Error ? result.errorInstance.message : String(result.errorInstance)}`;
    return report;
  } finally {
    process.off('unhandledRejection', onUnhandled);
  }
}
