/**
 * The direct sheet writer (src/xlsx/ooxml/sheet-writer.ts) on what no joint sheet uses today:
 * merges and every kind of validation, beside cells, formats, a conditional format, a frozen
 * row and page setup. Written into a workbook by the file writer and by the Office.js writer
 * (fake host), the sheet must read the same, and the file must pass the strict check.
 */
import { PlanFile } from '../../src/domain/schema/plan-file';
import type { SheetPlan, ValidationRule } from '../../src/domain/plan/types';
import { newWorkbookPlan } from '../../src/domain/template/workbook';
import { applyPlan } from '../../src/excel/apply-plan';
import { changeWorkbook, newWorkbook } from '../../src/xlsx/workbook-file';
import { createFakeExcel } from '../excel/fake-excel';
import { modelFromFake, modelFromXlsx } from '../support/workbook-model';
import { strictCheckBytes } from '../support/strict-check';

const ALL = { dataValidation: true, pageLayout: true, tableResize: true, findInRange: true };
const error = { title: 'Not allowed', message: 'Pick a value from the list.' };

const rules: readonly [string, ValidationRule][] = [
  [
    'B4:B9',
    {
      kind: 'list',
      source: 'Open,Closed',
      error,
      prompt: { title: 'Status', message: 'Open or Closed' },
    },
  ],
  ['C4:C9', { kind: 'wholeNumber', min: 1, max: 5, error }],
  ['D4:D9', { kind: 'decimal', min: 0, error }],
  ['E4:E9', { kind: 'date', min: 32874, max: 73415, error }],
  ['F4:F9', { kind: 'custom', formula: 'LEN(F4)<=20', error }],
];

const sheet: SheetPlan = {
  name: 'Writer check',
  tabColor: '#0E5C4A',
  columnWidths: [
    { column: 0, width: 24 },
    { column: 5, width: 12 },
  ],
  freezeRows: 3,
  print: { landscape: true, fitToWidth: 1 },
  items: [
    { kind: 'cells', at: 'A1', rows: [['A title over three columns', null, null]] },
    { kind: 'merge', range: 'A1:C1' },
    { kind: 'merge', range: 'A2:F2' },
    { kind: 'cells', at: 'A2', rows: [['A note across the sheet & <its> "quotes"']] },
    { kind: 'cells', at: 'A3', rows: [['Item', 'Status', 'Scale', 'Amount', 'Due', 'Code']] },
    {
      kind: 'format',
      range: 'A3:F3',
      style: { bold: true, fill: '#0E5C4A', fontColor: '#FFFFFF' },
    },
    {
      kind: 'cells',
      at: 'A4',
      rows: [
        ['First', 'Open', 3, 12.5, 46000, 'X1'],
        ['Second', 'Closed', 5, { formula: 'D4*2' }, 46031, null],
      ],
    },
    { kind: 'format', range: 'D4:D9', style: { numberFormat: '#,##0.00' } },
    {
      kind: 'conditionalFormat',
      range: 'A4:F9',
      rule: { kind: 'expression', formula: '$B4="Closed"', style: { fontColor: '#808080' } },
    },
    ...rules.map(([range, rule]) => ({ kind: 'validation' as const, range, rule })),
  ],
};

describe('the direct sheet writer', () => {
  it('writes merges and every validation as the Office.js writer does, and Excel would open it', async () => {
    const base = newWorkbookPlan(PlanFile.parse({ projects: [] }));
    const plan = { steps: [{ kind: 'addSheet' as const, sheet }] };
    const fake = createFakeExcel();
    await applyPlan(base, { run: fake.run, capabilities: ALL });
    await applyPlan(plan, { run: fake.run, capabilities: ALL });
    const bytes = await changeWorkbook(await newWorkbook(base), plan);

    const file = (await modelFromXlsx(bytes)).sheets.find((s) => s.name === sheet.name);
    const live = modelFromFake(fake).sheets.find((s) => s.name === sheet.name);
    expect(file).toBeDefined();
    expect(file?.merges).toEqual(['A1:C1', 'A2:F2']);
    // The model lists a validation per cell: six rows of each rule.
    expect(file?.validations).toHaveLength(rules.length * 6);
    expect(live).toEqual(file);

    const { code, report } = strictCheckBytes(new Map([['sheet-writer', bytes]]));
    expect([code, code === 0 ? '' : report]).toEqual([0, '']);
  });
});
