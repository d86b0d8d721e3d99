import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

// The layering rules, checked on the source: lower layers never import
// upper ones, and only the Electron shell imports electron.

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && /\.(ts|tsx|mjs)$/.test(e.name))
    .map((e) => path.join(e.parentPath, e.name));
}

function imports(file: string): string[] {
  const text = fs.readFileSync(file, 'utf8');
  return [...text.matchAll(/(?:import|export)[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g)].map((m) => (m[1] ?? m[2])!);
}

/** Imports of a file, resolved to repo-relative paths (or kept as package names). */
function resolvedImports(file: string): string[] {
  return imports(file).map((spec) => (spec.startsWith('.') ? path.relative('.', path.resolve(path.dirname(file), spec)) : spec));
}

const NODE_BUILTINS = /^(node:|fs$|path$|os$|crypto$|child_process$|util$|zlib$)/;

describe('layers', () => {
  it('shared/ imports neither Node, Electron, the DOM libraries nor any upper layer', () => {
    for (const file of sourceFiles('shared')) {
      for (const spec of resolvedImports(file)) {
        expect(spec, `${file} imports ${spec}`).not.toMatch(NODE_BUILTINS);
        expect(spec, `${file} imports ${spec}`).not.toMatch(/^(electron|react|react-dom)$|^(electron|renderer)\//);
      }
      expect(fs.readFileSync(file, 'utf8'), `${file} touches the DOM`).not.toMatch(/\bdocument\.|\blocalStorage\b/);
    }
  });

  it('only electron/main and electron/preload import electron', () => {
    const offenders = ['electron/services', 'electron/cli', 'shared', 'renderer/src']
      .flatMap(sourceFiles)
      .filter((file) => imports(file).some((spec) => spec === 'electron' || spec.startsWith('electron/')));
    expect(offenders).toEqual([]);
  });

  it('services and the CLI never import the Electron shell or the renderer', () => {
    for (const file of [...sourceFiles('electron/services'), ...sourceFiles('electron/cli')]) {
      for (const spec of resolvedImports(file)) expect(spec, `${file} imports ${spec}`).not.toMatch(/^(electron\/main|electron\/preload|renderer)\//);
    }
  });

  it('the renderer reaches main only through window.api, never by importing it', () => {
    for (const file of sourceFiles('renderer/src')) {
      for (const spec of resolvedImports(file)) {
        expect(spec, `${file} imports ${spec}`).not.toMatch(/^electron\//);
        expect(spec, `${file} imports ${spec}`).not.toMatch(NODE_BUILTINS);
      }
    }
  });

  it('the preload exposes only the typed api', () => {
    const preload = fs.readFileSync('electron/preload/preload.ts', 'utf8');
    expect(preload.match(/exposeInMainWorld/g)).toHaveLength(1);
    expect(preload).toMatch(/exposeInMainWorld\(\s*'api',\s*createApi\(/);
    expect(preload).not.toMatch(/ipcRenderer\.send\b|sendSync|require\(/);
  });
});
