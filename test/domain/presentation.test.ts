/**
 * Presentation under test: every conditional format and in-sheet guard the templates and the
 * joint sheets make, as tables of expectations (in the manner of exceljs's xform specs): range,
 * formula and style of each format in priority order (first row = highest priority, which wins
 * where two apply), and range, rule, error title and prompt of each validation. A change to any
 * colour rule, band edge, comparison or guard shows up here as a row that no longer matches,
 * so it is made on purpose or not at all. Built from the demo plan, consolidated.
 */
import { demoPlan } from '../../src/domain/demo';
import type { SheetPlan, ValidationRule, WorkbookPlan } from '../../src/domain/plan/types';
import { newWorkbookPlan } from '../../src/domain/template/workbook';
import { consolidateWorkbook, newWorkbook } from '../../src/xlsx/workbook-file';

type FormatRow = [range: string, formula: string, style: string];
type GuardRow = [range: string, rule: string, errorTitle: string, promptTitle: string | null];
interface SheetExpectations {
  conditionalFormats: FormatRow[];
  validations: GuardRow[];
}

function ruleText(r: ValidationRule): string {
  switch (r.kind) {
    case 'list':
      return `list ${r.source}`;
    case 'wholeNumber':
      return `whole ${r.min}..${r.max}`;
    case 'decimal':
      return `decimal ${r.min}..${r.max ?? ''}`;
    case 'date':
      return `date ${r.min}..${r.max}`;
    case 'custom':
      return `custom ${r.formula}`;
  }
}

function expectationsOf(sheet: SheetPlan): SheetExpectations {
  const conditionalFormats: FormatRow[] = [];
  const validations: GuardRow[] = [];
  for (const item of sheet.items)
    if (item.kind === 'conditionalFormat') {
      const s = item.rule.style;
      const style = [s.fill ?? '', s.fontColor ?? '', s.bold ? 'bold' : ''].join(' ').trim();
      conditionalFormats.push([item.range, item.rule.formula, style]);
    } else if (item.kind === 'validation')
      validations.push([
        item.range,
        ruleText(item.rule),
        item.rule.error.title,
        item.rule.prompt?.title ?? null,
      ]);
  return { conditionalFormats, validations };
}

const sheetsOf = (plan: WorkbookPlan): SheetPlan[] =>
  plan.steps.flatMap((s) => (s.kind === 'addSheet' ? [s.sheet] : []));

// 1990-01-01 and 2100-12-31: the dates the guards accept.

const TEMPLATE: Record<string, SheetExpectations> = {
  'How to use': {
    conditionalFormats: [],
    validations: [],
  },
  Projects: {
    conditionalFormats: [],
    validations: [
      ['E5:E7', 'list Yes,No', 'Included in consolidation', 'Included in consolidation'],
    ],
  },
  Settings: {
    conditionalFormats: [],
    validations: [['B6', 'whole 1..366', 'Review every', 'Review every']],
  },
  'Alpha Rollout': {
    conditionalFormats: [
      [
        'AF5:AG8',
        'AND(ISNUMBER($AF5),$AF5>=INDEX(Settings_RatingMin,1),$AF5<=INDEX(Settings_RatingMax,1))',
        '#C6EFCE #006100',
      ],
      [
        'AF5:AG8',
        'AND(ISNUMBER($AF5),$AF5>=INDEX(Settings_RatingMin,2),$AF5<=INDEX(Settings_RatingMax,2))',
        '#FFEB9C #7F6000',
      ],
      [
        'AF5:AG8',
        'AND(ISNUMBER($AF5),$AF5>=INDEX(Settings_RatingMin,3),$AF5<=INDEX(Settings_RatingMax,3))',
        '#F8CBAD #843C0C',
      ],
      [
        'AF5:AG8',
        'AND(ISNUMBER($AF5),$AF5>=INDEX(Settings_RatingMin,4),$AF5<=INDEX(Settings_RatingMax,4))',
        '#C00000 #FFFFFF bold',
      ],
      ['B21', 'B21="Due"', '#FFC7CE #9C0006'],
    ],
    validations: [
      ['B10', 'date 32874..73415', 'Date', 'Date'],
      ['B11', 'custom AND(ISNUMBER(B11),B11>=32874,B11<=73415,OR(B10="",B11>=B10))', 'End', 'End'],
      ['B14', 'date 32874..73415', 'Date', 'Date'],
      ['B12', 'decimal 0..', 'Budget ceiling', 'Budget ceiling'],
      ['B13', 'list =Settings_ProjectStatuses', 'Unknown project status', 'Project status'],
      ['G5:G10', 'list Yes,No', 'Milestone', 'Milestone'],
      ['J5:J10', 'date 32874..73415', 'Start', 'Start'],
      ['K5:K10', 'custom AND(ISNUMBER(K5),K5>=32874,K5<=73415,OR(J5="",K5>=J5))', 'End', 'End'],
      ['N5:N10', 'list =Settings_TaskStatuses', 'Unknown status', 'Status'],
      ['O5:O10', 'decimal 0..1', '% complete', '% complete'],
      ['R5:R10', 'list =Settings_BudgetCategories', 'Unknown category', 'Category'],
      ['T5:T10', 'date 32874..73415', 'Period', 'Period'],
      ['U5:U10', 'decimal 0..', 'Planned', 'Planned'],
      ['V5:V10', 'decimal 0..', 'Actual', 'Actual'],
      ['Y5:Y10', 'decimal 0..', 'Forecast to complete', 'Forecast to complete'],
      ['AC5:AC8', 'list =Settings_RiskCategories', 'Unknown category', 'Category'],
      ['AD5:AD8', 'whole 1..5', 'Probability', 'Probability'],
      ['AE5:AE8', 'whole 1..5', 'Impact', 'Impact'],
      ['AL5:AL8', 'decimal 0..', 'Cost impact', 'Cost impact'],
      ['AN5:AN8', 'list Open,Closed', 'Unknown status', 'Status'],
    ],
  },
};

