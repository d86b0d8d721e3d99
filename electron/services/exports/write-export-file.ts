import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { shownPath } from '../../../shared/domain/quote-input.ts';
import { AppError } from '../../../shared/ipc/errors.ts';
import { checkNameLength } from '../file-names.ts';

// Every export is written the same way: to a temporary file in the target's
// own folder, flushed to disk, then renamed over the target. A rename within
// one folder is atomic, so the person finds either their old file or the
// whole new one, never half a file; any failure removes the temporary file.

/** Lower-case, without the dot: 'docx', 'xlsx', 'csv', 'zip', or an attachment's own type such as 'pdf'. */
export type ExportExtension = string;

/**
 * What to do with a file already at the target. 'replace' where a save
 * dialog has already asked the person (the app); 'refuse' where nobody has
 * asked (the command line, unless --force is given).
 */
export interface ExportWriteOptions {
  existing?: 'replace' | 'refuse';
}

/** Files a store is made of: an export must never replace one. */
const STORE_FILE = /\.dhr(-wal|-shm|-journal)?$/i;

function errnoCode(error: unknown): string | undefined {
  return (error as NodeJS.ErrnoException | undefined)?.code;
}

/**
 * Where an export will go: absolute, and ending in the export's extension.
 * A name without it (some save dialogs do not add one) gets it added, so
 * the file opens in the right program and never takes another file's name.
 */
export function exportTarget(chosen: string, extension: ExportExtension): string {
  const abs = path.resolve(chosen);
  return path.extname(abs).toLowerCase() === `.${extension}` ? abs : `${abs}.${extension}`;
}

/**
 * The checks made before anything is written, each with its own message:
 * callers may run them early (the CLI does, before opening the store).
 */
export function checkExportLocation(chosenPath: string, extension: ExportExtension, options: ExportWriteOptions = {}): void {
  const chosen = path.resolve(chosenPath);
  checkExportTarget(chosen, exportTarget(chosen, extension), extension, options);
}

/** The refusal when a file is in the way and nobody asked to replace it: it names the file and both ways on. */
function alreadyThere(target: string): AppError {
  return new AppError('FILE_EXISTS', `${shownPath(target)} already exists, and was left as it is. Add --force to replace it, or choose another file name.`);
}

/** What is at a path, if anything; a path the system cannot even look up is refused with what to do. */
function statOf(file: string): fs.Stats | undefined {
  try {
    return fs.statSync(file, { throwIfNoEntry: false });
  } catch (error) {
    if (errnoCode(error) === 'ENAMETOOLONG') throw new AppError('INVALID_INPUT', `Cannot save ${shownPath(file)}: the path is too long. Choose a shorter name, or a folder nearer the top of the drive.`);
    throw new AppError('INVALID_INPUT', `Cannot use ${shownPath(file)} (${errnoCode(error) ?? 'unknown error'}). Choose another file name or folder.`);
  }
}

function checkExportTarget(chosen: string, target: string, extension: ExportExtension, options: ExportWriteOptions): void {
  checkNameLength(target);
  const folder = path.dirname(target);
  if (STORE_FILE.test(path.basename(chosen))) {
    throw new AppError('INVALID_INPUT', `${shownPath(chosen)} is a DHR Tracker store file name, and an export must never replace a store. Choose a file name ending in .${extension}.`);
  }
  const chosenStat = statOf(chosen);
  if (chosenStat?.isDirectory()) throw new AppError('INVALID_INPUT', `${shownPath(chosen)} is a folder. Give a file name inside it, such as ${shownPath(path.join(chosen, `export.${extension}`))}.`);
  let folderStat: fs.Stats | undefined;
  try {
    folderStat = fs.statSync(folder, { throwIfNoEntry: false });
  } catch (error) {
    throw new AppError('FOLDER_NOT_FOUND', `Cannot reach the folder ${shownPath(folder)} (${errnoCode(error) ?? 'unknown error'}). Choose another folder.`);
  }
  if (!folderStat) throw new AppError('FOLDER_NOT_FOUND', `The folder ${shownPath(folder)} does not exist. Create it first, or choose another folder.`);
  if (!folderStat.isDirectory()) throw new AppError('FOLDER_NOT_FOUND', `${shownPath(folder)} is not a folder. Choose a folder to save the export in.`);
  const stat = statOf(target);
  if (stat?.isDirectory()) throw new AppError('INVALID_INPUT', `${shownPath(target)} is a folder. Give a file name inside it, such as ${shownPath(path.join(target, `export.${extension}`))}.`);
  if (stat && !stat.isFile()) throw new AppError('INVALID_INPUT', `${shownPath(target)} is not a regular file, so the export cannot replace it. Choose another file name.`);
  // Only a file the person named themselves is replaced; one whose name we completed is not.
  if (stat && options.existing === 'refuse') throw alreadyThere(target);
  if (stat && target !== chosen) throw new AppError('FILE_EXISTS', `${shownPath(target)} already exists. Choose another file name, or choose ${shownPath(path.basename(target))} itself to replace it.`);
}

