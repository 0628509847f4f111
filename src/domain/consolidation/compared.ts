import type { Diagnostic } from '../diagnostics';
import { serialToIso } from '../dates';
import { baselineRowsOf, sameBaselineName, storedBaselinesOf } from '../baseline/stored';
import { BASELINE_CELL } from '../template/settings-sheet';
import type { RawPlan } from '../validation/raw';
import type { Saved } from './variance/rows';

/** The baseline Settings names, as found on the Baselines sheet: its name as saved and rows. */
export interface ComparedBaseline {
  readonly name: string;
  readonly rows: Saved;
}

export interface Comparison {
  readonly base: ComparedBaseline | null;
  /** Which baseline the joint sheets compare with, or why none, for the variance sheet. */
  readonly sentence: string;
  readonly warnings: Diagnostic[];
}

/**
 * The baseline the joint sheets compare with (Settings > Compare with baseline), read once per
 * Consolidate so the Baseline Variance and Joint Budget sheets compare with the same rows.
 */
export function comparisonOf(raw: RawPlan): Comparison {
  const name = raw.settings.compareBaseline;
  const stored = storedBaselinesOf(raw.baselines, []);
  if (!stored.ok)
    return {
      base: null,
      sentence: 'The Baselines sheet cannot be read, so nothing is compared; run implan validate.',
      warnings: stored.problems.map((p) => ({ ...p, severity: 'warning' as const })),
    };
  if (name === '')
    return {
      base: null,
      sentence: `No baseline is compared: save one (Save baseline, or implan baseline) and name it in Settings ${BASELINE_CELL}.`,
      warnings: [],
    };
  const found = stored.value?.baselines.find((b) => sameBaselineName(b.name, name));
  if (!found || !stored.value) {
    const message = `Settings ${BASELINE_CELL} names the baseline "${name}", which the Baselines sheet does not hold; the Baseline Variance sheet compares with nothing until it names a saved one.`;
    return {
      base: null,
      sentence: message,
      warnings: [
        {
          severity: 'warning',
          code: 'baseline-unknown',
          sheet: 'Settings',
          cell: BASELINE_CELL,
          message,
        },
      ],
    };
  }
  const when = found.savedOn === null ? '' : `, saved on ${serialToIso(found.savedOn)}`;
  return {
    base: { name: found.name, rows: baselineRowsOf(stored.value.rows.table, found.name) },
    sentence: `Compared with the baseline "${found.name}"${when}. Slips count working days over the plan's holidays; later is positive.`,
    warnings: [],
  };
}
