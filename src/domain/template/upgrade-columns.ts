import type { Diagnostic } from '../diagnostics';
import { compose } from '../diagnostics';
import { a1, block, parseRange } from '../plan/a1';
import type { PlanStep, Scalar, SheetEdit } from '../plan/types';
import type { Settings } from '../schema/settings';
import type { ProjectColumnSpec } from './columns';
import { type ProjectTables, tablesOf } from './project-identity';
import { styles } from './styles';

/** A project table as read before an upgrade: where it stands, its headers, what is right of it. */
export interface TableShape {
  /** The table's range, header included, e.g. "R4:X9". */
  readonly ref: string;
  readonly columns: readonly string[];
  /** The cells of the sheet column just right of the table, from its header row to its last. */
  readonly right: readonly Scalar[];
}

/** A column a template version adds at the right end of every project's table of one kind. */
export interface ColumnChange {
  readonly table: keyof ProjectTables;
  /** What the table is called in sentences: "Budget". */
  readonly label: string;
  readonly column: ProjectColumnSpec<never>;
}

/** The shapes of a project's tables a reader read, by kind; null where the table is missing. */
export type TableShapes = Readonly<Partial<Record<keyof ProjectTables, TableShape | null>>>;

const isBlank = (v: Scalar | undefined) => v === null || v === undefined || v === '';
const same = (a: string, b: string) => a.trim().toUpperCase() === b.trim().toUpperCase();

/** The new column's look and guard, as a new sheet's table section gives it (table-section.ts). */
function columnItems(change: ColumnChange, shape: TableShape, settings: Settings): SheetEdit[] {
  const { from, to } = parseRange(shape.ref);
  const col = to.col + 1;
  const c = change.column;
  const body = block(a1(from.row + 1, col), Math.max(1, to.row - from.row), 1);
  const items: SheetEdit[] = [
    { kind: 'format', range: a1(from.row, col), style: styles.header },
    // The section title above the table (e.g. "Budget (EUR)") spans the table's columns.
    { kind: 'format', range: a1(from.row - 1, col), style: styles.section },
  ];
  if (c.numberFormat)
    items.push({ kind: 'format', range: body, style: { numberFormat: c.numberFormat(settings) } });
  if (c.validation) items.push({ kind: 'validation', range: body, rule: c.validation });
  return items;
}

/**
 * The steps that add `change`'s column to one project's table: none when the table has it
 * already (an earlier upgrade), a problem naming the cells when what is right of the table is
 * not empty (an upgrade never writes over people's cells) or the table is missing.
 */
export function planColumnChange(
  change: ColumnChange,
  project: { readonly name: string; readonly sheet: string; readonly code: string },
  shape: TableShape | null | undefined,
  settings: Settings,
): { steps: PlanStep[]; sentence: string | null } | Diagnostic {
  const table = tablesOf(project.code)[change.table];
  const name = change.column.name;
  if (!shape)
    return {
      severity: 'error',
      code: 'upgrade-table-missing',
      project: project.name,
      sheet: project.sheet,
      message: compose(
        `The sheet ${project.sheet}`,
        `its ${change.label} table ${table} is missing, so the upgrade cannot add the column "${name}"; undo what removed it, then upgrade again`,
      ),
    };
  if (shape.columns.some((h) => same(h, name))) return { steps: [], sentence: null };
  const { from, to } = parseRange(shape.ref);
  const right = block(a1(from.row, to.col + 1), to.row - from.row + 1, 1);
  const taken = shape.right.find((v) => !isBlank(v));
  if (taken !== undefined)
    return {
      severity: 'error',
      code: 'upgrade-cells-taken',
      sheet: project.sheet,
      cell: right,
      message: compose(
        `The sheet ${project.sheet}`,
        `${right} holds "${String(taken)}", where the upgrade adds the ${change.label} column "${name}"; move what is there to other cells, then upgrade again`,
      ),
    };
  const at = a1(from.row, to.col + 1);
  return {
    steps: [
      {
        kind: 'addTableColumn',
        sheet: project.sheet,
        table,
        column: name,
        at,
        width: change.column.width,
      },
      { kind: 'editSheet', sheet: project.sheet, items: columnItems(change, shape, settings) },
    ],
    sentence: `the ${change.label} column "${name}" in ${right}`,
  };
}
