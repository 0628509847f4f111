/**
 * The layers are held by lint, not by habit: each boundary rule in eslint.config.js is shown
 * to fire on a file that breaks it, and to stay quiet on the same code where it belongs.
 * Files are linted as text at paths inside src/, so the project's own configuration applies.
 */
import { ESLint, type Linter } from 'eslint';
import path from 'node:path';

const root = path.join(__dirname, '..', '..');
const BOUNDARY_RULES = new Set(['no-restricted-imports', 'no-restricted-globals']);
// The project's configuration, handed over directly (ESLint's own loader imports it
// dynamically, which jest's module sandbox does not allow). The probes are not files of the
// TypeScript project, so they are parsed without type information and only the boundary rules,
// which need none, are run.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const config = require('../../eslint.config.js') as Linter.Config[];
const eslint = new ESLint({
  cwd: root,
  overrideConfigFile: true,
  overrideConfig: [
    ...config,
    { files: ['src/**'], languageOptions: { parserOptions: { projectService: false } } },
  ],
  ruleFilter: ({ ruleId }) => BOUNDARY_RULES.has(ruleId),
});

/** The boundary rules that fire on `code` placed at `file` (relative to the project). */
async function boundaryErrors(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(root, file) });
  return (result?.messages ?? [])
    .filter((m) => m.ruleId === null || BOUNDARY_RULES.has(m.ruleId))
    .map((m) => m.message);
}

const cases: [string, string, string, RegExp][] = [
  [
    'the domain importing fast-xml-parser',
    'src/domain/template/probe.ts',
    "import { XMLParser } from 'fast-xml-parser';\nexport const p = new XMLParser();\n",
    /nothing but zod/,
  ],
  [
    'the domain importing the ribbon commands',
    'src/domain/template/probe.ts',
    "import * as c from '../../commands/commands';\nexport const x = c;\n",
    /must not import writers, UI, commands or the CLI/,
  ],
  [
    'the domain importing Node',
    'src/domain/probe.ts',
    "import { readFileSync } from 'node:fs';\nexport const r = readFileSync;\n",
    /nothing but zod/,
  ],
  [
    'the pane calling Excel',
    'src/taskpane/components/Probe.tsx',
    'export const run = () => Excel.run(async (c) => { await c.sync(); });\n',
    /Only src\/excel and src\/commands use the Excel API/,
  ],
  [
    'the pane reading Office',
    'src/taskpane/probe.ts',
    'export const ready = () => Office.onReady();\n',
    /Only src\/excel and src\/commands use the Office API/,
  ],
  [
    'the command line importing jszip',
    'src/cli/probe.ts',
    "import JSZip from 'jszip';\nexport const z = new JSZip();\n",
    /Only src\/xlsx reads and writes workbook files/,
  ],
  [
    'the Office.js writer importing exceljs',
    'src/excel/probe.ts',
    "import ExcelJS from 'exceljs';\nexport const w = new ExcelJS.Workbook();\n",
    /Only src\/xlsx reads and writes workbook files/,
  ],
];

describe('layer boundaries are enforced by lint', () => {
  it.each(cases)('refuses %s', async (_what, file, code, message) => {
    expect(await boundaryErrors(file, code)).toEqual([expect.stringMatching(message)]);
  });

  it.each([
    [
      'the domain importing zod and its own modules',
      'src/domain/template/probe.ts',
      "import { z } from 'zod';\nimport { dateToSerial } from '../dates';\nexport const s = [z, dateToSerial];\n",
    ],
    [
      'the file writer importing jszip',
      'src/xlsx/probe.ts',
      "import JSZip from 'jszip';\nexport const z = new JSZip();\n",
    ],
    [
      'the Office.js writer calling Excel',
      'src/excel/probe.ts',
      'export const run = () => Excel.run(async (c) => { await c.sync(); });\n',
    ],
    [
      'a ribbon command reading Office',
      'src/commands/probe.ts',
      'export const ready = () => Office.onReady();\n',
    ],
  ])('allows %s', async (_what, file, code) => {
    expect(await boundaryErrors(file, code)).toEqual([]);
  });
});
