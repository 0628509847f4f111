/**
 * Loads within Excel on the web's response limit (src/excel/loads.ts): ranges that grow with
 * the plan are read in bands packed into responses under the budget, put back together whole,
 * and a null object reads as null; all against the fake host's measured responses.
 */
import { Loads } from '../../src/excel/loads';
import { createFakeExcel } from './fake-excel';

type Context = Excel.RequestContext;

const ROWS = 300;
/** What a cell of these rows costs in a response, values and formulas together (about 30). */
const BYTES = 40;
const COST = { bytesPerCell: BYTES };
const row = (i: number) => [`Item ${i}`, i * 10, `Note ${'x'.repeat(i % 40)}`];

async function sheetOfRows() {
  const fake = createFakeExcel();
  await fake.run(async (context: Context) => {
    const sheet = context.workbook.worksheets.add('Data');
    sheet.getRange(`B3:D${ROWS + 2}`).values = Array.from({ length: ROWS }, (_, i) => row(i));
    await context.sync();
  });
  fake.responseBytes.length = 0;
  fake.syncCount = 0;
  return fake;
}

describe('loads within the response budget', () => {
  it('reads a range in bands, each response under the budget, and gives it back whole', async () => {
    const fake = await sheetOfRows();
    const budget = 4_000;
    const read = await fake.run(async (context: Context) => {
      const loads = new Loads(context, budget);
      const used = context.workbook.worksheets.getItem('Data').getUsedRangeOrNullObject();
      const result = loads.addBanded(used, ['values', 'formulas'], COST);
      await loads.sync();
      return { result: result(), syncs: loads.syncs };
    });
    expect(read.result?.address).toBe(`Data!B3:D${ROWS + 2}`);
    expect(read.result?.values).toEqual(Array.from({ length: ROWS }, (_, i) => row(i)));
    expect(read.result?.formulas).toHaveLength(ROWS);
    // The addresses in one sync, then bands cut at the estimate, packed as measured allows.
    const bands = Math.ceil(ROWS / Math.floor(budget / (3 * BYTES)));
    expect(read.syncs).toBeGreaterThan(2);
    expect(read.syncs).toBeLessThanOrEqual(1 + bands);
    expect(fake.syncCount).toBe(read.syncs);
    expect(Math.max(...fake.responseBytes.slice(1))).toBeLessThanOrEqual(budget);
  });

  it('packs small ranges into one response, and reads a null object as null', async () => {
    const fake = await sheetOfRows();
    const read = await fake.run(async (context: Context) => {
      const loads = new Loads(context);
      const sheets = context.workbook.worksheets;
      const parts = [0, 100, 200].map((r) =>
        loads.addBanded(sheets.getItem('Data').getRange(`B${r + 3}:D${r + 102}`), ['values'], COST),
      );
      const empty = sheets.add('Empty').getUsedRangeOrNullObject();
      const none = loads.addBanded(empty, ['values'], COST);
      await loads.sync();
      return { parts: parts.map((p) => p()?.values), none: none(), syncs: loads.syncs };
    });
    expect(read.parts.flat()).toEqual(Array.from({ length: ROWS }, (_, i) => row(i)));
    expect(read.none).toBeNull();
    expect(read.syncs).toBe(2);
  });
});
