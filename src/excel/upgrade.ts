import type { Result } from '../domain/diagnostics';
import { fail, ok } from '../domain/diagnostics';
import type { Scalar } from '../domain/plan/types';
import { SETTINGS_SHEET } from '../domain/template/settings-sheet';
import {
  type AreaCells,
  planUpgrade,
  type TableShapes,
  type UpgradeReport,
  upgradeAreas,
} from '../domain/template/upgrade';
import { type ActionOptions, type Applied, inSmallerRequests, type WriteMark } from './actions';
import { WriteQueue, queuePlan } from './apply-plan';
import { defaultRun, detectCapabilities } from './host';
import { placeOf, queueStateRead } from './read-state';
import { tablesOf } from '../domain/template/project-identity';
import { TEMPLATE_VERSION } from '../domain/template/version';
import { writeRefusals } from '../domain/template/write-check';

const scalar = (v: unknown): Scalar =>
  typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' ? v : null;

/** Queues the loads of `areas` on a sheet that may be missing; read after the caller syncs. */
function queueAreas(
  context: Excel.RequestContext,
  sheetName: string,
  areas: readonly string[],
): () => AreaCells {
  const sheet = context.workbook.worksheets.getItemOrNullObject(sheetName);
  const ranges = areas.map((area) => ({ area, range: sheet.getRange(area).load('values') }));
  return () => {
    // The caller has synced before calling this (the lint rule cannot see that sync).
    // eslint-disable-next-line office-addins/call-sync-before-read
    if (sheet.isNullObject) return null;
    return Object.fromEntries(
      ranges.map(({ area, range }) => [area, range.values.map((row) => row.map(scalar))]),
    );
  };
}

/**
 * Queues the loads of a project's tables' shapes: the whole table's address, its header row,
 * and the column right of it (Range.getLastColumn then getOffsetRange, ExcelApi 1.1), so the
 * read costs a header and one column whatever the table's size. Read after the caller syncs.
 */
function queueShapes(
  context: Excel.RequestContext,
  code: string,
  kinds: readonly (keyof TableShapes)[],
  existing: readonly string[],
): () => TableShapes {
  const has = (name: string) => existing.some((t) => t.toUpperCase() === name.toUpperCase());
  // Only tables the state read found: a null object's ranges are not worth loading.
  const present = kinds.filter((kind) => has(tablesOf(code)[kind]));
  const missing = kinds.filter((kind) => !present.includes(kind)).map((kind) => [kind, null]);
  const loads = present.map((kind) => {
    const table = context.workbook.tables.getItem(tablesOf(code)[kind]);
    const whole = table.getRange().load('address');
    const header = table.getHeaderRowRange().load('values');
    const right = whole.getLastColumn().getOffsetRange(0, 1).load('values');
    return { kind, whole, header, right };
  });
  return () =>
    Object.fromEntries([
      ...missing,
      ...loads.map(({ kind, whole, header, right }) => [
        kind,
        {
          ref: placeOf(whole.address).ref.replace(/\$/g, ''),
          columns: (header.values[0] ?? []).map((h) => String(h)),
          right: right.values.map((row) => scalar(row[0])),
        },
      ]),
    ]) as TableShapes;
}

/**
 * Upgrades the open workbook to this implan's template version in one Excel.run: one sync
 * reads the state and its version, one reads the cells the upgrade fills on Settings and on
 * every project sheet, one writes (more only past the request budget), so three syncs whatever
 * the number of projects. A current workbook is read and left alone.
 */
export async function upgradeWorkbook(
  options: ActionOptions & { readonly budget?: number } = {},
): Promise<Result<Applied<UpgradeReport>>> {
  return await inSmallerRequests(options, upgradeOnce);
}

async function upgradeOnce(
  options: ActionOptions & { readonly budget?: number },
  mark: WriteMark,
): Promise<Result<Applied<UpgradeReport>>> {
  const run = options.run ?? defaultRun;
  const caps = options.capabilities ?? detectCapabilities();
  return await run(
    async (context) => {
      const q = new WriteQueue(context, options.budget);
      const readState = queueStateRead(context, undefined, caps);
      const names = context.workbook.names.load('items/name,items/formula');
      await q.flush();
      const state = readState();
      const version = state.templateVersion;
      // Current, newer, unreadable or no plan: decided without reading any cell.
      const { settings } = state;
      if (version === null || !(version < TEMPLATE_VERSION) || settings === null) {
        const r = planUpgrade({ version, settings, settingsCells: null, projects: [] });
        return r.ok
          ? ok({ value: r.value.report, syncs: q.syncs, skipped: [] })
          : fail(...r.problems);
      }
      const areas = upgradeAreas(version);
      const settingsCells = queueAreas(context, SETTINGS_SHEET, areas.settings);
      const projects = (state.registry?.entries ?? []).map((entry) => ({
        entry,
        cells: queueAreas(context, entry.sheet, areas.project),
        tables: queueShapes(context, entry.code, areas.tables, state.tables),
      }));
      await q.flush();
      const planned = planUpgrade({
        version,
        settings,
        settingsCells: settingsCells(),
        projects: projects.map((p) => ({ entry: p.entry, cells: p.cells(), tables: p.tables() })),
      });
      if (!planned.ok) return fail(...planned.problems);
      const { plan, report } = planned.value;
      if (plan.steps.length === 0) return ok({ value: report, syncs: q.syncs, skipped: [] });
      // A protected sheet or workbook would stop the upgrade half-way: refused before writing.
      const blocked = writeRefusals(state, plan);
      if (blocked.length > 0) return fail(...blocked);
      const existingNames = names.items.map((n) => n.name);
      const syncsRead = q.syncs;
      try {
        const skipped = await queuePlan(q, plan, caps, { existingNames });
        await q.flush();
        return ok({ value: report, syncs: q.syncs, skipped });
      } catch (e) {
        mark.untouched = q.syncs === syncsRead;
        throw e;
      }
    },
    caps.undoGroup ? { mergeUndoGroup: true } : undefined,
  );
}
