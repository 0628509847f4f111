/**
 * Host errors: what implan does when Excel refuses. Retried only while a cell is being edited
 * (Excel rejects such a request before applying any of it); never after an error that may
 * follow a partly applied batch; given up after a few attempts with the error passed on.
 */
import { type ExcelRun, withRetries } from '../../src/excel/host';
import { HostError } from './fake-excel';

/** A host whose first `failures` runs fail with `code`, then succeed. */
function flakyHost(code: string, failures: number) {
  let calls = 0;
  const run: ExcelRun = async <T>(batch: (context: Excel.RequestContext) => Promise<T>) => {
    calls++;
    if (calls <= failures) throw new HostError(code, `refused (${calls})`);
    return await batch({} as Excel.RequestContext);
  };
  return { run, calls: () => calls };
}

describe('withRetries', () => {
  it('waits and tries again while a cell is being edited, and says so each time', async () => {
    const host = flakyHost('InvalidOperationInCellEditMode', 2);
    const waits: number[] = [];
    const run = withRetries(host.run, { delayMs: 1, onWait: (n) => waits.push(n) });
    await expect(run(() => Promise.resolve('done'))).resolves.toBe('done');
    expect(host.calls()).toBe(3);
    expect(waits).toEqual([1, 2]);
  });

  it('gives up after the last attempt and passes the error on', async () => {
    const host = flakyHost('InvalidOperationInCellEditMode', 10);
    const run = withRetries(host.run, { attempts: 3, delayMs: 1 });
    await expect(run(() => Promise.resolve('done'))).rejects.toMatchObject({
      code: 'InvalidOperationInCellEditMode',
    });
    expect(host.calls()).toBe(3);
  });

  it.each([
    'GeneralException',
    'AccessDenied',
    'ItemAlreadyExists',
    'RequestPayloadSizeLimitExceeded',
  ])('does not run a batch again after %s', async (code) => {
    const host = flakyHost(code, 1);
    const run = withRetries(host.run, { delayMs: 1 });
    await expect(run(() => Promise.resolve('done'))).rejects.toMatchObject({ code });
    expect(host.calls()).toBe(1);
  });
});
