import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { deflateRawSync } from 'node:zlib';
import { type Entry, makeZip, partsOf } from './zip';
import { cli, expectOpens, expectSentences, hostileFolder, snapshot } from './support';

/**
 * Damaged and hostile packages: every command that reads a workbook refuses with one sentence
 * and exit 2, and nothing in the folder changes.
 */

const { dir, file } = hostileFolder();
let parts: Entry[] = [];

beforeAll(async () => {
  const demo = path.join(os.tmpdir(), `implan-hostile-demo-${process.pid}.xlsx`);
  await fs.rm(demo, { force: true });
  expect((await cli('demo', '-o', demo)).code).toBe(0);
  parts = await partsOf(await fs.readFile(demo));
  await fs.rm(demo, { force: true });
});

const sheet = () => parts.find((p) => p.name === 'xl/worksheets/sheet4.xml')!;
const others = (name: string) => parts.filter((p) => p.name !== name);
const MB = 2 ** 20;

const COMMANDS: string[][] = [
  ['validate', 'BOOK'],
  ['export', 'BOOK'],
  ['add-project', 'BOOK', '--name', 'Spoiled'],
  ['consolidate', 'BOOK'],
];

const cases: [string, () => Buffer, RegExp][] = [
  [
    'K01 damaged compressed data in a sheet',
    () => {
      const packed = deflateRawSync(sheet().data);
      packed.fill(0x5a, 40, 120);
      return makeZip([...others(sheet().name), { ...sheet(), packed }]);
    },
    /is damaged: the compressed data of its part xl\/worksheets\/sheet4\.xml cannot be read\.$/,
  ],
  [
    'K02 a checksum that does not match the data',
    () => {
      const data = Buffer.from(sheet().data);
      const lie = Buffer.from(data);
      lie[200] = 0x20;
      return makeZip([...others(sheet().name), { ...sheet(), packed: deflateRawSync(lie) }]);
    },
    /is damaged: the compressed data of its part/,
  ],
  [
    'K03 a file cut short (no zip directory)',
    () => makeZip(parts).subarray(0, 20000),
    /is damaged: its zip package cannot be read\.$/,
  ],
  [
    'K04 a part that claims to unpack to 300 MB',
    () =>
      makeZip([...parts, { name: 'xl/media/huge.bin', data: Buffer.alloc(10), size: 300 * MB }]),
    /has a part of more than 300 MB when unpacked \(xl\/media\/huge\.bin\); implan opens parts of up to 256 MB\.$/,
  ],
  [
    'K05 a zip bomb: 16 MB of zeros packed into 16 KB',
    () => makeZip([...parts, { name: 'xl/media/bomb.bin', data: Buffer.alloc(16 * MB) }]),
    /a sign of a zip bomb; implan refuses parts that grow more than 250 times\.$/,
  ],
  [
    'K06 a part that unpacks to far more than it declares',
    () =>
      makeZip([
        ...parts,
        {
          name: 'xl/media/liar.bin',
          data: Buffer.alloc(100),
          packed: deflateRawSync(Buffer.alloc(8 * MB)),
        },
      ]),
    /is damaged: the compressed data of its part xl\/media\/liar\.bin cannot be read\.$/,
  ],
  [
    'K07 parts that add up to more than 1 GB',
    () =>
      makeZip([
        ...parts,
        ...[1, 2, 3, 4, 5].map((i) => ({
          name: `xl/media/big${i}.bin`,
          data: Buffer.alloc(1),
          size: 250 * MB,
        })),
      ]),
    /unpacks to more than 1 GB; implan opens workbooks of up to 1 GB unpacked\.$/,
  ],
  [
    'K08 an entry named ../ (zip slip)',
    () => makeZip([...parts, { name: '../../evil.xml', data: Buffer.from('<x/>') }]),
    /its part "..\/..\/evil.xml" has a "\.\." step out of the package in its name\.$/,
  ],
  [
    'K09 an entry with an absolute name',
    () => makeZip([...parts, { name: '/etc/passwd', data: Buffer.from('x') }]),
    /has an absolute path in its name\.$/,
  ],
  [
    'K10 an entry with backslashes',
    () => makeZip([...parts, { name: 'xl\\worksheets\\sheet9.xml', data: Buffer.from('<x/>') }]),
    /has a backslash in its name\.$/,
  ],
  [
    'K11 two entries with one name',
    () => makeZip([...parts, { ...sheet(), data: Buffer.from('<worksheet/>') }]),
    /holds two parts named "xl\/worksheets\/sheet4\.xml"\.$/,
  ],
  [
    'K12 two entries whose names differ only in case',
    () => makeZip([...parts, { ...sheet(), name: 'XL/Worksheets/Sheet4.xml' }]),
    /holds two parts named/,
  ],
  [
    'K13 an encrypted entry',
    () => makeZip([...others(sheet().name), { ...sheet(), flags: 1 }]),
    /has encrypted parts; remove the password in Excel/,
  ],
  [
    'K14 an unknown compression method',
    () => makeZip([...others(sheet().name), { ...sheet(), method: 14, packed: Buffer.from('xx') }]),
    /uses a compression implan cannot read \(method 14/,
  ],
  [
    'K15 a control character in an entry name',
    () => makeZip([...parts, { name: 'xl/media/a\nb.png', data: Buffer.from('x') }]),
    /its part "xl\/media\/a\\nb\.png" has a control character in its name\.$/,
  ],
  [
    'K18 an empty file',
    () => Buffer.alloc(0),
    /is not an Excel workbook \(\.xlsx\): it is not a zip package\.$/,
  ],
  [
    'K19 a zip directory that points past the end of the file',
    () => {
      const zip = makeZip(parts);
      zip.writeUInt32LE(zip.length + 1000, zip.length - 6);
      return zip;
    },
    /is damaged: its zip package cannot be read\.$/,
  ],
  [
    'K16 a zip with no workbook part',
    () => makeZip(parts.filter((p) => p.name !== 'xl/workbook.xml')),
    /is not an Excel workbook: it has no workbook part\.$/,
  ],
];

describe.each(cases)('hostile package: %s', (_, make, message) => {
  let bytes: Buffer | undefined;
  const made = () => (bytes ??= make());
  it.each(COMMANDS)('%s refuses it with one sentence, exit 2, nothing written', async (...args) => {
    await fs.writeFile(file('book.xlsx'), made());
    const before = await snapshot(dir());
    const r = await cli(...args.map((a) => (a === 'BOOK' ? file('book.xlsx') : a)));
    expect(r.code).toBe(2);
    expect(r.err.split('\n')).toHaveLength(1);
    expect(r.err).toMatch(message);
    expectSentences(r.err);
    expect(await snapshot(dir())).toEqual(before);
  });
});

it('K17 the hand-made zip of the untouched parts is still a workbook implan opens', async () => {
  await fs.writeFile(file('book.xlsx'), makeZip(parts));
  expect((await cli('validate', file('book.xlsx'))).code).toBe(0);
  expect((await cli('consolidate', file('book.xlsx'))).code).toBe(0);
  await expectOpens(file('book.xlsx'));
});

it('K20 a 3 GB file (sparse) is refused before it is read', async () => {
  const handle = await fs.open(file('huge.xlsx'), 'w');
  await handle.truncate(3 * 1024 * MB);
  await handle.close();
  const r = await cli('validate', file('huge.xlsx'));
  expect(r.code).toBe(2);
  expect(r.err).toMatch(/huge\.xlsx is over 2 GB, larger than implan can open\.$/);
  expectSentences(r.err);
});
