import fs from 'node:fs';
import path from 'node:path';

// Remembers which store files were used, so the unlock screen can offer
// them. Holds file paths only, never case data, so it may be plain JSON.

export interface AppConfig {
  recentFiles: string[];
}

const MAX_RECENT = 5;

export function createAppConfig(configDir: string) {
  const file = path.join(configDir, 'dhr-tracker-config.json');
  function read(): AppConfig {
    try {
      const parsed = JSON.parse(fs.readFileSync(file, 'utf8')) as Partial<AppConfig>;
      const recent = Array.isArray(parsed.recentFiles) ? parsed.recentFiles.filter((f): f is string => typeof f === 'string') : [];
      return { recentFiles: recent.slice(0, MAX_RECENT) };
    } catch {
      // Missing or unreadable config just means no recent files.
      return { recentFiles: [] };
    }
  }
  function remember(storeFile: string): void {
    const recentFiles = [storeFile, ...read().recentFiles.filter((f) => f !== storeFile)].slice(0, MAX_RECENT);
    fs.mkdirSync(configDir, { recursive: true });
    const tmp = `${file}.tmp`;
    fs.writeFileSync(tmp, JSON.stringify({ recentFiles }, null, 2), { mode: 0o600 });
    fs.renameSync(tmp, file);
  }
  return { read, remember };
}
