import { promises as fs } from 'node:fs';

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
    const code = (e as NodeJS.ErrnoException).code;
    const why =
      code === 'ENOENT'
        ? 'does not exist'
        : code === 'EACCES'
          ? 'cannot be read (permission denied)'
          : code === 'EISDIR'
            ? 'is a folder, not a file'
            : `cannot be read (${code ?? 'unknown error'})`;
    throw new UserError(`The ${what} ${file} ${why}.`, 2);
  }
}
