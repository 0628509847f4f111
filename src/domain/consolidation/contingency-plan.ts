import { a1, block } from '../plan/a1';
import { sheetRef } from '../plan/references';
import type { NamePlan, SheetItem, SheetPlan } from '../plan/types';
import { styles } from '../template/styles';
import { riskCheckTable, checkTableRows } from './contingency/check-table';
import { bandLegend, HEAT_MAP_ROWS, heatMap } from './contingency/heat-map';
import { keyFigures } from './contingency/key-figures';
import {
  COLUMN,
  REGISTER,
  type RegisterRefs,
  registerRefs,
  riskRegister,
  TOP_COLUMNS,
} from './contingency/register';
import { TOP_TEN_ROWS, topTen } from './contingency/top-ten';
import type { JointInput } from './input';
import { jointHeading, overallCheck } from './joint-sheet';

export const CONTINGENCY_SHEET = 'Contingency Plan';

/** The header row of the heat map, the legend beside it, and the key figures one row lower. */
const HEAT_ROW = 5;

/** A section title on the row above a block. */
function section(row: number, text: string): SheetItem[] {
  return [
    { kind: 'cells', at: a1(row, 0), rows: [[text]] },
    { kind: 'format', range: block(a1(row, 0), 1, TOP_COLUMNS), style: styles.section },
  ];
}

/** Header rows of the blocks, top to bottom: each below the one above, a title row between. */
function layout(projects: number) {
  const top = HEAT_ROW + HEAT_MAP_ROWS + 3;
  const check = top + TOP_TEN_ROWS + 2;
  const register = check + checkTableRows(projects) + 2;
  return { top, check, register };
}

/**
 * The contingency plan: a 5 x 5 heat map of open risks coloured by the Settings bands and key
 * figures (both counted over the register below), the 10 highest open risks (live: they follow
 * the scores), a check per project, and the register of every risk, highest score first.
 */
export function contingencyPlan(input: JointInput): {
  sheet: SheetPlan;
  names: NamePlan[];
  /** The register's columns, for the dashboard's count of open risks by band. */
  register: RegisterRefs | null;
} {
  const { projects, settings } = input;
  const rows = layout(projects.length);
  const risks = projects.reduce((n, p) => n + p.risks.length, 0);
  const reg = registerRefs(rows.register, risks);
  const figures = keyFigures({ row: HEAT_ROW + 1, col: COLUMN.index('Owner') }, settings, reg);
  const checks = riskCheckTable(rows.check, input, risks);
  const items: SheetItem[] = [
    ...jointHeading(
      'Contingency plan',
      'Scores, ratings and the top 10 are live; the register rows are fixed until the next Consolidate.',
      input.builtAt,
      overallCheck(checks.refs.sentences, 'the risk register'),
    ),
    ...section(HEAT_ROW - 1, 'Heat map: open risks of every project, by probability and impact'),
    ...heatMap({ row: HEAT_ROW, col: 3 }, settings, reg).items,
    ...bandLegend({ row: HEAT_ROW, col: 0 }, settings).items,
    ...figures.items,
    ...section(rows.top - 1, 'The 10 highest open risks (live: they follow the scores)'),
    ...topTen(rows.top, settings, reg).items,
    ...section(rows.check - 1, 'Check: risks per project, now and when this sheet was built'),
    ...checks.items,
    ...section(
      rows.register - 1,
      'Risk register: every risk of every included project, highest score first',
    ),
    ...riskRegister(rows.register, input).items,
  ];
  const abs = (ref: string) => sheetRef(CONTINGENCY_SHEET, ref);
  return {
    sheet: {
      name: CONTINGENCY_SHEET,
      tabColor: '#C00000',
      columnWidths: REGISTER.map((c, i) => ({ column: i, width: c.width })),
      print: { landscape: true, fitToWidth: 1 },
      items,
    },
    names: [
      { name: 'Joint_RiskCount', refersTo: abs(figures.refs.riskCount) },
      { name: 'Joint_HighRiskCount', refersTo: abs(figures.refs.highRiskCount) },
      { name: 'Joint_OpenRiskCount', refersTo: abs(figures.refs.openRisks) },
    ],
    register: reg,
  };
}
