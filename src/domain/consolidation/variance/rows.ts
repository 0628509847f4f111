import { a1 } from '../../plan/a1';
import { textLiteral } from '../../plan/references';
import type { Cell } from '../../plan/types';
import { KINDS } from '../../baseline/sheet';
import { type BaselineRow, rowKey } from '../../baseline/stored';
import type { RawProject } from '../../validation/raw';
import { sourceColumns } from '../blocks';
import type { JointProject } from '../input';
import { projectName } from '../joint-sheet';
import { CHANGES, live, riskChange, saved, savedText, slip } from './formulas';

/** The compared baseline's rows by key (see baselineRowsOf). */
export type Saved = ReadonlyMap<string, BaselineRow>;

/** The saved rows of each project, grouped once per baseline: 200 projects do not each scan
 *  every saved row. */
const grouped = new WeakMap<Saved, Map<string, BaselineRow[]>>();
function savedOf(base: Saved, code: string, kind: string): BaselineRow[] {
  let byCode = grouped.get(base);
  if (!byCode) {
    byCode = new Map();
    for (const r of base.values()) {
      const key = r.code.toUpperCase();
      const list = byCode.get(key);
      if (list) list.push(r);
      else byCode.set(key, [r]);
    }
    grouped.set(base, byCode);
  }
  return (byCode.get(code.toUpperCase()) ?? []).filter((r) => r.kind === kind);
}

/** Saved rows of a project and kind that the project no longer has, in the baseline's order. */
function removed(base: Saved, code: string, kind: string, current: ReadonlySet<string>) {
  return savedOf(base, code, kind).filter((r) => !current.has(r.id.toUpperCase()));
}

/** Task rows from sheet row `first` on: each task's saved and live dates, slips and status. */
export function taskRows(p: JointProject, base: Saved, first: number): Cell[][] {
  const t = sourceColumns(p.entry.code).tasks;
  const name = projectName(p.entry);
  const rows: Cell[][] = p.tasks.map((task, i) => {
    const at = (col: number) => a1(first + i, col);
    const k = base.get(rowKey(p.entry.code, KINDS.task, task.id))?.row;
    return [
      { ...name },
      { formula: `INDEX(${t('ID')},${task.row})&""` },
      saved(k, 'Start'),
      live(t('Start'), task.row),
      slip(at(2), at(3)),
      saved(k, 'End'),
      live(t('End'), task.row),
      slip(at(5), at(6)),
      k === undefined ? 'Not in the baseline' : savedText(k, 'Status'),
      { formula: `INDEX(${t('Status')},${task.row})&""` },
      { formula: `INDEX(${t('Task')},${task.row})&""` },
    ];
  });
  const ids = new Set(p.tasks.map((x) => x.id.toUpperCase()));
  for (const r of removed(base, p.entry.code, KINDS.task, ids))
    rows.push([
      { ...name },
      r.id,
      saved(r.row, 'Start'),
      null,
      null,
      saved(r.row, 'End'),
      null,
      null,
      savedText(r.row, 'Status'),
      CHANGES.removed,
      null,
    ]);
  return rows;
}

/** Risk rows from sheet row `first` on: saved and live score and status, and what changed. */
export function riskRows(p: JointProject, base: Saved, first: number): Cell[][] {
  const r = sourceColumns(p.entry.code).risks;
  const name = projectName(p.entry);
  const rows: Cell[][] = p.risks.map((risk, i) => {
    const at = (col: number) => a1(first + i, col);
    const k = base.get(rowKey(p.entry.code, KINDS.risk, risk.id))?.row;
    return [
      { ...name },
      { formula: `INDEX(${r('ID')},${risk.row})&""` },
      saved(k, 'Score'),
      live(r('Score'), risk.row),
      savedText(k, 'Status'),
      { formula: `INDEX(${r('Status')},${risk.row})&""` },
      riskChange(at(2), at(3), at(4), at(5)),
      { formula: `INDEX(${r('Risk')},${risk.row})&""` },
    ];
  });
  const ids = new Set(p.risks.map((x) => x.id.toUpperCase()));
  for (const g of removed(base, p.entry.code, KINDS.risk, ids))
    rows.push([
      { ...name },
      g.id,
      saved(g.row, 'Score'),
      null,
      savedText(g.row, 'Status'),
      null,
      CHANGES.removed,
      null,
    ]);
  return rows;
}

/** The categories a project plans in now and those its baseline planned in, in that order. */
function categoriesOf(raw: RawProject | undefined, code: string, base: Saved): string[] {
  const at = raw?.budget?.columns.indexOf('Category') ?? -1;
  const now = (raw?.budget?.rows ?? []).map((row) => {
    const v = at < 0 ? null : row[at];
    return typeof v === 'string' ? v.trim() : '';
  });
  const then = savedOf(base, code, KINDS.category).map((r) => r.id);
  const seen = new Map<string, string>();
  for (const c of [...now, ...then])
    if (c !== '' && !seen.has(c.toUpperCase())) seen.set(c.toUpperCase(), c);
  return [...seen.values()];
}

/** Planned by category, saved against live, one row per category of each project. */
export function budgetRows(
  p: JointProject,
  raw: RawProject | undefined,
  base: Saved,
  first: number,
): Cell[][] {
  const b = sourceColumns(p.entry.code).budget;
  const name = projectName(p.entry);
  return categoriesOf(raw, p.entry.code, base).map((category, i) => {
    const k = base.get(rowKey(p.entry.code, KINDS.category, category))?.row;
    const row = first + i;
    return [
      { ...name },
      category,
      k === undefined ? 0 : saved(k, 'Amount'),
      { formula: `SUMIFS(${b('Planned')},${b('Category')},${textLiteral(category)})` },
      { formula: `${a1(row, 3)}-N(${a1(row, 2)})` },
    ];
  });
}

/** Where a project's risk rows stand on the sheet, for its counts of changes. */
export interface RiskBlock {
  readonly first: number;
  readonly count: number;
}

/** A project's summary row on sheet row `row`: its start, end and planned, and its risk changes. */
export function projectRow(
  p: JointProject,
  base: Saved,
  row: number,
  risks: RiskBlock,
  changeColumn: string,
): Cell[] {
  const t = sourceColumns(p.entry.code).tasks;
  const b = sourceColumns(p.entry.code).budget;
  const k = base.get(rowKey(p.entry.code, KINDS.project, p.entry.code))?.row;
  const at = (col: number) => a1(row, col);
  const none = `COUNT(${t('Start')})=0`;
  const count = (what: string): Cell =>
    risks.count === 0
      ? 0
      : {
          formula: `COUNTIF($${changeColumn}$${risks.first + 1}:$${changeColumn}$${risks.first + risks.count},${textLiteral(what)})`,
        };
  return [
    { ...projectName(p.entry) },
    saved(k, 'Start'),
    { formula: `IF(${none},"",MIN(${t('Start')}))` },
    slip(at(1), at(2)),
    saved(k, 'End'),
    { formula: `IF(COUNT(${t('End')})=0,"",MAX(${t('End')}))` },
    slip(at(4), at(5)),
    k === undefined ? 0 : saved(k, 'Amount'),
    { formula: `SUM(${b('Planned')})` },
    { formula: `${at(8)}-N(${at(7)})` },
    count(CHANGES.added),
    count(CHANGES.closed),
    count(CHANGES.rescored),
  ];
}
