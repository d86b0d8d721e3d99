import { safeStorage } from 'electron';
import type { Secrets } from '../services/platform.ts';

/**
 * "Remember on this device" through Electron's safeStorage: DPAPI on
 * Windows, the Keychain on macOS, the desktop keyring on Linux. Whether a
 * backend is good enough is decided in the services (rememberAvailability),
 * which refuse Linux's 'basic_text' fallback.
 */
export function electronSecrets(platform: NodeJS.Platform = process.platform): Secrets {
  return {
    isAvailable: () => safeStorage.isEncryptionAvailable(),
    backend: () => (platform === 'linux' ? safeStorage.getSelectedStorageBackend() : platform === 'darwin' ? 'keychain' : platform === 'win32' ? 'dpapi' : 'unknown'),
    encrypt: (plain) => safeStorage.encryptString(plain),
    decrypt: (encrypted) => safeStorage.decryptString(encrypted),
  };
}
