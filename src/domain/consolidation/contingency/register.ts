import { a1, block } from '../../plan/a1';
import { formulaCell, tableRowCell } from '../../plan/formula-cell';
import { textLiteral } from '../../plan/references';
import type { Cell, SheetItem } from '../../plan/types';
import { RiskStatus } from '../../schema/project';
import type { Settings } from '../../schema/settings';
import type { RiskColumn } from '../../template/columns';
import { bandRules } from '../../template/risk-bands';
import { numberFormats, styles } from '../../template/styles';
import { type Block, gridColumns, OPEN, sourceColumns } from '../blocks';
import {
  compareIds,
  type JointInput,
  type JointProject,
  type JointRisk,
  nameRanks,
} from '../input';
import { projectName } from '../joint-sheet';

interface RegisterColumn<H extends string> {
  readonly header: H;
  readonly width: number;
  /** The risk table column the register reads; absent for Project and Rank key. */
  readonly source?: RiskColumn;
  readonly kind: 'text' | 'number' | 'money' | 'key';
}
const registerColumns = <const H extends string>(c: readonly RegisterColumn<H>[]) => c;

/**
 * Register columns, from column A: they set the sheet's column widths, and the top 10 repeats
 * the first twelve in the same places.
 */
export const REGISTER = registerColumns([
  { header: 'Project', width: 24, kind: 'text' },
  { header: 'ID', width: 8, source: 'ID', kind: 'text' },
  { header: 'Risk', width: 34, source: 'Risk', kind: 'text' },
  { header: 'Category', width: 14, source: 'Category', kind: 'text' },
  { header: 'Probability', width: 11, source: 'Probability', kind: 'number' },
  { header: 'Impact', width: 11, source: 'Impact', kind: 'number' },
  { header: 'Score', width: 11, source: 'Score', kind: 'number' },
  { header: 'Rating', width: 11, source: 'Rating', kind: 'text' },
  { header: 'Status', width: 11, source: 'Status', kind: 'text' },
  { header: 'Owner', width: 16, source: 'Owner', kind: 'text' },
  { header: 'Cost impact', width: 16, source: 'Cost impact', kind: 'money' },
  { header: 'Expected value', width: 16, source: 'Expected value', kind: 'money' },
  { header: 'Trigger', width: 24, source: 'Trigger', kind: 'text' },
  { header: 'Mitigation', width: 30, source: 'Mitigation', kind: 'text' },
  { header: 'Contingency action', width: 30, source: 'Contingency action', kind: 'text' },
  { header: 'Rank key', width: 11, kind: 'key' },
]);
export type RegisterHeader = (typeof REGISTER)[number]['header'];
export const REGISTER_HEADERS: readonly RegisterHeader[] = REGISTER.map((c) => c.header);
export const COLUMN = gridColumns(REGISTER);
export const TOP_COLUMNS = 12;
const CLOSED = textLiteral(RiskStatus.enum.Closed);

/** The register's rows as other blocks read them; absent when no project has a risk. */
export interface RegisterRefs {
  /** The register's column under `header`, `$X$a:$X$b`. */
  readonly column: (header: RegisterHeader) => string;
}

/** Risks in register order: score (highest first), then project name, then risk ID. */
export function riskOrder(input: JointInput): { project: number; risk: JointRisk }[] {
  const names = nameRanks(input.projects);
  return input.projects
    .flatMap((p, project) => p.risks.map((risk) => ({ project, risk })))
    .sort(
      (x, y) =>
        (Number.isFinite(y.risk.score) ? y.risk.score : -1) -
          (Number.isFinite(x.risk.score) ? x.risk.score : -1) ||
        (names[x.project] ?? 0) - (names[y.project] ?? 0) ||
        compareIds(x.risk.id, y.risk.id),
    );
}

/** Where the register's rows will stand, for the blocks above it that count over them. */
export function registerRefs(headerRow: number, risks: number): RegisterRefs | null {
  if (risks === 0) return null;
  const first = headerRow + 1;
  return { column: (h) => COLUMN.range(h, first, first + risks - 1) };
}

