import type { Diagnostic } from '../domain/diagnostics';
import { schemaProblems } from '../domain/diagnostics';
import { parseCell, parseRange, rangeA1 } from '../domain/plan/a1';
import {
  assertNever,
  type Cell,
  type PlanStep,
  type SheetItem,
  type SheetPlan,
  type WorkbookPlan,
} from '../domain/plan/types';
import { PlanFile } from '../domain/schema/plan-file';
import { sameSheetName } from '../domain/schema/sheet-name';
import { Settings } from '../domain/schema/settings';
import { decodeProject, registryStateOf } from '../domain/template/decode';
import { REGISTRY_TABLE } from '../domain/template/registry-sheet';
import {
  TEMPLATE_VERSION_NAME,
  templateVersionOf,
  versionProblem,
} from '../domain/template/version';
import type { WorkbookState } from '../domain/template/workbook';
import { fileCell, toFileFormula } from './file-formula';
import {
  type Consolidation,
  type ExistingJointSheet,
  fingerprintName,
  JOINT_SHEETS,
  checkedConsolidation,
  planConsolidation,
  textConstant,
} from '../domain/consolidation/consolidate';
import { readSheetCells, sharedStrings, writeCells } from './ooxml/cells';
import { deleteSheet } from './ooxml/delete-sheet';
import { addCharts } from './ooxml/drawing';
import { sheetRef } from '../domain/plan/references';
import { deleteRow, setRowCells, setTableRows } from './ooxml/table-edits';
import { dropStaleCalcChain } from './ooxml/calc-chain';
import { addTableColumn } from './ooxml/table-columns';
import { editSheets } from './ooxml/edit-sheet';
import { addSheets } from './ooxml/write-sheets';
import { PackageError, XlsxPackage } from './ooxml/package';
import { fillTableRows, readTable, setCalculatedColumns } from './ooxml/tables';
import {
  bodyRange,
  findTable,
  listDefinedNames,
  listSheets,
  listTables,
  setDefinedNames,
} from './ooxml/workbook';
import { SETTINGS_TABLE_SPECS } from '../domain/template/settings-sheet';
import { readPlanCells, readRawPlan, readSettingsInput, scalarOf, tableReadOf } from './read-raw';
import { readStructure } from './read-structure';
import { mergesOn, type WorkbookStructure } from '../domain/validation/structure';
import { renderSheets } from './render';

const sheetsOf = (plan: WorkbookPlan): SheetPlan[] =>
  plan.steps.flatMap((s) => (s.kind === 'addSheet' ? [s.sheet] : []));

/**
 * The edits of existing sheets as one sheet plan per sheet, for exceljs to render alone: what
 * it renders is then laid onto the user's sheet (ooxml/edit-sheet.ts).
 */
function editsOf(plan: WorkbookPlan): SheetPlan[] {
  const bySheet = new Map<string, SheetItem[]>();
  for (const step of plan.steps)
    if (step.kind === 'editSheet')
      bySheet.set(step.sheet, [...(bySheet.get(step.sheet) ?? []), ...step.items]);
  return [...bySheet].map(([name, items]) => ({ name, columnWidths: [], items }));
}

/**
 * exceljs renders the sheets; calculated columns are then added to its table parts. The donor
 * package is only unzipped again here, never saved, so it is stored, not compressed: deflating
 * it cost as much as deflating the final package (profile of `consolidate` at 200 projects).
 */
async function renderDonor(sheets: readonly SheetPlan[]): Promise<XlsxPackage> {
  const donor = renderSheets(sheets).xlsx;
  const bytes = new Uint8Array(await donor.writeBuffer({ zip: { compression: 'STORE' } }));
  const pkg = await XlsxPackage.load(bytes);
  for (const sheet of sheets)
    for (const item of sheet.items) {
      if (item.kind !== 'table') continue;
      const formulas = Object.fromEntries(
        item.table.columns.flatMap((c) => (c.formula ? [[c.name, toFileFormula(c.formula)]] : [])),
      );
      if (Object.keys(formulas).length > 0)
        await setCalculatedColumns(pkg, item.table.name, formulas);
    }
  return pkg;
}

/** "A1:P56" as a print area names it, "$A$1:$P$56". */
function absoluteRange(range: string): string {
  const { from, to } = parseRange(range);
  return rangeA1(from, to).replace(/([A-Z]+)(\d+)/g, '$$$1$$$2');
}

const fileRows = (rows: readonly (readonly Cell[])[]) => rows.map((r) => r.map(fileCell));

/** A sheet's entry and its 0-based place in the workbook (a sheet-scoped name's localSheetId). */
async function sheetAt(pkg: XlsxPackage, name: string): Promise<{ path: string; index: number }> {
  const sheets = await listSheets(pkg);
  const index = sheets.findIndex((s) => sameSheetName(s.name, name));
  const sheet = sheets[index];
  if (!sheet) throw new PackageError(`The workbook has no sheet named "${name}".`);
  return { path: sheet.path, index };
}

const sheetPath = async (pkg: XlsxPackage, name: string) => (await sheetAt(pkg, name)).path;

