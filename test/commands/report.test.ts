import { commandReport } from '../../src/commands/report';
import { planConsolidation } from '../../src/domain/consolidation/consolidate';
import { demoPlan } from '../../src/domain/demo';
import { rawPlanOf, setCell } from '../domain/validation/raw-plan';

const BUILT = '1 Dec 2026 09:00 UTC';

describe("the ribbon command's report", () => {
  it('gives the totals after a consolidation', () => {
    const r = planConsolidation(rawPlanOf(demoPlan()), { builtAt: BUILT, existing: [] });
    if (r.kind !== 'ready') throw new Error(r.kind);
    const report = commandReport({ ...r, syncs: 4, skipped: [] }, 'EUR');
    expect(report.title).toBe('Consolidated');
    expect(report.lines).toContain(
      'Planned EUR 826,500.00, actual EUR 346,820.50, variance EUR 479,679.50.',
    );
    expect(report.lines).toContain('Schedule from 3 Feb 2025 to 28 Nov 2025.');
  });

  it('says what blocks and where to look', () => {
    const raw = rawPlanOf(demoPlan());
    setCell(raw.projects[0]!.budget, 0, 'Planned', '12,000 EUR');
    const r = planConsolidation(raw, { builtAt: BUILT, existing: [] });
    const report = commandReport(r as Exclude<typeof r, { kind: 'ready' }>, 'EUR');
    expect(report.title).toBe('Nothing was consolidated');
    expect(report.lines[0]).toBe(
      '1 error(s) block consolidation. Open Implan > Check to go to each cell.',
    );
    expect(report.lines[1]).toContain('12,000 EUR');
  });

  it('sends the user to the pane to decide about edited joint sheets', () => {
    const report = commandReport(
      { kind: 'confirm', edited: ['Joint Budget'], warnings: [] },
      'EUR',
    );
    expect(report.lines[0]).toContain('Someone has typed into Joint Budget');
    expect(report.lines[0]).toContain('Open Implan > Consolidate');
  });
});
