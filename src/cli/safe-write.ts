import { randomBytes } from 'node:crypto';
import { type Stats, promises as fs } from 'node:fs';
import path from 'node:path';
import { UserError, errno, reason, writeError } from './io';
import { LOCK_WAIT_MS, acquireLock } from './lock';

export { lockFileOf } from './lock';

/**
 * Every file the command line writes goes through here, so that no command loses anything:
 *
 * - a new file is never written over an existing one unless the user said `--force`, and never
 *   over one of the command's own inputs, whatever the flags;
 * - bytes go to a temporary file in the same folder, are flushed to disk and only then renamed
 *   into place, so a kill or a full disk leaves the old file or the new one, never half of one;
 * - a workbook changed in place is locked from the moment it is read until the new version is
 *   in place (`.BOOK.xlsx.implan-lock`, see lock.ts), so two implan commands on one
 *   workbook run one after the other instead of one silently undoing the other; and just before
 *   the rename the file is compared with what was read, so a save from Excel or any other
 *   program in the meantime is refused instead of overwritten;
 * - the `.bak` of an in-place change is made only once the new version is in place;
 * - a symbolic link is followed (the file it points at is written, the link stays a link); one
 *   that points nowhere, a folder or a device is refused.
 */

export interface Target {
  /** The path the user gave, for messages. */
  readonly file: string;
  /** The path actually written: symbolic links resolved. */
  readonly real: string;
  readonly existing: Stats | null;
}

/** Where writing `file` really lands; refuses links to nowhere, folders and devices. */
async function resolveTarget(file: string): Promise<Target> {
  let stat: Stats;
  try {
    stat = await fs.lstat(file);
  } catch (e) {
    if (errno(e) === 'ENOENT') return { file, real: file, existing: null };
    throw writeError(file, e);
  }
  let real = file;
  if (stat.isSymbolicLink()) {
    try {
      real = await fs.realpath(file);
      stat = await fs.stat(real);
    } catch {
      throw new UserError(
        `${file} is a symbolic link to a file that does not exist; give the real file name instead. Nothing was written.`,
        2,
      );
    }
  }
  if (stat.isDirectory())
    throw new UserError(`${file} is a folder; give a file name. Nothing was written.`, 2);
  if (!stat.isFile())
    throw new UserError(
      `${file} is not an ordinary file (a device or a pipe); give a file name. Nothing was written.`,
      2,
    );
  return { file, real, existing: stat };
}

const sameFile = (a: Stats, b: Stats) => a.dev === b.dev && a.ino === b.ino;

/** Whether two paths name one existing file (through links, `..` or another spelling). */
export async function isSameFile(a: string, b: string): Promise<boolean> {
  const [sa, sb] = await Promise.all([a, b].map((f) => fs.stat(f).catch(() => null)));
  return sa != null && sb != null && sameFile(sa, sb);
}

/** Writes `bytes` to a new temporary file beside `real`, flushed to disk; returns its path. */
async function writeTemp(real: string, bytes: Uint8Array | string, mode?: number): Promise<string> {
  const tmp = path.join(
    path.dirname(real),
    `.${path.basename(real)}.${randomBytes(4).toString('hex')}.tmp`,
  );
  let handle: fs.FileHandle | undefined;
  try {
    handle = await fs.open(tmp, 'wx', mode ?? 0o666);
    await handle.writeFile(bytes);
    await handle.sync();
    await handle.close();
    handle = undefined;
    if (mode !== undefined) await fs.chmod(tmp, mode);
    return tmp;
  } catch (e) {
    await handle?.close().catch(() => undefined);
    await fs.rm(tmp, { force: true });
    throw e;
  }
}

/** Makes a rename durable: a crash right after it must not bring the old name back. */
async function syncFolder(real: string): Promise<void> {
  const dir = await fs.open(path.dirname(real), 'r').catch(() => undefined);
  if (!dir) return;
  await dir.sync().catch(() => undefined);
  await dir.close();
}

export interface WriteOptions {
  /** Replace an existing file (never one of the command's inputs). */
  readonly force?: boolean;
  /** Files the command reads; the output may never be one of them. */
  readonly inputs?: readonly { readonly file: string; readonly what: string }[];
  readonly lockWaitMs?: number;
}

/**
 * Whether `file` may be made: refuses an existing file unless `force`, one of the command's
 * inputs always, and links to nowhere, folders and devices. Called again by writeNewFile; call
 * it first to refuse before a long piece of work.
 */
export async function checkNewFile(file: string, options: WriteOptions = {}): Promise<Target> {
  const target = await resolveTarget(file);
  for (const input of options.inputs ?? []) {
    const stat = await fs.stat(input.file).catch(() => null);
    if (target.existing && stat && sameFile(stat, target.existing))
      throw new UserError(
        `${file} is the ${input.what} this command reads; choose another file for the output. Nothing was written.`,
        2,
      );
  }
  if (target.existing && !options.force)
    throw new UserError(
      `${file} already exists; choose another file name, or add --force to replace it. Nothing was written.`,
      2,
    );
  return target;
}

