import { createHash, createHmac, createCipheriv, createDecipheriv, randomBytes, scrypt as scryptCallback, timingSafeEqual } from 'node:crypto';
import { constants } from 'node:buffer';
import { promisify } from 'node:util';
import zlib from 'node:zlib';
import { MIN_PASSPHRASE_LENGTH } from '../../../shared/domain/passphrase.ts';
import { AppError } from '../../../shared/ipc/errors.ts';

// The bytes of an exchange package (.dhrpack). Format version 3 (the
// bytes are laid out as in version 2; its records also carry deletions,
// so an older app refuses it rather than silently dropping them):
//
//   magic      8   "DHRTPACK"
//   version    2   uint16, big-endian
//   kdf        4   1 = scrypt, log2 N, r, p
//   salt      16   random per package
//   nonce     12   random per package (AES-GCM IV)
//   key check 32   HMAC-SHA256(check key, KEY_CHECK_LABEL): tells a wrong passphrase from a damaged file
//   meta len   4   uint32, big-endian
//   metadata   n   UTF-8 JSON: sender, date, app version, scope (readable without the passphrase)
//   body len   8   uint64, big-endian: length of the ciphertext
//   ciphertext     AES-256-GCM of the gzipped records JSON
//   tag       16   GCM authentication tag
//   checksum  32   SHA-256 of every byte before it
//
// scrypt (N = 2^17, r = 8, p = 1) turns the passphrase and salt into 64
// bytes: the first 32 are the AES key, the last 32 the key-check key.
// Everything from the magic to the body length is the GCM additional data,
// so changing the metadata (or the KDF settings, salt or nonce) makes the
// tag fail even though the metadata is not secret. The plain checksum
// catches accidental damage and truncation before any key work, so each
// refusal can say what is wrong.
//
// Version 1 (the first release) had no key check, body length or checksum:
// magic, version, salt, nonce, meta len, metadata, ciphertext, tag, with
// fixed scrypt settings. It is still read.

export const MAGIC = Buffer.from('DHRTPACK', 'ascii');
export const FORMAT_VERSION = 3;
export const KEY_CHECK_LABEL = 'DHR Tracker exchange package key check';
export const SCRYPT = { log2N: 17, r: 8, p: 1 } as const;
/** Largest package read, and the most its records may unpack to */
export const MAX_PACKAGE_BYTES = 512 * 1024 * 1024;
export const MAX_RECORDS_BYTES = 1024 * 1024 * 1024;
const MAX_METADATA_BYTES = 64 * 1024;
/** The records are read as one string, which cannot be longer than this */
const MAX_JSON_CHARS = Math.min(MAX_RECORDS_BYTES, constants.MAX_STRING_LENGTH);

const scrypt = promisify(scryptCallback) as (password: string, salt: Buffer, keylen: number, options: { N: number; r: number; p: number; maxmem: number }) => Promise<Buffer>;
const gzip = promisify(zlib.gzip);
const gunzip = promisify(zlib.gunzip) as (buffer: Buffer, options: zlib.ZlibOptions) => Promise<Buffer>;

export function checkPackagePassphrase(passphrase: string): void {
  if ([...passphrase].length < MIN_PASSPHRASE_LENGTH) {
    throw new AppError('WEAK_PASSPHRASE', `The package passphrase must be at least ${MIN_PASSPHRASE_LENGTH} characters long. Use several unrelated words, and tell it to the person receiving the package by phone or in person, never in the same email.`);
  }
}

async function deriveKeys(passphrase: string, salt: Buffer, kdf: { log2N: number; r: number; p: number }, length: number): Promise<Buffer> {
  const N = 2 ** kdf.log2N;
  return scrypt(passphrase.normalize('NFC'), salt, length, { N, r: kdf.r, p: kdf.p, maxmem: 128 * N * kdf.r * kdf.p + 16 * 1024 * 1024 });
}