function writeFailure(error: unknown, target: string, replacing: boolean): AppError {
  const code = errnoCode(error);
  const folder = path.dirname(target);
  if (replacing && (code === 'EACCES' || code === 'EPERM' || code === 'EBUSY')) {
    return new AppError('NOT_WRITABLE', `Cannot replace ${shownPath(target)}: it is open in another program, such as Word, or it is read-only. Close it there and export again, or choose another file name.`);
  }
  switch (code) {
    case 'EACCES':
    case 'EPERM':
    case 'EROFS':
      return new AppError('NOT_WRITABLE', `Cannot save ${shownPath(path.basename(target))} in ${shownPath(folder)}: that folder is read-only or you do not have permission to write there. Choose a folder you can write to, such as your Documents folder.`);
    case 'EBUSY':
    case 'ETXTBSY':
      return new AppError('NOT_WRITABLE', `Cannot replace ${shownPath(target)}: it is open in another program, such as Word. Close it there and export again, or choose another file name.`);
    case 'ENOSPC':
    case 'EDQUOT':
      return new AppError('NOT_WRITABLE', `Cannot save ${shownPath(target)}: the disk is full. Free some space, or choose another drive, and export again.`);
    case 'EFBIG':
      return new AppError('NOT_WRITABLE', `Cannot save ${shownPath(target)}: the file is larger than that location allows. Choose another drive or folder and export again.`);
    case 'ENAMETOOLONG':
      return new AppError('INVALID_INPUT', `Cannot save ${shownPath(target)}: the file name is too long. Choose a shorter name.`);
    case 'ENOENT':
    case 'ENOTDIR':
      return new AppError('FOLDER_NOT_FOUND', `The folder ${shownPath(folder)} does not exist any more. Choose another folder and export again.`);
    case 'EISDIR':
      return new AppError('INVALID_INPUT', `${shownPath(target)} is a folder. Give a file name inside it.`);
    default:
      return new AppError('NOT_WRITABLE', `Cannot save ${shownPath(target)} (${code ?? 'unknown error'}). Nothing was written; choose another folder and export again.`);
  }
}

/**
 * Write an export's bytes to the chosen file, all or nothing. An existing
 * file is replaced only when the person named it, with the export's own
 * extension (a save dialog has already asked them to confirm that), and
 * never with `existing: 'refuse'`: then the new file is linked into place,
 * which fails rather than replace a file that appeared meanwhile.
 * Returns the absolute path written and its size.
 */
export function writeExportFile(chosen: string, bytes: Uint8Array, extension: ExportExtension, options: ExportWriteOptions = {}): { file: string; bytes: number } {
  const abs = path.resolve(chosen);
  const target = exportTarget(abs, extension);
  checkExportTarget(abs, target, extension, options);
  const folder = path.dirname(target);
  // Hidden, unique and in the same folder, so the final rename cannot cross file systems.
  // (The name is shortened so a long but valid target name cannot make the temporary name too long.)
  const temp = path.join(folder, `.${path.basename(target).slice(0, 100)}.${randomBytes(6).toString('hex')}.tmp`);
  let fd: number | null = null;
  let renaming = false;
  try {
    // Owner-only, like the store: an export holds the same sensitive data.
    fd = fs.openSync(temp, fs.constants.O_CREAT | fs.constants.O_EXCL | fs.constants.O_WRONLY, 0o600);
    let offset = 0;
    while (offset < bytes.length) offset += fs.writeSync(fd, bytes, offset, bytes.length - offset);
    fs.fsyncSync(fd);
    fs.closeSync(fd);
    fd = null;
    renaming = true;
    if (options.existing === 'refuse') placeWithoutReplacing(temp, target);
    else fs.renameSync(temp, target);
  } catch (error) {
    if (fd !== null) {
      try {
        fs.closeSync(fd);
      } catch {
        // already failing; the temp file is removed below
      }
    }
    try {
      fs.rmSync(temp, { force: true });
    } catch {
      // nothing more can be done; the failure itself is what the person needs to hear about
    }
    if (error instanceof AppError) throw error;
    throw writeFailure(error, target, renaming && fs.existsSync(target));
  }
  syncFolder(folder);
  return { file: target, bytes: bytes.length };
}

/**
 * Put the finished temporary file at the target only if nothing is there:
 * a hard link fails when the name is taken, so no file can be replaced in
 * the moment between the check and the write. Where links are not
 * supported (some network and FAT drives), the name is checked just before
 * an ordinary rename.
 */
function placeWithoutReplacing(temp: string, target: string): void {
  try {
    fs.linkSync(temp, target);
  } catch (error) {
    const code = errnoCode(error);
    if (code === 'EEXIST') throw alreadyThere(target);
    if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EOPNOTSUPP' && code !== 'EXDEV' && code !== 'ENOSYS') throw error;
    if (fs.existsSync(target)) throw alreadyThere(target);
    fs.renameSync(temp, target);
    return;
  }
  fs.rmSync(temp, { force: true });
}

/** Make the rename itself durable where the platform allows it (not on Windows). */
function syncFolder(folder: string): void {
  try {
    const fd = fs.openSync(folder, 'r');
    try {
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
  } catch {
    // best effort only: the file itself is already complete on disk
  }
}
