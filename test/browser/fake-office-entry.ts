/**
 * The fake host for the browser tests: the same fake Excel the unit tests use, exposed as the
 * `Office` and `Excel` globals that the production pane expects from office.js.
 */
import { createFakeExcel } from '../excel/fake-excel';

const fake = createFakeExcel();
const w = window as unknown as Record<string, unknown>;
w.__fake = fake;
w.Excel = { run: fake.run };
w.Office = {
  onReady: (callback?: (info: unknown) => void) => {
    w.__onReadyAt = performance.now();
    const info = { host: 'Excel', platform: 'OfficeOnline' };
    callback?.(info);
    return Promise.resolve(info);
  },
  context: {
    // A test page can play an older Excel by setting __implanMaxExcelApi before load.
    requirements: {
      isSetSupported: (_set: string, version: string) =>
        Number(version) <= Number(w.__implanMaxExcelApi ?? 99),
    },
    officeTheme: undefined,
  },
};
