import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../../shared/ipc/errors.ts';
import type { Secrets } from '../platform.ts';

// "Remember on this device": a store's passphrase, encrypted by the
// operating system's secure storage, kept in the app's config folder and
// keyed by the store's full path. Only ever the encrypted bytes are written;
// without the person's OS login they are useless.

const FILE_NAME = 'remembered-passphrases.json';

/** Backends that protect nothing: Chromium's fallback uses a fixed, published key. */
const WEAK_BACKENDS = new Set(['basic_text', 'unknown']);

export interface RememberAvailability {
  available: boolean;
  /** Why not, in words a person can act on (null when available) */
  reason: string | null;
}

export function rememberAvailability(secrets: Secrets | undefined): RememberAvailability {
  if (!secrets) {
    return { available: false, reason: 'Remembering a passphrase needs the desktop app’s secure storage, which is not available here.' };
  }
  let available = false;
  let backend = 'unknown';
  try {
    available = secrets.isAvailable();
    backend = secrets.backend();
  } catch {
    available = false;
  }
  if (!available) {
    return {
      available: false,
      reason: 'This computer offers DHR Tracker no secure storage for passwords, so the passphrase cannot be remembered. Enter it each time you unlock.',
    };
  }
  if (WEAK_BACKENDS.has(backend)) {
    return {
      available: false,
      reason:
        'This Linux desktop has no keyring (such as GNOME Keyring or KWallet) that DHR Tracker can use. Without one, the passphrase could only be stored under a fixed key that anyone can look up, which protects nothing, so it is not remembered. Enter it each time, or set up a keyring and restart DHR Tracker.',
    };
  }
  return { available: true, reason: null };
}

interface RememberedFile {
  version: 1;
  /** Full store path → base64 of the OS-encrypted passphrase */
  stores: Record<string, string>;
}

export function createRememberedPassphrases(configDir: string, secrets: Secrets | undefined) {
  const file = path.join(configDir, FILE_NAME);

  function read(): RememberedFile {
    try {
      const parsed = JSON.parse(fs.readFileSync(file, 'utf8')) as Partial<RememberedFile>;
      const stores: Record<string, string> = {};
      if (parsed && typeof parsed.stores === 'object' && parsed.stores) {
        for (const [key, value] of Object.entries(parsed.stores)) if (typeof value === 'string') stores[key] = value;
      }
      return { version: 1, stores };
    } catch {
      return { version: 1, stores: {} };
    }
  }

  function write(data: RememberedFile): void {
    fs.mkdirSync(configDir, { recursive: true, mode: 0o700 });
    const tmp = `${file}.tmp`;
    fs.writeFileSync(tmp, JSON.stringify(data, null, 2), { mode: 0o600 });
    fs.chmodSync(tmp, 0o600);
    fs.renameSync(tmp, file);
  }

  const key = (storeFile: string) => path.resolve(storeFile);

  return {
    availability: () => rememberAvailability(secrets),
    has(storeFile: string): boolean {
      return Object.prototype.hasOwnProperty.call(read().stores, key(storeFile));
    },
    /** Keep the passphrase for this store, encrypted by the OS. Refused (UNAVAILABLE) where that protects nothing. */
    save(storeFile: string, passphrase: string): void {
      const availability = rememberAvailability(secrets);
      if (!availability.available || !secrets) throw new AppError('UNAVAILABLE', availability.reason ?? 'The passphrase cannot be remembered on this device.');
      const data = read();
      data.stores[key(storeFile)] = secrets.encrypt(passphrase).toString('base64');
      write(data);
    },
    /** The remembered passphrase, or null if none is remembered (or it can no longer be decrypted). */
    recall(storeFile: string): string | null {
      const stored = read().stores[key(storeFile)];
      if (stored === undefined || !secrets || !rememberAvailability(secrets).available) return null;
      try {
        return secrets.decrypt(Buffer.from(stored, 'base64'));
      } catch {
        // The OS key changed (a new login, a restored profile): the entry is useless now.
        return null;
      }
    },
    forget(storeFile: string): void {
      const data = read();
      if (!Object.prototype.hasOwnProperty.call(data.stores, key(storeFile))) return;
      delete data.stores[key(storeFile)];
      write(data);
    },
  };
}
export type RememberedPassphrases = ReturnType<typeof createRememberedPassphrases>;
