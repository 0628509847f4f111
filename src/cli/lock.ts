import { randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { UserError, errno, writeError } from './io';

/**
 * The lock of a workbook changed in place: `.BOOK.xlsx.implan-lock` beside it, created with
 * O_EXCL before the workbook is read and removed once the new version is in place. It holds the
 * pid, host and a token, so that a lock left by a killed command is taken over and a command
 * removes only its own.
 */

/** How long a command waits for another implan command on the same workbook to finish. */
export const LOCK_WAIT_MS = 3000;
/** A lock older than this was left by a command that was killed, wherever it ran. */
const STALE_LOCK_MS = 10 * 60 * 1000;
/** A lock file with no readable owner (killed between creating and filling it) after this. */
const UNREADABLE_LOCK_MS = 5000;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return errno(e) === 'EPERM';
  }
}

async function isStale(lock: string): Promise<boolean> {
  const stat = await fs.stat(lock).catch(() => null);
  if (!stat) return true;
  const age = Date.now() - stat.mtimeMs;
  if (age > STALE_LOCK_MS) return true;
  try {
    const owner = JSON.parse(await fs.readFile(lock, 'utf8')) as { pid?: unknown; host?: unknown };
    return owner.host === os.hostname() && typeof owner.pid === 'number' && !alive(owner.pid);
  } catch {
    return age > UNREADABLE_LOCK_MS;
  }
}

/** The lock file of a workbook: beside it, hidden, named after it. */
export const lockFileOf = (real: string): string =>
  path.join(path.dirname(real), `.${path.basename(real)}.implan-lock`);

/** Takes the workbook's lock, waiting up to `waitMs` for another implan command to finish. */
export async function acquireLock(
  target: { readonly file: string; readonly real: string },
  waitMs: number,
): Promise<{ release: () => Promise<void> }> {
  const lock = lockFileOf(target.real);
  const token = randomBytes(8).toString('hex');
  const deadline = Date.now() + waitMs;
  for (;;) {
    try {
      const handle = await fs.open(lock, 'wx');
      try {
        await handle.writeFile(
          JSON.stringify({ pid: process.pid, host: os.hostname(), token, at: new Date() }),
        );
      } finally {
        await handle.close();
      }
      return {
        release: async () => {
          // Only our own lock: a stale-lock breaker elsewhere may have replaced it.
          const text = await fs.readFile(lock, 'utf8').catch(() => '');
          if (text.includes(token)) await fs.rm(lock, { force: true });
        },
      };
    } catch (e) {
      if (errno(e) !== 'EEXIST') throw writeError(target.file, e);
      if (await isStale(lock)) {
        await fs.rm(lock, { force: true });
        continue;
      }
      if (Date.now() >= deadline)
        throw new UserError(
          `Another implan command is changing ${target.file} right now; run this one again when it has finished (if none is running, delete ${lock}). Nothing was written.`,
          2,
        );
      await sleep(50);
    }
  }
}