const keyCheck = (checkKey: Buffer) => createHmac('sha256', checkKey).update(KEY_CHECK_LABEL).digest();

/** Make a package of the given metadata and records. */
/** formatVersion is for tests that make packages as an older version did (2 has the same bytes as 3) */
export async function sealPackage(metadata: object, records: object, passphrase: string, options: { kdf?: { log2N: number; r: number; p: number }; formatVersion?: 2 | 3 } = {}): Promise<Buffer> {
  checkPackagePassphrase(passphrase);
  const kdf = options.kdf ?? SCRYPT;
  const salt = randomBytes(16);
  const nonce = randomBytes(12);
  const keys = await deriveKeys(passphrase, salt, kdf, 64);
  const encKey = keys.subarray(0, 32);
  const meta = Buffer.from(JSON.stringify(metadata), 'utf8');
  const plain = await gzip(Buffer.from(JSON.stringify(records), 'utf8'), { level: 6 });
  const head = Buffer.alloc(8 + 2 + 4 + 16 + 12 + 32 + 4);
  let at = MAGIC.copy(head, 0);
  at = head.writeUInt16BE(options.formatVersion ?? FORMAT_VERSION, at);
  at = head.writeUInt8(1, at);
  at = head.writeUInt8(kdf.log2N, at);
  at = head.writeUInt8(kdf.r, at);
  at = head.writeUInt8(kdf.p, at);
  at += salt.copy(head, at);
  at += nonce.copy(head, at);
  at += keyCheck(keys.subarray(32)).copy(head, at);
  head.writeUInt32BE(meta.length, at);
  const bodyLength = Buffer.alloc(8);
  bodyLength.writeBigUInt64BE(BigInt(plain.length));
  const aad = Buffer.concat([head, meta, bodyLength]);
  const cipher = createCipheriv('aes-256-gcm', encKey, nonce);
  cipher.setAAD(aad);
  const body = Buffer.concat([cipher.update(plain), cipher.final()]);
  const withTag = Buffer.concat([aad, body, cipher.getAuthTag()]);
  keys.fill(0);
  return Buffer.concat([withTag, createHash('sha256').update(withTag).digest()]);
}

export interface OpenedPackage {
  formatVersion: number;
  metadata: unknown;
  records: unknown;
}

/** What the header says, before the passphrase is tried. */
export interface PackageHeader {
  formatVersion: number;
  metadata: unknown;
}

const notAPackage = (label: string, what: string) =>
  new AppError('INVALID_INPUT', `${label} is not a DHR Tracker exchange package${what} Choose the .dhrpack file the other installation sent you.`);

const truncated = (label: string, missing?: number) =>
  new AppError(
    'INVALID_INPUT',
    `${label} is incomplete${missing ? ` (${missing.toLocaleString('en-GB')} bytes are missing)` : ''}: it was cut short, perhaps by an email system or an unfinished download. Ask the sender to send it again. Nothing was imported.`,
  );

const damaged = (label: string) =>
  new AppError(
    'INVALID_INPUT',
    `${label} has been altered or damaged since it was made (its checksum does not match), so it cannot be trusted. Ask the sender to send it again. Nothing was imported.`,
  );

const tampered = (label: string) =>
  new AppError(
    'INVALID_INPUT',
    `${label} has been altered since it was made: the passphrase is right, but the package does not match what the sender sealed. Do not use it; ask the sender to send it again. Nothing was imported.`,
  );

export const WRONG_PACKAGE_PASSPHRASE = 'That passphrase does not open this package. Check it with the sender (by phone, not by email) and try again. Nothing was imported.';

