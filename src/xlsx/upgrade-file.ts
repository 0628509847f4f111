import type { Result } from '../domain/diagnostics';
import { fail } from '../domain/diagnostics';
import type { WorkbookState } from '../domain/template/workbook';
import { writeRefusals } from '../domain/template/write-check';
import { parseRange } from '../domain/plan/a1';
import type { Scalar, WorkbookPlan } from '../domain/plan/types';
import { SETTINGS_SHEET } from '../domain/template/settings-sheet';
import {
  type AreaCells,
  planUpgrade,
  type UpgradeInput,
  type UpgradeReport,
  upgradeAreas,
} from '../domain/template/upgrade';
import { readCells, sharedStrings } from './ooxml/cells';
import { XlsxPackage } from './ooxml/package';
import { findTable, listSheets } from './ooxml/workbook';
import { tablesOf } from '../domain/template/project-identity';
import type { TableShapes } from '../domain/template/upgrade';
import { scalarOf } from './read-raw';
import { protectedAmong } from './read-structure';
import { changePackage, readPackageState } from './workbook-file';

/** The blocks `areas` names on one sheet part, as plain values. */
async function readAreas(
  pkg: XlsxPackage,
  sheetPath: string | undefined,
  areas: readonly string[],
  strings: readonly string[],
): Promise<AreaCells> {
  if (sheetPath === undefined) return null;
  const out: Record<string, Scalar[][]> = {};
  for (const area of areas) {
    const { from, to } = parseRange(area);
    const range = { top: from.row, bottom: to.row, left: from.col, right: to.col };
    const cells = await readCells(pkg, sheetPath, range, strings);
    out[area] = cells.map((row) => row.map(scalarOf));
  }
  return out;
}

/** The shapes of a project's tables `kinds` names: ref, headers and the column right of each. */
async function readShapes(
  pkg: XlsxPackage,
  code: string,
  kinds: readonly (keyof TableShapes)[],
  strings: readonly string[],
): Promise<TableShapes> {
  const out: Partial<Record<keyof TableShapes, TableShapes[keyof TableShapes]>> = {};
  for (const kind of kinds) {
    const table = await findTable(pkg, tablesOf(code)[kind]);
    if (!table) {
      out[kind] = null;
      continue;
    }
    const { from, to } = parseRange(table.ref);
    const range = { top: from.row, bottom: to.row, left: to.col + 1, right: to.col + 1 };
    const right = await readCells(pkg, table.sheet.path, range, strings);
    out[kind] = {
      ref: table.ref,
      columns: table.columns,
      right: right.map((r) => scalarOf(r[0] ?? null)),
    };
  }
  return out;
}

/** What the upgrade needs to know of a workbook file: version, settings, the cells it fills. */
async function readUpgradeInput(
  pkg: XlsxPackage,
): Promise<{ input: UpgradeInput; state: WorkbookState }> {
  const state = await readPackageState(pkg);
  const version = state.templateVersion;
  const areas = upgradeAreas(Number.isNaN(version) ? Infinity : (version ?? Infinity));
  const strings = await sharedStrings(pkg);
  const sheets = await listSheets(pkg);
  const pathOf = (name: string) => sheets.find((s) => s.name === name)?.path;
  const input = {
    version,
    settings: state.settings,
    settingsCells: await readAreas(pkg, pathOf(SETTINGS_SHEET), areas.settings, strings),
    projects: await Promise.all(
      (state.registry?.entries ?? []).map(async (entry) => ({
        entry,
        cells: await readAreas(pkg, pathOf(entry.sheet), areas.project, strings),
        tables: await readShapes(pkg, entry.code, areas.tables, strings),
      })),
    ),
  };
  // The structure read covers the sheets every write touches; the upgrade writes project
  // sheets too, so their protection is read here.
  const projectSheets = sheets.filter((s) => input.projects.some((p) => p.entry.sheet === s.name));
  const structure = state.structure && {
    ...state.structure,
    protectedSheets: [
      ...state.structure.protectedSheets,
      ...(await protectedAmong(pkg, projectSheets)),
    ],
  };
  return { input, state: { ...state, structure } };
}

/**
 * Upgrades a workbook file to this implan's template version: the report of what changes, and
 * the new bytes when something does and this is not a dry run (none when it is current).
 */
export async function upgradeWorkbook(
  bytes: Uint8Array,
  options: { readonly dryRun: boolean; readonly label?: string },
): Promise<{ result: Result<{ plan: WorkbookPlan; report: UpgradeReport }>; bytes?: Buffer }> {
  const pkg = await XlsxPackage.load(bytes, options.label);
  const { input, state } = await readUpgradeInput(pkg);
  const result = planUpgrade(input);
  if (!result.ok || result.value.plan.steps.length === 0) return { result };
  // A protected sheet or workbook is refused, in a dry run too: it says what a real run does.
  const blocked = writeRefusals(state, result.value.plan);
  if (blocked.length > 0) return { result: fail(...blocked) };
  if (options.dryRun) return { result };
  return { result, bytes: await changePackage(pkg, result.value.plan) };
}
