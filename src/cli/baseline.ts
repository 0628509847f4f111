import { todaySerial, serialToIso } from '../domain/dates';
import { fail, ok } from '../domain/diagnostics';
import { saveBaselinePlan } from '../domain/baseline/save';
import { sameBaselineName, storedBaselinesOf } from '../domain/baseline/stored';
import type { SnapshotTotals } from '../domain/baseline/snapshot';
import { BASELINE_CELL } from '../domain/template/settings-sheet';
import { NO_PLAN_YET } from '../domain/template/workbook';
import { XlsxPackage } from '../xlsx/ooxml/package';
import { readRawPlan } from '../xlsx/read-raw';
import { readWorkbookState } from '../xlsx/workbook-file';
import { type EditIo, editWorkbook, refuse } from './edit-commands';
import { UserError, readInput } from './io';
import { upgradeHintFor } from './upgrade';

/**
 * `implan baseline BOOK.xlsx --name NAME` saves the included projects as they stand as a named,
 * dated baseline on the Baselines sheet (the pane's Save baseline, decision 0010); `--list`
 * prints the baselines saved. Refusals are sentences and exit 2; nothing is written.
 */

const money = (amount: number, currency: string) =>
  `${currency} ${new Intl.NumberFormat('en-GB', { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(amount)}`;

const summary = (t: SnapshotTotals, currency: string) =>
  `${t.projects} project(s), ${t.tasks} task(s), planned ${money(t.planned, currency)}, ${t.openRisks} open risk(s)`;

/** `implan baseline BOOK.xlsx --list`: one line per saved baseline, and the one compared with. */
export async function listBaselinesCommand(io: EditIo, file: string): Promise<number> {
  const bytes = await readInput(file, 'workbook');
  const state = await readWorkbookState(bytes, file);
  if (state.registry === null || state.settings === null) return refuse(io, [NO_PLAN_YET]);
  const raw = await readRawPlan(await XlsxPackage.load(bytes, file), file);
  if (Array.isArray(raw)) return refuse(io, raw);
  const stored = storedBaselinesOf(raw.baselines, state.sheets);
  if (!stored.ok) return refuse(io, stored.problems);
  const saved = stored.value?.baselines ?? [];
  if (saved.length === 0) {
    io.out(`No baseline is saved in ${file}; save one with: implan baseline ${file} --name NAME`);
    return 0;
  }
  const compared = state.settings.compareBaseline;
  for (const b of saved) {
    const when = b.savedOn === null ? 'date cleared' : `saved on ${serialToIso(b.savedOn)}`;
    const mark = sameBaselineName(b.name, compared) ? ' (compared with)' : '';
    io.out(`${b.name}: ${when}${mark}`);
  }
  return 0;
}

/** `implan baseline BOOK.xlsx --name NAME` */
export async function saveBaselineCommand(
  io: EditIo,
  file: string,
  name: string | undefined,
  today: number = todaySerial(),
): Promise<number> {
  if (name === undefined)
    throw new UserError(
      `Name the baseline: implan baseline ${file} --name "Approved ${serialToIso(today)}" (or --list to see those saved).`,
      2,
    );
  return await editWorkbook(file, io, async (state, bytes) => {
    const raw = await readRawPlan(await XlsxPackage.load(bytes, file), file);
    if (Array.isArray(raw)) return fail(...raw);
    const r = saveBaselinePlan(state, raw, name, today, upgradeHintFor(file));
    if (!r.ok) return r;
    const { plan, totals, compared } = r.value;
    const currency = raw.settings.currency;
    const compare = compared
      ? ` Settings ${BASELINE_CELL} now compares with it.`
      : ` To compare with it: implan settings ${file} --set "baseline=${r.value.name}".`;
    return ok({
      plan,
      value: (bak) =>
        `Saved the baseline "${r.value.name}" (${summary(totals, currency)}) on the Baselines sheet of ${file}${bak}.${compare} Consolidate builds the Baseline Variance sheet.`,
    });
  });
}
