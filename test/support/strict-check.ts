import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * The strict file check shared by the team (`../shared/ooxml-check/check` beside the project):
 * ISO/IEC 29500 schemas plus the consistency rules that make Excel repair a file. LibreOffice
 * opening a workbook proves little; this is the gate every written workbook must pass.
 */
export const CHECK = path.join(__dirname, '..', '..', '..', 'shared', 'ooxml-check', 'check');

/** What the check says of some workbooks: its exit code and, when it fails, the findings. */
export function strictCheck(files: readonly string[]): { code: number; report: string } {
  if (!existsSync(CHECK))
    return { code: 2, report: `The strict file check is missing: expected it at ${CHECK}.` };
  const r = spawnSync(CHECK, ['--quiet', ...files], { encoding: 'utf8' });
  return { code: r.status ?? 2, report: `${r.stdout}${r.stderr}` };
}

/** Checks workbooks held in memory, named for the report. */
export function strictCheckBytes(books: ReadonlyMap<string, Uint8Array>): {
  code: number;
  report: string;
} {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'implan-strict-'));
  try {
    const files = [...books].map(([name, bytes]) => {
      const file = path.join(dir, `${name}.xlsx`);
      writeFileSync(file, bytes);
      return file;
    });
    return strictCheck(files);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
