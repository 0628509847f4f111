import type { Settings, SettingsInput } from '../domain/schema/settings';
import { UserError } from './io';

/**
 * The plan's settings as `implan settings` prints them and `--set KEY=VALUE` takes them: one
 * line per setting, lists separated by ";", so a printed line can be edited and given back.
 */

type Key = keyof Settings;

interface SettingText {
  readonly key: Key;
  /** What a value looks like, for the sentence that refuses a malformed one. */
  readonly form: string;
  readonly print: (s: Settings) => string[];
  /** Schema input from the value's items; undefined for an item that has not that form. */
  readonly parse: (items: string[]) => unknown;
}

const list = (key: Key, example: string): SettingText => ({
  key,
  form: `names separated by ";" (e.g. "${example}")`,
  print: (s) => s[key] as string[],
  parse: (items) => items,
});

const SETTINGS: Readonly<Record<string, SettingText>> = {
  currency: {
    key: 'currency',
    form: 'a three-letter ISO code (e.g. "EUR")',
    print: (s) => [s.currency],
    parse: (items) => (items.length === 1 ? items[0] : undefined),
  },
  'review-days': {
    key: 'reviewEveryDays',
    form: 'a whole number of days from 1 to 366 (e.g. "30")',
    print: (s) => [String(s.reviewEveryDays)],
    parse: (items) =>
      items.length === 1 && /^\d+$/.test(items[0] ?? '') ? Number(items[0]) : undefined,
  },
  baseline: {
    key: 'compareBaseline',
    form: 'the name of a saved baseline, or nothing to compare with none',
    print: (s) => (s.compareBaseline ? [s.compareBaseline] : []),
    parse: (items) => (items.length <= 1 ? (items[0] ?? '') : undefined),
  },
  'rating-bands': {
    key: 'ratingBands',
    form: 'bands NAME MIN-MAX separated by ";" (e.g. "Low 1-9; High 10-25")',
    print: (s) => s.ratingBands.map((b) => `${b.name} ${b.min}-${b.max}`),
    parse: (items) => {
      const bands = items.map((i) => /^(.*\S)\s+(\d+)\s*-\s*(\d+)$/.exec(i));
      if (bands.some((b) => b === null)) return undefined;
      return bands.map((b) => ({ name: b?.[1], min: Number(b?.[2]), max: Number(b?.[3]) }));
    },
  },
  probability: {
    key: 'probability',
    form: 'five percentages, levels 1 to 5, separated by ";" (e.g. "10; 30; 50; 70; 90")',
    print: (s) => s.probability.map((p) => String(Math.round(p.percent * 1000) / 10)),
    parse: (items) => {
      const percents = items.map((i) => (/^\d+(\.\d+)?%?$/.test(i) ? parseFloat(i) : NaN));
      if (percents.some(Number.isNaN)) return undefined;
      return percents.map((p, i) => ({ level: i + 1, percent: p / 100 }));
    },
  },
  'budget-categories': list('budgetCategories', 'Personnel; Travel; Other'),
  'risk-categories': list('riskCategories', 'Technical; Financial'),
  'task-statuses': list('taskStatuses', 'Not started; In progress; Done'),
  'project-statuses': list('projectStatuses', 'Planned; Active; Closed'),
  holidays: {
    key: 'holidays',
    form: 'dates YYYY-MM-DD with a name, separated by ";" (e.g. "2026-12-25 Christmas Day"), or nothing',
    print: (s) => s.holidays.map((h) => `${h.date} ${h.name}`.trim()),
    parse: (items) => {
      const days = items.map((i) => /^(\d{4}-\d{2}-\d{2})(?:\s+(.*))?$/.exec(i));
      if (days.some((d) => d === null)) return undefined;
      return days.map((d) => ({ date: d?.[1], name: d?.[2] ?? '' }));
    },
  },
};

/** The settings, one `key = value` line each. */
export function settingsLines(settings: Settings): string[] {
  return Object.entries(SETTINGS).map(([name, s]) => `${name} = ${s.print(settings).join('; ')}`);
}

/** Parses `--set` assignments into schema input over `current` (still to be checked). */
export function applyAssignments(
  current: Settings,
  assignments: readonly string[],
): { input: SettingsInput; changed: string[] } {
  const input: Record<string, unknown> = { ...current };
  const changed: string[] = [];
  for (const assignment of assignments) {
    const at = assignment.indexOf('=');
    const name = (at < 0 ? assignment : assignment.slice(0, at)).trim();
    const setting = Object.hasOwn(SETTINGS, name) ? SETTINGS[name] : undefined;
    if (!setting)
      throw new UserError(
        `"${name}" is not a setting; the settings are ${Object.keys(SETTINGS).join(', ')}.`,
        2,
      );
    if (at < 0)
      throw new UserError(`Give ${name} a value: --set ${name}=VALUE (${setting.form}).`, 2);
    const items = assignment
      .slice(at + 1)
      .split(';')
      .map((i) => i.trim())
      .filter((i) => i !== '');
    const value = setting.parse(items);
    if (value === undefined)
      throw new UserError(
        `The value of ${name}, "${assignment.slice(at + 1).trim()}", is not ${setting.form}.`,
        2,
      );
    input[setting.key] = value;
    changed.push(name);
  }
  return { input: input, changed };
}
