import type { Diagnostic } from '../domain/diagnostics';
import { fail, ok, schemaProblems } from '../domain/diagnostics';
import { Settings } from '../domain/schema/settings';
import { removeProjectPlan, setIncludedPlan } from '../domain/template/registry-edits';
import { settingsPlan } from '../domain/template/settings-edit';
import { NO_PLAN_YET, type WorkbookState } from '../domain/template/workbook';
import { decideCheckWrite, type FileDecision } from '../xlsx/decide-write';
import { readWorkbookState } from '../xlsx/workbook-file';
import { UserError, readInput } from './io';
import { withWorkbook } from './safe-write';
import { applyAssignments, settingsLines } from './settings-text';

/**
 * `implan include`, `exclude`, `remove-project` and `settings`: the pane's registry and
 * settings edits on a workbook file. Each reads the workbook's state, lets the domain make the
 * same plan the pane applies, and writes it in place under the lock, keeping a .bak.
 * Refusals (unknown codes, settings, bad values) are sentences and exit 2; nothing is written.
 */

export interface EditIo {
  out(text: string): void;
  err(text: string): void;
}

export const refuse = (io: EditIo, problems: readonly Diagnostic[]): 2 => {
  for (const p of problems) io.err(`Error: ${p.message}`);
  return 2;
};

const kept = (bak: string | null) => (bak ? ` (the previous version is in ${bak})` : '');

/** A plan to write (none: nothing to change) and what to say once it is in place. */
export type Decision = FileDecision<(kept: string) => string>;

/** What to say when nothing needs writing. */
const unchanged = (message: string): Decision => ok({ plan: null, value: () => message });

/**
 * Reads the workbook's state, decides (given the bytes as read too, for a decision that reads
 * more of the workbook), and writes the plan in place under the lock; or says why not.
 */
export async function editWorkbook(
  file: string,
  io: EditIo,
  decide: (state: WorkbookState, bytes: Uint8Array) => Decision | Promise<Decision>,
): Promise<number> {
  return await withWorkbook(
    file,
    (f) => readInput(f, 'workbook'),
    async (book) => {
      const change = await decideCheckWrite(book.bytes, file, decide);
      if (!change.ok) return refuse(io, change.problems);
      const { bytes, value: done } = change.value;
      io.out(done(bytes ? kept(await book.replace(bytes, { backup: true })) : ''));
      return 0;
    },
  );
}

const names = (list: readonly { code: string; name: string }[]) =>
  list.map((e) => `${e.name} (${e.code})`).join(', ');

/** `implan include|exclude BOOK.xlsx CODE...` */
export async function includeCommand(
  io: EditIo,
  file: string,
  codes: readonly string[],
  included: boolean,
): Promise<number> {
  const verb = included ? 'include' : 'exclude';
  if (codes.length === 0)
    throw new UserError(
      `Name the projects to ${verb} by their codes: implan ${verb} ${file} CODE...`,
      2,
    );
  return await editWorkbook(file, io, (state) => {
    const r = setIncludedPlan(state, codes, included);
    if (!r.ok) return r;
    const { entries, plan } = r.value;
    const changing = entries.filter((e) => e.included !== included);
    const where = included ? 'included in consolidation' : 'left out of consolidation';
    const are = (list: readonly unknown[]) => (list.length === 1 ? 'is' : 'are');
    if (changing.length === 0)
      return unchanged(`${names(entries)} ${are(entries)} already ${where}; nothing was written.`);
    return ok({
      plan,
      value: (bak) => `${names(changing)} ${are(changing)} now ${where} in ${file}${bak}.`,
    });
  });
}

/** `implan remove-project BOOK.xlsx CODE [--delete-sheet]` */
export async function removeProjectCommand(
  io: EditIo,
  file: string,
  codes: readonly string[],
  deleteSheet: boolean,
): Promise<number> {
  const [code, ...extra] = codes;
  if (code === undefined || extra.length > 0)
    throw new UserError(
      `Name one project to remove by its code: implan remove-project ${file} CODE.`,
      2,
    );
  return await editWorkbook(file, io, (state) => {
    const r = removeProjectPlan(state, code, { deleteSheet });
    if (!r.ok) return r;
    const { entry, sheetDeleted, plan } = r.value;
    const sheet = sheetDeleted
      ? ` and deleted its sheet "${entry.sheet}"`
      : `; its sheet "${entry.sheet}" and everything typed in it stay (--delete-sheet deletes it too)`;
    return ok({
      plan,
      value: (bak) =>
        `Removed ${names([entry])} from the Projects register of ${file}${sheet}${bak}.`,
    });
  });
}

/** `implan settings BOOK.xlsx [--set KEY=VALUE ...]`: prints them, or saves the changes. */
export async function settingsCommand(
  io: EditIo,
  file: string,
  assignments: readonly string[],
): Promise<number> {
  if (assignments.length === 0) {
    const state = await readWorkbookState(await readInput(file, 'workbook'), file);
    const settings = readableSettings(state, file);
    if (!('currency' in settings)) return refuse(io, settings);
    for (const line of settingsLines(settings)) io.out(line);
    return 0;
  }
  return await editWorkbook(file, io, (state) => {
    const current = readableSettings(state, file);
    if (!('currency' in current)) return fail(...current);
    const { input, changed } = applyAssignments(current, assignments);
    const parsed = Settings.safeParse(input);
    if (!parsed.success)
      return fail(...schemaProblems(parsed.error, 'Settings', { input, jsonPath: false }));
    if (JSON.stringify(parsed.data) === JSON.stringify(current))
      return unchanged(`The settings of ${file} already hold these values; nothing was written.`);
    const plan = settingsPlan(state, parsed.data);
    if (!plan.ok) return plan;
    return ok({
      plan: plan.value,
      value: (bak) => `Saved ${changed.join(', ')} in the Settings sheet of ${file}${bak}.`,
    });
  });
}

/** The workbook's settings, or why they cannot be read. */
function readableSettings(state: WorkbookState, file: string): Settings | Diagnostic[] {
  if (state.registry === null) return [NO_PLAN_YET];
  if (state.settings === null)
    return [
      {
        severity: 'error',
        code: 'settings-unreadable',
        sheet: 'Settings',
        message: `The Settings sheet of ${file} holds entries implan cannot read; run implan validate ${file} to see where.`,
      },
    ];
  return state.settings;
}
