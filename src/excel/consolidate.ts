import {
  builtAtText,
  type Consolidation,
  type ExistingJointSheet,
  fingerprintName,
  JOINT_SHEETS,
  planConsolidation,
  textConstant,
} from '../domain/consolidation/consolidate';
import type { SheetCell } from '../domain/consolidation/fingerprint';
import type { Diagnostic } from '../domain/diagnostics';
import { a1, parseRange } from '../domain/plan/a1';
import type { Scalar, WorkbookPlan } from '../domain/plan/types';
import { hasPlan } from '../domain/template/workbook';
import { PAYLOAD_BUDGET, WriteQueue, queuePlan } from './apply-plan';
import { defaultRun, detectCapabilities, type ExcelRun, type HostCapabilities } from './host';
import { NO_PLAN, queueRawPlanRead } from './read-plan';
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
  /** Bytes per write request; smaller after Excel refuses one as too large. */
  readonly budget?: number;
}

export type LiveConsolidation =
  | { readonly kind: 'unreadable'; readonly diagnostics: readonly Diagnostic[] }
  | Exclude<Consolidation, { kind: 'ready' }>
  | (Extract<Consolidation, { kind: 'ready' }> & {
      readonly syncs: number;
      readonly skipped: readonly string[];
    });

/** Where a joint sheet is built before it takes its real name. */
export const buildingName = (sheet: string): string => `~${sheet}`;

function cellsOf(range: Excel.Range): SheetCell[] {
  const origin = parseRange(range.address.split('!').pop() ?? 'A1').from;
  const formulas = range.formulas as unknown[][];
  const values = range.values as unknown[][];
  const out: SheetCell[] = [];
  formulas.forEach((row, r) =>
    row.forEach((f, c) => {
      const v = values[r]?.[c];
      if ((f === '' || f === null) && (v === '' || v === null)) return;
      const address = a1(origin.row + r, origin.col + c);
      // A constant reads the same as formula and value; a formula reads as its text.
      const formula = typeof f === 'string' && f.startsWith('=') && f !== v;
      out.push({
        address,
        formula,
        value: formula ? null : typeof v === 'object' ? null : (v as Scalar),
      });
    }),
  );
  return out;
}

function renamed(plan: WorkbookPlan): WorkbookPlan {
  return {
    steps: plan.steps.flatMap((s) =>
      s.kind === 'addSheet'
        ? [{ ...s, sheet: { ...s.sheet, name: buildingName(s.sheet.name) } }]
        : [],
    ),
  };
}

/**
 * Consolidate in the open workbook. Reads in one phase (two syncs), decides in the domain, then
 * builds the joint sheets under temporary names with calculation suspended and swaps them in
 * (two syncs more, plus one per 4 MB of payload), so a failure half-way leaves the previous
 * joint sheets as they were.
 */
export async function consolidateLive(
  options: ConsolidateOptions = {},
): Promise<LiveConsolidation> {
  try {
    return await consolidateOnce(options);
  } catch (e) {
    // Excel refused a request as too large (its limit varies by host): the failed build left
    // nothing behind, so build again in requests a quarter of the size.
    const code = (e as { code?: unknown } | null)?.code;
    const budget = options.budget ?? PAYLOAD_BUDGET;
    if (code !== 'RequestPayloadSizeLimitExceeded' || budget <= 50_000) throw e;
    return await consolidateLive({ ...options, budget: Math.floor(budget / 4) });
  }
}

async function consolidateOnce(options: ConsolidateOptions): Promise<LiveConsolidation> {
  const run = options.run ?? defaultRun;
  const caps = options.capabilities ?? detectCapabilities();
  const step = options.onStep ?? (() => undefined);
  return await run(async (context) => {
    const q = new WriteQueue(context, options.budget);
    const wb = context.workbook;
    step('Reading the project sheets');
    const readState = queueStateRead(context);
    const names = wb.names.load('items/name,items/formula');
    await q.flush();
    const state = readState();
    if (!hasPlan(state)) return { kind: 'unreadable', diagnostics: [NO_PLAN] };
    const readRaw = queueRawPlanRead(context, state);
    const present = JOINT_SHEETS.filter((s) => state.sheets.includes(s));
    const joint = present.map((name) => {
      const sheet = wb.worksheets.getItem(name);
      sheet.load('position');
      const used = sheet.getUsedRangeOrNullObject();
      used.load(['address', 'formulas', 'values']);
      return { name, sheet, used };
    });
    await q.flush();
    step('Checking entries');
    const stored = new Map(names.items.map((n) => [n.name, String(n.formula)]));
    const existing: ExistingJointSheet[] = joint.map((j) => ({
      name: j.name,
      cells: j.used.isNullObject ? [] : cellsOf(j.used),
      builtFingerprint: textConstant(stored.get(fingerprintName(j.name))),
    }));
    const result = planConsolidation(readRaw(), {
      builtAt: options.builtAt ?? builtAtText(new Date()),
      existing,
      replaceEdited: options.replaceEdited ?? false,
    });
    if (result.kind !== 'ready') return result;
    step('Building the joint schedule');
    step('Building the joint budget');
    step('Building the contingency plan');

    step('Writing the joint sheets');
    if (caps.suspendCalculation)
      q.beforeSync = () => context.application.suspendApiCalculationUntilNextSync();
    for (const name of JOINT_SHEETS)
      if (state.sheets.includes(buildingName(name)))
        wb.worksheets.getItem(buildingName(name)).delete();
    let skipped: string[];
    try {
      skipped = await queuePlan(q, renamed(result.plan), caps);
      await q.flush();
    } catch (e) {
      // Leave no half-built sheet behind; the previous joint sheets were never touched.
      const leftovers = JOINT_SHEETS.map((n) => wb.worksheets.getItemOrNullObject(buildingName(n)));
      await context.sync();
      for (const l of leftovers) if (!l.isNullObject) l.delete();
      await context.sync();
      throw e;
    }
    for (const j of joint) j.sheet.delete();
    for (const name of JOINT_SHEETS) {
      const sheet = wb.worksheets.getItem(buildingName(name));
      sheet.name = name;
      const old = joint.find((j) => j.name === name);
      if (old) sheet.position = old.sheet.position;
    }
    for (const n of result.names) if (stored.has(n.name)) wb.names.getItem(n.name).delete();
    for (const n of result.names) wb.names.add(n.name, `=${n.refersTo}`, n.comment);
    await q.flush();
    return { ...result, syncs: q.syncs, skipped };
  });
}