/** A sheet's charts (drawing and chart parts) and its print area, on its part in place. */
async function addSheetParts(pkg: XlsxPackage, sheet: SheetPlan): Promise<void> {
  const charts = sheet.items.flatMap((i) => (i.kind === 'chart' ? [i.chart] : []));
  const area = sheet.print?.area;
  if (charts.length === 0 && !area) return;
  const { path, index } = await sheetAt(pkg, sheet.name);
  await addCharts(pkg, path, charts);
  if (area)
    await setDefinedNames(pkg, [
      {
        name: '_xlnm.Print_Area',
        refersTo: sheetRef(sheet.name, absoluteRange(area)),
        localSheetId: index,
      },
    ]);
}

/** One step after the plan's sheets exist, applied at the part level. */
async function applyStep(pkg: XlsxPackage, step: PlanStep): Promise<void> {
  switch (step.kind) {
    case 'addSheet':
      // Rendered by exceljs and grafted, all together, before any other step; what exceljs
      // cannot carry through the graft (charts, a print area) is added to its part now.
      return await addSheetParts(pkg, step.sheet);
    case 'editSheet':
      // Rendered by exceljs and laid in, all together, before any other step.
      return;
    case 'setNames':
      return await setDefinedNames(
        pkg,
        step.names.map((n) => ({ ...n, refersTo: toFileFormula(n.refersTo) })),
      );
    case 'fillTableRows':
      return await fillTableRows(pkg, step.table, step.firstRow, fileRows(step.rows));
    case 'setCells': {
      const at = parseCell(step.at);
      const path = await sheetPath(pkg, step.sheet);
      return await writeCells(pkg, path, at.row, at.col, fileRows(step.rows), () => undefined);
    }
    case 'setRowCells':
      return await setRowCells(
        pkg,
        step.table,
        step.key,
        step.cells.map((c) => ({ column: c.column, value: fileCell(c.value) })),
      );
    case 'deleteRow':
      return await deleteRow(pkg, step.table, step.key);
    case 'deleteSheet':
      return await deleteSheet(pkg, step.sheet);
    case 'setTableRows':
      return await setTableRows(pkg, step.table, fileRows(step.rows));
    case 'addTableColumn':
      return await addTableColumn(pkg, step.table, step.column, step.width);
    default:
      assertNever(step);
  }
}

/** The steps after the sheets exist, in the plan's order. */
async function applyRest(pkg: XlsxPackage, plan: WorkbookPlan): Promise<void> {
  for (const step of plan.steps) await applyStep(pkg, step);
}

/** A whole new workbook from a plan. */
export async function newWorkbook(plan: WorkbookPlan): Promise<Buffer> {
  const pkg = await renderDonor(sheetsOf(plan));
  await applyRest(pkg, plan);
  // exceljs stamps its zip entries with the clock; a new file is a function of its plan alone.
  pkg.stampDates();
  return await pkg.save();
}

/** Applies a plan to a workbook people made, keeping every part implan does not own. */
export async function changeWorkbook(
  bytes: Uint8Array,
  plan: WorkbookPlan,
  label?: string,
): Promise<Buffer> {
  return await changePackage(await XlsxPackage.load(bytes, label), plan);
}

/** Applies a plan to a loaded package and returns its bytes (sheets in `replace` rebuilt). */
export async function changePackage(
  target: XlsxPackage,
  plan: WorkbookPlan,
  replace: readonly string[] = [],
): Promise<Buffer> {
  const sheets = sheetsOf(plan);
  if (sheets.length > 0) await addSheets(target, sheets, replace, renderDonor);
  const edits = editsOf(plan);
  if (edits.length > 0)
    await editSheets(
      target,
      await renderDonor(edits),
      edits.map((s) => s.name),
    );
  await applyRest(target, plan);
  await dropStaleCalcChain(target);
  return await target.save();
}

/** The joint sheets a workbook already has, with the fingerprints implan stored for them. */
async function readJointSheets(
  pkg: XlsxPackage,
  structure: WorkbookStructure | undefined,
): Promise<ExistingJointSheet[]> {
  const strings = await sharedStrings(pkg);
  const names = await listDefinedNames(pkg);
  const found: ExistingJointSheet[] = [];
  for (const sheet of await listSheets(pkg)) {
    if (!(JOINT_SHEETS as readonly string[]).includes(sheet.name)) continue;
    const cells = await readSheetCells(pkg, sheet.path, strings);
    const stored = names.find(
      (n) => n.localSheetId === undefined && n.name === fingerprintName(sheet.name),
    );
    found.push({
      name: sheet.name,
      cells: cells.map((c) => ({
        address: c.address,
        formula: c.formula,
        value: c.formula ? null : scalarOf(c.value),
      })),
      // Read with the structure (read-structure.ts reads the merges of every joint sheet).
      merges: mergesOn(structure, sheet.name),
      builtFingerprint: textConstant(stored?.refersTo),
    });
  }
  return found;
}

/**
 * Consolidates a workbook file: reads and checks the plan, refuses to overwrite joint sheets
 * someone typed into (unless `replaceEdited`), and returns the new bytes with the joint sheets
 * built or rebuilt in place. Project sheets, Settings, the registry and every other part are
 * left as they were.
 */
