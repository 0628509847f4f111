import type { Diagnostic } from '../domain/diagnostics';
import { parseRange } from '../domain/plan/a1';
import { CARD_FIELDS, cardCell } from '../domain/template/project-sheet';
import { tablesOf } from '../domain/template/project-identity';
import { BASELINE_LIST, BASELINE_ROWS, BASELINES_SHEET } from '../domain/baseline/sheet';
import type {
  RawBaselines,
  RawPlan,
  RawProject,
  RawTable,
  RawValue,
} from '../domain/validation/raw';
import { defaultRun, type ExcelRun } from './host';
import { type BandedRead, type CellCost, Loads } from './loads';
import { placeOf, queueStateRead } from './read-state';
import { hasPlan, type PlanState } from '../domain/template/workbook';

/** A table value in a response: a number, a date serial or a short text, with JSON's commas. */
const TABLE_CELLS: CellCost = { bytesPerCell: 12 };

const ERROR = /^#(NULL!|DIV\/0!|VALUE!|REF!|NAME\?|NUM!|N\/A|SPILL!|CALC!|GETTING_DATA)$/;

/** Office.js gives empty cells as "" and errors as their text: make them raw values. */
function rawValue(v: unknown): RawValue {
  if (typeof v === 'number' || typeof v === 'boolean') return v;
  if (typeof v !== 'string' || v === '') return null;
  return ERROR.test(v) ? { error: v } : v;
}

/**
 * Queues the loads of every registered project's card and tables on `loads`, given the
 * workbook's state read in an earlier sync; the caller syncs them, then calls the returned
 * function.
 */
export function queueRawPlanRead(
  context: Excel.RequestContext,
  state: PlanState,
  loads: Loads,
): () => RawPlan {
  // Sheet and table names compare ignoring case, as Excel compares them.
  const tables = new Set(state.tables.map((t) => t.toUpperCase()));
  const sheets = new Set(state.sheets.map((s) => s.toUpperCase()));
  const first = cardCell('name');
  const cardRange = `${first}:${first.replace(/\d+$/, (n) => String(Number(n) + CARD_FIELDS.length - 1))}`;
  const load = (name: string) => {
    if (!tables.has(name.toUpperCase())) return null;
    const range = context.workbook.tables.getItem(name).getRange();
    // Tables grow with the plan: read in bands that each fit a response.
    return { name, read: loads.addBanded(range, ['values'], TABLE_CELLS) };
  };
  const pending = state.registry.entries.map((entry, i) => {
    const exists = sheets.has(entry.sheet.toUpperCase());
    const card = exists
      ? context.workbook.worksheets.getItem(entry.sheet).getRange(cardRange)
      : null;
    if (card) loads.add(() => card.load('values'));
    const t = tablesOf(entry.code);
    return {
      entry,
      i,
      exists,
      card,
      tasks: load(t.tasks),
      budget: load(t.budget),
      risks: load(t.risks),
    };
  });
  const table = (
    sheet: string,
    t: { name: string; read: () => BandedRead | null } | null,
  ): RawTable | undefined => {
    const read = t?.read();
    if (!t || !read) return undefined;
    const [header = [], ...rows] = read.values;
    // The sheet the table is really on, which a wrong registry line can differ from.
    const place = placeOf(read.address);
    const at = parseRange(place.ref).from;
    return {
      name: t.name,
      sheet: place.sheet || sheet,
      headerRow: at.row,
      left: at.col,
      columns: header.map(String),
      rows: rows.map((r) => r.map(rawValue)),
    };
  };
  // The Baselines sheet's tables, in the same banded read: consolidation compares with them.
  const baselineList = load(BASELINE_LIST);
  const baselineRows = load(BASELINE_ROWS);
  return () => ({
    settings: state.settings,
    ...(state.structure ? { structure: state.structure } : {}),
    baselines: baselinesOf(
      table(BASELINES_SHEET, baselineList),
      table(BASELINES_SHEET, baselineRows),
    ),
    projects: pending.map((p): RawProject => {
      const tasks = table(p.entry.sheet, p.tasks);
      const budget = table(p.entry.sheet, p.budget);
      const risks = table(p.entry.sheet, p.risks);
      return {
        entry: p.entry,
        registryRow: p.i,
        sheetExists: p.exists,
        card: p.card ? (p.card.values as unknown[][]).map((r) => rawValue(r[0])) : [],
        ...(tasks ? { tasks } : {}),
        ...(budget ? { budget } : {}),
        ...(risks ? { risks } : {}),
      };
    }),
  });
}

const baselinesOf = (list: RawTable | undefined, rows: RawTable | undefined): RawBaselines => ({
  ...(list ? { list } : {}),
  ...(rows ? { rows } : {}),
});

export const NO_PLAN: Diagnostic = {
  severity: 'error',
  code: 'no-plan',
  message: 'This workbook has no implan plan yet (no Projects and Settings sheets).',
};

/**
 * Reads every registered project's card and tables for validation in one Excel.run with three
 * syncs, whatever the number of projects, while the values fit one response: the first learns
 * which sheets and tables exist, the second loads the cards and the tables' addresses, the
 * third the tables' values (in more syncs where they pass the response budget, loads.ts).
 */
export async function readRawPlanLive(run: ExcelRun = defaultRun): Promise<RawPlan | Diagnostic[]> {
  return await run(async (context) => {
    const loads = new Loads(context);
    const readState = queueStateRead(context, loads);
    await loads.sync();
    const state = readState();
    if (!hasPlan(state)) return [NO_PLAN];
    const read = queueRawPlanRead(context, state, loads);
    await loads.sync();
    return read();
  });
}
