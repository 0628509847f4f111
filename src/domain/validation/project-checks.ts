import { a1 } from '../plan/a1';
import { AMOUNT_LIMIT } from '../schema/primitives';
import { sameSheetName } from '../schema/sheet-name';
import { CARD_FIELDS, cardCell } from '../template/project-sheet';
import { tablesOf } from '../template/project-identity';
import { REGISTRY_AT } from '../template/registry-sheet';
import { parseCell } from '../plan/a1';
import { checkCell } from './cells';
import type { ColumnRule } from './columns';
import { say } from './messages';
import type { RawProject, RawTable } from './raw';
import type { Report } from './report';
import { reservedSheetOf } from './structure';

/** The registry's Sheet cell of a project's line: where a wrong sheet name is corrected. */
function sheetCell(p: RawProject): string {
  const at = parseCell(REGISTRY_AT);
  return a1(at.row + 1 + p.registryRow, at.col + 2);
}

/** Reports a registry line naming one of implan's own sheets; false when it does. */
export function checkOwnSheet(r: Report, p: RawProject): boolean {
  const reserved = reservedSheetOf(p.entry.sheet);
  if (!reserved) return true;
  const place = { project: p.entry.name, sheet: 'Projects', cell: sheetCell(p) };
  r.add('error', 'structure.implan-sheet', place, say.implanSheet(reserved));
  return false;
}

/**
 * Whether the sheet a registry line names is this project's sheet: not one of implan's own,
 * and the sheet holding the project's tables (named by its code, so a line naming another
 * project's sheet finds its own tables elsewhere). Reports and returns false
 * when it is not, so the project's cells are not read as if they were its own.
 */
export function checkProjectSheet(r: Report, p: RawProject): boolean {
  const place = { project: p.entry.name, sheet: 'Projects', cell: sheetCell(p) };
  const tables = [p.tasks, p.budget, p.risks].filter((t): t is RawTable => t !== undefined);
  if (tables.length === 0) {
    r.add(
      'error',
      'structure.not-project-sheet',
      place,
      say.notProjectSheet(p.entry.sheet, tablesOf(p.entry.code).tasks),
    );
    return false;
  }
  const away = tables.find((t) => !sameSheetName(t.sheet, p.entry.sheet));
  if (away) {
    r.add(
      'error',
      'structure.tables-elsewhere',
      place,
      say.tablesElsewhere(away.name, away.sheet, p.entry.sheet),
    );
    return false;
  }
  return true;
}

const CARD_RULES: readonly { key: (typeof CARD_FIELDS)[number]['key']; rule: ColumnRule }[] = [
  { key: 'start', rule: { column: 'Start', kind: 'date' } },
  { key: 'end', rule: { column: 'End', kind: 'date' } },
  { key: 'budgetCeiling', rule: { column: 'Budget ceiling', kind: 'money' } },
  { key: 'lastReviewed', rule: { column: 'Last reviewed on', kind: 'date' } },
];

/** The card's dates and ceiling, read as their cells must hold them. */
export function checkCard(r: Report, p: RawProject): void {
  for (const { key, rule } of CARD_RULES) {
    const c = checkCell(rule, p.card[CARD_FIELDS.findIndex((f) => f.key === key)] ?? null);
    if (c.kind === 'bad')
      r.add(
        c.problem.severity,
        c.problem.code,
        { project: p.entry.name, sheet: p.entry.sheet, table: 'project card', cell: cardCell(key) },
        c.problem.message,
      );
  }
}

/** Sums of a project's amount columns that reach what each amount keeps below. */
export function checkSums(
  r: Report,
  p: RawProject,
  sums: readonly { table: 'Budget' | 'Risks'; column: string; sum: number }[],
): void {
  for (const s of sums)
    if (!(s.sum < AMOUNT_LIMIT))
      r.add(
        'error',
        'range.sum-too-large',
        { project: p.entry.name, sheet: p.entry.sheet, table: s.table },
        say.sumTooLarge(s.column),
      );
}
