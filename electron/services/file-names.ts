import path from 'node:path';
import { AppError } from '../../shared/ipc/errors.ts';
import { cutInput, shownPath } from '../../shared/domain/quote-input.ts';

// A file name no system can hold is refused before any file work, with a
// message that says so, instead of the operating system's "ENAMETOOLONG".
// Windows, macOS and Linux all allow 255 characters (bytes on Linux) per
// name; a whole path may be longer, but a name that long is never meant.

export const MAX_NAME_BYTES = 255;

/** Throws AppError INVALID_INPUT if any part of the path is longer than a file system allows. */
export function checkNameLength(file: string, what = 'file'): void {
  const abs = path.resolve(file);
  for (const part of abs.split(/[\\/]/)) {
    if (Buffer.byteLength(part, 'utf8') > MAX_NAME_BYTES) {
      throw new AppError(
        'INVALID_INPUT',
        `The ${what} name "${cutInput(part)}" is ${[...part].length.toLocaleString('en-GB')} characters long, and a name can have at most ${MAX_NAME_BYTES}. Choose a shorter name.`,
      );
    }
  }
}

export { shownPath };
