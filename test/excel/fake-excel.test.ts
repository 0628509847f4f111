/**
 * The fake host itself, held to the documented behaviours it claims (see its header for the
 * sources): if the fake drifts back to leniency, these fail before any writer test can pass
 * for the wrong reason.
 */
import { createFakeExcel, HostError } from './fake-excel';

type Context = Excel.RequestContext;

async function seeded() {
  const fake = createFakeExcel();
  await fake.run(async (context: Context) => {
    const sheet = context.workbook.worksheets.add('Data Sheet');
    sheet.getRange('A1:B1').values = [['Item', 'Cost']];
    const table = sheet.tables.add(sheet.getRange('A1:B2'), true);
    table.name = 'Costs';
    sheet.getRange('A2:B2').values = [['Chairs', 120]];
    await context.sync();
  });
  return fake;
}

describe('the fake Excel host', () => {
  it('applies nothing until sync, then everything in order', async () => {
    const fake = createFakeExcel();
    await fake.run(async (context: Context) => {
      context.workbook.worksheets.add('One');
      expect(fake.sheets).toHaveLength(0);
      await context.sync();
      expect(fake.sheets.map((s) => s.name)).toEqual(['One']);
    });
  });

  it('refuses to read a property before load and sync', async () => {
    const fake = await seeded();
    await fake.run(async (context: Context) => {
      const range = context.workbook.worksheets.getItem('Data Sheet').getRange('B2');
      expect(() => range.values).toThrow(expect.objectContaining({ code: 'PropertyNotLoaded' }));
      const missing = context.workbook.worksheets.getItemOrNullObject('Nope');
      expect(() => missing.isNullObject).toThrow(
        expect.objectContaining({ code: 'PropertyNotLoaded' }),
      );
      range.load('values');
      await context.sync();
      expect(range.values).toEqual([[120]]);
      expect(missing.isNullObject).toBe(true);
    });
  });

  it('fails getItem of a missing sheet at sync, with ItemNotFound', async () => {
    const fake = await seeded();
    await fake.run(async (context: Context) => {
      context.workbook.worksheets.getItem('Nope').getRange('A1').values = [[1]];
      await expect(context.sync()).rejects.toMatchObject({ code: 'ItemNotFound' });
    });
  });

  it.each([
    ['a table that does not exist yet', '=SUM(Later[Cost])'],
    ['a column the table lacks', '=SUM(Costs[Price])'],
    ['a name that does not exist yet', '=Rate*2'],
    ['a sheet that does not exist', "='No Sheet'!A1"],
  ])('refuses a formula naming %s, as Excel parses it when set', async (_what, formula) => {
    const fake = await seeded();
    await fake.run(async (context: Context) => {
      context.workbook.worksheets.getItem('Data Sheet').getRange('D1').formulas = [[formula]];
      await expect(context.sync()).rejects.toMatchObject({ code: 'InvalidArgument' });
    });
  });

  it('accepts the same formulas once what they name exists, names compared ignoring case', async () => {
    const fake = await seeded();
    await fake.run(async (context: Context) => {
      context.workbook.names.add('Rate', '=0.2');
      const d = context.workbook.worksheets.getItem('Data Sheet').getRange('D1:D3');
      d.formulas = [['=SUM(costs[cost])'], ['=RATE*2'], ["='data sheet'!B2"]];
      await context.sync();
      context.workbook.names.add('RATE', '=0.3');
      await expect(context.sync()).rejects.toMatchObject({ code: 'ItemAlreadyExists' });
    });
  });

  it('puts each new conditional format at the top priority', async () => {
    const fake = await seeded();
    await fake.run(async (context: Context) => {
      const range = context.workbook.worksheets.getItem('Data Sheet').getRange('B2');
      range.conditionalFormats.add('Custom').custom.rule.formula = '=B2>100';
      range.conditionalFormats.add('Custom').custom.rule.formula = '=B2>0';
      await context.sync();
    });
    expect(fake.sheet('Data Sheet').conditionalFormats.map((c) => c.formula)).toEqual([
      '=B2>0',
      '=B2>100',
    ]);
  });

  it('turns references to a deleted sheet into #REF! and records the undo stack cleared', async () => {
    const fake = await seeded();
    await fake.run(async (context: Context) => {
      const other = context.workbook.worksheets.add('Report');
      other.getRange('A1:A2').formulas = [["='Data Sheet'!B2*2"], ['=SUM(Costs[Cost])']];
      context.workbook.names.add('Total', "='Data Sheet'!$B$2");
      await context.sync();
      context.workbook.worksheets.getItem('Data Sheet').delete();
      await context.sync();
    });
    const report = fake.sheet('Report');
    expect(report.cells.get('A1')?.formula).toBe('#REF!*2');
    expect(report.cells.get('A2')?.formula).toBe('SUM(#REF!)');
    expect(fake.name('total')).toBe('=#REF!');
    expect(fake.undoClearedBy).toEqual(['Worksheet.delete']);
  });

  it('rewrites references to a renamed sheet, which stays the same object', async () => {
    const fake = await seeded();
    await fake.run(async (context: Context) => {
      context.workbook.worksheets.add('Report').getRange('A1').formulas = [["='Data Sheet'!B2"]];
      const data = context.workbook.worksheets.getItem('Data Sheet');
      data.name = 'Data';
      data.getRange('C1').values = [['still me']];
      await context.sync();
    });
    expect(fake.sheet('Report').cells.get('A1')?.formula).toBe('Data!B2');
    expect(fake.sheet('Data').cells.get('C1')?.value).toBe('still me');
  });

  it('measures requests with the cost of calls and objects, and enforces both limits', async () => {
    const fake = await seeded();
    fake.responseLimit = 1_000;
    await fake.run(async (context: Context) => {
      const range = context.workbook.worksheets.getItem('Data Sheet').getRange('A1:A3');
      range.values = [['Ω'], ['x'], ['y']];
      await context.sync();
      // Ω is two bytes of UTF-8; the request also pays for every call and object.
      expect(fake.requestBytes.at(-1)).toBeGreaterThan(
        JSON.stringify([['Ω'], ['x'], ['y']]).length + 64,
      );
      context.workbook.worksheets.getItem('Data Sheet').getRange('A1:Z100').load('values');
      await expect(context.sync()).rejects.toMatchObject({
        code: 'ResponsePayloadSizeLimitExceeded',
      });
    });
    fake.payloadLimit = 100;
    await expect(
      fake.run(async (context: Context) => {
        context.workbook.worksheets.getItem('Data Sheet').getRange('A1:D10').values = Array.from(
          { length: 10 },
          () => ['a long enough text', 1, 2, 3],
        );
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: 'RequestPayloadSizeLimitExceeded' });
  });

  it('refuses a read of more than five million cells', async () => {
    const fake = await seeded();
    await fake.run(async (context: Context) => {
      context.workbook.worksheets.getItem('Data Sheet').getRange('A1:E1048576').load('values');
      await expect(context.sync()).rejects.toBeInstanceOf(HostError);
    });
  });

  it.each(['InvalidOperationInCellEditMode', 'InvalidOperation'] as const)(
    'fails a batch while a cell is being edited (%s), or waits for the edit with delayForCellEdit',
    async (code) => {
      const fake = await seeded();
      fake.cellEditCode = code;
      fake.editing = true;
      const write = async (context: Context) => {
        context.workbook.worksheets.getItem('Data Sheet').getRange('C1').values = [['x']];
        await context.sync();
      };
      await expect(fake.run(write)).rejects.toMatchObject({ code });
      const waiting = fake.run({ delayForCellEdit: true }, write);
      fake.endEdit();
      await expect(waiting).resolves.toBeUndefined();
      expect(fake.sheet('Data Sheet').cells.get('C1')?.value).toBe('x');
    },
  );
  it('lists each sheet’s own names with the sheets, in the same sync, and not in Workbook.names', async () => {
    const fake = await seeded();
    fake.sheet('Data Sheet').names = new Map([['Local', '=Data Sheet!$A$1']]);
    fake.syncCount = 0;
    await fake.run(async (context: Context) => {
      const sheets = context.workbook.worksheets;
      sheets.load(
        'items/name,items/protection/protected,items/names/items/name,items/names/items/formula',
      );
      const names = context.workbook.names.load('items/name,items/formula');
      await context.sync();
      expect(sheets.items[0]?.names.items.map((n) => n.name)).toEqual(['Local']);
      expect(names.items.map((n) => n.name)).toEqual([]);
    });
    expect(fake.syncCount).toBe(1);
  });
  it('lists formula and constant cells as areas covering exactly them, or a null object', async () => {
    const fake = createFakeExcel();
    await fake.run(async (context: Context) => {
      const sheet = context.workbook.worksheets.add('S');
      // An L of formulas (B2:C3 and B4), constants around it, one empty string (not a constant).
      sheet.getRange('B2:C3').formulas = [
        ['=1', '=2'],
        ['=3', '=4'],
      ];
      sheet.getRange('B4').formulas = [['=5']];
      sheet.getRange('A1:C1').values = [['x', 2, '']];
      await context.sync();
      const whole = sheet.getRange();
      const formulas = whole.getSpecialCellsOrNullObject('Formulas');
      const constants = whole.getSpecialCellsOrNullObject('Constants');
      const none = sheet.getRange('E5:F6').getSpecialCellsOrNullObject('Formulas');
      formulas.areas.load('items/address');
      constants.areas.load('items/address,items/values');
      await context.sync();
      expect(formulas.areas.items.map((a) => a.address)).toEqual(['S!B2:C3', 'S!B4']);
      expect(constants.areas.items.map((a) => [a.address, a.values])).toEqual([
        ['S!A1:B1', [['x', 2]]],
      ]);
      expect(none.isNullObject).toBe(true);
    });
  });
});
