#!/usr/bin/env node
'use strict';
/**
 * `npm run bench`: a benchmark, not a test. For seeded plans of 10, 50 and 200 projects (400
 * with --full), each project 100 tasks, 40 budget lines and 30 risks, it prints one table:
 *   - the domain: validation and consolidation plan (median of several runs, in a process of
 *     their own: scripts/lib/bench-domain.js);
 *   - live consolidation against the fake Excel host: syncs, requests, largest request and
 *     response in bytes (measured as test/excel/fake-excel.ts documents);
 *   - the command line's `import`, `validate` and `consolidate`, CPU (user + system) and wall
 *     seconds and peak memory, each in a child under /usr/bin/time (the least time and the
 *     largest peak of 3 runs), next to two floors measured the same way in the same run and
 *     interleaved with it (exceljs alone reading the input and writing the
 *     same output cells; jszip unzipping and rezipping the package), and the ratios;
 *   - LibreOffice's milliseconds to recalculate the consolidated workbook (a full recalculation
 *     after loading it without one: scripts/lib/libreoffice-recalc.js) against the workbook
 *     before consolidating, and its seconds to load each, which is not a target: at 200
 *     projects LibreOffice's import of the project sheets' tables is most of it;
 * and then every target of issue 14, met or not.
 * Options: --full (adds 400 projects: about 10 more minutes), --sizes=10,50 (exactly these),
 * --no-libreoffice, --runs=N (runs of each command and floor, 3 by default). Run through npm (`npm run bench`), which builds the CLI first.
 */
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { performance } = require('node:perf_hooks');
const { benchPlanInput } = require('./lib/bench-plans');
const { registerTs } = require('./lib/ts-require');

const ROOT = path.join(__dirname, '..');
const dist = (p) => require(`../dist/node/domain/${p}`);
const { PlanFile } = dist('schema/plan-file');
const { planConsolidation } = dist('consolidation/consolidate');
/** The read side's response budget (src/excel/loads.ts), against which reads are chunked. */
const RESPONSE_BUDGET = 2.4e6;

const args = process.argv.slice(2);
const sizesArg = args.find((a) => a.startsWith('--sizes='));
const SIZES = sizesArg
  ? sizesArg.slice(8).split(',').map(Number)
  : args.includes('--full')
    ? [10, 50, 200, 400]
    : [10, 50, 200];
const LIBREOFFICE = !args.includes('--no-libreoffice');
const runsArg = args.find((a) => a.startsWith('--runs='));
/** Interleaved runs of each command and floor: one run alone is at the mercy of the machine. */
const RUNS = runsArg ? Math.max(1, Number(runsArg.slice(7))) : 3;

