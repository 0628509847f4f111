import { promises as fs } from 'node:fs';
import path from 'node:path';
import { readProblem } from './file-errors';

/** A problem the user can fix: printed as one sentence, exit code 1 (input) or 2 (file). */
export class UserError extends Error {
  constructor(
    message: string,
    readonly exitCode: 1 | 2,
  ) {
    super(message);
  }
}

export async function readInput(file: string, what: string): Promise<Buffer> {
  try {
    return await fs.readFile(file);
  } catch (e) {
    throw new UserError(`The ${what} ${file} ${readProblem(e)}.`, 2);
  }
}

/**
 * A plan file's JSON, or one sentence on why it is not: a workbook given by mistake, or the
 * first thing the parser tripped on, without the file's bytes echoed back. A byte-order mark,
 * as Notepad writes one, is skipped.
 */
export function parseJson(file: string, bytes: Buffer): unknown {
  if (bytes[0] === 0x50 && bytes[1] === 0x4b)
    throw new UserError(
      `${file} is a zip package (a workbook?), not a plan file: import reads JSON; to get a workbook's plan as JSON, use implan export.`,
      1,
    );
  try {
    return JSON.parse(bytes.toString('utf8').replace(/^\uFEFF/, '')) as unknown;
  } catch (e) {
    const message = (e as Error).message;
    const why = /end of JSON input/.test(message)
      ? 'it ends before the plan does'
      : // "Unexpected token '}', "{ ..." is not valid JSON": the part before the echo.
        (message.split(/, "|\n/)[0] ?? message).replace(/[\u0000-\u001f]/g, ' ').slice(0, 80);
    throw new UserError(`${file} is not valid JSON: ${why}.`, 1);
  }
}

export async function exists(file: string): Promise<boolean> {
  return await fs.access(file).then(
    () => true,
    () => false,
  );
}

export const errno = (e: unknown): string | undefined => (e as NodeJS.ErrnoException).code;

/** Why the file system refused, in words a finance user can act on. */
export function reason(code: string | undefined, file: string): string {
  switch (code) {
    case 'ENOSPC':
    case 'EDQUOT':
      return 'there is no space left on the disk; free some space and try again';
    case 'EACCES':
    case 'EPERM':
      return `permission was denied in ${path.dirname(file)}`;
    case 'EROFS':
      return 'the disk is read-only';
    case 'ENOENT':
    case 'ENOTDIR':
      return `the folder ${path.dirname(file)} does not exist; create it or choose another path`;
    case 'ENAMETOOLONG':
      return 'the file name is too long';
    default:
      return `the system said ${code ?? 'unknown error'}`;
  }
}

export function writeError(file: string, e: unknown): UserError {
  if (e instanceof UserError) return e;
  return new UserError(
    `Could not write ${file}: ${reason(errno(e), file)}. Nothing was changed.`,
    2,
  );
}
