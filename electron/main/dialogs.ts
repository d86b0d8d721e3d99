import path from 'node:path';
import { app, dialog, type BrowserWindow } from 'electron';
import type { Dialogs } from '../services/platform.ts';
import { createAppConfig } from '../services/session/app-config.ts';

const STORE_FILTERS = [{ name: 'DHR Tracker store', extensions: ['dhr'] }];
const EXPORT_FILTER_NAMES: Record<string, string> = { docx: 'Word document', xlsx: 'Excel workbook', csv: 'CSV file', zip: 'Zip folder', pdf: 'PDF document' };

/** The save dialog opens where the person last saved an export (remembered across sessions). */
export function electronDialogs(parent: () => BrowserWindow | null, defaultFile: string, configDir: string): Dialogs {
  const config = createAppConfig(configDir);
  return {
    async chooseStoreFile(purpose) {
      const window = parent();
      if (purpose === 'create') {
        const options = { title: 'Create a new store', defaultPath: defaultFile, filters: STORE_FILTERS, properties: ['createDirectory' as const, 'showOverwriteConfirmation' as const] };
        const result = window ? await dialog.showSaveDialog(window, options) : await dialog.showSaveDialog(options);
        return result.canceled || !result.filePath ? null : result.filePath;
      }
      const options = { title: 'Open a store', filters: STORE_FILTERS, properties: ['openFile' as const] };
      const result = window ? await dialog.showOpenDialog(window, options) : await dialog.showOpenDialog(options);
      return result.canceled ? null : (result.filePaths[0] ?? null);
    },
    async chooseOpenFile({ title, extensions, filterName }) {
      const window = parent();
      const options = { title, filters: [{ name: filterName, extensions }], properties: ['openFile' as const] };
      const result = window ? await dialog.showOpenDialog(window, options) : await dialog.showOpenDialog(options);
      return result.canceled ? null : (result.filePaths[0] ?? null);
    },
    async chooseFolder({ title }) {
      const window = parent();
      const options = { title, defaultPath: config.read().lastExportFolder ?? app.getPath('documents'), properties: ['openDirectory' as const, 'createDirectory' as const] };
      const result = window ? await dialog.showOpenDialog(window, options) : await dialog.showOpenDialog(options);
      const folder = result.canceled ? null : (result.filePaths[0] ?? null);
      if (folder) config.rememberExportFolder(folder);
      return folder;
    },
    async chooseExportFile({ title, defaultName, extension }) {
      const window = parent();
      const options = {
        title,
        defaultPath: path.join(config.read().lastExportFolder ?? app.getPath('documents'), defaultName),
        filters: [{ name: EXPORT_FILTER_NAMES[extension] ?? `${extension.toUpperCase()} file`, extensions: [extension] }],
        properties: ['createDirectory' as const, 'showOverwriteConfirmation' as const],
      };
      const result = window ? await dialog.showSaveDialog(window, options) : await dialog.showSaveDialog(options);
      if (result.canceled || !result.filePath) return null;
      config.rememberExportFolder(path.dirname(result.filePath));
      return result.filePath;
    },
  };
}