/** The domain's validation and plan medians, in a child of their own (scripts/lib/bench-domain.js). */
function domainFigures(n) {
  const r = spawnSync(process.execPath, ['scripts/lib/bench-domain.js', String(n)], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  if (r.status !== 0) throw new Error(`the domain bench at ${n} projects failed: ${r.stderr}`);
  return JSON.parse(r.stdout);
}

/** Runs `node ...argv` in a child under /usr/bin/time: wall and CPU seconds, peak MB. */
function timed(argv) {
  const out = path.join(os.tmpdir(), `implan-bench-time-${process.pid}.txt`);
  const r = spawnSync(
    '/usr/bin/time',
    ['-f', '%e %U %S %M', '-o', out, process.execPath, ...argv],
    {
      cwd: ROOT,
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    },
  );
  const [wall, user, sys, kb] = fs
    .readFileSync(out, 'utf8')
    .trim()
    .split(/\s+/)
    .slice(-4)
    .map(Number);
  fs.rmSync(out, { force: true });
  return { wall, cpu: user + sys, mb: kb / 1024, status: r.status, stderr: r.stderr };
}

/**
 * The best of two runs of one command: the least wall and CPU time (what the machine's other
 * work did not add), the largest peak memory (the command's own), the failure if either failed.
 */
function best(a, b) {
  if (!a) return b;
  const failed = a.status !== 0 ? a : b;
  return {
    wall: Math.min(a.wall, b.wall),
    cpu: Math.min(a.cpu, b.cpu),
    mb: Math.max(a.mb, b.mb),
    status: failed.status,
    stderr: failed.stderr,
  };
}

/** The joint sheets' cells as the exceljs floor writes them. */
function jointCells(consolidation) {
  const { parseCell } = dist('plan/a1');
  return consolidation.sheets.map((s) => ({
    name: s.name,
    blocks: s.items
      .filter((i) => i.kind === 'cells')
      .map((i) => ({ ...parseCell(i.at), rows: i.rows })),
  }));
}

/**
 * A runner whose every sync waits for a macrotask, as a round trip to Excel does, and which
 * records the longest stretch the batch kept the thread between two of its yields: a sync, or
 * a turn of the event loop it asks for with setTimeout (where a browser repaints the pane and
 * answers a click), before the first and after the last.
 */
function timedRun(fake) {
  const clock = { longest: 0, since: 0 };
  const mark = () => {
    clock.longest = Math.max(clock.longest, performance.now() - clock.since);
  };
  const realSetTimeout = globalThis.setTimeout;
  const yielding = (fn, ms, ...args) => {
    mark();
    return realSetTimeout(() => {
      clock.since = performance.now();
      fn(...args);
    }, ms);
  };
  const run = (batch, options) =>
    fake.run(async (context) => {
      const timed = new Proxy(context, {
        get: (target, prop) =>
          prop === 'sync'
            ? async () => {
                mark();
                try {
                  await target.sync();
                } finally {
                  await new Promise((resolve) => setImmediate(resolve));
                  clock.since = performance.now();
                }
              }
            : Reflect.get(target, prop),
      });
      clock.since = performance.now();
      globalThis.setTimeout = yielding;
      try {
        return await batch(timed);
      } finally {
        globalThis.setTimeout = realSetTimeout;
        mark();
      }
    }, options);
  return { run, clock };
}

async function liveFigures(plan) {
  registerTs();
  const { createFakeExcel } = require('../test/excel/fake-excel.ts');
  const { applyPlan } = require('../src/excel/apply-plan.ts');
  const { consolidateLive } = require('../src/excel/consolidate.ts');
  const { newWorkbookPlan } = dist('template/workbook');
  const capabilities = {
    dataValidation: true,
    pageLayout: true,
    suspendCalculation: true,
    tableResize: true,
    specialCells: true,
  };
  const fake = createFakeExcel();
  await applyPlan(newWorkbookPlan(plan), { run: fake.run, capabilities });
  const figures = {};
  // Twice: the first run builds the joint sheets, the second also reads them back.
  for (const key of ['first', 'again']) {
    fake.syncCount = 0;
    fake.requestBytes.length = 0;
    fake.responseBytes.length = 0;
    const { run, clock } = timedRun(fake);
    let readSyncs = 0;
    const progress = [];
    const r = await consolidateLive({
      run,
      capabilities,
      builtAt: 'bench',
      onStep: (s) => {
        if (s === 'Writing the joint sheets') readSyncs = fake.syncCount;
      },
      onProgress: (p) => progress.push(p),
    });
    if (r.kind !== 'ready') throw new Error(`live consolidation: ${r.kind}`);
    figures[key] = {
      syncs: fake.syncCount,
      readSyncs,
      writeSyncs: fake.syncCount - readSyncs,
      readBytes: fake.responseBytes.slice(0, readSyncs).reduce((a, b) => a + b, 0),
      requests: fake.requestBytes.length,
      maxRequest: Math.max(0, ...fake.requestBytes),
      maxResponse: Math.max(0, ...fake.responseBytes),
      blockMs: clock.longest,
      progressSteps: new Set(progress).size,
    };
  }
  return { ...figures.first, again: figures.again };
}

const f1 = (x) => (Number.isFinite(x) ? x.toFixed(1) : 'n/a');
const f2 = (x) => (Number.isFinite(x) ? x.toFixed(2) : 'n/a');
const mb = (b) => (Number.isFinite(b) ? (b / 1e6).toFixed(2) : 'n/a');

async function measure(n, dir) {
  console.error(`bench: ${n} projects...`);
  const plan = PlanFile.parse(benchPlanInput(n));
  const row = { n, ...domainFigures(n) };
  registerTs();
  // The raw cells a reader gives, as the domain's own tests build them.
  const raw = require('../test/domain/validation/raw-plan.ts').rawPlanOf(benchPlanInput(n));
  const consolidation = planConsolidation(raw, { builtAt: 'bench', existing: [] });
  const json = path.join(dir, `plan-${n}.json`);
  const book = path.join(dir, `book-${n}.xlsx`);
  const out = path.join(dir, `consolidated-${n}.xlsx`);
  const cells = path.join(dir, `cells-${n}.json`);
  fs.writeFileSync(json, JSON.stringify(plan));
  fs.writeFileSync(cells, JSON.stringify(jointCells(consolidation)));
  const cli = (...a) => ['bin/implan.js', ...a];
  const floors = 'scripts/lib/bench-floors.js';
  // Interleaved: the floors between the commands they are compared with, RUNS times over.
  for (let run = 0; run < RUNS; run++) {
    // Neither command replaces a file it did not make in this run (nothing else writes here).
    fs.rmSync(book, { force: true });
    row.import = best(row.import, timed(cli('import', json, '-o', book)));
    row.zip = best(row.zip, timed([floors, 'zip', book]));
    row.validate = best(row.validate, timed(cli('validate', book)));
    row.exceljs = best(row.exceljs, timed([floors, 'exceljs', book, cells]));
    fs.rmSync(out, { force: true });
    row.consolidate = best(row.consolidate, timed(cli('consolidate', book, '-o', out)));
    row.importFloor = best(
      row.importFloor,
      timed([floors, 'exceljs', book, path.join(dir, 'none.json')]),
    );
  }
  for (const k of ['import', 'validate', 'consolidate', 'zip', 'exceljs', 'importFloor'])
    if (row[k].status !== 0 && !(k === 'validate' && row[k].status === 1))
      throw new Error(`${k} at ${n} projects failed: ${row[k].stderr}`);
  row.live = await liveFigures(plan);
  if (LIBREOFFICE) {
    const { recalcTimed } = require('./lib/libreoffice-recalc');
    const timeout = { timeoutMs: 30 * 60 * 1000 };
    row.loBefore = await recalcTimed(fs.readFileSync(book), timeout);
    row.loAfter = await recalcTimed(fs.readFileSync(out), timeout);
  }
  return row;
}

function table(rows) {
  const cols = [
    ['projects', (r) => String(r.n)],
    ['validate domain ms', (r) => f1(r.validateMs)],
    ['plan domain ms', (r) => f1(r.planMs)],
    [
      'live syncs read+write (again)',
      (r) =>
        `${r.live.readSyncs}+${r.live.writeSyncs} (${r.live.again.readSyncs}+${r.live.again.writeSyncs})`,
    ],
    ['max request MB', (r) => mb(r.live.maxRequest)],
    [
      'max response MB (again)',
      (r) => `${mb(r.live.maxResponse)} (${mb(r.live.again.maxResponse)})`,
    ],
    [
      'pane blocked max ms, domain in thread (again)',
      (r) => `${r.live.blockMs.toFixed(0)} (${r.live.again.blockMs.toFixed(0)})`,
    ],
    ['import cpu/wall s', (r) => `${f1(r.import.cpu)}/${f1(r.import.wall)}`],
    ['import MB', (r) => r.import.mb.toFixed(0)],
    ['exceljs rw floor s', (r) => f1(r.importFloor.cpu)],
    ['validate cpu/wall s', (r) => `${f1(r.validate.cpu)}/${f1(r.validate.wall)}`],
    ['validate MB', (r) => r.validate.mb.toFixed(0)],
    ['zip floor s', (r) => f1(r.zip.cpu)],
    ['validate/zip', (r) => f2(r.validate.cpu / r.zip.cpu)],
    ['consolidate cpu/wall s', (r) => `${f1(r.consolidate.cpu)}/${f1(r.consolidate.wall)}`],
    ['consolidate MB', (r) => r.consolidate.mb.toFixed(0)],
    ['exceljs floor s', (r) => f1(r.exceljs.cpu)],
    ['consolidate/exceljs', (r) => f2(r.consolidate.cpu / r.exceljs.cpu)],
    ['consolidate/zip', (r) => f2(r.consolidate.cpu / r.zip.cpu)],
    [
      'LO recalc ms after (before)',
      (r) =>
        LIBREOFFICE
          ? `${r.loAfter.recalcMs.toFixed(0)} (${r.loBefore.recalcMs.toFixed(0)})`
          : 'skipped',
    ],
    [
      'LO recalc after/before',
      (r) => (LIBREOFFICE ? f2(r.loAfter.recalcMs / r.loBefore.recalcMs) : 'skipped'),
    ],
    [
      'LO load s after (before), not a target',
      (r) =>
        LIBREOFFICE
          ? `${f1(r.loAfter.loadMs / 1000)} (${f1(r.loBefore.loadMs / 1000)})`
          : 'skipped',
    ],
  ];
  console.log(`| ${cols.map((c) => c[0]).join(' | ')} |`);
  console.log(`|${cols.map(() => '---').join('|')}|`);
  for (const r of rows) console.log(`| ${cols.map((c) => c[1](r)).join(' | ')} |`);
}

function targets(rows) {
  const at = (n) => rows.find((r) => r.n === n);
  const out = [];
  const check = (name, ok, detail) =>
    out.push(
      `${ok === null ? 'NOT MEASURED' : ok ? 'met    ' : 'NOT MET'}  ${name}${detail ? `: ${detail}` : ''}`,
    );
  const all = (f) => rows.every(f);
  check(
    'consolidate <= 1.5x the exceljs floor at every size',
    all((r) => r.consolidate.cpu <= 1.5 * r.exceljs.cpu),
    rows.map((r) => `${r.n}: ${f2(r.consolidate.cpu / r.exceljs.cpu)}x`).join(', '),
  );
  const r200 = at(200);
  check(
    'consolidate <= 3x the unzip/rezip floor at 200 projects',
    r200 ? r200.consolidate.cpu <= 3 * r200.zip.cpu : null,
    r200 && `${f2(r200.consolidate.cpu / r200.zip.cpu)}x`,
  );
  check(
    'validate <= 2x the unzip/rezip floor',
    all((r) => r.validate.cpu <= 2 * r.zip.cpu),
    rows.map((r) => `${r.n}: ${f2(r.validate.cpu / r.zip.cpu)}x`).join(', '),
  );
  const r400 = at(400);
  if (r200 && r400) {
    const growth = [
      ['validate domain', (r) => r.validateMs],
      ['plan domain', (r) => r.planMs],
      ['import cpu', (r) => r.import.cpu],
      ['validate cpu', (r) => r.validate.cpu],
      ['consolidate cpu', (r) => r.consolidate.cpu],
      ['peak MB consolidate', (r) => r.consolidate.mb],
      ...(LIBREOFFICE ? [['LibreOffice recalc after', (r) => r.loAfter.recalcMs]] : []),
    ].map(([name, f]) => [name, f(r400) / f(r200)]);
    check(
      'from 200 to 400 projects every figure grows at most 2.2x',
      growth.every(([, g]) => g <= 2.2),
      growth.map(([name, g]) => `${name} ${f2(g)}x`).join(', '),
    );
  } else check('from 200 to 400 projects every figure grows at most 2.2x', null, 'run with --full');
  check(
    'domain plan for 200 projects < 250 ms',
    r200 ? r200.planMs < 250 : null,
    r200 && `${f1(r200.planMs)} ms`,
  );
  check(
    'domain validation for 200 projects < 100 ms',
    r200 ? r200.validateMs < 100 : null,
    r200 && `${f1(r200.validateMs)} ms`,
  );
  check(
    'LibreOffice recalculation of the consolidated workbook <= 3x before consolidating',
    LIBREOFFICE ? all((r) => r.loAfter.recalcMs <= 3 * r.loBefore.recalcMs) : null,
    LIBREOFFICE &&
      rows.map((r) => `${r.n}: ${f2(r.loAfter.recalcMs / r.loBefore.recalcMs)}x`).join(', '),
  );
  check(
    'peak memory of the command line at 400 projects < 1.5 GB',
    r400 ? Math.max(r400.import.mb, r400.validate.mb, r400.consolidate.mb) < 1536 : null,
    r400
      ? `${Math.max(r400.import.mb, r400.validate.mb, r400.consolidate.mb).toFixed(0)} MB`
      : 'run with --full',
  );
  // Reads take three syncs (the state; the cards and the tables' addresses; their values), one
  // more per response budget the values pass; every write request is a chunk.
  const runs = rows.flatMap((r) => [r.live, r.live.again]);
  const extraReads = (l) => Math.max(0, Math.ceil(l.readBytes / RESPONSE_BUDGET) - 1);
  const fits = runs.filter((l) => extraReads(l) === 0);
  check(
    'live: syncs at most 3 plus the write chunks (and the read chunks past one response), the same at every size where the reads fit',
    runs.every((l) => l.readSyncs <= 3 + extraReads(l)) &&
      new Set(fits.map((l) => l.readSyncs)).size <= 1,
    rows
      .map(
        (r) =>
          `${r.n}: ${r.live.readSyncs} read + ${r.live.writeSyncs} write syncs, again ${r.live.again.readSyncs} + ${r.live.again.writeSyncs}`,
      )
      .join('; '),
  );
  check(
    'live: every request and response <= 2.5 MB',
    runs.every((l) => l.maxRequest <= 2.5e6 && l.maxResponse <= 2.5e6),
    rows
      .map(
        (r) =>
          `${r.n}: ${mb(Math.max(r.live.maxRequest, r.live.again.maxRequest))}/${mb(Math.max(r.live.maxResponse, r.live.again.maxResponse))} MB`,
      )
      .join(', '),
  );
  check(
    'live, domain in the pane thread (the fallback where no Web Worker runs; with the worker: bench-pane below): never blocks more than 1 s, and the progress bar moves while writing',
    runs.every((l) => l.blockMs <= 1000 && l.progressSteps >= Math.min(l.writeSyncs, 2)),
    rows
      .map(
        (r) =>
          `${r.n}: ${Math.max(r.live.blockMs, r.live.again.blockMs).toFixed(0)} ms, ${r.live.progressSteps} progress steps`,
      )
      .join('; '),
  );
  console.log('\nTargets (issue 14):');
  for (const line of out) console.log(`  ${line}`);
}

(async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'implan-bench-'));
  fs.writeFileSync(path.join(dir, 'none.json'), '[]');
  try {
    const rows = [];
    for (const n of SIZES) rows.push(await measure(n, dir));
    console.log(
      `\nimplan bench: projects of 100 tasks, 40 budget lines, 30 risks; ${os.cpus().length} cores, load average ${os.loadavg()[0].toFixed(1)}; CPU seconds are user + system of the child${SIZES.includes(400) ? '' : '; 400 projects only with --full (about 10 minutes more)'}\n`,
    );
    table(rows);
    targets(rows);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
})().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
