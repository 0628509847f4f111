import { tableRowCell } from '../../../src/domain/plan/formula-cell';

describe('tableRowCell', () => {
  it('shows a text column as text, so an empty cell reads "" and not 0', () => {
    const id = tableRowCell('Tasks_P1[ID]', 'text');
    expect(id(7)).toEqual({ formula: 'INDEX(Tasks_P1[ID],7)&""' });
  });

  it('shows a number or date as itself and an empty cell as ""', () => {
    const start = tableRowCell("Tasks_P2['#Start]", 'number');
    expect(start(12).formula).toBe(
      `IF(INDEX(Tasks_P2['#Start],12)="","",INDEX(Tasks_P2['#Start],12))`,
    );
  });

  it('gives each row its own number, in any order the rows are asked for', () => {
    const a = tableRowCell('Risks_P1[Risk]', 'text');
    const b = tableRowCell('Risks_P9[Score]', 'number');
    const rows = [30, 1, 30, 100, 2, 1];
    expect(rows.map((r) => a(r).formula)).toEqual(rows.map((r) => `INDEX(Risks_P1[Risk],${r})&""`));
    expect(b(100).formula).toBe('IF(INDEX(Risks_P9[Score],100)="","",INDEX(Risks_P9[Score],100))');
  });
});
