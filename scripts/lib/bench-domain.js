#!/usr/bin/env node
'use strict';
/**
 * `node scripts/lib/bench-domain.js N`: the bench's domain figures for a seeded plan of N
 * projects, in a process of their own, printed as JSON `{ validateMs, planMs }` (medians after
 * a warm-up). Why a child: in the bench's own process the heap also holds the other sizes'
 * plans, workbooks and fake hosts, and the collector's cost grew with all of it (the same code
 * read 320 ms there and 260 ms alone); the command line and the pane's worker each plan one
 * workbook in a process or worker of its own, as this does.
 */
const { performance } = require('node:perf_hooks');
const { benchPlanInput } = require('./bench-plans');
const { registerTs } = require('./ts-require');

const dist = (p) => require(`../../dist/node/domain/${p}`);
const { validatePlan } = dist('validation/validate');
const { planConsolidation } = dist('consolidation/consolidate');

/** Median milliseconds of `runs` calls after one warm-up. */
function median(runs, fn) {
  fn();
  const samples = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    fn();
    samples.push(performance.now() - t0);
  }
  return samples.sort((a, b) => a - b)[Math.floor(runs / 2)];
}

const n = Number(process.argv[2]);
registerTs();
// The raw cells a reader gives, as the domain's own tests build them.
const raw = require('../../test/domain/validation/raw-plan.ts').rawPlanOf(benchPlanInput(n));
const validateMs = median(9, () => validatePlan(raw));
let consolidation;
const planMs = median(n >= 200 ? 7 : 9, () => {
  // The last run's plan is let go first, as a caller that writes a plan and drops it would.
  consolidation = undefined;
  consolidation = planConsolidation(raw, { builtAt: 'bench', existing: [] });
});
if (consolidation.kind !== 'ready') throw new Error(`the seeded plan of ${n} did not consolidate`);
process.stdout.write(JSON.stringify({ validateMs, planMs }));
