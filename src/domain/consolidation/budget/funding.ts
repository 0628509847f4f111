import { a1, block, columnLetter } from '../../plan/a1';
import { exactCriterion, textLiteral } from '../../plan/references';
import type { Cell, SheetItem } from '../../plan/types';
import { styles } from '../../template/styles';
import { type Block, sourceColumns } from '../blocks';
import { compareNames, distinctSources, type JointInput, type JointProject } from '../input';
import { projectName } from '../joint-sheet';
import { KINDS } from '../../baseline/sheet';
import type { ComparedBaseline } from '../compared';
import { savedPlannedSum, savedSources } from './against-baseline';
import { moneyFormats } from './matrix';

/**
 * Rows the block takes for `projects` projects: header, one a project, the total, and with a
 * compared baseline its planned amounts and their difference with the estimate.
 */
export const fundingRows = (projects: number, base: ComparedBaseline | null): number =>
  projects + 2 + (base ? 2 : 0);

/**
 * The funding sources of all included projects and of the compared baseline, each once
 * (ignoring case, as SUMIFS does), in name order, spelled as first met: a stable order
 * whatever order the lines were typed in.
 */
export function fundingSources(input: JointInput, base: ComparedBaseline | null): string[] {
  const all = distinctSources([
    ...input.projects.flatMap((p) => p.fundingSources),
    ...((base && savedSources(base)) ?? []),
  ]);
  return all.sort((a, b) => compareNames(a, b) || (a < b ? -1 : a > b ? 1 : 0));
}

/** A header people can read: a source whose spaces would not show is quoted. */
const label = (source: string) => (source.trim() === source ? source : `"${source}"`);

/** Columns: the project, one a source, "(no source)", the total and the check. */
export function fundingColumns(sources: number) {
  return {
    source: (s: number) => 1 + s,
    none: 1 + sources,
    total: 2 + sources,
    check: 3 + sources,
  };
}

export interface FundingRefs {
  /** The Total row's source cells ("B30:E30"): EAC by funding source. */
  readonly bySource: string;
  readonly checks: string | null;
}

function projectRow(p: JointProject, row: number, sources: readonly string[]): Cell[] {
  const budget = sourceColumns(p.entry.code).budget;
  const col = fundingColumns(sources.length);
  const eac = (criterion: string) =>
    `SUMIFS(${budget('Actual')},${budget('Funding source')},${criterion})+` +
    `SUMIFS(${budget('Forecast to complete')},${budget('Funding source')},${criterion})`;
  const whole = `SUM(${budget('Actual')})+SUM(${budget('Forecast to complete')})`;
  const first = a1(row, col.source(0));
  const last = a1(row, col.none - 1);
  const named = sources.length === 0 ? '0' : `SUM(${first}:${last})`;
  // Lines with a source the block does not list (typed since it was built) are in neither.
  const gap = `ROUND(${eac('"<>"')}-${named},2)`;
  return [
    projectName(p.entry),
    ...sources.map((s) => ({ formula: eac(exactCriterion(s)) })),
    { formula: `${whole}-(${eac('"<>"')})` },
    { formula: `SUM(${a1(row, 1)}:${a1(row, col.none)})` },
    {
      formula:
        `IF(${gap}=0,"",${textLiteral(p.entry.name)}&" has "&TEXT(${gap},"#,##0.00")&" ` +
        `estimated under funding sources not in this block: click Consolidate")`,
    },
  ];
}

/**
 * Under the Total row: the planned amount the compared baseline saved under each source (and
 * under none) for all its projects, and the baseline less the estimate at completion. A
 * baseline saved before implan kept funding sources says so instead of comparing with zero.
 */
function baselineRows(base: ComparedBaseline, totalRow: number, sources: readonly string[]) {
  const col = fundingColumns(sources.length);
  const savedRow = totalRow + 1;
  const blank = (first: Cell): Cell[] => [first, ...Array<Cell>(col.check).fill(null)];
  if (savedSources(base) === null)
    return [
      blank('Baseline planned: this baseline did not save funding sources; save a new one'),
      blank(null),
    ];
  const saved: Cell[] = [
    'Baseline planned',
    ...sources.map((s) => ({ formula: savedPlannedSum(base, KINDS.source, s) })),
    { formula: savedPlannedSum(base, KINDS.unfunded) },
    { formula: savedPlannedSum(base, KINDS.project) },
    null,
  ];
  const difference: Cell[] = [
    'Baseline - EAC',
    ...Array.from({ length: col.total }, (_, c) => ({
      formula: `${a1(savedRow, 1 + c)}-${a1(totalRow, 1 + c)}`,
    })),
    null,
  ];
  return [saved, difference];
}

/**
 * Estimate at completion (actual + forecast to complete) by project and funding source: the
 * sources the projects' budget lines name at consolidation, "(no source)" for blank ones, and a
 * check for amounts under sources typed since. SUMIFS per cell, linear in the lines.
 */
export function estimateBySource(
  top: number,
  input: JointInput,
  base: ComparedBaseline | null,
): Block<FundingRefs> {
  const sources = fundingSources(input, base);
  const n = input.projects.length;
  const col = fundingColumns(sources.length);
  const { money } = moneyFormats(input.settings);
  const totalRow = top + 1 + n;
  const header: Cell[] = [
    'EAC by funding source',
    ...sources.map(label),
    '(no source)',
    'Total',
    'Check',
  ];
  const total: Cell[] = [
    'Total',
    ...Array.from({ length: sources.length + 2 }, (_, c) => ({
      formula: n === 0 ? '0' : `SUM(${a1(top + 1, 1 + c)}:${a1(totalRow - 1, 1 + c)})`,
    })),
    null,
  ];
  const rows = [
    header,
    ...input.projects.map((p, r) => projectRow(p, top + 1 + r, sources)),
    total,
    ...(base ? baselineRows(base, totalRow, sources) : []),
  ];
  const items: SheetItem[] = [
    { kind: 'cells', at: a1(top, 0), rows },
    { kind: 'format', range: a1(top, 0), style: styles.header },
    {
      kind: 'format',
      range: block(a1(top, 1), 1, col.check - 1),
      style: { ...styles.header, hAlign: 'right' },
    },
    { kind: 'format', range: a1(top, col.check), style: { ...styles.header, hAlign: 'left' } },
    {
      kind: 'format',
      range: block(a1(top + 1, 1), n + (base ? 2 : 1), col.total),
      style: { numberFormat: money },
    },
    { kind: 'format', range: block(a1(totalRow, 0), 1, col.total + 1), style: { bold: true } },
  ];
  if (base)
    items.push({
      kind: 'format',
      range: block(a1(totalRow + 2, 1), 1, col.total),
      style: { numberFormat: moneyFormats(input.settings).signed, bold: true },
    });
  if (n > 0)
    items.push({
      kind: 'format',
      range: block(a1(top + 1, col.check), n, 1),
      style: { fontColor: '#9C0006', bold: true },
    });
  const letter = columnLetter;
  return {
    items,
    refs: {
      bySource: `${letter(1)}${totalRow + 1}:${letter(col.none)}${totalRow + 1}`,
      checks: n > 0 ? `${a1(top + 1, col.check)}:${a1(top + n, col.check)}` : null,
    },
  };
}