/** Recognise the other files people may pick by mistake, to say what they are. */
function whatElse(bytes: Buffer): string {
  const starts = (s: string | number[]) => (typeof s === 'string' ? bytes.subarray(0, s.length).toString('latin1') === s : s.every((b, i) => bytes[i] === b));
  if (starts('SQLite format 3')) return ': it is a database file, perhaps a DHR Tracker store (.dhr). A store is never sent; export a package from it instead.';
  if (starts([0x50, 0x4b, 0x03, 0x04])) return ': it is a zip file, or a Word or Excel document.';
  if (starts('%PDF')) return ': it is a PDF.';
  if (starts([0xd0, 0xcf, 0x11, 0xe0])) return ': it is an older Office document.';
  if (starts([0x1f, 0x8b])) return ': it is a gzip archive.';
  return ' (it does not start the way every package does).';
}

function readHeader(bytes: Buffer, label: string): { version: number; metadata: unknown; metaEnd: number } {
  if (bytes.length === 0) throw notAPackage(label, ': it is empty.');
  if (bytes.length < MAGIC.length || !bytes.subarray(0, MAGIC.length).equals(MAGIC)) {
    if (MAGIC.subarray(0, bytes.length).equals(bytes)) throw truncated(label);
    throw notAPackage(label, whatElse(bytes));
  }
  if (bytes.length < 10) throw truncated(label);
  const version = bytes.readUInt16BE(8);
  if (version > FORMAT_VERSION) {
    throw new AppError('NEWER_STORE', `${label} was made by a newer version of DHR Tracker (package format ${version}; this version reads up to ${FORMAT_VERSION}). Update DHR Tracker to import it. Nothing was imported.`);
  }
  if (version < 1) throw notAPackage(label, ` (it names package format ${version}, which never existed).`);
  const metaLenAt = version === 1 ? 10 + 16 + 12 : 10 + 4 + 16 + 12 + 32;
  if (bytes.length < metaLenAt + 4) throw truncated(label);
  const metaLength = bytes.readUInt32BE(metaLenAt);
  if (metaLength > MAX_METADATA_BYTES) throw damaged(label);
  const metaEnd = metaLenAt + 4 + metaLength;
  if (bytes.length < metaEnd) throw truncated(label, metaEnd - bytes.length);
  let metadata: unknown;
  try {
    metadata = JSON.parse(bytes.subarray(metaLenAt + 4, metaEnd).toString('utf8'));
  } catch {
    throw damaged(label);
  }
  return { version, metadata, metaEnd };
}

/** The header alone: format version and metadata, without the passphrase. Throws as openPackage does for files that are not packages. */
export function peekPackage(bytes: Buffer, label = 'The file'): PackageHeader {
  const { version, metadata } = readHeader(bytes, label);
  return { formatVersion: version, metadata };
}

async function unpackRecords(plain: Buffer, label: string): Promise<unknown> {
  let json: Buffer;
  try {
    json = await gunzip(plain, { maxOutputLength: MAX_RECORDS_BYTES });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE' || error instanceof RangeError) {
      throw new AppError('INVALID_INPUT', `${label} would unpack to more than ${MAX_RECORDS_BYTES / 1024 / 1024} MB of records, far more than any partnership holds, so it was not read. Nothing was imported.`);
    }
    throw tampered(label);
  }
  // Longer than the longest string JavaScript can hold: reading it would fail with a message that blames tampering.
  if (json.length > MAX_JSON_CHARS) {
    throw new AppError('INVALID_INPUT', `${label} holds more records than can be read at once (over ${Math.floor(MAX_JSON_CHARS / 1024 / 1024)} MB of them), far more than any partnership holds, so it was not read. Ask the sender to export one district at a time. Nothing was imported.`);
  }
  try {
    return JSON.parse(json.toString('utf8'));
  } catch {
    throw tampered(label);
  }
}

/**
 * Check and open a package. Each refusal is an AppError saying what is
 * wrong: not a package (another app's file), made by a newer version,
 * cut short, damaged or altered, or the wrong passphrase.
 */