export async function consolidateWorkbook(
  bytes: Uint8Array,
  options: {
    readonly builtAt: string;
    readonly replaceEdited?: boolean;
    readonly label?: string;
    /** How this user upgrades an older workbook, said when consolidate refuses one. */
    readonly upgradeHint?: string;
  },
): Promise<{
  result: Consolidation | { kind: 'unreadable'; diagnostics: Diagnostic[] };
  bytes?: Buffer;
}> {
  // One package, read first and then edited: the file is unzipped once.
  const pkg = await XlsxPackage.load(bytes, options.label);
  const raw = await readRawPlan(pkg, options.label);
  if (Array.isArray(raw)) return { result: { kind: 'unreadable', diagnostics: raw } };
  // The joint sheets read what the current template holds (Settings_ReviewDays...).
  const hint = options.upgradeHint ?? 'run "implan upgrade" on the file';
  const version = versionProblem(await readTemplateVersion(pkg, true), hint);
  if (version) return { result: { kind: 'unreadable', diagnostics: [version] } };
  const existing = await readJointSheets(pkg, raw.structure);
  const planned = planConsolidation(raw, {
    builtAt: options.builtAt,
    existing,
    replaceEdited: options.replaceEdited ?? false,
  });
  // What protection would stop is refused here, just before the write.
  const sheets = (await listSheets(pkg)).map((s) => s.name);
  const result = checkedConsolidation(planned, { sheets, structure: raw.structure });
  if (result.kind !== 'ready') return { result };
  return {
    result,
    // Sheets that already exist are rebuilt in place; any other name clash refuses.
    bytes: await changePackage(
      pkg,
      result.plan,
      existing.map((s) => s.name),
    ),
  };
}

/** What add-project needs to know of a workbook file, read without exceljs. */
export async function readWorkbookState(bytes: Uint8Array, label?: string): Promise<WorkbookState> {
  return await readPackageState(await XlsxPackage.load(bytes, label));
}

/** The same from a package already loaded. */
export async function readPackageState(pkg: XlsxPackage): Promise<WorkbookState> {
  const strings = await sharedStrings(pkg);
  const registry = await readTable(pkg, REGISTRY_TABLE, strings);
  const settings = await readSettingsInput(pkg, strings);
  const parsed = settings ? Settings.safeParse(settings) : null;
  const sheets = await listSheets(pkg);
  const tables = await listTables(pkg);
  const version = await readTemplateVersion(pkg, registry !== undefined);
  return {
    sheets: sheets.map((s) => s.name),
    tables: tables.map((t) => t.name),
    structure: await readStructure(pkg, sheets, tables),
    registry: registry
      ? registryStateOf({
          columns: registry.columns,
          rows: registry.rows.map((r) => r.map(scalarOf)),
        })
      : null,
    settings: parsed?.success ? parsed.data : null,
    settingsRows: await settingsRowsOf(pkg),
    templateVersion: version,
  };
}

/** The data body size of each Settings table the workbook has. */
async function settingsRowsOf(pkg: XlsxPackage): Promise<Record<string, number>> {
  const rows: Record<string, number> = {};
  for (const spec of SETTINGS_TABLE_SPECS) {
    const table = await findTable(pkg, spec.table);
    if (!table) continue;
    const body = bodyRange(table);
    rows[spec.table] = body.bottom - body.top + 1;
  }
  return rows;
}

/** The workbook's template version (null without a plan), from its workbook-scoped name. */
export async function readTemplateVersion(
  pkg: XlsxPackage,
  hasPlan: boolean,
): Promise<number | null> {
  const names = await listDefinedNames(pkg);
  const upper = TEMPLATE_VERSION_NAME.toUpperCase();
  const stored = names.find((n) => n.localSheetId === undefined && n.name.toUpperCase() === upper);
  return templateVersionOf(stored?.refersTo, hasPlan);
}

/** The plan's data as a plan file: what `implan export` prints. */
export async function exportPlanFile(
  bytes: Uint8Array,
  label?: string,
): Promise<PlanFile | Diagnostic[]> {
  const pkg = await XlsxPackage.load(bytes, label);
  const cells = await readPlanCells(pkg, label);
  if (Array.isArray(cells)) return cells;
  // An older template exports as well as the current one; a newer one may hold what this
  // implan cannot read.
  const version = versionProblem(await readTemplateVersion(pkg, true), '');
  if (version && version.code !== 'template-older') return [version];
  const projects = cells.projects.map((p) =>
    decodeProject({
      entry: p.entry,
      card: p.card.map(scalarOf),
      ...(p.tasks ? { tasks: tableReadOf(p.tasks) } : {}),
      ...(p.budget ? { budget: tableReadOf(p.budget) } : {}),
      ...(p.risks ? { risks: tableReadOf(p.risks) } : {}),
    }),
  );
  const parsed = PlanFile.safeParse({ version: 1, settings: cells.settings, projects });
  return parsed.success ? parsed.data : schemaProblems(parsed.error, label ?? 'The workbook');
}
