import { versionProblem } from '../domain/template/version';
import {
  builtAtText,
  checkedConsolidation,
  type Consolidation,
  type ExistingJointSheet,
  fingerprintName,
  JOINT_SHEETS,
  planConsolidationPausing,
  type PlanOptions,
  textConstant,
} from '../domain/consolidation/consolidate';
import { fingerprintOf } from '../domain/consolidation/fingerprint';
import type { Diagnostic } from '../domain/diagnostics';
import type { WorkbookPlan } from '../domain/plan/types';
import type { RawPlan } from '../domain/validation/raw';
import { hasPlan } from '../domain/template/workbook';
import { mergesOn } from '../domain/validation/structure';
import { PAYLOAD_BUDGET, WriteQueue, queuePlan } from './apply-plan';
import { defaultRun, detectCapabilities, type ExcelRun, type HostCapabilities } from './host';
import { NO_PLAN, queueRawPlanRead } from './read-plan';
import { queueJointCellsRead } from './joint-cells';
import { Loads } from './loads';
import { queueStateRead } from './read-state';

/** The steps the pane shows while consolidating, in order. */
export const CONSOLIDATE_STEPS = [
  'Reading the project sheets',
  'Checking entries',
  'Building the joint schedule',
  'Building the joint budget',
  'Building the contingency plan',
  'Writing the joint sheets',
] as const;
export type ConsolidateStep = (typeof CONSOLIDATE_STEPS)[number];

export interface ConsolidateOptions {
  readonly run?: ExcelRun;
  readonly capabilities?: HostCapabilities;
  readonly builtAt?: string;
  /** The user has agreed to lose what was typed into joint sheets. */
  readonly replaceEdited?: boolean;
  readonly onStep?: (step: ConsolidateStep) => void;
  /** While writing: the share of the joint sheets' cells sent so far, 0 to 1. */
  readonly onProgress?: (written: number) => void;
  /** Bytes per write request; smaller after Excel refuses one as too large. */
  readonly budget?: number;
  /**
   * Runs the domain's plan: by default here, in this thread, pausing between the plan's parts;
   * the pane passes one that runs it in a Web Worker, so seconds of planning never freeze it
   * (src/taskpane/background).
   */
  readonly planner?: Planner;
}

/** Plans a consolidation from the raw plan read: `planConsolidation`, here or elsewhere. */
export type Planner = (
  raw: RawPlan,
  options: PlanOptions,
) => Consolidation | Promise<Consolidation>;

/** Plans here, on the pane's thread, handing it back to the pane between the plan's parts. */
const planHere: Planner = (raw, options) => planConsolidationPausing(raw, options, yieldToPane);

export type LiveConsolidation =
  | { readonly kind: 'unreadable'; readonly diagnostics: readonly Diagnostic[] }
  | Exclude<Consolidation, { kind: 'ready' }>
  | (Extract<Consolidation, { kind: 'ready' }> & {
      readonly syncs: number;
      readonly skipped: readonly string[];
    });

/**
 * What a joint sheet says while implan rebuilds it, in A1 and in its fingerprint name, so a
 * rebuild that Excel stops half-way leaves a sheet that says what happened, and the next
 * Consolidate rebuilds it without asking (docs/decisions/0004-joint-sheets-rebuilt-in-place.md).
 */
export const REBUILDING =
  'Implan was rebuilding this sheet when Excel stopped it: click Consolidate again to finish.';

/**
 * Consolidate in the open workbook. Reads in one phase (three syncs, more only for reads past
 * the response budget; the joint sheets, where built before, as their special cells: see
 * joint-cells.ts), decides in the domain, then rebuilds the joint sheets in place with
 * calculation suspended (one sync per request budget of payload): each sheet keeps its identity, so references to it from users' own sheets
 * keep working, and nothing in the run clears Excel's undo stack. Where ExcelApi 1.20 is
 * present the whole run is one undo step.
 */
export async function consolidateLive(
  options: ConsolidateOptions = {},
): Promise<LiveConsolidation> {
  try {
    return await consolidateOnce(options);
  } catch (e) {
    // Excel would not list a joint sheet's special cells (too many areas, a host that claims
    // ExcelApi 1.9 and fails): the reads alone ran, so the run starts again reading them whole.
    if (e instanceof SpecialCellsRefused) {
      const capabilities = {
        ...(options.capabilities ?? detectCapabilities()),
        specialCells: false,
      };
      return await consolidateLive({ ...options, capabilities });
    }
    // Excel refused a request as too large (its limit varies by host): build again in requests
    // a quarter of the size; the sheets the failed run emptied say so, and are rebuilt.
    const code = (e as { code?: unknown } | null)?.code;
    const budget = options.budget ?? PAYLOAD_BUDGET;
    if (code !== 'RequestPayloadSizeLimitExceeded' || budget <= 50_000) throw e;
    return await consolidateLive({ ...options, budget: Math.floor(budget / 4) });
  }
}

/** A read of special cells that Excel refused: nothing was written. */
class SpecialCellsRefused extends Error {
  constructor(readonly refusal: unknown) {
    super(`Excel refused to list special cells: ${String(refusal)}`);
  }
}

