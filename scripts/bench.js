#!/usr/bin/env node
'use strict';
/**
 * `npm run bench`: timings of the domain on a large plan, printed, not asserted.
 *   validate and plan consolidation: 200 projects x (100 tasks, 40 budget lines, 30 risks);
 *   consolidate a 30-project workbook file end to end.
 * Run after `npm run build:cli` (the script does it through npm).
 */
const { performance } = require('node:perf_hooks');
const dist = (p) => require(`../dist/node/domain/${p}`);
const { PlanFile } = dist('schema/plan-file');
const { TASK_COLUMNS, BUDGET_COLUMNS, RISK_COLUMNS } = dist('template/columns');
const { CARD_FIELDS, PROJECT_LAYOUT } = dist('template/project-sheet');
const { tablesOf, sheetOf } = dist('template/project-identity');
const { registryEntryOf } = dist('template/workbook');
const { isoToSerial } = dist('dates');
const { validatePlan } = dist('validation/validate');

const day = (n) => new Date(Date.UTC(2025, 0, 6) + n * 86400000).toISOString().slice(0, 10);
function project(i) {
  return {
    name: `Project ${i}`,
    code: `P${i}`,
    start: '2025-01-01',
    end: '2027-12-31',
    budgetCeiling: 10_000_000,
    tasks: Array.from({ length: 100 }, (_, t) => ({
      id: `T${t}`,
      task: `Task ${t}`,
      responsible: 'Owner',
      start: day(t * 7),
      end: day(t * 7 + 5),
      dependsOn: t > 0 ? [`T${t - 1}`] : [],
      status: 'In progress',
      percentComplete: 0.5,
    })),
    budget: Array.from({ length: 40 }, (_, b) => ({
      category: 'Personnel',
      item: `Line ${b}`,
      period: '2025-03',
      planned: 1000 + b,
      actual: 900 + b,
    })),
    risks: Array.from({ length: 30 }, (_, r) => ({
      id: `R${r}`,
      risk: `Risk ${r}`,
      probability: (r % 5) + 1,
      impact: ((r + 2) % 5) + 1,
      owner: 'Owner',
      mitigation: 'Act',
      costImpact: 1000,
    })),
  };
}

function rawPlan(plan) {
  const table = (name, sheet, left, columns, entities) => ({
    name,
    sheet,
    headerRow: PROJECT_LAYOUT.headerRow,
    left,
    columns: columns.map((c) => c.name),
    rows: entities.map((e) => columns.map((c) => (c.toCell ? c.toCell(e) : null))),
  });
  return {
    settings: plan.settings,
    projects: plan.projects.map((p, i) => ({
      entry: registryEntryOf(p),
      registryRow: i,
      sheetExists: true,
      card: CARD_FIELDS.map(({ key }) =>
        ['start', 'end', 'lastReviewed'].includes(key) && p[key]
          ? isoToSerial(p[key])
          : (p[key] ?? null),
      ),
      tasks: table(
        tablesOf(p.code).tasks,
        sheetOf(p),
        PROJECT_LAYOUT.tasksColumn,
        TASK_COLUMNS,
        p.tasks,
      ),
      budget: table(
        tablesOf(p.code).budget,
        sheetOf(p),
        PROJECT_LAYOUT.budgetColumn,
        BUDGET_COLUMNS,
        p.budget,
      ),
      risks: table(
        tablesOf(p.code).risks,
        sheetOf(p),
        PROJECT_LAYOUT.risksColumn,
        RISK_COLUMNS,
        p.risks,
      ),
    })),
  };
}

function time(label, runs, fn) {
  fn(); // warm-up
  const samples = [];
  let result;
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    result = fn();
    samples.push(performance.now() - t0);
  }
  samples.sort((a, b) => a - b);
  const median = samples[Math.floor(samples.length / 2)];
  console.log(
    `${label}: median ${median.toFixed(1)} ms, best ${samples[0].toFixed(1)} ms over ${runs} runs`,
  );
  return result;
}

const plan = PlanFile.parse({ projects: Array.from({ length: 200 }, (_, i) => project(i + 1)) });
const raw = rawPlan(plan);
const cells = raw.projects.reduce(
  (n, p) =>
    n + [p.tasks, p.budget, p.risks].reduce((m, t) => m + t.rows.length * t.columns.length, 0),
  0,
);
console.log(
  `plan: 200 projects x (100 tasks, 40 budget lines, 30 risks) = ${cells.toLocaleString('en-US')} cells`,
);
const diagnostics = time('validate (domain)', 15, () => validatePlan(raw));
console.log(`diagnostics found: ${diagnostics.length}`);

// Consolidation: the joint sheets' plan for the same 200 projects, and its size on the wire.
const { planConsolidation } = dist('consolidation/consolidate');
const consolidation = time('plan consolidation (domain, 200 projects)', 5, () =>
  planConsolidation(raw, { builtAt: 'bench', existing: [] }),
);
const jointCells = consolidation.sheets.reduce(
  (n, s) =>
    n +
    s.items.reduce((m, i) => m + (i.kind === 'cells' ? i.rows.length * i.rows[0].length : 0), 0),
  0,
);
const payload = JSON.stringify(consolidation.plan).length;
console.log(
  `joint sheets: ${consolidation.counts.tasks.toLocaleString('en-US')} schedule rows, ${consolidation.counts.risks.toLocaleString('en-US')} register rows, ${jointCells.toLocaleString('en-US')} cells; plan ${(payload / 1e6).toFixed(1)} MB, so about ${Math.ceil(payload / 4e6)} Office.js write request(s) of at most 4 MB`,
);

// The same on a file: 30 projects built by the file writer, then `consolidate` end to end.
(async () => {
  const { newWorkbookPlan } = dist('template/workbook');
  const { newWorkbook, consolidateWorkbook } = require('../dist/node/xlsx/workbook-file');
  const small = PlanFile.parse({ projects: Array.from({ length: 30 }, (_, i) => project(i + 1)) });
  const bytes = await newWorkbook(newWorkbookPlan(small));
  const samples = [];
  let out;
  for (let i = 0; i < 3; i++) {
    const t0 = performance.now();
    out = await consolidateWorkbook(bytes, { builtAt: 'bench' });
    samples.push(performance.now() - t0);
  }
  samples.sort((a, b) => a - b);
  console.log(
    `consolidate a file (30 projects, ${(bytes.length / 1e6).toFixed(1)} MB in, ${(out.bytes.length / 1e6).toFixed(1)} MB out): median ${samples[1].toFixed(0)} ms over 3 runs`,
  );
})();
