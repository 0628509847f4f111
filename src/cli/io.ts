import { randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { readProblem, writeProblem } from './file-errors';

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

export async function exists(file: string): Promise<boolean> {
  return await fs.access(file).then(
    () => true,
    () => false,
  );
}

/**
 * Writes through a temporary file in the same folder and renames it into place, so a failure
 * half-way never leaves a truncated workbook where the user's file was.
 */
export async function writeAtomically(file: string, bytes: Uint8Array | string): Promise<void> {
  const tmp = path.join(
    path.dirname(file),
    `.${path.basename(file)}.${randomBytes(4).toString('hex')}.tmp`,
  );
  try {
    await fs.writeFile(tmp, bytes);
    await fs.rename(tmp, file);
  } catch (e) {
    await fs.rm(tmp, { force: true });
    throw new UserError(`Could not write ${file}: ${writeProblem(e)}. Nothing was changed.`, 2);
  }
}
