import type { Diagnostic } from '../domain/diagnostics';
import { schemaProblems } from '../domain/diagnostics';
import type { Scalar, SheetPlan, WorkbookPlan } from '../domain/plan/types';
import { PlanFile } from '../domain/schema/plan-file';
import { Settings } from '../domain/schema/settings';
import {
  type TableRead,
  decodeProject,
  decodeSettings,
  registryStateOf,
} from '../domain/template/decode';
import { CARD_FIELDS, cardCell } from '../domain/template/project-sheet';
import { tablesOf } from '../domain/template/project-identity';
import { REGISTRY_TABLE } from '../domain/template/registry-sheet';
import {
  CURRENCY_CELL,
  SETTINGS_SHEET,
  SETTINGS_TABLE_SPECS,
} from '../domain/template/settings-sheet';
import type { WorkbookState } from '../domain/template/workbook';
import { parseCell } from '../domain/plan/a1';
import { toFileFormula } from './file-formula';
import { type CellRead, readCells, sharedStrings } from './ooxml/cells';
import { graftSheets } from './ooxml/graft';
import { XlsxPackage } from './ooxml/package';
import { fillTableRows, readTable, setCalculatedColumns } from './ooxml/tables';
import { listSheets, listTables, setDefinedNames } from './ooxml/workbook';
import { renderSheets } from './render';

const sheetsOf = (plan: WorkbookPlan): SheetPlan[] =>
  plan.steps.flatMap((s) => (s.kind === 'addSheet' ? [s.sheet] : []));

/** exceljs renders the sheets; calculated columns are then added to its table parts. */
async function renderDonor(sheets: readonly SheetPlan[]): Promise<XlsxPackage> {
  const bytes = new Uint8Array(await renderSheets(sheets).xlsx.writeBuffer());
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

/** The steps after the sheets exist: names and registry rows, applied at the part level. */
async function applyRest(pkg: XlsxPackage, plan: WorkbookPlan): Promise<void> {
  for (const step of plan.steps) {
    if (step.kind === 'setNames')
      await setDefinedNames(
        pkg,
        step.names.map((n) => ({ name: n.name, refersTo: toFileFormula(n.refersTo) })),
      );
    else if (step.kind === 'fillTableRows')
      await fillTableRows(
        pkg,
        step.table,
        step.firstRow,
        step.rows.map((r) =>
          r.map((c) =>
            c !== null && typeof c === 'object' ? { formula: toFileFormula(c.formula) } : c,
          ),
        ),
      );
  }
}

/** A whole new workbook from a plan. */
export async function newWorkbook(plan: WorkbookPlan): Promise<Buffer> {
  const pkg = await renderDonor(sheetsOf(plan));
  await applyRest(pkg, plan);
  return await pkg.save();
}

/** Applies a plan to a workbook people made, keeping every part implan does not own. */
export async function changeWorkbook(
  bytes: Uint8Array,
  plan: WorkbookPlan,
  label?: string,
): Promise<Buffer> {
  const target = await XlsxPackage.load(bytes, label);
  const sheets = sheetsOf(plan);
  if (sheets.length > 0)
    await graftSheets(
      target,
      await renderDonor(sheets),
      sheets.map((s) => s.name),
    );
  await applyRest(target, plan);
  return await target.save();
}

const scalar = (v: CellRead | undefined): Scalar =>
  v === undefined || (v !== null && typeof v === 'object') ? null : v;
const asTableRead = (
  t: { columns: readonly string[]; rows: readonly (readonly CellRead[])[] } | undefined,
): TableRead | undefined => t && { columns: t.columns, rows: t.rows.map((r) => r.map(scalar)) };

async function readSettings(
  pkg: XlsxPackage,
  strings: readonly string[],
): Promise<{ input: unknown; currency: Scalar } | null> {
  const sheet = (await listSheets(pkg)).find((s) => s.name === SETTINGS_SHEET);
  if (!sheet) return null;
  const c = parseCell(CURRENCY_CELL);
  const currency = scalar(
    (
      await readCells(
        pkg,
        sheet.path,
        { top: c.row, bottom: c.row, left: c.col, right: c.col },
        strings,
      )
    )[0]?.[0],
  );
  const tables = new Map<string, TableRead>();
  for (const spec of SETTINGS_TABLE_SPECS) {
    const t = asTableRead(await readTable(pkg, spec.table, strings));
    if (t) tables.set(spec.table, t);
  }
  return { input: decodeSettings(currency, tables), currency };
}

/** What add-project needs to know of a workbook file, read without exceljs. */
export async function readWorkbookState(bytes: Uint8Array, label?: string): Promise<WorkbookState> {
  const pkg = await XlsxPackage.load(bytes, label);
  const strings = await sharedStrings(pkg);
  const registry = asTableRead(await readTable(pkg, REGISTRY_TABLE, strings));
  const settings = await readSettings(pkg, strings);
  const parsed = settings ? Settings.safeParse(settings.input) : null;
  return {
    sheets: (await listSheets(pkg)).map((s) => s.name),
    tables: (await listTables(pkg)).map((t) => t.name),
    registry: registry ? registryStateOf(registry) : null,
    settings: parsed?.success ? parsed.data : null,
  };
}

/** The plan's data as a plan file: what `implan export` prints. */
export async function exportPlanFile(
  bytes: Uint8Array,
  label?: string,
): Promise<PlanFile | Diagnostic[]> {
  const pkg = await XlsxPackage.load(bytes, label);
  const strings = await sharedStrings(pkg);
  const registry = asTableRead(await readTable(pkg, REGISTRY_TABLE, strings));
  const settings = await readSettings(pkg, strings);
  if (!registry || !settings)
    return [
      {
        severity: 'error',
        code: 'no-plan',
        message: `${label ?? 'The workbook'} holds no implan plan (no Projects or Settings sheet).`,
      },
    ];
  const sheets = await listSheets(pkg);
  const projects = [];
  for (const entry of registryStateOf(registry).entries) {
    const sheet = sheets.find((s) => s.name === entry.sheet);
    const first = parseCell(cardCell('name'));
    const card = sheet
      ? (
          await readCells(
            pkg,
            sheet.path,
            {
              top: first.row,
              bottom: first.row + CARD_FIELDS.length - 1,
              left: first.col,
              right: first.col,
            },
            strings,
          )
        ).map((r) => scalar(r[0]))
      : [];
    const t = tablesOf(entry.code);
    projects.push(
      decodeProject({
        entry,
        card,
        ...(await optionalTable('tasks', pkg, t.tasks, strings)),
        ...(await optionalTable('budget', pkg, t.budget, strings)),
        ...(await optionalTable('risks', pkg, t.risks, strings)),
      }),
    );
  }
  const parsed = PlanFile.safeParse({ version: 1, settings: settings.input, projects });
  return parsed.success ? parsed.data : schemaProblems(parsed.error, label ?? 'The workbook');
}

async function optionalTable<K extends string>(
  key: K,
  pkg: XlsxPackage,
  name: string,
  strings: readonly string[],
) {
  const t = asTableRead(await readTable(pkg, name, strings));
  return (t ? { [key]: t } : {}) as Partial<Record<K, TableRead>>;
}
