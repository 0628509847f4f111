import type { ProjectHeader } from '../schema/project';
import { CODE_PATTERN } from '../schema/project';

/** The sheet a project lives on: its own `sheet` when given, else its name. */
export function sheetOf(project: Pick<ProjectHeader, 'name' | 'sheet'>): string {
  return project.sheet ?? project.name;
}

export interface ProjectTables {
  readonly tasks: string;
  readonly budget: string;
  readonly risks: string;
}

/** Table names carry the code, which is unique, so two projects never share a table name. */
export function tablesOf(code: string): ProjectTables {
  return { tasks: `Tasks_${code}`, budget: `Budget_${code}`, risks: `Risks_${code}` };
}

/** Letters that do not decompose into a base letter and an accent. */
const LATIN_LETTERS: Record<string, string> = {
  Ø: 'O',
  ø: 'o',
  Æ: 'AE',
  æ: 'ae',
  Œ: 'OE',
  œ: 'oe',
  ß: 'ss',
  Ł: 'L',
  ł: 'l',
  Đ: 'D',
  đ: 'd',
  Þ: 'TH',
  þ: 'th',
};

/**
 * A code suggestion from a project name: the first word's letters without accents, capitals,
 * made unique against `taken` with a number. "Ångström Upgrade" -> "ANGSTROM".
 */
export function suggestCode(name: string, taken: readonly string[]): string {
  const words = [...name]
    .map((ch) => LATIN_LETTERS[ch] ?? ch)
    .join('')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toUpperCase()
    .split(/[^A-Z0-9]+/)
    .filter((w) => w !== '');
  const first = words.find((w) => /^[A-Z]/.test(w)) ?? 'PRJ';
  let base = first.slice(0, 8);
  if (base.length < 2) base = `${base}${words[1]?.slice(0, 7) ?? 'X'}`.slice(0, 8);
  if (!CODE_PATTERN.test(base)) base = 'PRJ';
  const used = new Set(taken.map((t) => t.toUpperCase()));
  if (!used.has(base)) return base;
  for (let i = 2; ; i++) {
    const candidate = `${base}${i}`;
    if (!used.has(candidate)) return candidate;
  }
}