const JOINT: Record<string, SheetExpectations> = {
  'Joint Schedule': {
    conditionalFormats: [
      ['A3', 'LEFT($A$3,2)="Up"', '#006100 bold'],
      ['A3', 'LEFT($A$3,2)<>"Up"', '#FFC7CE #9C0006 bold'],
      ['I6:K8', '$K6="Due"', '#FFC7CE #9C0006'],
      [
        'A13:K29',
        'AND(ISNUMBER($G13),$G13<TODAY(),$I13<>"Done",$I13<>"Cancelled",N($J13)<1)',
        '#FFC7CE #9C0006',
      ],
      ['A13:K29', '$K13="Yes"', 'bold'],
      ['M12:BC12', 'AND(M$12<=TODAY(),TODAY()<=M$12+6)', '#FFC000 #000000'],
      [
        'M13:BC29',
        'AND(AND(ISNUMBER($F13),$F13<=M$12+6,$G13>=M$12),AND(ISNUMBER($G13),$G13<TODAY(),$I13<>"Done",$I13<>"Cancelled",N($J13)<1))',
        '#C00000',
      ],
      [
        'M13:BC29',
        'AND(AND(ISNUMBER($F13),$F13<=M$12+6,$G13>=M$12),$K13="Yes",NOT(AND(ISNUMBER($G13),$G13<TODAY(),$I13<>"Done",$I13<>"Cancelled",N($J13)<1)))',
        '#BF8F00',
      ],
      [
        'M13:BC29',
        'AND(AND(ISNUMBER($F13),$F13<=M$12+6,$G13>=M$12),$K13<>"Yes",NOT(AND(ISNUMBER($G13),$G13<TODAY(),$I13<>"Done",$I13<>"Cancelled",N($J13)<1)))',
        '#5B9B8A',
      ],
    ],
    validations: [],
  },
  'Joint Budget': {
    conditionalFormats: [
      ['A3', 'LEFT($A$3,2)="Up"', '#006100 bold'],
      ['A3', 'LEFT($A$3,2)<>"Up"', '#FFC7CE #9C0006 bold'],
      ['I6:I8', 'AND(ISNUMBER(J6),I6>J6)', '#FFC7CE #9C0006 bold'],
      ['B13:I16', 'B13>ROUND(B6,2)+0.005', '#FFC7CE #9C0006 bold'],
      // Estimates at completion above the ceiling (by project) and above plan (by category).
      ['E34:E36', 'AND(ISNUMBER(F34),E34>F34)', '#FFC7CE #9C0006 bold'],
      ['E41:E48', 'E41>ROUND(B41,2)+0.005', '#FFC7CE #9C0006 bold'],
    ],
    validations: [],
  },
  'Contingency Plan': {
    conditionalFormats: [
      ['A3', 'LEFT($A$3,2)="Up"', '#006100 bold'],
      ['A3', 'LEFT($A$3,2)<>"Up"', '#FFC7CE #9C0006 bold'],
      [
        'E7:I11',
        'AND($D7*E$6>=INDEX(Settings_RatingMin,1),$D7*E$6<=INDEX(Settings_RatingMax,1))',
        '#C6EFCE #006100',
      ],
      [
        'E7:I11',
        'AND($D7*E$6>=INDEX(Settings_RatingMin,2),$D7*E$6<=INDEX(Settings_RatingMax,2))',
        '#FFEB9C #7F6000',
      ],
      [
        'E7:I11',
        'AND($D7*E$6>=INDEX(Settings_RatingMin,3),$D7*E$6<=INDEX(Settings_RatingMax,3))',
        '#F8CBAD #843C0C',
      ],
      [
        'E7:I11',
        'AND($D7*E$6>=INDEX(Settings_RatingMin,4),$D7*E$6<=INDEX(Settings_RatingMax,4))',
        '#C00000 #FFFFFF bold',
      ],
      [
        'G16:H25',
        'AND(ISNUMBER($G16),$G16>=INDEX(Settings_RatingMin,1),$G16<=INDEX(Settings_RatingMax,1))',
        '#C6EFCE #006100',
      ],
      [
        'G16:H25',
        'AND(ISNUMBER($G16),$G16>=INDEX(Settings_RatingMin,2),$G16<=INDEX(Settings_RatingMax,2))',
        '#FFEB9C #7F6000',
      ],
      [
        'G16:H25',
        'AND(ISNUMBER($G16),$G16>=INDEX(Settings_RatingMin,3),$G16<=INDEX(Settings_RatingMax,3))',
        '#F8CBAD #843C0C',
      ],
      [
        'G16:H25',
        'AND(ISNUMBER($G16),$G16>=INDEX(Settings_RatingMin,4),$G16<=INDEX(Settings_RatingMax,4))',
        '#C00000 #FFFFFF bold',
      ],
      [
        'G36:H45',
        'AND(ISNUMBER($G36),$G36>=INDEX(Settings_RatingMin,1),$G36<=INDEX(Settings_RatingMax,1))',
        '#C6EFCE #006100',
      ],
      [
        'G36:H45',
        'AND(ISNUMBER($G36),$G36>=INDEX(Settings_RatingMin,2),$G36<=INDEX(Settings_RatingMax,2))',
        '#FFEB9C #7F6000',
      ],
      [
        'G36:H45',
        'AND(ISNUMBER($G36),$G36>=INDEX(Settings_RatingMin,3),$G36<=INDEX(Settings_RatingMax,3))',
        '#F8CBAD #843C0C',
      ],
      [
        'G36:H45',
        'AND(ISNUMBER($G36),$G36>=INDEX(Settings_RatingMin,4),$G36<=INDEX(Settings_RatingMax,4))',
        '#C00000 #FFFFFF bold',
      ],
      ['A36:P45', '$I36="Closed"', '#808080'],
    ],
    validations: [],
  },
};

