import type { Diagnostic } from '../domain/diagnostics';
import type { LiveConsolidation } from '../excel/consolidate';
import { day, money } from '../taskpane/format';

/** What the ribbon's Consolidate says when it is done: a title and a few sentences. */
export interface CommandReport {
  readonly title: string;
  readonly lines: readonly string[];
}

const first = (diagnostics: readonly Diagnostic[], n: number) =>
  diagnostics.slice(0, n).map((d) => d.message);

/** Turns a consolidation result into the report a finance user reads without the pane. */
export function commandReport(result: LiveConsolidation, currency: string): CommandReport {
  switch (result.kind) {
    case 'ready': {
      const t = result.totals;
      const c = result.counts;
      return {
        title: 'Consolidated',
        lines: [
          `${c.projects} project(s), ${c.tasks} task(s) and ${c.risks} risk(s) are in the Joint Schedule, Joint Budget, Contingency Plan and Baseline Variance sheets.`,
          `Planned ${money(t.planned, currency)}, actual ${money(t.actual, currency)}, variance ${money(t.variance, currency)}.`,
          `Contingency reserve ${money(t.reserve, currency)}; ${t.highRisks} open risk(s) rated High or Critical.`,
          `Schedule from ${day(t.start)} to ${day(t.end)}.`,
          ...(result.warnings.length > 0
            ? [`${result.warnings.length} warning(s): open Implan > Check to see them.`]
            : []),
        ],
      };
    }
    case 'blocked': {
      const errors = result.diagnostics.filter((d) => d.severity === 'error');
      return {
        title: 'Nothing was consolidated',
        lines: [
          `${errors.length} error(s) block consolidation. Open Implan > Check to go to each cell.`,
          ...first(errors, 3),
          ...(errors.length > 3 ? [`…and ${errors.length - 3} more.`] : []),
        ],
      };
    }
    case 'confirm':
      return {
        title: 'Nothing was consolidated',
        lines: [
          `Someone has typed into ${result.edited.join(', ')} since implan built ${result.edited.length === 1 ? 'it' : 'them'}. Open Implan > Consolidate to choose whether to replace ${result.edited.length === 1 ? 'it' : 'them'}.`,
        ],
      };
    case 'unreadable':
      return { title: 'Nothing was consolidated', lines: first(result.diagnostics, 3) };
  }
}