export async function openPackage(bytes: Buffer, passphrase: string, label = 'The package'): Promise<OpenedPackage> {
  if (bytes.length > MAX_PACKAGE_BYTES) {
    throw new AppError('INVALID_INPUT', `${label} is larger than ${MAX_PACKAGE_BYTES / 1024 / 1024} MB, far more than any partnership's records, so it was not read.`);
  }
  const { version, metadata, metaEnd } = readHeader(bytes, label);
  if (!passphrase) throw new AppError('WRONG_PASSPHRASE', 'Enter the passphrase for this package.');
  if (version === 1) return openVersion1(bytes, passphrase, label, metadata, metaEnd);

  // Versions 2 and 3: body length, then the checksum over everything, before any key work.
  if (bytes.length < metaEnd + 8) throw truncated(label);
  const bodyLength = bytes.readBigUInt64BE(metaEnd);
  const expected = BigInt(metaEnd + 8) + bodyLength + 16n + 32n;
  if (BigInt(bytes.length) < expected) throw truncated(label, Number(expected - BigInt(bytes.length)));
  if (BigInt(bytes.length) > expected) throw damaged(label);
  const sumAt = bytes.length - 32;
  if (!createHash('sha256').update(bytes.subarray(0, sumAt)).digest().equals(bytes.subarray(sumAt))) throw damaged(label);

  const kdfId = bytes.readUInt8(10);
  const kdf = { log2N: bytes.readUInt8(11), r: bytes.readUInt8(12), p: bytes.readUInt8(13) };
  // Only settings this app could have written: a forged header must not make the import spend gigabytes or hours.
  if (kdfId !== 1 || kdf.log2N < 14 || kdf.log2N > 20 || kdf.r < 1 || kdf.r > 16 || kdf.p < 1 || kdf.p > 4) throw tampered(label);
  const salt = bytes.subarray(14, 30);
  const nonce = bytes.subarray(30, 42);
  const storedCheck = bytes.subarray(42, 74);
  const keys = await deriveKeys(passphrase, salt, kdf, 64);
  try {
    if (!timingSafeEqual(keyCheck(keys.subarray(32)), storedCheck)) throw new AppError('WRONG_PASSPHRASE', WRONG_PACKAGE_PASSPHRASE);
    const bodyAt = metaEnd + 8;
    const tagAt = sumAt - 16;
    const decipher = createDecipheriv('aes-256-gcm', keys.subarray(0, 32), nonce);
    decipher.setAAD(bytes.subarray(0, bodyAt));
    decipher.setAuthTag(bytes.subarray(tagAt, sumAt));
    let plain: Buffer;
    try {
      plain = Buffer.concat([decipher.update(bytes.subarray(bodyAt, tagAt)), decipher.final()]);
    } catch {
      throw tampered(label);
    }
    return { formatVersion: version, metadata, records: await unpackRecords(plain, label) };
  } finally {
    keys.fill(0);
  }
}

/** The first format: no checksum or key check, so a wrong passphrase and an altered file look alike. */
async function openVersion1(bytes: Buffer, passphrase: string, label: string, metadata: unknown, metaEnd: number): Promise<OpenedPackage> {
  if (bytes.length < metaEnd + 16) throw truncated(label);
  const salt = bytes.subarray(10, 26);
  const nonce = bytes.subarray(26, 38);
  const key = await deriveKeys(passphrase, salt, SCRYPT, 32);
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, nonce);
    decipher.setAAD(bytes.subarray(0, metaEnd));
    decipher.setAuthTag(bytes.subarray(bytes.length - 16));
    let plain: Buffer;
    try {
      plain = Buffer.concat([decipher.update(bytes.subarray(metaEnd, bytes.length - 16)), decipher.final()]);
    } catch {
      throw new AppError(
        'WRONG_PASSPHRASE',
        `That passphrase does not open this package, or the package was altered or cut short since it was made (packages from this older version of DHR Tracker cannot tell which). Check the passphrase with the sender; if it is right, ask them to send the package again. Nothing was imported.`,
      );
    }
    return { formatVersion: 1, metadata, records: await unpackRecords(plain, label) };
  } finally {
    key.fill(0);
  }
}
