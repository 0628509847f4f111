import type { Scalar } from '../domain/plan/types';
import { Settings } from '../domain/schema/settings';
import { type TableRead, decodeSettings, registryStateOf } from '../domain/template/decode';
import { REGISTRY_SHEET, REGISTRY_TABLE } from '../domain/template/registry-sheet';
import {
  CURRENCY_CELL,
  BASELINE_CELL,
  SETTINGS_SHEET,
  SETTINGS_TABLE_SPECS,
} from '../domain/template/settings-sheet';
import type { WorkbookState } from '../domain/template/workbook';
import { cardCell } from '../domain/template/project-sheet';
import { serialToIso } from '../domain/dates';
import { TEMPLATE_VERSION_NAME, templateVersionOf } from '../domain/template/version';
import { CONSOLIDATED_AT, JOINT_SHEETS, textConstant } from '../domain/consolidation/consolidate';
import { defaultRun, detectCapabilities, type ExcelRun, type HostCapabilities } from './host';
import type { Loads } from './loads';

const scalar = (v: unknown): Scalar =>
  typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' ? v : null;

function tableRead(range: Excel.Range): TableRead {
  const [header = [], ...rows] = range.values as unknown[][];
  return { columns: header.map((h) => String(h)), rows: rows.map((r) => r.map(scalar)) };
}

/** A sheet's merged areas, "Projects!A7:C7, Projects!H1:I2", as sheet and range each. */
function mergesOf(areas: Excel.RangeAreas): { sheet: string; range: string }[] {
  // The caller has synced; a sheet with no merges (or no such sheet) is a null object.
  if (areas.isNullObject) return [];
  return areas.address
    .split(',')
    .map((a) => placeOf(a.trim()))
    .map((p) => ({ sheet: p.sheet, range: p.ref }));
}

/** "'Sheet A'!A4:F9" as its sheet and range. */
export function placeOf(address: string): { sheet: string; ref: string } {
  const at = address.lastIndexOf('!');
  const sheet = address.slice(0, Math.max(0, at));
  return {
    sheet: /^'.*'$/.test(sheet) ? sheet.slice(1, -1).replace(/''/g, "'") : sheet,
    ref: address.slice(at + 1),
  };
}

/**
 * Queues the loads for everything add-project and the pane need to know; the caller syncs once
 * and then calls the returned function. Missing tables and sheets come back as null objects,
 * so the number of syncs does not depend on what the workbook holds.
 */
export function queueStateRead(
  context: Excel.RequestContext,
  loads?: Loads,
  caps: HostCapabilities = detectCapabilities(),
): () => WorkbookState {
  const wb = context.workbook;
  // Through `loads` where given, so a response too large for Excel on the web is split.
  const queue = (load: () => void) => (loads ? loads.add(load) : load());
  const sheets = wb.worksheets;
  const tables = wb.tables;
  // Protection (Worksheet.protection, ExcelApi 1.2; Workbook.protection, 1.7) and the names
  // come in the same request, so what stops a write is known before anything is written. Each
  // sheet's own names (Worksheet.names, ExcelApi 1.4: "names scoped to the current worksheet";
  // Workbook.names holds only workbook-wide ones) come through the navigation path
  // items/names/items/..., which loads them with the sheets in the same request ("Scalar and
  // navigation properties", learn.microsoft.com/office/dev/add-ins/develop/application-specific-api-model).
  queue(() =>
    sheets.load(
      'items/name,items/protection/protected,items/names/items/name,items/names/items/formula',
    ),
  );
  queue(() => tables.load('items/name'));
  const lock = wb.protection;
  queue(() => lock.load('protected'));
  const names = wb.names;
  queue(() => names.load('items/name,items/formula'));
  const load = (name: string) => {
    const table = wb.tables.getItemOrNullObject(name);
    const range = table.getRange();
    queue(() => range.load(['values', 'address']));
    return { name, table, range };
  };
  const registry = load(REGISTRY_TABLE);
  const settingsTables = SETTINGS_TABLE_SPECS.map((s) => load(s.table));
  const settingsSheet = wb.worksheets.getItemOrNullObject(SETTINGS_SHEET);
  // The merged cells of the sheets implan writes (ExcelApi 1.13): where its tables grow, and
  // the joint sheets, whose merges a user made count as edits (as read-structure.ts reads them).
  const merged = caps.mergedAreas
    ? [REGISTRY_SHEET, SETTINGS_SHEET, ...JOINT_SHEETS].map((name) => {
        const areas = wb.worksheets
          .getItemOrNullObject(name)
          .getRange()
          .getMergedAreasOrNullObject();
        queue(() => areas.load('address'));
        return areas;
      })
    : null;
  // The card's values one under the other: currency, review period (template version 2),
  // baseline compared with (version 3).
  const card = settingsSheet.getRange(`${CURRENCY_CELL}:${BASELINE_CELL}`);
  queue(() => card.load('values'));

  return () => {
    let settings: Settings | null = null;
    // The caller has synced before calling this: the loads and null objects are resolved by
    // then (the lint rule cannot see a sync made by the caller).
    // eslint-disable-next-line office-addins/call-sync-before-read
    if (!settingsSheet.isNullObject) {
      const read = new Map<string, TableRead>();
      for (const t of settingsTables)
        if (!t.table.isNullObject) read.set(t.name, tableRead(t.range));
      const [code, days, baseline] = card.values.map((row) => scalar(row[0]));
      const decoded = decodeSettings(code ?? null, read, days ?? null, baseline ?? null);
      const parsed = Settings.safeParse(decoded);
      settings = parsed.success ? parsed.data : null;
    }
    const grown = [registry, ...settingsTables].filter((t) => !t.table.isNullObject);
    // The body size of each Settings table, which a settings edit rewrites from its header.
    const settingsRows = Object.fromEntries(
      settingsTables
        .filter((t) => !t.table.isNullObject)
        .map((t) => [t.name, (t.range.values as unknown[][]).length - 1]),
    );
    const version = nameFormula(names, TEMPLATE_VERSION_NAME);
    return {
      sheets: sheets.items.map((s) => s.name),
      tables: tables.items.map((t) => t.name),
      registry: registry.table.isNullObject ? null : registryStateOf(tableRead(registry.range)),
      settings,
      structure: {
        structureProtected: lock.protected,
        protectedSheets: sheets.items.filter((s) => s.protection.protected).map((s) => s.name),
        names: [
          ...names.items.map((n) => ({ name: n.name, refersTo: String(n.formula) })),
          ...sheets.items.flatMap((s) =>
            s.names.items.map((n) => ({
              name: n.name,
              refersTo: String(n.formula),
              sheet: s.name,
            })),
          ),
        ],
        tables: grown.map((t) => ({ name: t.name, ...placeOf(t.range.address) })),
        // Before ExcelApi 1.13 they cannot be listed; Excel itself then refuses a table grown
        // over them (MergedRangeConflict), which the pane says in words.
        merges: merged ? merged.flatMap(mergesOf) : null,
      },
      settingsRows,
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