/** Number formats of the first `width` register columns over `rows` rows from `top`. */
export function registerFormats(
  top: number,
  rows: number,
  width: number,
  settings: Settings,
): SheetItem[] {
  if (rows === 0) return [];
  const money = numberFormats.money(settings.currency);
  return REGISTER.slice(0, width).flatMap((c, i): SheetItem[] => {
    const range = block(a1(top, i), rows, 1);
    switch (c.kind) {
      case 'money':
        return [{ kind: 'format', range, style: { numberFormat: money } }];
      case 'number':
        return [
          {
            kind: 'format',
            range,
            style: { numberFormat: numberFormats.integer, hAlign: 'center' },
          },
        ];
      case 'key':
        return [{ kind: 'format', range, style: { numberFormat: '0' } }];
      case 'text':
        return [];
    }
  });
}

/**
 * The rank key of an open, scored risk: its score times `scale` less its position in the
 * register, so keys are distinct, a higher score gives a larger key and ties keep register
 * order; blank for closed or unscored risks. Each key reads its own row only, so the register
 * costs the same per risk at any size, and the top 10 finds the k-th key with LARGE (a rank
 * counted per row with COUNTIFS over the whole register grew with the square of the risks).
 */
function rankKeyFormula(row: number, first: number, scale: number): string {
  const status = COLUMN.letter('Status');
  const score = COLUMN.letter('Score');
  const r = row + 1;
  return `IF(AND($${status}${r}=${OPEN},ISNUMBER($${score}${r})),$${score}${r}*${scale}-${row - first},"")`;
}

/** A power of ten above every position in a register of `risks` rows. */
export function rankKeyScale(risks: number): number {
  return 10 ** String(Math.max(risks, 1)).length;
}

/**
 * A project's register row for a risk's table row, at sheet row `row`: every cell an INDEX
 * into the risk's own table row. Its column references are built once per project.
 */
function rowMaker(
  p: JointProject,
  first: number,
  scale: number,
): (risk: JointRisk, row: number) => Cell[] {
  const risks = sourceColumns(p.entry.code).risks;
  const name = projectName(p.entry);
  const cells = REGISTER.map((c): ((risk: JointRisk, row: number) => Cell) => {
    if (c.header === 'Project') return () => ({ ...name });
    if (c.header === 'Rank key') return (_, row) => formulaCell(rankKeyFormula(row, first, scale));
    const cell = tableRowCell(risks(c.source!), c.kind === 'text' ? 'text' : 'number');
    return (risk) => cell(risk.row);
  });
  return (risk, row) => cells.map((cell) => cell(risk, row));
}

/** The register of every risk of every included project, highest score first, below `headerRow`. */
export function riskRegister(headerRow: number, input: JointInput): Block {
  const ordered = riskOrder(input);
  const reg = registerRefs(headerRow, ordered.length);
  const width = REGISTER.length;
  const items: SheetItem[] = [
    { kind: 'cells', at: a1(headerRow, 0), rows: [[...REGISTER_HEADERS]] },
    { kind: 'format', range: block(a1(headerRow, 0), 1, width), style: styles.header },
  ];
  if (reg === null) return { items, refs: undefined };
  const first = headerRow + 1;
  const body = block(a1(first, 0), ordered.length, width);
  const scale = rankKeyScale(ordered.length);
  const makers = input.projects.map((p) => rowMaker(p, first, scale));
  items.push(
    {
      kind: 'cells',
      at: a1(first, 0),
      rows: ordered.map((o, n) => makers[o.project]!(o.risk, first + n)),
    },
    ...registerFormats(first, ordered.length, width, input.settings),
    ...bandRules(body, REGISTER_HEADERS, input.settings),
    {
      kind: 'conditionalFormat',
      range: body,
      rule: {
        kind: 'expression',
        formula: `$${COLUMN.letter('Status')}${first + 1}=${CLOSED}`,
        style: { fontColor: '#808080' },
      },
    },
  );
  return { items, refs: undefined };
}
