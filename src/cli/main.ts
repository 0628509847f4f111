import { parseArgs } from 'node:util';
import path from 'node:path';
import { DEMO_BUILT_AT, demoPlan } from '../domain/demo';
import { DEMO_BASELINE, demoWorkbookPlan } from '../domain/demo-baseline';
import type { Diagnostic } from '../domain/diagnostics';
import { ok, schemaProblems } from '../domain/diagnostics';
import { PlanFile, planJsonSchema } from '../domain/schema/plan-file';
import { legalSheetName } from '../domain/schema/sheet-name';
import { addProjectPlan, newWorkbookPlan, withLegalSheets } from '../domain/template/workbook';
import { PackageError, XlsxPackage } from '../xlsx/ooxml/package';
import { decideCheckWrite } from '../xlsx/decide-write';
import { consolidateWorkbook, exportPlanFile, newWorkbook } from '../xlsx/workbook-file';
import { validatePlan } from '../domain/validation/validate';
import { builtAtText } from '../domain/consolidation/consolidate';
import { readRawPlan } from '../xlsx/read-raw';
import { printHelp, unknownCommand } from './help-command';
import { includeCommand, removeProjectCommand, settingsCommand } from './edit-commands';
import { initWorkbook } from './init';
import { listBaselinesCommand, saveBaselineCommand } from './baseline';
import { upgradeCommand, upgradeHintFor, versionNotes } from './upgrade';
import { UserError, exists, parseJson, readInput } from './io';
import { checkNewFile, isSameFile, withWorkbook, writeNewFile } from './safe-write';

export interface CliIo {
  out(text: string): void;
  err(text: string): void;
}

const consoleIo: CliIo = {
  out: (t) => process.stdout.write(`${t}\n`),
  err: (t) => process.stderr.write(`${t}\n`),
};

function report(io: CliIo, problems: readonly Diagnostic[]): 1 {
  for (const p of problems) io.err(`${p.severity === 'error' ? 'Error' : 'Warning'}: ${p.message}`);
  return 1;
}

function printGrouped(io: CliIo, diagnostics: readonly Diagnostic[]): void {
  const groups = new Map<string, Diagnostic[]>();
  for (const d of diagnostics)
    groups.set(d.project ?? 'Plan', [...(groups.get(d.project ?? 'Plan') ?? []), d]);
  for (const [project, list] of groups) {
    io.out(project);
    for (const d of list) io.out(`  ${d.severity === 'error' ? 'Error' : 'Warning'}: ${d.message}`);
  }
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  io.out(`${errors} error(s), ${diagnostics.length - errors} warning(s).`);
}

const readWorkbook = (file: string) => readInput(file, 'workbook');

function requireXlsx(file: string | undefined, what: string): string {
  if (!file)
    throw new UserError(`Name the ${what} (an .xlsx file). Run "implan help" for usage.`, 2);
  if (path.extname(file).toLowerCase() !== '.xlsx')
    throw new UserError(
      `${file} is not an .xlsx file; implan works on Excel workbooks (.xlsx).`,
      2,
    );
  return file;
}

async function readPlanJson(file: string): Promise<PlanFile | Diagnostic[]> {
  const json = parseJson(file, await readInput(file, 'plan file'));
  const parsed = PlanFile.safeParse(json);
  return parsed.success ? parsed.data : schemaProblems(parsed.error, file, { input: json });
}

