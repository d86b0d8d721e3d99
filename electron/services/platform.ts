// What the services need from the desktop but cannot import themselves
// (they are plain Node). electron/main supplies the real dialogs; tests and
// the CLI supply their own.

export interface Dialogs {
  /** Ask where to create a store, or which store to open. null when cancelled. */
  chooseStoreFile(purpose: 'create' | 'open'): Promise<string | null>;
  /** Ask where to save an export the person asked for. null when cancelled. */
  /** Ask which existing file to open (a document to check, a file to import). null when cancelled. */
  chooseOpenFile(options: { title: string; extensions: string[]; filterName: string }): Promise<string | null>;
  /** Ask which folder to put something in (a submission pack). null when cancelled. Optional: not every caller needs it. */
  chooseFolder?(options: { title: string }): Promise<string | null>;
  chooseExportFile(options: { title: string; defaultName: string; /** lower-case, without the dot */ extension: string }): Promise<string | null>;
}

/**
 * The operating system's secure storage (Electron's safeStorage in the app:
 * DPAPI on Windows, the Keychain on macOS, the desktop keyring on Linux).
 * Used only for "Remember on this device". Tests and the CLI supply a
 * stand-in or none at all.
 */
export interface Secrets {
  /** Whether the OS can encrypt at all (safeStorage.isEncryptionAvailable()) */
  isAvailable(): boolean;
  /**
   * Which store backs it: on Linux, safeStorage.getSelectedStorageBackend()
   * ('basic_text', 'gnome_libsecret', 'kwallet', 'kwallet5', 'kwallet6' or
   * 'unknown'); elsewhere 'dpapi' (Windows) or 'keychain' (macOS).
   */
  backend(): string;
  encrypt(plain: string): Buffer;
  decrypt(encrypted: Buffer): string;
}
