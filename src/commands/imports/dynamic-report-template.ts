/**
 * The template (and export) of a year's dynamic reports in v1 form: one row per open or
 * filed report the actor may import, the key cells filled, a filed report's figures
 * filled where v1 carries them. Filled in and sent back, it imports as is (round trip).
 * Read a page of reports at a time by id, streamed to CSV or XLSX, never held whole.
 */
import type { Readable } from 'node:stream';
import type { Actor } from '../../domain/actors/actor.ts';
import { invalid } from '../../domain/errors.ts';
import { ACTIVE_ENTRY_STATUSES } from '../../domain/applications/list-management.ts';
import type { AnnualData } from '../../engine/index.ts';
import { authorize } from '../../policies/index.ts';
import { sheetStream } from '../../output/sheets/write-sheets.ts';
import { now, type Store } from '../../store/store.ts';
import { dynamicReportCells, dynamicReportSheetColumns, type CellValue, type DynamicReportSheetRow } from './dynamic-report-cells.ts';
import { importPermission } from './dynamic-report-targets.ts';
import type { SheetFormat } from './read-sheet-rows.ts';

const PAGE = 2000;

type TemplateRow = DynamicReportSheetRow & { cells?: Map<string, CellValue> | undefined };

async function* templateRows(store: Store, actor: Actor, year: number): AsyncGenerator<TemplateRow> {
  const allowed = importPermission(actor);
  let after = 0;
  for (;;) {
    const page = await store.db
      .selectFrom('dynamic_reports as r')
      // Joined on the enterprise too: co-located when tables are distributed by enterprise (docs/decisions/003).
      .innerJoin('list_entries as e', (join) => join.onRef('e.id', '=', 'r.list_entry_id').onRef('e.enterprise_id', '=', 'r.enterprise_id'))
      .innerJoin('enterprises as n', 'n.id', 'r.enterprise_id')
      .select(['r.id', 'r.list_entry_id', 'r.enterprise_id', 'r.document', 'e.status', 'e.authority_id', 'e.province_code', 'e.city_code', 'n.credit_code', 'n.name_zh'])
      .where('r.year', '=', year)
      .where('r.id', '>', after)
      .orderBy('r.id')
      .limit(PAGE)
      .execute();
    for (const r of page) {
      // Current entries only, filtered here rather than in SQL (see dynamic-report-targets.ts).
      if (!ACTIVE_ENTRY_STATUSES.includes(r.status)) continue;
      if (!allowed(r.enterprise_id, { authorityId: r.authority_id, provinceCode: r.province_code, cityCode: r.city_code })) continue;
      const document = r.document === null ? null : (JSON.parse(r.document) as AnnualData);
      const cells = document === null ? undefined : dynamicReportCells(document);
      // A filed document v1 cannot carry whole is left out rather than written with figures missing.
      if (document !== null && cells === undefined) continue;
      yield { creditCode: r.credit_code, enterpriseName: r.name_zh, listEntryId: r.list_entry_id, year, document, cells };
    }
    if (page.length < PAGE) return;
    after = page.at(-1)!.id;
  }
}

export function dynamicReportTemplate(store: Store, actor: Actor, input: { year: number; format: SheetFormat }): Readable {
  if (!Number.isInteger(input.year) || input.year < 2016 || input.year > 2100) throw invalid('year', 'must be a year from 2016 to 2100');
  authorize(actor, 'create', { type: 'import' });
  return sheetStream(input.format, templateRows(store, actor, input.year), dynamicReportSheetColumns(), {
    title: `动态管理表 ${input.year} / Dynamic reports ${input.year} (dynamic-report CSV v1)`,
    licence: 'greenlist',
    source: 'greenlist',
    generatedAt: now(),
  });
}
