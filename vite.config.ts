import { defineConfig } from 'vite';

// The renderer is a static bundle served from app://dhr/ (and, in tests,
// through the same handler). No dev server is used by the app itself.
export default defineConfig({
  root: 'renderer',
  base: '/',
  publicDir: false,
  oxc: { jsx: { runtime: 'automatic' } },
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    target: 'chrome130',
    sourcemap: false,
    // Keep everything in files: the CSP forbids inline scripts and styles.
    assetsInlineLimit: 0,
    modulePreload: { polyfill: false },
  },
});
