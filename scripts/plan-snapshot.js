#!/usr/bin/env node
'use strict';
/**
 * `node scripts/plan-snapshot.js DIR`: writes the serialised `planConsolidation` output of the
 * demo and of the bench's seeded plans of 0, 1, 3, 30, 100 and 400 projects to DIR, one JSON
 * file each, so a change meant to keep the joint sheets the same can be proved byte-identical
 * (`cmp -s` or `diff -r` of two such folders, before and after). Needs `npm run build:cli`.
 */
const fs = require('node:fs');
const path = require('node:path');
const { benchPlanInput } = require('./lib/bench-plans');
const { registerTs } = require('./lib/ts-require');

const dist = (p) => require(`../dist/node/domain/${p}`);
const { DEMO_PLAN } = dist('demo');
const { planConsolidation } = dist('consolidation/consolidate');
registerTs();
// The raw cells a reader gives, as the domain's own tests build them.
const { rawPlanOf } = require('../test/domain/validation/raw-plan.ts');

const dir = process.argv[2];
if (!dir) {
  console.error('usage: node scripts/plan-snapshot.js DIR');
  process.exit(2);
}
fs.mkdirSync(dir, { recursive: true });
const plans = [
  ['demo', DEMO_PLAN],
  ...[0, 1, 3, 30, 100, 400].map((n) => [`seeded-${n}`, benchPlanInput(n)]),
];
for (const [name, input] of plans) {
  const out = planConsolidation(rawPlanOf(input), { builtAt: 'snapshot', existing: [] });
  fs.writeFileSync(path.join(dir, `${name}.json`), JSON.stringify(out, null, 1));
  console.log(`${name}: ${out.kind}`);
}