/**
 * Writes a file the command makes (init, demo, import, export, consolidate -o): refuses an
 * existing file unless `force`, and one of the command's inputs always.
 */
export async function writeNewFile(
  file: string,
  bytes: Uint8Array | string,
  options: WriteOptions = {},
): Promise<void> {
  const target = await checkNewFile(file, options);
  const lock = await acquireLock(target, options.lockWaitMs ?? LOCK_WAIT_MS);
  let tmp: string | undefined;
  try {
    tmp = await writeTemp(target.real, bytes, target.existing?.mode);
    if (target.existing) await fs.rename(tmp, target.real);
    else {
      // link() fails if the name appeared meanwhile, where rename() would replace it.
      try {
        await fs.link(tmp, target.real);
        await fs.rm(tmp, { force: true });
      } catch (e) {
        if (errno(e) === 'EEXIST')
          throw new UserError(
            `${file} appeared while implan was writing it; choose another file name, or add --force to replace it. Nothing was written.`,
            2,
          );
        await fs.rename(tmp, target.real); // a file system without hard links
      }
    }
    tmp = undefined;
    await syncFolder(target.real);
  } catch (e) {
    throw writeError(file, e);
  } finally {
    if (tmp) await fs.rm(tmp, { force: true });
    await lock.release();
  }
}

/** A workbook read for an in-place change, locked until `withWorkbook` returns. */
export interface OpenWorkbook {
  readonly bytes: Buffer;
  /**
   * Puts `bytes` in place of the workbook if it is still what was read; with `backup`, the
   * previous version is kept as BOOK.xlsx.bak once the new one is in place, beside the file a
   * link points at. Returns the path of that .bak, or null.
   */
  replace(bytes: Uint8Array, options?: { readonly backup?: boolean }): Promise<string | null>;
}

/**
 * Opens `file` for an in-place change (add-project, consolidate): locks it, reads it, runs
 * `change`, and releases the lock whatever happens.
 */
export async function withWorkbook<T>(
  file: string,
  read: (file: string) => Promise<Buffer>,
  change: (book: OpenWorkbook) => Promise<T>,
  options: { readonly lockWaitMs?: number } = {},
): Promise<T> {
  const target = await resolveTarget(file);
  if (!target.existing) {
    await read(file); // says why it cannot be read
    throw new UserError(`The workbook ${file} does not exist.`, 2);
  }
  const lock = await acquireLock(target, options.lockWaitMs ?? LOCK_WAIT_MS);
  try {
    const original = await read(target.real).catch((e: unknown) => {
      throw e instanceof UserError ? new UserError(e.message.replace(target.real, file), 2) : e;
    });
    return await change({
      bytes: original,
      replace: async (bytes, { backup = false } = {}) =>
        await replaceWorkbook(target, original, bytes, backup),
    });
  } finally {
    await lock.release();
  }
}

async function replaceWorkbook(
  target: Target,
  original: Buffer,
  bytes: Uint8Array,
  backup: boolean,
): Promise<string | null> {
  const bak = `${target.real}.bak`;
  if (backup) {
    const stat = await fs.lstat(bak).catch(() => null);
    if (stat && !stat.isFile())
      throw new UserError(
        `${target.file}.bak is ${stat.isSymbolicLink() ? 'a symbolic link' : 'not an ordinary file'}, so implan cannot keep the previous version there; move it away and try again. Nothing was written.`,
        2,
      );
  }
  let tmp: string | undefined;
  let bakTmp: string | undefined;
  try {
    tmp = await writeTemp(target.real, bytes, target.existing?.mode);
    if (backup) bakTmp = await writeTemp(bak, original, target.existing?.mode);
    const now = await fs.readFile(target.real).catch(() => null);
    if (!now || !now.equals(original))
      throw new UserError(
        `${target.file} was changed by another program while implan was working on it (saved from Excel?); nothing was written. Run the command again.`,
        2,
      );
    await fs.rename(tmp, target.real);
    tmp = undefined;
  } catch (e) {
    if (bakTmp) await fs.rm(bakTmp, { force: true });
    throw writeError(target.file, e);
  } finally {
    if (tmp) await fs.rm(tmp, { force: true });
  }
  try {
    if (bakTmp) await fs.rename(bakTmp, bak);
    bakTmp = undefined;
    await syncFolder(target.real);
    return backup ? bak : null;
  } catch (e) {
    throw new UserError(
      `${target.file} was updated, but the previous version could not be kept as ${target.file}.bak: ${reason(errno(e), bak)}.`,
      2,
    );
  } finally {
    if (bakTmp) await fs.rm(bakTmp, { force: true });
  }
}
