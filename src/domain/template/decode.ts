import type { Scalar } from '../plan/types';
import { serialToIso, serialToMonth } from '../dates';
import type { SettingsInput } from '../schema/settings';
import type { PlanFileInput } from '../schema/plan-file';
import { RiskStatus } from '../schema/project';
import { CARD_FIELDS } from './project-sheet';
import { REGISTRY_FIELDS, type RegistryEntry } from './registry-sheet';

/**
 * Turns cells read back from a workbook into plan-file input, the inverse of the template's
 * `toCell`s. It trusts the cells to be as implan wrote them (export of a clean plan); checking
 * cells typed by people is the validation engine's work.
 */

/** A table read back: header names and data rows of raw cell values. */
export interface TableRead {
  readonly columns: readonly string[];
  readonly rows: readonly (readonly Scalar[])[];
}

type Get = (column: string) => Scalar;

function rowsOf(table: TableRead | undefined): Get[] {
  if (!table) return [];
  return table.rows
    .filter((row) => row.some((v) => v !== null && v !== ''))
    .map((row) => (column: string) => row[table.columns.indexOf(column)] ?? null);
}

const text = (v: Scalar): string => (v === null ? '' : typeof v === 'string' ? v : String(v));
const num = (v: Scalar): number | null => (typeof v === 'number' ? v : null);
const date = (v: Scalar): string | null => (typeof v === 'number' ? serialToIso(v) : null);
const yes = (v: Scalar): boolean => v === true || text(v).trim().toLowerCase() === 'yes';

export function decodeRegistry(table: TableRead | undefined): RegistryEntry[] {
  return rowsOf(table).map((get) => ({
    code: text(get(REGISTRY_FIELDS.code)),
    name: text(get(REGISTRY_FIELDS.name)),
    sheet: text(get(REGISTRY_FIELDS.sheet)),
    manager: text(get(REGISTRY_FIELDS.manager)),
    included: yes(get(REGISTRY_FIELDS.included)),
  }));
}

/**
 * Settings as schema input from the card's cells and the Settings tables. A blank "Review every"
 * (or a version 1 workbook, which has none) takes the default; anything else not a number is
 * passed on for the schema to refuse. A blank "Compare with baseline" (or a workbook before
 * version 3) compares with none.
 */
export function decodeSettings(
  currency: Scalar,
  tables: ReadonlyMap<string, TableRead>,
  reviewDays: Scalar = null,
  baseline: Scalar = null,
): SettingsInput {
  const t = (name: string) => rowsOf(tables.get(name));
  const list = (name: string, column: string) => t(name).map((g) => text(g(column)));
  return {
    ratingBands: t('RatingBands').map((g) => ({
      name: text(g('Rating')),
      min: num(g('Min score')) ?? 0,
      max: num(g('Max score')) ?? 0,
    })),
    probability: t('ProbabilityScale').map((g) => ({
      level: num(g('Level')) ?? 0,
      percent: num(g('Percent')) ?? 0,
    })),
    budgetCategories: list('BudgetCategories', 'Category'),
    riskCategories: list('RiskCategories', 'Category'),
    taskStatuses: list('TaskStatuses', 'Status'),
    projectStatuses: list('ProjectStatuses', 'Status'),
    holidays: t('Holidays').map((g) => ({
      date: date(g('Date')) ?? text(g('Date')),
      name: text(g('Holiday')),
    })),
    currency: text(currency),
    ...(reviewDays === null || reviewDays === '' ? {} : { reviewEveryDays: reviewDays as number }),
    compareBaseline: text(baseline),
  };
}

export interface ProjectRead {
  readonly entry: RegistryEntry;
  /** Card values in CARD_FIELDS order. */
  readonly card: readonly Scalar[];
  readonly tasks?: TableRead;
  readonly budget?: TableRead;
  readonly risks?: TableRead;
}

export function decodeProject(p: ProjectRead): NonNullable<PlanFileInput['projects']>[number] {
  const card = (key: (typeof CARD_FIELDS)[number]['key']) =>
    p.card[CARD_FIELDS.findIndex((f) => f.key === key)] ?? null;
  const name = text(card('name')) || p.entry.name;
  return {
    name,
    code: p.entry.code,
    ...(p.entry.sheet !== name ? { sheet: p.entry.sheet } : {}),
    manager: text(card('manager')),
    objective: text(card('objective')),
    expectedResults: text(card('expectedResults')),
    start: date(card('start')),
    end: date(card('end')),
    budgetCeiling: num(card('budgetCeiling')),
    status: text(card('status')),
    lastReviewed: date(card('lastReviewed')),
    included: p.entry.included,
    tasks: rowsOf(p.tasks).map((g) => ({
      id: text(g('ID')),
      task: text(g('Task')),
      phase: text(g('Phase')),
      milestone: yes(g('Milestone')),
      responsible: text(g('Responsible')),
      resources: text(g('Resources')),
      start: date(g('Start')),
      end: date(g('End')),
      dependsOn: text(g('Depends on'))
        .split(/[,;]/)
        .map((s) => s.trim())
        .filter((s) => s !== ''),
      status: text(g('Status')),
      percentComplete: num(g('% complete')) ?? 0,
      deliverable: text(g('Deliverable')),
    })),
    budget: rowsOf(p.budget).map((g) => ({
      category: text(g('Category')),
      item: text(g('Item')),
      period: typeof g('Period') === 'number' ? serialToMonth(g('Period') as number) : null,
      planned: num(g('Planned')) ?? 0,
      actual: num(g('Actual')),
      fundingSource: text(g('Funding source')),
      forecastToComplete: num(g('Forecast to complete')),
    })),
    risks: rowsOf(p.risks).map((g) => ({
      id: text(g('ID')),
      risk: text(g('Risk')),
      category: text(g('Category')),
      probability: num(g('Probability')) ?? 0,
      impact: num(g('Impact')) ?? 0,
      trigger: text(g('Trigger')),
      mitigation: text(g('Mitigation')),
      contingency: text(g('Contingency action')),
      owner: text(g('Owner')),
      costImpact: num(g('Cost impact')) ?? 0,
      status:
        text(g('Status')) === RiskStatus.enum.Closed
          ? RiskStatus.enum.Closed
          : RiskStatus.enum.Open,
    })),
  };
}

/** The registry as add-project needs it: entries, table size, and where the next line goes. */
export function registryStateOf(table: TableRead): {
  entries: RegistryEntry[];
  bodyRows: number;
  nextRow: number;
  codes: string[];
} {
  let nextRow = 0;
  table.rows.forEach((row, i) => {
    if (row.some((v) => v !== null && v !== '')) nextRow = i + 1;
  });
  const code = table.columns.indexOf(REGISTRY_FIELDS.code);
  return {
    entries: decodeRegistry(table),
    bodyRows: table.rows.length,
    nextRow,
    codes: table.rows.map((r) => text(r[code] ?? null)),
  };
}
