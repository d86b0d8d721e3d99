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
