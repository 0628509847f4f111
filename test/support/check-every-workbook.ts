/**
 * Every workbook the test suite writes passes the strict file check. Set up for every test file
 * (jest `setupFilesAfterEnv`): each package implan saves during the file's tests is kept (once
 * per distinct content), and after the last test they are all checked in one run. A failure
 * names the test that wrote the workbook and prints the check's findings.
 */
import { createHash } from 'node:crypto';
import { XlsxPackage } from '../../src/xlsx/ooxml/package';
import { strictCheckBytes } from './strict-check';

const written = new Map<string, Uint8Array>();
const save = XlsxPackage.prototype.save;

XlsxPackage.prototype.save = async function (this: XlsxPackage): Promise<Buffer> {
  const bytes = await save.call(this);
  const digest = createHash('sha1').update(bytes).digest('hex').slice(0, 8);
  const test = (expect.getState().currentTestName ?? 'setup').replace(/[^\w-]+/g, '_');
  if (![...written.keys()].some((k) => k.endsWith(digest)))
    written.set(`${test.slice(0, 80)}-${digest}`, bytes);
  return bytes;
};

/** The lines of the check's report that say what fails, not the summaries of clean parts. */
const findings = (report: string): string =>
  report
    .split('\n')
    .filter((l) => !/MCE stripped|inside extLst|ERROR 0,|0 schema errors|xml:space-on-t/.test(l))
    .join('\n');

afterAll(() => {
  if (written.size === 0) return;
  const { code, report } = strictCheckBytes(written);
  if (code !== 0)
    throw new Error(
      `A workbook written by these tests fails the strict file check:\n${findings(report)}`,
    );
}, 120_000);
