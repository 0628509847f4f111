import { a1, block, columnLetter } from '../plan/a1';
import { sheetRef, wholeColumn } from '../plan/references';
import type { Cell, NamePlan, SheetItem, SheetPlan } from '../plan/types';
import { tablesOf } from '../template/project-identity';
import { bandRules } from '../template/risk-bands';
import { SETTINGS_NAMES as N } from '../template/settings-names';
import { bandHighlight, numberFormats, styles } from '../template/styles';
import { compareIds, compareNames, type JointInput, type JointRisk } from './input';
import { jointHeading, overallCheck, staleSentence, projectName } from './joint-sheet';

export const CONTINGENCY_SHEET = 'Contingency Plan';

type Money = 'money';
interface RegisterColumn {
  readonly header: string;
  readonly width: number;
  readonly source?: string;
  readonly kind: 'text' | 'number' | Money;
}

/** Register columns; the top 10 repeats the first twelve in the same places. */
const REGISTER: readonly RegisterColumn[] = [
  { header: 'Project', width: 24, kind: 'text' },
  { header: 'ID', width: 8, source: 'ID', kind: 'text' },
  { header: 'Risk', width: 34, source: 'Risk', kind: 'text' },
  { header: 'Category', width: 14, source: 'Category', kind: 'text' },
  { header: 'Probability', width: 11, source: 'Probability', kind: 'number' },
  { header: 'Impact', width: 11, source: 'Impact', kind: 'number' },
  { header: 'Score', width: 11, source: 'Score', kind: 'number' },
  { header: 'Rating', width: 11, source: 'Rating', kind: 'text' },
  { header: 'Status', width: 11, source: 'Status', kind: 'text' },
  { header: 'Owner', width: 16, source: 'Owner', kind: 'text' },
  { header: 'Cost impact', width: 16, source: 'Cost impact', kind: 'money' },
  { header: 'Expected value', width: 16, source: 'Expected value', kind: 'money' },
  { header: 'Trigger', width: 24, source: 'Trigger', kind: 'text' },
  { header: 'Mitigation', width: 30, source: 'Mitigation', kind: 'text' },
  { header: 'Contingency action', width: 30, source: 'Contingency action', kind: 'text' },
  { header: 'Rank', width: 8, kind: 'number' },
];
const TOP_COLUMNS = 12;
const at = (header: string) => REGISTER.findIndex((c) => c.header === header);
const letter = (header: string) => columnLetter(at(header));

/** Excel's limit is 8,192 characters; past this the heat map counts the register instead. */
const FORMULA_BUDGET = 8000;

/** Risks in register order: score (highest first), then project name, then risk ID. */
function riskOrder(input: JointInput): { project: number; risk: JointRisk }[] {
  return input.projects
    .flatMap((p, project) => p.risks.map((risk) => ({ project, risk })))
    .sort(
      (x, y) =>
        (Number.isFinite(y.risk.score) ? y.risk.score : -1) -
          (Number.isFinite(x.risk.score) ? x.risk.score : -1) ||
        compareNames(
          input.projects[x.project]?.entry.name ?? '',
          input.projects[y.project]?.entry.name ?? '',
        ) ||
        compareIds(x.risk.id, y.risk.id),
    );
}

/**
 * The contingency plan: a 5 x 5 heat map of open risks (COUNTIFS over every risk table,
 * coloured by the Settings bands), key figures, the 10 highest open risks (live: they follow
 * the scores), a check per project, and the register of every risk, highest score first.
 */
