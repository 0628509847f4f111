import type { Diagnostic } from '../domain/diagnostics';
import type { UpgradeReport } from '../domain/template/upgrade';
import { versionProblem } from '../domain/template/version';
import type { XlsxPackage } from '../xlsx/ooxml/package';
import { upgradeWorkbook } from '../xlsx/upgrade-file';
import { readTemplateVersion } from '../xlsx/workbook-file';
import { readInput } from './io';
import { withWorkbook } from './safe-write';

interface Io {
  out(text: string): void;
  err(text: string): void;
}

/** The report as lines: what changes on Settings and on each project's sheet. */
export function reportLines(file: string, report: UpgradeReport, dryRun: boolean): string[] {
  if (report.from === report.to)
    return [`${file} is already at template version ${report.to}; nothing to change.`];
  const verb = dryRun ? 'would add' : 'added';
  const lines = [
    `${dryRun ? 'Dry run: upgrading' : 'Upgraded'} ${file} from template version ${report.from} to ${report.to}.`,
  ];
  const said = (changes: readonly string[]) =>
    changes.length ? `${verb} ${changes.join('; ')}` : 'nothing to add';
  lines.push(`  Settings: ${said(report.settings)}.`);
  for (const p of report.projects) lines.push(`  ${p.project}: ${said(p.changes)}.`);
  lines.push(
    dryRun
      ? 'Nothing was written; run without --dry-run to upgrade.'
      : 'Every value you typed is kept.',
  );
  return lines;
}

/** How a command line user upgrades `file`, for the sentences that refuse an older workbook. */
export const upgradeHintFor = (file: string) => `run "implan upgrade ${file}"`;

/**
 * What validate says about the template version: a warning for an older workbook (its entries
 * can still be checked), an error for a newer or unreadable one (they cannot).
 */
export async function versionNotes(pkg: XlsxPackage, file: string): Promise<Diagnostic[]> {
  const problem = versionProblem(await readTemplateVersion(pkg, true), upgradeHintFor(file));
  if (!problem) return [];
  return [problem.code === 'template-older' ? { ...problem, severity: 'warning' } : problem];
}

function printProblems(io: Io, problems: readonly Diagnostic[]): 1 {
  for (const p of problems) io.err(`Error: ${p.message}`);
  return 1;
}

/**
 * `implan upgrade BOOK.xlsx [--dry-run]`: brings a workbook made by an older implan to this
 * template version in place (locked, compared before the rename, the previous version kept as
 * BOOK.xlsx.bak), or reports what it would change without writing.
 */
export async function upgradeCommand(io: Io, file: string, dryRun: boolean): Promise<number> {
  if (dryRun) {
    const { result } = await upgradeWorkbook(await readInput(file, 'workbook'), {
      dryRun,
      label: file,
    });
    if (!result.ok) return printProblems(io, result.problems);
    for (const line of reportLines(file, result.value.report, dryRun)) io.out(line);
    return 0;
  }
  return await withWorkbook(
    file,
    (f) => readInput(f, 'workbook'),
    async (book) => {
      const { result, bytes } = await upgradeWorkbook(book.bytes, { dryRun, label: file });
      if (!result.ok) return printProblems(io, result.problems);
      const bak = bytes ? await book.replace(bytes, { backup: true }) : null;
      for (const line of reportLines(file, result.value.report, dryRun)) io.out(line);
      if (bak) io.out(`The previous version is in ${bak}.`);
      return 0;
    },
  );
}