async function run(argv: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args: [...argv],
    allowPositionals: true,
    options: {
      output: { type: 'string', short: 'o' },
      name: { type: 'string' },
      code: { type: 'string' },
      manager: { type: 'string' },
      start: { type: 'string' },
      end: { type: 'string' },
      sheet: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
      json: { type: 'boolean' },
      'replace-edited': { type: 'boolean' },
      force: { type: 'boolean' },
      'delete-sheet': { type: 'boolean' },
      set: { type: 'string', multiple: true },
      'dry-run': { type: 'boolean' },
      list: { type: 'boolean' },
    },
  });
  const [command, target, ...more] = positionals;
  const force = { force: values.force ?? false };
  const helpCode = printHelp(io, command, target, values.help ?? false);
  if (helpCode !== undefined) return helpCode;
  switch (command) {
    case 'schema':
      io.out(JSON.stringify(planJsonSchema(), null, 2));
      return 0;
    case 'init': {
      const file = requireXlsx(target, 'workbook to set up');
      if (!(await exists(file))) {
        const created = await initWorkbook(file, null);
        if (!created.ok) return report(io, created.problems);
        await writeNewFile(file, created.value.bytes, force);
        io.out(created.value.message);
        return 0;
      }
      // An existing workbook gets the plan set up inside it, as an in-place change.
      return await withWorkbook(file, readWorkbook, async (book) => {
        const result = await initWorkbook(file, book.bytes);
        if (!result.ok) return report(io, result.problems);
        await book.replace(result.value.bytes);
        io.out(result.value.message);
        return 0;
      });
      return 0;
    }
    case 'demo': {
      const file = requireXlsx(values.output ?? target ?? 'demo.xlsx', 'demo workbook');
      const plan = demoPlan();
      // With its baseline, consolidated: the demo opens with every joint sheet and the dashboard.
      const made = await newWorkbook(demoWorkbookPlan());
      const { result, bytes } = await consolidateWorkbook(made, { builtAt: DEMO_BUILT_AT });
      if (result.kind !== 'ready' || !bytes) throw new Error('The demo plan does not consolidate.');
      await writeNewFile(file, bytes, force);
      io.out(
        `Created ${file}: ${plan.projects.map((p) => p.name).join(', ')}, with the baseline "${DEMO_BASELINE}", the joint sheets and the status dashboard.`,
      );
      return 0;
    }
    case 'import': {
      if (!target) throw new UserError('Name the plan file to import (a .json file).', 2);
      const file = requireXlsx(values.output, 'workbook to create (-o BOOK.xlsx)');
      const inputs = [{ file: target, what: 'plan file' }];
      await checkNewFile(file, { ...force, inputs });
      const read = await readPlanJson(target);
      if (Array.isArray(read)) return report(io, read);
      const { plan, notes } = withLegalSheets(read);
      await writeNewFile(file, await newWorkbook(newWorkbookPlan(plan)), { ...force, inputs });
      for (const note of notes) io.out(`Note: ${note}`);
      io.out(`Created ${file} with ${plan.projects.length} project(s).`);
      return 0;
    }
    case 'export': {
      const file = requireXlsx(target, 'workbook to export');
      if (values.output && path.extname(values.output).toLowerCase() === '.xlsx')
        throw new UserError(
          `export writes JSON, not a workbook; name the output .json (e.g. ${path.basename(values.output, path.extname(values.output))}.json). Nothing was written.`,
          2,
        );
      const plan = await exportPlanFile(await readInput(file, 'workbook'), file);
      if (Array.isArray(plan)) return report(io, plan);
      const json = `${JSON.stringify(plan, null, 2)}\n`;
      if (values.output) {
        await writeNewFile(values.output, json, {
          ...force,
          inputs: [{ file, what: 'workbook' }],
        });
        io.out(`Wrote ${values.output}: ${plan.projects.length} project(s).`);
      } else io.out(json.trimEnd());
      return 0;
    }
    case 'validate': {
      const file = requireXlsx(target, 'workbook to check');
      const pkg = await XlsxPackage.load(await readInput(file, 'workbook'), file);
      const raw = await readRawPlan(pkg, file);
      const version = Array.isArray(raw) ? [] : await versionNotes(pkg, file);
      const refused = Array.isArray(raw) || version.some((d) => d.severity === 'error');
      const diagnostics = refused
        ? [...(Array.isArray(raw) ? raw : []), ...version]
        : [...version, ...validatePlan(raw)];
      if (values.json) io.out(JSON.stringify(diagnostics, null, 2));
      else printGrouped(io, diagnostics);
      return diagnostics.some((d) => d.severity === 'error') ? 1 : 0;
    }
    case 'consolidate': {
      const file = requireXlsx(target, 'workbook to consolidate');
      const out = values.output ? requireXlsx(values.output, 'output workbook') : file;
      const inPlace = out === file || (await isSameFile(out, file));
      if (!inPlace) await checkNewFile(out, { ...force, inputs: [{ file, what: 'workbook' }] });
      return await withWorkbook(file, readWorkbook, async (book) => {
        const bytes = book.bytes;
        const { result, bytes: written } = await consolidateWorkbook(bytes, {
          builtAt: builtAtText(new Date()),
          replaceEdited: values['replace-edited'] ?? false,
          label: file,
          upgradeHint: upgradeHintFor(file),
        });
        switch (result.kind) {
          case 'unreadable':
            report(io, result.diagnostics);
            return 2;
          case 'blocked':
            printGrouped(io, result.diagnostics);
            io.err('Nothing was consolidated: fix the errors above, then run consolidate again.');
            return 1;
          case 'confirm':
            io.err(
              `Someone has typed into ${result.edited.map((s) => `"${s}"`).join(', ')} since implan built ${result.edited.length === 1 ? 'it' : 'them'}; ` +
                'consolidating would replace those edits. Copy anything you need, then run again with --replace-edited. Nothing was written.',
            );
            return 1;
          case 'ready': {
            if (result.warnings.length > 0) printGrouped(io, result.warnings);
            const bak = inPlace ? await book.replace(written!, { backup: true }) : null;
            if (!inPlace)
              await writeNewFile(out, written!, {
                ...force,
                inputs: [{ file, what: 'workbook' }],
              });
            const c = result.counts;
            io.out(
              `Consolidated ${c.projects} project(s), ${c.tasks} task(s), ${c.risks} risk(s) into ${out}` +
                `${bak ? ` (the previous version is in ${bak})` : ''}.`,
            );
            return 0;
          }
        }
      });
    }
    case 'add-project': {
      const file = requireXlsx(target, 'workbook');
      if (!values.name)
        throw new UserError('Give the project a name with --name "Project name".', 2);
      const name = values.name;
      return await withWorkbook(file, readWorkbook, async (book) => {
        const input = {
          name,
          ...(values.code !== undefined ? { code: values.code } : {}),
          ...(values.manager !== undefined ? { manager: values.manager } : {}),
          ...(values.start !== undefined ? { start: values.start } : {}),
          ...(values.end !== undefined ? { end: values.end } : {}),
          ...(values.sheet !== undefined ? { sheet: values.sheet } : {}),
        };
        const result = await decideCheckWrite(book.bytes, file, (state) => {
          const r = addProjectPlan(state, input, upgradeHintFor(file));
          return r.ok ? ok({ plan: r.value.plan, value: r.value.project }) : r;
        });
        if (!result.ok) {
          report(io, result.problems);
          if (values.sheet === undefined && result.problems.some((p) => p.code === 'sheet-name'))
            io.err(
              `To keep the name, give the project a legal sheet name: --sheet "${legalSheetName(name, result.state.sheets)}".`,
            );
          return 1;
        }
        // An added project always writes.
        if (result.value.bytes) await book.replace(result.value.bytes);
        const p = result.value.value;
        io.out(`Added ${p.name} (code ${p.code}) on the sheet "${p.sheet ?? p.name}" of ${file}.`);
        return 0;
      });
    }
    case 'include':
    case 'exclude':
      return await includeCommand(io, requireXlsx(target, 'workbook'), more, command === 'include');
    case 'remove-project':
      return await removeProjectCommand(
        io,
        requireXlsx(target, 'workbook'),
        more,
        values['delete-sheet'] ?? false,
      );
    case 'settings':
      return await settingsCommand(io, requireXlsx(target, 'workbook'), values.set ?? []);
    case 'baseline': {
      const file = requireXlsx(target, 'workbook');
      if (values.list) return await listBaselinesCommand(io, file);
      return await saveBaselineCommand(io, file, values.name);
    }
    case 'upgrade':
      return await upgradeCommand(
        io,
        requireXlsx(target, 'workbook to upgrade'),
        values['dry-run'] ?? false,
      );
    default:
      throw new UserError(unknownCommand(command ?? ''), 2);
  }
}

/** Runs the command line; returns the exit code instead of exiting so tests can call it. */
export async function runCli(argv: readonly string[], io: CliIo = consoleIo): Promise<number> {
  try {
    return await run(argv, io);
  } catch (e) {
    if (e instanceof UserError) {
      io.err(`Error: ${e.message}`);
      return e.exitCode;
    }
    if (e instanceof PackageError) {
      io.err(`Error: ${e.message}`);
      return 2;
    }
    if (e instanceof TypeError && (e as NodeJS.ErrnoException).code?.startsWith('ERR_PARSE_ARGS')) {
      io.err(`Error: ${e.message}. Run "implan help" for usage.`);
      return 2;
    }
    throw e;
  }
}
