import fs from 'node:fs';
import path from 'node:path';

// Remembers which store files were used, so the unlock screen can offer
// them, and the folder exports were last saved to. Holds paths only, never
// case data, so it may be plain JSON.

export interface AppConfig {
  recentFiles: string[];
  lastExportFolder: string | null;
}

const MAX_RECENT = 5;

export function createAppConfig(configDir: string) {
  const file = path.join(configDir, 'dhr-tracker-config.json');
  function read(): AppConfig {
    try {
      const parsed = JSON.parse(fs.readFileSync(file, 'utf8')) as Partial<AppConfig>;
      const recent = Array.isArray(parsed.recentFiles) ? parsed.recentFiles.filter((f): f is string => typeof f === 'string') : [];
      return { recentFiles: recent.slice(0, MAX_RECENT), lastExportFolder: typeof parsed.lastExportFolder === 'string' ? parsed.lastExportFolder : null };
    } catch {
      // Missing or unreadable config just means nothing remembered yet.
      return { recentFiles: [], lastExportFolder: null };
    }
  }
  function write(config: AppConfig): void {
    fs.mkdirSync(configDir, { recursive: true });
    const tmp = `${file}.tmp`;
    fs.writeFileSync(tmp, JSON.stringify(config, null, 2), { mode: 0o600 });
    fs.renameSync(tmp, file);
  }
  function remember(storeFile: string): void {
    const current = read();
    write({ ...current, recentFiles: [storeFile, ...current.recentFiles.filter((f) => f !== storeFile)].slice(0, MAX_RECENT) });
  }
  function rememberExportFolder(folder: string): void {
    write({ ...read(), lastExportFolder: folder });
  }
  return { read, remember, rememberExportFolder };
}
