import type { Consolidation } from '../../domain/consolidation/consolidate';
import type { Cell, PlanStep, SheetItem, SheetPlan } from '../../domain/plan/types';
import type { DomainAnswer } from './tasks';

/**
 * A consolidation plan of 400 projects is some 65 MB to structured-clone, and the pane's
 * thread spends about a second taking it in as one message: the progress bar stops and clicks
 * wait. So the worker sends the rows of large cell blocks apart, a few thousand cells a
 * message, and the answer last with those blocks emptied; each message is a task of its own,
 * and the pane repaints between them. The pane puts the rows back where they were.
 */
export const CELLS_PER_PIECE = 10_000;

/** Rows of the cell block `item` of sheet `sheet` (indexes in `consolidation.sheets`). */
export interface RowsPiece {
  readonly sheet: number;
  readonly item: number;
  readonly rows: readonly (readonly Cell[])[];
}

type Ready = Extract<Consolidation, { kind: 'ready' }>;
type Planned = Extract<DomainAnswer, { kind: 'consolidate' }>;

/** The answer with its large cell blocks emptied, and their rows in pieces, in order. */
export function splitAnswer(
  answer: DomainAnswer,
  cellsPerPiece = CELLS_PER_PIECE,
): { head: DomainAnswer; pieces: RowsPiece[] } {
  if (answer.kind !== 'consolidate' || answer.consolidation.kind !== 'ready')
    return { head: answer, pieces: [] };
  // The pane finds each step's sheet again by identity (one message keeps it): a plan whose
  // steps hold sheets of their own goes whole.
  const ready = answer.consolidation;
  const own = new Set<SheetPlan>(ready.sheets);
  if (!ready.plan.steps.every((step) => step.kind !== 'addSheet' || own.has(step.sheet)))
    return { head: answer, pieces: [] };
  const pieces: RowsPiece[] = [];
  const sheets = ready.sheets.map((sheet, s) => ({
    ...sheet,
    items: sheet.items.map((item, i): SheetItem => {
      if (item.kind !== 'cells') return item;
      const perPiece = Math.max(1, Math.floor(cellsPerPiece / (item.rows[0]?.length || 1)));
      if (item.rows.length <= perPiece) return item;
      for (let from = 0; from < item.rows.length; from += perPiece)
        pieces.push({ sheet: s, item: i, rows: item.rows.slice(from, from + perPiece) });
      return { ...item, rows: [] };
    }),
  }));
  return { head: withSheets(answer, ready, sheets), pieces };
}

/** The answer `splitAnswer` took apart, whole again. */
export function joinAnswer(head: DomainAnswer, pieces: readonly RowsPiece[]): DomainAnswer {
  if (pieces.length === 0 || head.kind !== 'consolidate' || head.consolidation.kind !== 'ready')
    return head;
  const rows = new Map<string, (readonly Cell[])[]>();
  for (const piece of pieces) {
    const key = `${piece.sheet}:${piece.item}`;
    const into = rows.get(key) ?? [];
    if (into.length === 0) rows.set(key, into);
    for (const row of piece.rows) into.push(row);
  }
  const sheets = head.consolidation.sheets.map((sheet, s) => ({
    ...sheet,
    items: sheet.items.map((item, i): SheetItem => {
      const whole = rows.get(`${s}:${i}`);
      return whole && item.kind === 'cells' ? { ...item, rows: whole } : item;
    }),
  }));
  return withSheets(head, head.consolidation, sheets);
}

/** The ready answer with `sheets` in place of its own, in its list and in its plan's steps. */
function withSheets(answer: Planned, ready: Ready, sheets: readonly SheetPlan[]): Planned {
  const replaced = new Map(ready.sheets.map((sheet, s) => [sheet, sheets[s] ?? sheet]));
  const steps = ready.plan.steps.map((step): PlanStep =>
    step.kind === 'addSheet' ? { ...step, sheet: replaced.get(step.sheet) ?? step.sheet } : step,
  );
  return { ...answer, consolidation: { ...ready, sheets, plan: { ...ready.plan, steps } } };
}
