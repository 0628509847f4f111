import type { Diagnostic } from '../domain/diagnostics';
import { parseCell } from '../domain/plan/a1';
import type { Scalar } from '../domain/plan/types';
import { Settings, type SettingsInput } from '../domain/schema/settings';
import { decodeSettings, registryStateOf, type TableRead } from '../domain/template/decode';
import { CARD_FIELDS, cardCell } from '../domain/template/project-sheet';
import { tablesOf } from '../domain/template/project-identity';
import { REGISTRY_TABLE } from '../domain/template/registry-sheet';
import { BASELINE_LIST, BASELINE_ROWS } from '../domain/baseline/sheet';
import {
  CURRENCY_CELL,
  BASELINE_CELL,
  SETTINGS_SHEET,
  SETTINGS_TABLE_SPECS,
} from '../domain/template/settings-sheet';
import type { RawBaselines, RawPlan, RawProject, RawTable } from '../domain/validation/raw';
import type { WorkbookStructure } from '../domain/validation/structure';
import { type CellRead, readCells, sharedStrings } from './ooxml/cells';
import { readStructure } from './read-structure';
import { XlsxPackage } from './ooxml/package';
import { bodyRange, listSheets, listTables, type TableEntry } from './ooxml/workbook';

/** Formula errors count as empty where a plain value is needed. */
export const scalarOf = (v: CellRead | undefined): Scalar =>
  v === undefined || (v !== null && typeof v === 'object') ? null : v;

export const tableReadOf = (t: RawTable): TableRead => ({
  columns: t.columns,
  rows: t.rows.map((r) => r.map(scalarOf)),
});

/** The package's tables by upper-case name (Excel compares table names ignoring case). */
type Tables = ReadonlyMap<string, TableEntry>;

/**
 * Every table listed once: finding each project's three tables by listing all of them again
 * grew with the square of the projects (41% of `implan validate` at 50 projects).
 */
async function tablesByName(pkg: XlsxPackage): Promise<Tables> {
  const out = new Map<string, TableEntry>();
  for (const t of await listTables(pkg)) {
    const key = t.name.toUpperCase();
    if (!out.has(key)) out.set(key, t);
  }
  return out;
}

async function rawTable(
  pkg: XlsxPackage,
  tables: Tables,
  name: string,
  strings: readonly string[],
): Promise<RawTable | undefined> {
  const t = tables.get(name.toUpperCase());
  if (!t) return undefined;
  const body = bodyRange(t);
  const rows = body.bottom < body.top ? [] : await readCells(pkg, t.sheet.path, body, strings);
  return {
    name: t.name,
    sheet: t.sheet.name,
    headerRow: body.top - 1,
    left: body.left,
    columns: t.columns,
    rows,
  };
}

/** The Settings sheet as schema input (not yet checked), or null when there is none. */
export async function readSettingsInput(
  pkg: XlsxPackage,
  strings: readonly string[],
  tables?: Tables,
): Promise<SettingsInput | null> {
  const sheet = (await listSheets(pkg)).find((s) => s.name === SETTINGS_SHEET);
  if (!sheet) return null;
  // The card's values one under the other: currency, review period (template version 2),
  // baseline compared with (version 3).
  const c = parseCell(CURRENCY_CELL);
  const card = { top: c.row, bottom: parseCell(BASELINE_CELL).row, left: c.col, right: c.col };
  const [currencyCell, reviewCell, baselineCell] = await readCells(pkg, sheet.path, card, strings);
  const currency = scalarOf(currencyCell?.[0]);
  const lists = new Map<string, TableRead>();
  const byName = tables ?? (await tablesByName(pkg));
  for (const spec of SETTINGS_TABLE_SPECS) {
    const t = await rawTable(pkg, byName, spec.table, strings);
    if (t) lists.set(spec.table, tableReadOf(t));
  }
  return decodeSettings(currency, lists, scalarOf(reviewCell?.[0]), scalarOf(baselineCell?.[0]));
}

export interface PlanCells {
  readonly settings: SettingsInput;
  readonly projects: readonly RawProject[];
  readonly structure: WorkbookStructure;
  readonly baselines: RawBaselines;
}

/** Every registered project's card and tables as raw cells, read without exceljs or writing. */
export async function readPlanCells(
  pkg: XlsxPackage,
  label?: string,
): Promise<PlanCells | Diagnostic[]> {
  const strings = await sharedStrings(pkg);
  const sheets = await listSheets(pkg);
  const sheetsByName = new Map<string, (typeof sheets)[number]>();
  for (const s of sheets) if (!sheetsByName.has(s.name)) sheetsByName.set(s.name, s);
  const tables = await tablesByName(pkg);
  const registry = await rawTable(pkg, tables, REGISTRY_TABLE, strings);
  const settings = await readSettingsInput(pkg, strings, tables);
  if (!registry || !settings)
    return [
      {
        severity: 'error',
        code: 'no-plan',
        message: `${label ?? 'The workbook'} holds no implan plan (no Projects or Settings sheet).`,
      },
    ];
  const table = tableReadOf(registry);
  const entries = registryStateOf(table).entries;
  const filledRows = table.rows.flatMap((r, i) =>
    r.some((v) => v !== null && v !== '') ? [i] : [],
  );
  const first = parseCell(cardCell('name'));
  const cardRange = {
    top: first.row,
    bottom: first.row + CARD_FIELDS.length - 1,
    left: first.col,
    right: first.col,
  };
  const projects: RawProject[] = [];
  for (const [n, entry] of entries.entries()) {
    const sheet = sheetsByName.get(entry.sheet);
    const card = sheet
      ? (await readCells(pkg, sheet.path, cardRange, strings)).map((r) => r[0] ?? null)
      : [];
    const names = tablesOf(entry.code);
    const tasks = await rawTable(pkg, tables, names.tasks, strings);
    const budget = await rawTable(pkg, tables, names.budget, strings);
    const risks = await rawTable(pkg, tables, names.risks, strings);
    projects.push({
      entry,
      registryRow: filledRows[n] ?? n,
      sheetExists: sheet !== undefined,
      card,
      ...(tasks ? { tasks } : {}),
      ...(budget ? { budget } : {}),
      ...(risks ? { risks } : {}),
    });
  }
  const list = await rawTable(pkg, tables, BASELINE_LIST, strings);
  const rows = await rawTable(pkg, tables, BASELINE_ROWS, strings);
  return {
    settings,
    projects,
    structure: await readStructure(pkg, sheets, tables.values()),
    baselines: { ...(list ? { list } : {}), ...(rows ? { rows } : {}) },
  };
}

/** What validation reads: the plan's raw cells with its settings checked. */
export async function readRawPlan(
  pkg: XlsxPackage,
  label?: string,
): Promise<RawPlan | Diagnostic[]> {
  const cells = await readPlanCells(pkg, label);
  if (Array.isArray(cells)) return cells;
  const settings = Settings.safeParse(cells.settings);
  if (!settings.success)
    return [
      {
        severity: 'error',
        code: 'settings',
        message: `The Settings sheet has a problem: ${settings.error.issues[0]?.message ?? 'it cannot be read'}; fix it before checking projects.`,
      },
    ];
  return {
    settings: settings.data,
    projects: cells.projects,
    structure: cells.structure,
    baselines: cells.baselines,
  };
}
