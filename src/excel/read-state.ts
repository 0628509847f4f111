import type { Scalar } from '../domain/plan/types';
import { Settings } from '../domain/schema/settings';
import { type TableRead, decodeSettings, registryStateOf } from '../domain/template/decode';
import { REGISTRY_TABLE } from '../domain/template/registry-sheet';
import {
  CURRENCY_CELL,
  REVIEW_DAYS_CELL,
  SETTINGS_SHEET,
  SETTINGS_TABLE_SPECS,
} from '../domain/template/settings-sheet';
import type { WorkbookState } from '../domain/template/workbook';
import { cardCell } from '../domain/template/project-sheet';
import { serialToIso } from '../domain/dates';
import { TEMPLATE_VERSION_NAME, templateVersionOf } from '../domain/template/version';
import { CONSOLIDATED_AT, textConstant } from '../domain/consolidation/consolidate';
import { defaultRun, type ExcelRun } from './host';
import type { Loads } from './loads';

const scalar = (v: unknown): Scalar =>
  typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' ? v : null;

function tableRead(range: Excel.Range): TableRead {
  const [header = [], ...rows] = range.values as unknown[][];
  return { columns: header.map((h) => String(h)), rows: rows.map((r) => r.map(scalar)) };
}

/**
 * Queues the loads for everything add-project and the pane need to know; the caller syncs once
 * and then calls the returned function. Missing tables and sheets come back as null objects,
 * so the number of syncs does not depend on what the workbook holds.
 */
export function queueStateRead(context: Excel.RequestContext, loads?: Loads): () => WorkbookState {
  const wb = context.workbook;
  // Through `loads` where given, so a response too large for Excel on the web is split.
  const queue = (load: () => void) => (loads ? loads.add(load) : load());
  const sheets = wb.worksheets;
  const tables = wb.tables;
  queue(() => sheets.load('items/name'));
  queue(() => tables.load('items/name'));
  const load = (name: string) => {
    const table = wb.tables.getItemOrNullObject(name);
    const range = table.getRange();
    queue(() => range.load('values'));
    return { table, range };
  };
  const registry = load(REGISTRY_TABLE);
  const settingsTables = SETTINGS_TABLE_SPECS.map((s) => ({ name: s.table, ...load(s.table) }));
  const settingsSheet = wb.worksheets.getItemOrNullObject(SETTINGS_SHEET);
  // The card's values one under the other: currency, then (template version 2) review period.
  const card = settingsSheet.getRange(`${CURRENCY_CELL}:${REVIEW_DAYS_CELL}`);
  queue(() => card.load('values'));
  const names = wb.names;
  queue(() => names.load('items/name,items/formula'));

  return () => {
    let settings: Settings | null = null;
    // The caller has synced before calling this: the loads and null objects are resolved by
    // then (the lint rule cannot see a sync made by the caller).
    // eslint-disable-next-line office-addins/call-sync-before-read
    if (!settingsSheet.isNullObject) {
      const read = new Map<string, TableRead>();
      for (const t of settingsTables)
        if (!t.table.isNullObject) read.set(t.name, tableRead(t.range));
      const [code, days] = card.values.map((row) => scalar(row[0]));
      const parsed = Settings.safeParse(decodeSettings(code ?? null, read, days ?? null));
      settings = parsed.success ? parsed.data : null;
    }
    const version = nameFormula(names, TEMPLATE_VERSION_NAME);
    return {
      sheets: sheets.items.map((s) => s.name),
      tables: tables.items.map((t) => t.name),
      registry: registry.table.isNullObject ? null : registryStateOf(tableRead(registry.range)),
      settings,
      templateVersion: templateVersionOf(version, !registry.table.isNullObject),
    };
  };
}

/** A workbook name's formula; defined names compare ignoring case, as Excel compares them. */
function nameFormula(names: Excel.NamedItemCollection, name: string): string | undefined {
  const found = names.items.find((n) => n.name.toUpperCase() === name.toUpperCase());
  return found === undefined ? undefined : String(found.formula);
}

/** Reads the workbook's state in one Excel.run with one sync. */
export async function readWorkbookState(run: ExcelRun = defaultRun): Promise<WorkbookState> {
  return await run(async (context) => {
    const result = queueStateRead(context);
    await context.sync();
    return result();
  });
}

/** A project's last review as its card says it: an ISO date, or null when empty or not a date. */
export interface ProjectReview {
  readonly name: string;
  readonly manager: string;
  readonly lastReviewed: string | null;
}

/** What the pane's status card shows besides the state: when Consolidate last ran, reviews. */
export interface PlanStatus {
  readonly state: WorkbookState;
  readonly consolidatedAt: string | null;
  readonly reviews: readonly ProjectReview[];
}

/**
 * The workbook's state, the last consolidation time and every project's review date: two
 * syncs whatever the number of projects (the cards can only be named once the registry is read).
 */
export async function readPlanStatus(run: ExcelRun = defaultRun): Promise<PlanStatus> {
  return await run(async (context) => {
    const result = queueStateRead(context);
    const names = context.workbook.names.load('items/name,items/formula');
    await context.sync();
    const stamp = nameFormula(names, CONSOLIDATED_AT);
    const state = result();
    const cards = (state.registry?.entries ?? []).map((entry) => {
      const sheet = context.workbook.worksheets.getItemOrNullObject(entry.sheet);
      return { entry, sheet, cell: sheet.getRange(cardCell('lastReviewed')).load('values') };
    });
    if (cards.length > 0) await context.sync();
    const reviews = cards.map(({ entry, sheet, cell }) => {
      const v: unknown = sheet.isNullObject ? null : cell.values[0]?.[0];
      const lastReviewed = typeof v === 'number' && v > 0 ? serialToIso(Math.floor(v)) : null;
      return { name: entry.name, manager: entry.manager, lastReviewed };
    });
    return { state, consolidatedAt: textConstant(stamp ?? ''), reviews };
  });
}