describe('conditional formats and in-sheet guards', () => {
  const plan = newWorkbookPlan(demoPlan());

  it.each(Object.keys(TEMPLATE))('of the %s sheet are as listed', (name) => {
    const sheet = sheetsOf(plan).find((s) => s.name === name)!;
    expect(expectationsOf(sheet)).toEqual(TEMPLATE[name]);
  });

  it('are the same on every project sheet, over its own rows', () => {
    const shape = (s: SheetPlan) =>
      expectationsOf(s).validations.map(([range, rule]) => [
        range.replace(/\d+/g, 'n'),
        rule.replace(/[A-Z]+\d+/g, 'ref'),
      ]);
    const projects = sheetsOf(plan).filter(
      (s) => !['Settings', 'Projects', 'How to use'].includes(s.name),
    );
    expect(projects).toHaveLength(3);
    for (const p of projects) expect([p.name, shape(p)]).toEqual([p.name, shape(projects[0]!)]);
  });

  it.each(Object.keys(JOINT))('of the %s are as listed', async (name) => {
    const { result } = await consolidateWorkbook(await newWorkbook(plan), { builtAt: 'now' });
    if (result.kind !== 'ready') throw new Error(`the demo should consolidate: ${result.kind}`);
    const sheet = sheetsOf(result.plan).find((s) => s.name === name)!;
    expect(expectationsOf(sheet)).toEqual(JOINT[name]);
  });
});
