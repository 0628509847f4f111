/**
 * What a file system error means for the file a person named, as a sentence: never the bare
 * code (ENOENT, EISDIR...), which says nothing to someone who is not a programmer.
 */

const READ: Record<string, string> = {
  ENOENT: 'does not exist',
  ENOTDIR: 'does not exist (a part of its path is a file, not a folder)',
  EISDIR: 'is a folder, not a file',
  EACCES: 'cannot be read: permission denied',
  EPERM: 'cannot be read: permission denied',
  EBUSY: 'is locked by another program (is it open in Excel?); close it there and try again',
  EMFILE: 'cannot be opened now: too many files are open; try again',
  ELOOP: 'cannot be read: its path loops through links',
  ENAMETOOLONG: 'cannot be read: its name is too long',
  ERR_FS_FILE_TOO_LARGE: 'is over 2 GB, larger than implan can open',
  ERR_STRING_TOO_LONG: 'is over 2 GB, larger than implan can open',
};

const WRITE: Record<string, string> = {
  ENOENT: 'its folder does not exist; create the folder or choose another path',
  ENOTDIR: 'a part of its path is a file, not a folder',
  EISDIR: 'a folder has that name; choose a file name',
  EACCES: 'permission denied; choose a folder you can write to',
  EPERM: 'permission denied; choose a folder you can write to',
  EROFS: 'the disk is read-only; choose another folder',
  ENOSPC: 'the disk is full; free some space and try again',
  EDQUOT: 'your disk quota is used up; free some space and try again',
  EBUSY: 'it is locked by another program (is it open in Excel?); close it there and try again',
  EXDEV: 'its folder is on another disk than the temporary file; choose another folder',
  ENAMETOOLONG: 'its name is too long',
};

const codeOf = (error: unknown): string | undefined => {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
};

/** Why `file` could not be read, e.g. "does not exist". */
export function readProblem(error: unknown): string {
  const code = codeOf(error);
  return (code && READ[code]) ?? 'cannot be read (the system refused it)';
}

/** Why `file` could not be written, e.g. "its folder does not exist; ...". */
export function writeProblem(error: unknown): string {
  const code = codeOf(error);
  return (code && WRITE[code]) ?? 'the system refused to write it';
}
