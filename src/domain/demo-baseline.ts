import { baselinesSheetPlan, listRow, snapshotRows } from './baseline/sheet';
import { snapshotOfPlanFile, snapshotTotals } from './baseline/snapshot';
import { isoToSerial } from './dates';
import { demoPlan } from './demo';
import type { PlanStep, WorkbookPlan } from './plan/types';
import type { PlanFile } from './schema/plan-file';
import { newWorkbookPlan } from './template/workbook';

/** The baseline the demo plan was approved as, and compares with. */
export const DEMO_BASELINE = 'Approved 2025-01-31';

type Edit = (plan: PlanFile) => void;
const task =
  (code: string, id: string, start: string, end: string): Edit =>
  (plan) => {
    const t = plan.projects.find((p) => p.code === code)?.tasks.find((x) => x.id === id);
    if (t) Object.assign(t, { start, end });
  };

/**
 * The demo as approved: what moved since, so its Baseline Variance sheet has something to show.
 * Alpha's dry run ran a week late over Labour Day and pushed UAT; the portal's build slipped
 * over Easter; the Ørsted roll-out started a week early; one budget line grew, one shrank; a
 * risk was re-scored, one closed, one added.
 */
const APPROVED: readonly Edit[] = [
  task('ALPHA', 'A3', '2025-03-24', '2025-04-30'),
  task('ALPHA', 'A4', '2025-05-05', '2025-06-13'),
  task('PORTAL', 'P2', '2025-03-31', '2025-04-17'),
  task('ORSTED', 'F3', '2025-07-14', '2025-09-12'),
  (plan) => {
    const [alpha, orsted, portal] = ['ALPHA', 'ORSTED', 'PORTAL'].map((c) =>
      plan.projects.find((p) => p.code === c),
    );
    const contractors = orsted?.budget.find(
      (l) => l.category === 'Contractors' && l.period === '2025-09',
    );
    if (contractors) contractors.planned = 90000;
    const software = portal?.budget.find((l) => l.category === 'Software');
    if (software) software.planned = 15000;
    const r2 = alpha?.risks.find((r) => r.id === 'R2');
    if (r2) r2.probability = 2;
    const r4 = alpha?.risks.find((r) => r.id === 'R4');
    if (r4) r4.status = 'Open';
    if (portal) portal.risks = portal.risks.filter((r) => r.id !== 'PR3');
  },
];

export function demoApprovedPlan(): PlanFile {
  // A fresh copy each time: demoPlan() parses its constant anew.
  const plan = demoPlan();
  for (const edit of APPROVED) edit(plan);
  return plan;
}

/** `implan demo`'s workbook: the demo plan, its approved baseline saved and compared with. */
export function demoWorkbookPlan(): WorkbookPlan {
  const current = demoPlan();
  const plan = { ...current, settings: { ...current.settings, compareBaseline: DEMO_BASELINE } };
  const approved = snapshotOfPlanFile(demoApprovedPlan());
  const list = listRow(
    DEMO_BASELINE,
    isoToSerial('2025-01-31'),
    snapshotTotals(approved, plan.settings),
  );
  const baselines: PlanStep = {
    kind: 'addSheet',
    sheet: baselinesSheetPlan(list, snapshotRows(DEMO_BASELINE, approved), plan.settings),
  };
  const steps = newWorkbookPlan(plan).steps;
  // The Baselines sheet goes after the project sheets, before the names.
  return { steps: [...steps.slice(0, -1), baselines, ...steps.slice(-1)] };
}
