// Builds the app: the Electron main process and preload (esbuild, CommonJS,
// as a sandboxed preload requires) and the renderer (Vite).
import { build as esbuild } from 'esbuild';
import { build as vite } from 'vite';

const shared = {
  bundle: true,
  platform: 'node',
  target: 'node22',
  format: 'cjs',
  sourcemap: false,
  logLevel: 'warning',
  // electron is provided at run time; the SQLite driver and resvg (which draws the reports' charts)
  // are native modules loaded from node_modules.
  external: ['electron', 'better-sqlite3-multiple-ciphers', '@resvg/resvg-js'],
};

const only = process.argv[2];
if (!only || only === 'electron') {
  await esbuild({ ...shared, entryPoints: ['electron/main/main.ts'], outfile: 'dist/electron/main.cjs' });
  await esbuild({ ...shared, entryPoints: ['electron/preload/preload.ts'], outfile: 'dist/electron/preload.cjs' });
}
if (!only || only === 'renderer') {
  await vite({ configFile: 'vite.config.ts', logLevel: 'warn' });
}
console.log('Built dist/electron and dist/renderer');
