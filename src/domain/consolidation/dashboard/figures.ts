import { a1, block, columnLetter } from '../../plan/a1';
import { sheetRef } from '../../plan/references';
import type { Cell, SheetItem } from '../../plan/types';
import { highRatingBand, type Settings } from '../../schema/settings';
import { SETTINGS_NAMES as N } from '../../template/settings-names';
import { numberFormats, styles } from '../../template/styles';
import { OPEN } from '../blocks';
import { moneyFormats } from '../budget/matrix';
import type { RegisterRefs } from '../contingency/register';
import { CONTINGENCY_SHEET } from '../contingency-plan';
import { MILESTONE_DAYS } from '../schedule/list-keys';

/** What the key figures count over: the schedule's key columns, absent without tasks/projects. */
export interface FigureSources {
  readonly milestones: string | null;
  readonly overdue: string | null;
  readonly reviewsDue: boolean;
}

interface Figure {
  readonly label: string;
  readonly formula: string;
  readonly format: string;
}

function figures(settings: Settings, src: FigureSources): Figure[] {
  const { money, signed } = moneyFormats(settings);
  const high = settings.ratingBands
    .slice(highRatingBand(settings.ratingBands))
    .map((b) => b.name)
    .join(' or ');
  const count = (keys: string | null, f: (range: string) => string) => (keys ? f(keys) : '0');
  return [
    { label: `Planned (${settings.currency})`, formula: 'Joint_TotalPlanned', format: money },
    { label: `Actual (${settings.currency})`, formula: 'Joint_TotalActual', format: money },
    { label: 'Variance (planned - actual)', formula: 'Joint_TotalVariance', format: signed },
    { label: 'Contingency reserve', formula: 'Joint_ContingencyReserve', format: money },
    { label: 'Last task ends', formula: 'Joint_End', format: numberFormats.date },
    { label: 'Open risks', formula: 'Joint_OpenRiskCount', format: '#,##0' },
    { label: `Open risks rated ${high}`, formula: 'Joint_HighRiskCount', format: '#,##0' },
    {
      label: 'Overdue tasks',
      formula: count(src.overdue, (r) => `COUNT(${r})`),
      format: '#,##0',
    },
    {
      label: `Milestones due in ${MILESTONE_DAYS.near} days`,
      formula: count(src.milestones, (r) => `COUNTIF(${r},"<"&TODAY()+${MILESTONE_DAYS.near + 1})`),
      format: '#,##0',
    },
    {
      label: `Milestones due in ${MILESTONE_DAYS.far} days`,
      formula: count(src.milestones, (r) => `COUNT(${r})`),
      format: '#,##0',
    },
    {
      label: 'Projects due for review',
      formula: src.reviewsDue ? 'Joint_ReviewsDue' : '0',
      format: '#,##0',
    },
  ];
}

/** Rows the key figures take below their title. */
export const FIGURE_ROWS = 11;

/**
 * The key figures: a label over two columns and a live formula in the third, each reading a
 * joint sheet's named total or counting the dashboard's own key columns.
 */
export function keyFigureItems(
  top: number,
  settings: Settings,
  src: FigureSources,
): readonly SheetItem[] {
  const list = figures(settings, src);
  const items: SheetItem[] = [
    {
      kind: 'cells',
      at: a1(top, 0),
      rows: list.map((f): Cell[] => [f.label, null, { formula: f.formula }]),
    },
    { kind: 'format', range: block(a1(top, 0), list.length, 2), style: styles.cardLabel },
    { kind: 'format', range: block(a1(top, 2), list.length, 1), style: { bold: true } },
  ];
  list.forEach((f, i) =>
    items.push({ kind: 'format', range: a1(top + i, 2), style: { numberFormat: f.format } }),
  );
  return items;
}

/** The band table's cells: names down column `col`, open-risk counts beside them. */
export interface BandRefs {
  readonly names: string;
  readonly counts: string;
}

/**
 * Open risks counted by rating band (a score from the band's minimum up to the next band's),
 * the data of the dashboard's band chart; the band names are the Settings' ones, live.
 */
export function bandCounts(
  top: number,
  col: number,
  settings: Settings,
  reg: RegisterRefs | null,
): { items: readonly SheetItem[]; refs: BandRefs } {
  const bands = settings.ratingBands.length;
  // The register stands on the contingency plan: every reference names that sheet.
  const column = (h: 'Score' | 'Status') => sheetRef(CONTINGENCY_SHEET, reg?.column(h) ?? '');
  const rows: Cell[][] = settings.ratingBands.map((_, b) => {
    const from = `">="&INDEX(${N.ratingMin},${b + 1})`;
    const below = b + 1 < bands ? `,${column('Score')},"<"&INDEX(${N.ratingMin},${b + 2})` : '';
    return [
      { formula: `INDEX(${N.ratingName},${b + 1})&""` },
      {
        formula: reg
          ? `COUNTIFS(${column('Status')},${OPEN},${column('Score')},${from}${below})`
          : '0',
      },
    ];
  });
  const letter = (c: number) => columnLetter(c);
  const span = (c: number) => `$${letter(c)}$${top + 2}:$${letter(c)}$${top + 1 + bands}`;
  return {
    items: [
      { kind: 'cells', at: a1(top, col), rows: [['Open risks by band', 'Open'], ...rows] },
      { kind: 'format', range: block(a1(top, col), 1, 2), style: styles.header },
      { kind: 'format', range: block(a1(top + 1, col), bands, 1), style: styles.cardLabel },
      {
        kind: 'format',
        range: block(a1(top + 1, col + 1), bands, 1),
        style: { bold: true, numberFormat: '#,##0' },
      },
    ],
    refs: { names: span(col), counts: span(col + 1) },
  };
}