/**
 * Hands the thread back to the pane between long stretches of work, so it repaints its
 * progress and stays responsive (Excel's own round trips do the same between requests).
 */
const yieldToPane = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/** The cells a plan's cell blocks write: what the progress of writing is counted in. */
function cellsIn(plan: WorkbookPlan): number {
  let cells = 0;
  for (const step of plan.steps)
    if (step.kind === 'addSheet')
      for (const item of step.sheet.items)
        if (item.kind === 'cells') cells += item.rows.length * (item.rows[0]?.length ?? 0);
  return cells;
}

const UPGRADE_IN_PANE = 'open the implan pane and click Upgrade';

async function consolidateOnce(options: ConsolidateOptions): Promise<LiveConsolidation> {
  const run = options.run ?? defaultRun;
  const caps = options.capabilities ?? detectCapabilities();
  const step = options.onStep ?? (() => undefined);
  // Where Excel can (ExcelApi 1.20), the whole Consolidate is one step of Excel's undo; nothing
  // in it clears the undo stack, since the joint sheets are rebuilt in place.
  const runOptions = caps.undoGroup ? { mergeUndoGroup: true } : undefined;
  return await run(async (context) => {
    const q = new WriteQueue(context, options.budget);
    const wb = context.workbook;
    step('Reading the project sheets');
    const loads = new Loads(context);
    const readState = queueStateRead(context, loads, caps);
    const names = wb.names;
    loads.add(() => names.load('items/name,items/formula'));
    await loads.sync();
    const state = readState();
    if (!hasPlan(state)) return { kind: 'unreadable', diagnostics: [NO_PLAN] };
    // The joint sheets read what the current template holds (Settings_ReviewDays...).
    const version = versionProblem(state.templateVersion, UPGRADE_IN_PANE);
    if (version) return { kind: 'unreadable', diagnostics: [version] };
    const readRaw = queueRawPlanRead(context, state, loads);
    const present = JOINT_SHEETS.filter((s) =>
      state.sheets.some((x) => x.toUpperCase() === s.toUpperCase()),
    );
    const special = caps.specialCells === true;
    const joint = present.map((name) => {
      // Its charts are deleted when it is rebuilt: counted in the same request.
      const charts = wb.worksheets.getItem(name).charts;
      loads.add(() => charts.load('items/name'));
      const cells = queueJointCellsRead(wb.worksheets.getItem(name), loads, special);
      return { name, charts, cells };
    });
    try {
      await loads.sync();
    } catch (e) {
      // Nothing is written yet: read again the long way (see consolidateLive).
      if (special && present.length > 0) throw new SpecialCellsRefused(e);
      throw e;
    }
    q.syncs = loads.syncs;
    step('Checking entries');
    await yieldToPane();
    // Defined names compare ignoring case, as Excel compares them.
    const stored = new Map(names.items.map((n) => [n.name.toUpperCase(), String(n.formula)]));
    const existing: ExistingJointSheet[] = joint.map((j) => {
      const cells = j.cells();
      // A sheet still saying it is being rebuilt was left so by a run Excel stopped half-way:
      // it holds implan's own half-written cells, to be finished without asking.
      const stamp = textConstant(stored.get(fingerprintName(j.name).toUpperCase()));
      const interrupted =
        stamp === REBUILDING || cells.some((c) => c.address === 'A1' && c.value === REBUILDING);
      // Merges a user made count as edits; before ExcelApi 1.13 they cannot be listed.
      const merges = mergesOn(state.structure, j.name);
      return {
        name: j.name,
        cells,
        merges,
        builtFingerprint: interrupted ? fingerprintOf(cells, merges) : stamp,
      };
    });
    const planner = options.planner ?? planHere;
    const planned = await planner(readRaw(), {
      builtAt: options.builtAt ?? builtAtText(new Date()),
      existing,
      replaceEdited: options.replaceEdited ?? false,
    });
    // Nothing is sent that protection would stop half-way (as readDecideWrite checks).
    const result = checkedConsolidation(planned, state);
    if (result.kind !== 'ready') return result;
    step('Building the joint schedule');
    step('Building the joint budget');
    step('Building the contingency plan');

    step('Writing the joint sheets');
    const total = Math.max(1, cellsIn(result.plan));
    q.afterSync = async () => {
      options.onProgress?.(Math.min(1, q.cellsQueued / total));
      await yieldToPane();
    };
    await yieldToPane();
    if (caps.suspendCalculation)
      q.beforeSync = () => context.application.suspendApiCalculationUntilNextSync();
    // The fingerprint says "rebuilding" from the first write request until the last, which
    // sets the new one (apply-plan writes constant names last).
    for (const name of joint.map((j) => fingerprintName(j.name)))
      if (stored.has(name.toUpperCase())) wb.names.getItem(name).formula = `="${REBUILDING}"`;
    const skipped = await queuePlan(q, result.plan, caps, {
      rebuild: joint.map((j) => j.name),
      rebuildNote: REBUILDING,
      existingNames: [...stored.keys()],
      charts: Object.fromEntries(joint.map((j) => [j.name, j.charts.items.length])),
    });
    await q.flush();
    return { ...result, syncs: q.syncs, skipped };
  }, runOptions);
}
