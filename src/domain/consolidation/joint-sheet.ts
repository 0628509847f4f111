import { sheetRef, textLiteral } from '../plan/references';
import type { SheetItem } from '../plan/types';
import { cardCell } from '../template/project-sheet';
import type { RegistryEntry } from '../template/registry-sheet';
import { styles } from '../template/styles';

const checkStyles = {
  ok: { fontColor: '#006100', bold: true },
  stale: { fontColor: '#9C0006', fill: '#FFC7CE', bold: true },
} as const;

/** Rows every joint sheet opens with: title, when it was built, and the live freshness check (A3). */
export function jointHeading(
  title: string,
  hint: string,
  builtAt: string,
  check: string,
): SheetItem[] {
  return [
    { kind: 'cells', at: 'A1', rows: [[title]] },
    { kind: 'format', range: 'A1', style: styles.title },
    { kind: 'cells', at: 'A2', rows: [[`Built by implan on ${builtAt}. ${hint}`]] },
    { kind: 'format', range: 'A2', style: styles.hint },
    { kind: 'cells', at: 'A3', rows: [[{ formula: check }]] },
    { kind: 'format', range: 'A3', style: { bold: true } },
    {
      kind: 'conditionalFormat',
      range: 'A3',
      rule: { kind: 'expression', formula: `LEFT($A$3,2)="Up"`, style: checkStyles.ok },
    },
    {
      kind: 'conditionalFormat',
      range: 'A3',
      rule: { kind: 'expression', formula: `LEFT($A$3,2)<>"Up"`, style: checkStyles.stale },
    },
  ];
}

/**
 * A sentence that is empty while a project's live row count matches the count the sheet was
 * built with, and otherwise says, in words, what changed and what to do.
 */
export function staleSentence(
  project: string,
  now: string,
  built: number,
  noun: string,
  place: string,
): string {
  const name = textLiteral(project);
  const plural = (n: string) => `IF(${n}=1,${textLiteral(noun)},${textLiteral(`${noun}s`)})`;
  const gained = `${now}-${built}`;
  const lost = `${built}-${now}`;
  return (
    `IF(${now}=${built},"",IF(${now}>${built},` +
    `${name}&" has "&${gained}&" "&${plural(gained)}&" not in ${place}: click Consolidate",` +
    `${name}&" has "&${lost}&" "&${plural(lost)}&" fewer than ${place}: click Consolidate"))`
  );
}

/** The overall check over a column of per-project sentences (empty when up to date). */
export function overallCheck(sentences: string | null, what: string): string {
  if (sentences === null) return textLiteral('Up to date: no project is included.');
  const stale = `SUMPRODUCT(--(${sentences}<>""))`;
  return (
    `IF(${stale}=0,${textLiteral(`Up to date: ${what} matches the project sheets.`)},` +
    `${stale}&" project(s) changed since this sheet was built (see Check below): click Consolidate.")`
  );
}

/** A project's name as a live link to its card, so a renamed project reads right everywhere. */
export function projectName(entry: RegistryEntry): { readonly formula: string } {
  return { formula: `${sheetRef(entry.sheet, cardCell('name'))}&""` };
}
