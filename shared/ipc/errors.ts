// Errors that cross the IPC boundary. A handler throws AppError with a code
// the renderer can branch on and a message a person can act on: what was
// wrong and what to do next. Anything else thrown is reported as INTERNAL.

export const ERROR_CODES = [
  'INVALID_INPUT',
  'UNKNOWN_CHANNEL',
  'FORBIDDEN_SENDER',
  'LOCKED',
  'WRONG_PASSPHRASE',
  'WEAK_PASSPHRASE',
  'NOT_A_STORE',
  'NEWER_STORE',
  'FILE_EXISTS',
  'FILE_NOT_FOUND',
  'FOLDER_NOT_FOUND',
  'NOT_WRITABLE',
  'NOT_EMPTY',
  'NOT_FOUND',
  'CONFLICT',
  /** The anonymity guard found real names in a document: the message lists where (and fields "names.0", … each place) */
  'NAMES_FOUND',
  /** The anonymity guard found first names alone (possible names) to review before it goes ahead: listed as for NAMES_FOUND */
  'NAMES_TO_REVIEW',
  /** Too many wrong passphrases: the message says how long to wait before trying again */
  'TOO_MANY_ATTEMPTS',
  /** A rekeyed store, a backup or a restored copy did not pass its checks; the message says what failed */
  'VERIFY_FAILED',
  /** The operating system cannot do what was asked (for example, no secure storage for a remembered passphrase) */
  'UNAVAILABLE',
  /** Another DHR Tracker window or dhr command held the store for longer than we wait; trying again later works */
  'STORE_BUSY',
  /** The store's file is damaged (cut short, or pages that fail their check): restore a backup */
  'DAMAGED_STORE',
  'INTERNAL',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export interface ErrorInfo {
  code: ErrorCode;
  message: string;
  /** Messages for particular form fields (path → message), so forms can show them beside the field */
  fields?: Record<string, string>;
}

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly fields?: Record<string, string>;
  constructor(code: ErrorCode, message: string, fields?: Record<string, string>) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    if (fields) this.fields = fields;
  }
}

export const isAppError = (e: unknown): e is AppError => e instanceof AppError;

export const WRONG_PASSPHRASE_MESSAGE = 'That passphrase does not unlock this store.';
