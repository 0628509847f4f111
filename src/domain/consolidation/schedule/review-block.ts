import { a1, block, columnLetter } from '../../plan/a1';
import { sheetRef, textLiteral } from '../../plan/references';
import type { Cell, SheetItem } from '../../plan/types';
import { cardCell } from '../../template/project-sheet';
import {
  REVIEW_DUE,
  REVIEW_DUE_STYLE,
  REVIEW_UP_TO_DATE,
  reviewDueCondition,
} from '../../template/review';
import { numberFormats, styles } from '../../template/styles';
import type { JointInput, JointProject } from '../input';

const HEADERS = ['Manager', 'Last reviewed', 'Review'] as const;

/** Widths the block needs in its columns (a date, a manager's name), by 0-based offset. */
export const REVIEW_BLOCK_WIDTHS = [18, 13, 11] as const;

/** Where the block's columns stand, for the dashboard (absent without projects). */
export interface ReviewRefs {
  readonly manager: string;
  readonly lastReviewed: string;
  /** "Due" or "Up to date", one a project, in the projects' order. */
  readonly flag: string;
  /** Project `j`'s flag cell (0-based, in the projects' order). */
  readonly flagAt: (j: number) => string;
  /** The projects' names, in the summary's first column on the same rows. */
  readonly project: string;
  /** The count of projects due. */
  readonly dueCount: string;
}

/** The block's refs for `projects` projects at `top`, `left` (as reviewBlock lays it out). */
export function reviewRefs(top: number, left: number, projects: number): ReviewRefs | null {
  if (projects === 0) return null;
  const span = (col: number) =>
    `$${columnLetter(col)}$${top + 2}:$${columnLetter(col)}$${top + 1 + projects}`;
  return {
    manager: span(left),
    lastReviewed: span(left + 1),
    flag: span(left + 2),
    flagAt: (j) => `$${columnLetter(left + 2)}$${top + 2 + j}`,
    project: span(0),
    dueCount: `$${columnLetter(left + 2)}$${top + 2 + projects}`,
  };
}

/** A project card's cell, blank (not 0) while the card's is. */
function cardValue(p: JointProject, key: 'manager' | 'lastReviewed'): Cell {
  const ref = sheetRef(p.entry.sheet, cardCell(key));
  return { formula: `IF(${ref}="","",${ref})` };
}

/**
 * Review freshness beside the schedule's summary, one row per project on the summary's rows:
 * the manager and "Last reviewed on" live from the project card, and "Due" (in red, with the
 * manager's name beside it) when that date is empty or older than the Settings' review period
 * before today. The "All projects" row counts the projects due.
 */
export function reviewBlock(top: number, left: number, input: JointInput): SheetItem[] {
  const n = input.projects.length;
  const date = (row: number) => a1(row, left + 1);
  const flag = (row: number) => a1(row, left + 2);
  const rows: Cell[][] = input.projects.map((p, i) => [
    cardValue(p, 'manager'),
    cardValue(p, 'lastReviewed'),
    {
      formula: `IF(${reviewDueCondition(date(top + 1 + i))},${textLiteral(REVIEW_DUE)},${textLiteral(REVIEW_UP_TO_DATE)})`,
    },
  ]);
  const flags = n ? `${flag(top + 1)}:${flag(top + n)}` : null;
  const count: Cell = { formula: flags ? `COUNTIF(${flags},${textLiteral(REVIEW_DUE)})` : '0' };
  // Relative to the format's top-left cell: the row's own Review cell, column fixed.
  const first = `$${columnLetter(left + 2)}${top + 2}`;
  return [
    { kind: 'cells', at: a1(top, left), rows: [[...HEADERS], ...rows, ['', '', count]] },
    { kind: 'format', range: block(a1(top, left), 1, HEADERS.length), style: styles.header },
    {
      kind: 'format',
      range: block(date(top + 1), n + 1, 1),
      style: { numberFormat: numberFormats.date },
    },
    { kind: 'format', range: flag(top + 1 + n), style: { numberFormat: '0 "due"' } },
    {
      kind: 'format',
      range: block(a1(top + 1 + n, left), 1, HEADERS.length),
      style: { bold: true, fill: '#E8F1EF' },
    },
    ...(n
      ? [
          {
            kind: 'conditionalFormat' as const,
            range: block(a1(top + 1, left), n, HEADERS.length),
            rule: {
              kind: 'expression' as const,
              formula: `${first}=${textLiteral(REVIEW_DUE)}`,
              style: REVIEW_DUE_STYLE,
            },
          },
        ]
      : []),
  ];
}