export function contingencyPlan(input: JointInput): { sheet: SheetPlan; names: NamePlan[] } {
  const { projects, settings } = input;
  const ordered = riskOrder(input);
  const money = numberFormats.money(settings.currency);

  // Heat map: rows 6-10 hold probability 5..1 in D, impact 1..5 across E..I.
  const heatTop = 5;
  const heatLeft = 4;
  // Top 10 block.
  const topTitle = heatTop + 8;
  const topHeader = topTitle + 1;
  // Check block.
  const checkTitle = topHeader + 12;
  const checkHeader = checkTitle + 1;
  const checkAll = checkHeader + 1 + projects.length;
  // Register.
  const regTitle = checkAll + 2;
  const regHeader = regTitle + 1;
  const first = regHeader + 1;
  const last = first + ordered.length - 1;
  const hasRisks = ordered.length > 0;
  const regCol = (header: string) =>
    `$${letter(header)}$${first + 1}:$${letter(header)}$${last + 1}`;

  const heatFormula = (p: string, i: string): string => {
    const byTables = `${projects
      .map((pr) => {
        const t = tablesOf(pr.entry.code).risks;
        return `COUNTIFS(${wholeColumn(t, 'Probability')},${p},${wholeColumn(t, 'Impact')},${i},${wholeColumn(t, 'Status')},"Open")`;
      })
      .join('+')}`;
    if (projects.length === 0) return '0';
    if (byTables.length <= FORMULA_BUDGET) return byTables;
    return hasRisks
      ? `COUNTIFS(${regCol('Probability')},${p},${regCol('Impact')},${i},${regCol('Status')},"Open")`
      : '0';
  };
  const heatRows: Cell[][] = [
    ['Prob. \\ Impact', 1, 2, 3, 4, 5],
    ...[5, 4, 3, 2, 1].map((p, r): Cell[] => [
      p,
      ...[1, 2, 3, 4, 5].map((_, c) => ({
        formula: heatFormula(
          `$${columnLetter(heatLeft - 1)}${heatTop + 2 + r}`,
          `${columnLetter(heatLeft + c)}$${heatTop + 1}`,
        ),
      })),
    ]),
  ];
  const heatBody = block(a1(heatTop + 1, heatLeft), 5, 5);
  const pCell = `$${columnLetter(heatLeft - 1)}${heatTop + 2}`;
  const iCell = `${columnLetter(heatLeft)}$${heatTop + 1}`;
  const heatRules: SheetItem[] = settings.ratingBands.map((_, k) => ({
    kind: 'conditionalFormat',
    range: heatBody,
    rule: {
      kind: 'expression',
      formula: `AND(${pCell}*${iCell}>=INDEX(${N.ratingMin},${k + 1}),${pCell}*${iCell}<=INDEX(${N.ratingMax},${k + 1}))`,
      style: bandHighlight(k),
    },
  }));
  const legend: Cell[][] = [
    ['Band', 'Scores'],
    ...settings.ratingBands.map((_, k): Cell[] => [
      { formula: `INDEX(${N.ratingName},${k + 1})` },
      { formula: `INDEX(${N.ratingMin},${k + 1})&" to "&INDEX(${N.ratingMax},${k + 1})` },
    ]),
  ];

  const highBand = Math.max(1, settings.ratingBands.length - 1);
  const figures: Cell[][] = [
    ['Risks in this register', null, { formula: hasRisks ? `COUNTA(${regCol('ID')})` : '0' }],
    [
      `Open risks rated ${settings.ratingBands
        .slice(highBand - 1)
        .map((b) => b.name)
        .join(' or ')}`,
      null,
      {
        formula: hasRisks
          ? `COUNTIFS(${regCol('Status')},"Open",${regCol('Score')},">="&INDEX(${N.ratingMin},${highBand}))`
          : '0',
      },
    ],
    ['Open risks', null, { formula: hasRisks ? `COUNTIF(${regCol('Status')},"Open")` : '0' }],
    [
      `Contingency reserve (${settings.currency})`,
      null,
      {
        formula: hasRisks ? `SUMIFS(${regCol('Expected value')},${regCol('Status')},"Open")` : '0',
      },
    ],
  ];
  const figLeft = at('Owner');
  const figTop = heatTop + 1;

  const top: Cell[][] = Array.from({ length: 10 }, (_, k) =>
    REGISTER.slice(0, TOP_COLUMNS).map((c): Cell => {
      if (!hasRisks) return null;
      const found = `INDEX(${regCol(c.header)},MATCH(${k + 1},${regCol('Rank')},0))`;
      return { formula: `IFERROR(${found},"")` };
    }),
  );

  const checks: Cell[][] = projects.map((p, i) => {
    const row = checkHeader + 1 + i;
    const now = `COUNTA(${wholeColumn(tablesOf(p.entry.code).risks, 'ID')})`;
    return [
      projectName(p.entry),
      { formula: now },
      p.risks.length,
      { formula: staleSentence(p.entry.name, a1(row, 1), p.risks.length, 'risk', 'this register') },
    ];
  });

  const register: Cell[][] = ordered.map(({ project, risk }, n) => {
    const p = projects[project]!;
    const t = tablesOf(p.entry.code).risks;
    const r = first + n + 1;
    return REGISTER.map((c): Cell => {
      if (c.header === 'Project') return projectName(p.entry);
      if (c.header === 'Rank')
        return {
          formula:
            `IF(AND($I${r}="Open",ISNUMBER($G${r})),` +
            `COUNTIFS(${regCol('Score')},">"&$G${r},${regCol('Status')},"Open")+` +
            `COUNTIFS($G$${first + 1}:$G${r},$G${r},$I$${first + 1}:$I${r},"Open"),"")`,
        };
      const src = `INDEX(${wholeColumn(t, c.source!)},${risk.row})`;
      return c.kind === 'text' ? { formula: `${src}&""` } : { formula: `IF(${src}="","",${src})` };
    });
  });

  const formatColumns = (top: number, rows: number, width: number): SheetItem[] =>
    rows === 0
      ? []
      : REGISTER.slice(0, width).flatMap((c, i): SheetItem[] =>
          c.kind === 'money'
            ? [
                {
                  kind: 'format',
                  range: block(a1(top, i), rows, 1),
                  style: { numberFormat: money },
                },
              ]
            : c.kind === 'number'
              ? [
                  {
                    kind: 'format',
                    range: block(a1(top, i), rows, 1),
                    style: { numberFormat: numberFormats.integer, hAlign: 'center' },
                  },
                ]
              : [],
        );
  const headers = REGISTER.map((c) => c.header);
  const section = (row: number, text: string): SheetItem[] => [
    { kind: 'cells', at: a1(row, 0), rows: [[text]] },
    { kind: 'format', range: block(a1(row, 0), 1, TOP_COLUMNS), style: styles.section },
  ];

  const items: SheetItem[] = [
    ...jointHeading(
      'Contingency plan',
      'Scores, ratings and the top 10 are live; the register rows are fixed until the next Consolidate.',
      input.builtAt,
      overallCheck(
        projects.length ? `${a1(checkHeader + 1, 3)}:${a1(checkAll - 1, 3)}` : null,
        'the risk register',
      ),
    ),
    ...section(heatTop - 1, 'Heat map: open risks of every project, by probability and impact'),
    { kind: 'cells', at: a1(heatTop, heatLeft - 1), rows: heatRows },
    {
      kind: 'format',
      range: block(a1(heatTop, heatLeft - 1), 1, 6),
      style: { ...styles.header, hAlign: 'center' },
    },
    {
      kind: 'format',
      range: block(a1(heatTop + 1, heatLeft - 1), 5, 1),
      style: { ...styles.header, hAlign: 'center' },
    },
    {
      kind: 'format',
      range: heatBody,
      style: {
        numberFormat: '0;-0;;@',
        hAlign: 'center',
        vAlign: 'center',
        bold: true,
      },
    },
    ...heatRules,
    { kind: 'cells', at: a1(heatTop, 0), rows: legend },
    { kind: 'format', range: block(a1(heatTop, 0), 1, 2), style: styles.header },
    ...settings.ratingBands.map((_, k): SheetItem => {
      const h = bandHighlight(k);
      return {
        kind: 'format',
        range: block(a1(heatTop + 1 + k, 0), 1, 2),
        style: {
          ...(h.fill ? { fill: h.fill } : {}),
          ...(h.fontColor ? { fontColor: h.fontColor } : {}),
          ...(h.bold ? { bold: true } : {}),
        },
      };
    }),
    { kind: 'cells', at: a1(figTop, figLeft), rows: figures },
    {
      kind: 'format',
      range: block(a1(figTop, figLeft), figures.length, 2),
      style: styles.cardLabel,
    },
    {
      kind: 'format',
      range: block(a1(figTop, figLeft + 2), figures.length, 1),
      style: { bold: true, numberFormat: '#,##0' },
    },
    { kind: 'format', range: a1(figTop + 3, figLeft + 2), style: { numberFormat: money } },
    ...section(topTitle, 'The 10 highest open risks (live: they follow the scores)'),
    { kind: 'cells', at: a1(topHeader, 0), rows: [headers.slice(0, TOP_COLUMNS), ...top] },
    { kind: 'format', range: block(a1(topHeader, 0), 1, TOP_COLUMNS), style: styles.header },
    ...formatColumns(topHeader + 1, 10, TOP_COLUMNS),
    ...bandRules(block(a1(topHeader + 1, 0), 10, TOP_COLUMNS), headers, settings),
    ...section(checkTitle, 'Check: risks per project, now and when this sheet was built'),
    {
      kind: 'cells',
      at: a1(checkHeader, 0),
      rows: [
        ['Project', 'Now', 'In this register', 'Check'],
        ...checks,
        [
          'All projects',
          {
            formula: projects.length
              ? `SUM(${a1(checkHeader + 1, 1)}:${a1(checkAll - 1, 1)})`
              : '0',
          },
          ordered.length,
          null,
        ],
      ],
    },
    { kind: 'format', range: block(a1(checkHeader, 0), 1, 4), style: styles.header },
    {
      kind: 'format',
      range: block(a1(checkHeader + 1, 1), projects.length + 1, 2),
      style: { hAlign: 'center' },
    },
    {
      kind: 'format',
      range: block(a1(checkHeader + 1, 3), projects.length + 1, 1),
      style: { fontColor: '#9C0006', bold: true },
    },
    { kind: 'format', range: block(a1(checkAll, 0), 1, 4), style: { bold: true, fill: '#E8F1EF' } },
    ...section(
      regTitle,
      'Risk register: every risk of every included project, highest score first',
    ),
    { kind: 'cells', at: a1(regHeader, 0), rows: [headers] },
    { kind: 'format', range: block(a1(regHeader, 0), 1, REGISTER.length), style: styles.header },
  ];
  if (hasRisks)
    items.push(
      { kind: 'cells', at: a1(first, 0), rows: register },
      ...formatColumns(first, ordered.length, REGISTER.length),
      ...bandRules(block(a1(first, 0), ordered.length, REGISTER.length), headers, settings),
      {
        kind: 'conditionalFormat',
        range: block(a1(first, 0), ordered.length, REGISTER.length),
        rule: {
          kind: 'expression',
          formula: `$I${first + 1}="Closed"`,
          style: { fontColor: '#808080' },
        },
      },
    );

  const abs = (row: number, col: number) => sheetRef(CONTINGENCY_SHEET, a1(row, col));
  return {
    sheet: {
      name: CONTINGENCY_SHEET,
      tabColor: '#C00000',
      columnWidths: REGISTER.map((c, i) => ({ column: i, width: c.width })),
      print: { landscape: true, fitToWidth: 1 },
      items,
    },
    names: [
      { name: 'Joint_RiskCount', refersTo: abs(figTop, figLeft + 2) },
      { name: 'Joint_HighRiskCount', refersTo: abs(figTop + 1, figLeft + 2) },
    ],
  };
}
