import { mkdirSync } from 'node:fs';
import { COMMANDS } from '../../src/cli/help';
import { editDistance, nearest } from '../../src/cli/suggest';
import { cli, tempFolder } from './run-cli';

const { file } = tempFolder('implan-help-');

describe('implan help', () => {
  it.each(Object.keys(COMMANDS))('prints the usage of %s, as help and as --help', async (name) => {
    const help = await cli('help', name);
    expect(help.code).toBe(0);
    expect(help.out).toMatch(new RegExp(`^Usage: implan ${name}`));
    expect(help.out).toContain('Example:');
    expect(await cli(name, '--help')).toEqual(help);
    expect(await cli(name, '-h')).toEqual(help);
  });

  it('prints the overview without a command (exit 2) and with help (exit 0)', async () => {
    const bare = await cli();
    expect(bare.code).toBe(2);
    for (const name of Object.keys(COMMANDS)) expect(bare.out).toContain(`implan ${name}`);
    expect(await cli('help')).toEqual({ ...bare, code: 0 });
    expect(await cli('--help')).toEqual({ ...bare, code: 0 });
    for (const line of bare.out.split('\n').slice(0, -1))
      expect([line, line.length <= 100]).toEqual([line, true]);
  });

  it.each([
    ['consolidat', 'consolidate'],
    ['valdiate', 'validate'],
    ['addproject', 'add-project'],
    ['imprt', 'import'],
    ['cons', 'consolidate'],
    ['INIT', 'init'],
  ])('suggests the nearest command for %s', async (typo, meant) => {
    const r = await cli(typo, file('x.xlsx'));
    expect(r.code).toBe(2);
    expect(r.err).toBe(
      `Error: "${typo}" is not an implan command; did you mean "implan ${meant}"? Run "implan help" for usage.`,
    );
    expect((await cli('help', typo)).err).toContain(`did you mean "implan ${meant}"?`);
  });

  it('suggests nothing for a word near no command', async () => {
    expect((await cli('frobnicate')).err).toBe(
      'Error: "frobnicate" is not an implan command. Run "implan help" for usage.',
    );
    expect(nearest('xyz', Object.keys(COMMANDS))).toBeUndefined();
    expect(editDistance('demo', 'deom')).toBe(1);
  });
});

describe('file errors are sentences', () => {
  it.each([
    [['export', 'FOLDER.xlsx'], 'The workbook FOLDER.xlsx is a folder, not a file.'],
    [['validate', 'MISSING.xlsx'], 'The workbook MISSING.xlsx does not exist.'],
    [['import', 'MISSING.json', '-o', 'OUT.xlsx'], 'The plan file MISSING.json does not exist.'],
    [
      ['demo', '-o', 'NOFOLDER/demo.xlsx'],
      'Could not write NOFOLDER/demo.xlsx: the folder NOFOLDER does not exist; create it or choose another path. Nothing was changed.',
    ],
  ])('%j', async (args, sentence) => {
    mkdirSync(file('FOLDER.xlsx'));
    const place = (a: string) =>
      a.replace(/\b(FOLDER|MISSING|NOFOLDER|OUT)(?=[./\s])/g, (m) => file(m));
    const r = await cli(...args.map(place));
    expect(r.code).toBe(2);
    expect(r.err).toBe(`Error: ${place(sentence)}`);
    expect(r.err).not.toMatch(/\bE[A-Z]{3,}\b/);
  });
});
