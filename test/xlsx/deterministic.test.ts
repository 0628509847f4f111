/**
 * Same plan, same bytes: nothing in a written file comes from the clock except the "built at"
 * text a consolidation plan carries. Each case writes twice with the system clock set either
 * side of a two-second boundary (zip entries store time in two-second steps), so a timestamp
 * taken from the clock anywhere in the output makes the bytes differ, whatever the timing of
 * the machine running the test.
 */
import { demoPlan } from '../../src/domain/demo';
import { addProjectPlan, newWorkbookPlan } from '../../src/domain/template/workbook';
import {
  changeWorkbook,
  consolidateWorkbook,
  newWorkbook,
  readWorkbookState,
} from '../../src/xlsx/workbook-file';

const BUILT = '1 Dec 2026 09:00 UTC';
// Only Date is faked: the writers' promises and streams keep their real timers.
const ONLY_DATE = [
  'hrtime',
  'nextTick',
  'performance',
  'queueMicrotask',
  'requestAnimationFrame',
  'cancelAnimationFrame',
  'requestIdleCallback',
  'cancelIdleCallback',
  'setImmediate',
  'clearImmediate',
  'setInterval',
  'clearInterval',
  'setTimeout',
  'clearTimeout',
] as const;

async function writtenAt(iso: string, write: () => Promise<Buffer>): Promise<Buffer> {
  jest.useFakeTimers({ doNotFake: [...ONLY_DATE], now: new Date(iso) });
  try {
    return await write();
  } finally {
    jest.useRealTimers();
  }
}

async function twiceAcrossASecond(write: () => Promise<Buffer>): Promise<[Buffer, Buffer]> {
  return [
    await writtenAt('2026-03-01T10:00:01.900Z', write),
    await writtenAt('2026-03-01T10:00:04.100Z', write),
  ];
}

describe('same plan, same bytes', () => {
  it('writes the same new workbook at two different times', async () => {
    const [a, b] = await twiceAcrossASecond(() => newWorkbook(newWorkbookPlan(demoPlan())));
    expect(a.equals(b)).toBe(true);
  });

  it('adds the same project to the same workbook at two different times', async () => {
    const base = await newWorkbook(newWorkbookPlan(demoPlan()));
    const state = await readWorkbookState(base);
    const add = async () => {
      const added = addProjectPlan(state, { name: 'Delta Works', manager: 'Kim' });
      if (!added.ok) throw new Error('the project should be accepted');
      return await changeWorkbook(base, added.value.plan);
    };
    const [a, b] = await twiceAcrossASecond(add);
    expect(a.equals(b)).toBe(true);
  });

  it('consolidates the same workbook into the same bytes at two different times', async () => {
    const base = await newWorkbook(newWorkbookPlan(demoPlan()));
    const consolidate = async () => {
      const { bytes } = await consolidateWorkbook(base, { builtAt: BUILT });
      if (!bytes) throw new Error('the demo should consolidate');
      return bytes;
    };
    const [a, b] = await twiceAcrossASecond(consolidate);
    expect(a.equals(b)).toBe(true);
  });
});
