import { exactCriterion, wholeColumn } from '../../plan/references';
import { BASELINE_ROWS, KINDS } from '../../baseline/sheet';
import { rowKey } from '../../baseline/stored';
import type { Cell } from '../../plan/types';
import type { ComparedBaseline } from '../compared';
import { saved } from '../variance/formulas';

/**
 * The joint budget's comparisons with the compared baseline (issue 15: estimate at completion
 * against the baseline by project, category and funding source). Baselines are values; these
 * formulas read them live from BaselineRows, by the baseline's name as saved.
 */

/** A project's planned total as the baseline saved it; 0 for a project added since. */
export function savedProjectPlanned(base: ComparedBaseline, code: string): Cell {
  const k = base.rows.get(rowKey(code, KINDS.project, code))?.row;
  return k === undefined ? 0 : saved(k, 'Amount');
}

/**
 * The baseline's planned amounts of one kind of row ("Category", "Funding source"), of every
 * project it saved, with the ID `id` (matched whole, ignoring case, as SUMIFS does); all IDs
 * when `id` is omitted. One SUMIFS over BaselineRows per cell: a handful of cells a sheet.
 */
export function savedPlannedSum(base: ComparedBaseline, kind: string, id?: string): string {
  const col = (c: 'Amount' | 'Baseline' | 'Kind' | 'ID') => wholeColumn(BASELINE_ROWS, c);
  const ofId = id === undefined ? '' : `,${col('ID')},${exactCriterion(id)}`;
  return (
    `SUMIFS(${col('Amount')},${col('Baseline')},${exactCriterion(base.name)},` +
    `${col('Kind')},${exactCriterion(kind)}${ofId})`
  );
}

/**
 * The funding sources the baseline saved amounts under, as typed (spaces kept), each once
 * ignoring case; null when the baseline predates saving them (it has budget lines but no
 * funding rows), so the joint budget says so rather than comparing with zero.
 */
export function savedSources(base: ComparedBaseline): string[] | null {
  const seen = new Map<string, string>();
  let lines = 0;
  let funding = 0;
  for (const r of base.rows.values()) {
    if (r.kind === KINDS.line) lines++;
    if (r.kind === KINDS.unfunded) funding++;
    if (r.kind !== KINDS.source) continue;
    funding++;
    const v = r.cell('ID');
    const typed = typeof v === 'string' ? v : typeof v === 'number' ? String(v) : r.id;
    if (!seen.has(typed.toUpperCase())) seen.set(typed.toUpperCase(), typed);
  }
  return lines > 0 && funding === 0 ? null : [...seen.values()];
}
