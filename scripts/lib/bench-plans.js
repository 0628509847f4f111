'use strict';
/**
 * Seeded plans for `npm run bench`: `n` projects, each with 100 tasks, 40 budget lines and 30
 * risks whose scores, statuses and categories vary with the project and row number (the same
 * plan on every run, so figures compare across runs and branches).
 */

const day = (n) => new Date(Date.UTC(2025, 0, 6) + n * 86400000).toISOString().slice(0, 10);
const CATEGORIES = ['Personnel', 'Software', 'Hardware', 'Services', 'Travel'];

/** One project of the bench's size; `i` seeds its names and figures. */
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
      start: day(t * 7 + (i % 5)),
      end: day(t * 7 + 5 + (i % 5)),
      dependsOn: t > 0 ? [`T${t - 1}`] : [],
      status: 'In progress',
      percentComplete: 0.5,
    })),
    budget: Array.from({ length: 40 }, (_, b) => ({
      category: CATEGORIES[(i + b) % CATEGORIES.length],
      item: `Line ${b}`,
      period: `2025-${String((b % 12) + 1).padStart(2, '0')}`,
      planned: 1000 + b,
      actual: 900 + b,
    })),
    risks: Array.from({ length: 30 }, (_, r) => ({
      id: `R${r}`,
      risk: `Risk ${r}`,
      probability: ((i + r) % 5) + 1,
      impact: ((i * 3 + r * 2) % 5) + 1,
      owner: 'Owner',
      mitigation: 'Act',
      costImpact: 1000 + r,
      status: (i + r) % 4 === 0 ? 'Closed' : 'Open',
    })),
  };
}

/** Plan file input of `n` bench projects. */
function benchPlanInput(n) {
  return { projects: Array.from({ length: n }, (_, i) => project(i + 1)) };
}

module.exports = { benchPlanInput, project };
