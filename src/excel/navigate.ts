import { defaultRun, type ExcelRun } from './host';

/** Shows a cell to the user: activates its sheet and selects it (one sync). */
export async function selectCell(sheet: string, cell: string, run: ExcelRun = defaultRun) {
  await run(async (context) => {
    const ws = context.workbook.worksheets.getItem(sheet);
    ws.activate();
    ws.getRange(cell).select();
    await context.sync();
  });
}

/** Opens a sheet at its top-left cell. */
export async function openSheet(sheet: string, run: ExcelRun = defaultRun) {
  await selectCell(sheet, 'A1', run);
}
