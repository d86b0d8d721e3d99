import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

// Every "today" and "now" comes from the one injected clock. A stray read of
// the system's clock would make an overdue count, a default date or an
// audit stamp depend on the day the code happens to run, and the tests
// pass or fail with the calendar. Only shared/domain/clock.ts may read it.

const ALLOWED = new Set([path.join('shared', 'domain', 'clock.ts')]);
// Spelt in pieces so this file does not match itself.
const SYSTEM_TIME = new RegExp(['new Date\\(\\s*\\)', 'Date\\.now\\('].join('|'));

function sourceFiles(dir: string): string[] {
  return fs
    .readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && /\.(ts|tsx|mjs)$/.test(e.name) && !e.parentPath.includes('node_modules'))
    .map((e) => path.join(e.parentPath, e.name));
}

describe('one clock', () => {
  it('nothing in the app, its scripts or its tests reads the system clock except shared/domain/clock.ts', () => {
    const offenders = ['electron', 'shared', 'renderer/src', 'scripts', 'test', 'bin']
      .filter((dir) => fs.existsSync(dir))
      .flatMap(sourceFiles)
      .filter((file) => !ALLOWED.has(file))
      .flatMap((file) =>
        fs
          .readFileSync(file, 'utf8')
          .split('\n')
          .map((line, i) => ({ file, line: i + 1, text: line.trim() }))
          .filter(({ text }) => SYSTEM_TIME.test(text)),
      )
      .map(({ file, line, text }) => `${file}:${line}: ${text}`);
    expect(offenders).toEqual([]);
  });

  it('the check can fail: it finds a read of the system clock', () => {
    expect(SYSTEM_TIME.test(['const t = Date', 'now();'].join('.'))).toBe(true);
    expect(SYSTEM_TIME.test(['const d = new Date', '();'].join(''))).toBe(true);
    expect(SYSTEM_TIME.test("const d = new Date('2026-11-21');")).toBe(false);
  });
});
