/**
 * The template's column specs are the one registry of a project table's columns: the sheet's
 * tables, validation's rules and the joint sheets' references all come from them.
 */
import { RiskStatus } from '../../../src/domain/schema/project';
import { defaultSettings } from '../../../src/domain/schema/settings';
import { BUDGET_COLUMNS, RISK_COLUMNS, TASK_COLUMNS } from '../../../src/domain/template/columns';
import { projectSheetPlan } from '../../../src/domain/template/project-sheet';
import { BUDGET_RULES, RISK_RULES, TASK_RULES } from '../../../src/domain/validation/columns';
import { demoPlan } from '../../../src/domain/demo';

const TABLES = [
  ['Tasks', TASK_COLUMNS, TASK_RULES],
  ['Budget', BUDGET_COLUMNS, BUDGET_RULES],
  ['Risks', RISK_COLUMNS, RISK_RULES],
] as const;

describe('the column registry', () => {
  it.each(TABLES)(
    'reads the %s columns as calculated exactly where they have a formula',
    (_, specs) => {
      for (const c of specs)
        expect([c.name, c.reads === 'calculated']).toEqual([c.name, c.formula !== undefined]);
    },
  );

  it.each(TABLES)(
    'gives validation one rule per %s column, in the sheet order',
    (_, specs, rules) => {
      expect(rules.map((r) => r.column)).toEqual(specs.map((c) => c.name));
      expect(rules.map((r) => r.kind)).toEqual(specs.map((c) => c.reads));
    },
  );

  it('lays out the project tables with the columns validation reads', () => {
    const plan = demoPlan();
    const sheet = projectSheetPlan(plan.projects[0]!, plan.settings);
    const headers = sheet.items.flatMap((i) =>
      i.kind === 'table' ? [i.table.columns.map((c) => c.name)] : [],
    );
    expect(headers).toEqual(TABLES.map(([, , rules]) => rules.map((r) => r.column)));
  });

  it('allows the risk statuses of the schema, in the sheet and in validation', () => {
    const status = RISK_COLUMNS.find((c) => c.name === 'Status')!;
    expect(status.validation).toMatchObject({ kind: 'list', source: 'Open,Closed' });
    expect(status.list?.(defaultSettings()).values).toEqual(RiskStatus.options);
    expect(RiskStatus.options).toEqual(['Open', 'Closed']);
  });

  it('marks the columns where a bare number is a paste into the wrong column', () => {
    const textOnly = [...TASK_RULES, ...BUDGET_RULES, ...RISK_RULES]
      .filter((r) => r.textOnly)
      .map((r) => r.column);
    expect(textOnly).toEqual([
      'Task',
      'Responsible',
      'Risk',
      'Mitigation',
      'Contingency action',
      'Owner',
    ]);
  });
});
