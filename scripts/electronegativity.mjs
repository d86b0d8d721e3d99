// `npm run electronegativity`: Doyensec's Electronegativity over the app's
// source (electron/ and the renderer) and over the built app (dist/). Fails on
// any HIGH or MEDIUM finding, on any file it could not parse, and on any
// `eng-disable` annotation that does not give its reason on the same line
// ("/* eng-disable CHECK_ID */ // reason: …").
//
// It runs offline. Electronegativity fetches translations and Electron's
// release list over the network when it can; here its HTTP client is replaced
// by one that fails at once (the English texts ship with it), the Electron
// version comes from node_modules, and the one check that only compares
// against the online release list (AvailableSecurityFixesGlobalCheck) is left
// out: Electron's version is pinned in package.json and updated through npm.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const require = createRequire(path.join(root, 'node_modules/@doyensec/electronegativity/package.json'));

const offline = () => Promise.reject(new Error('offline: Electronegativity makes no network requests here'));
const gotPath = require.resolve('got');
require.cache[gotPath] = { id: gotPath, filename: gotPath, loaded: true, exports: Object.assign(offline, { default: offline }) };

// Electronegativity's English messages are logged through console; keep its own chatter quiet.
const log = console.log;
console.log = (...args) => {
  if (/Could not retrieve updated translations/.test(String(args[0]))) return;
  log(...args);
};
const run = require('./dist/runner.js');

function electronVersion() {
  try {
    return JSON.parse(fs.readFileSync(path.join(root, 'node_modules/electron/package.json'), 'utf8')).version;
  } catch {
    const range = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')).devDependencies.electron;
    return range.replace(/^[^\d]*/, '');
  }
}

function copy(from, to, rename = (name) => name) {
  if (!fs.existsSync(from)) return false;
  const stat = fs.statSync(from);
  if (stat.isDirectory()) {
    fs.mkdirSync(to, { recursive: true });
    for (const name of fs.readdirSync(from)) copy(path.join(from, name), path.join(to, rename(name)), rename);
  } else {
    fs.mkdirSync(path.dirname(to), { recursive: true });
    fs.copyFileSync(from, to);
  }
  return true;
}

const stage = fs.mkdtempSync(path.join(os.tmpdir(), 'dhr-electronegativity-'));
const targets = [];
try {
  // The source as written: the shell, the services, the preload, and the renderer with its page (and CSP meta tag).
  const source = path.join(stage, 'source');
  copy(path.join(root, 'electron'), path.join(source, 'electron'));
  copy(path.join(root, 'renderer/src'), path.join(source, 'renderer/src'));
  copy(path.join(root, 'renderer/index.html'), path.join(source, 'renderer/index.html'));
  targets.push({ name: 'source (electron/, renderer/)', dir: source });
  // The built app as shipped. Electronegativity reads .js, not .cjs, so the bundles are renamed.
  const built = path.join(stage, 'dist');
  if (copy(path.join(root, 'dist'), built, (name) => name.replace(/\.cjs$/, '.js'))) targets.push({ name: 'build (dist/)', dir: built });
  else console.log('dist/ is not built yet (npm run build); scanning the source only.');

  const version = electronVersion();
  let failures = 0;
  for (const target of targets) {
    const result = await run(
      { input: target.dir, isRelative: true, electronVersionOverride: version, excludeFromScan: ['AvailableSecurityFixesGlobalCheck'], parserPlugins: [] },
      false,
    );
    const severe = result.issues.filter((i) => ['HIGH', 'MEDIUM'].includes(i.severity.name));
    console.log(`\nElectronegativity on the ${target.name}, Electron ${version}: ${result.issues.length} findings, ${severe.length} high or medium, ${result.errors.length} files not parsed`);
    for (const issue of result.issues) {
      const mark = severe.includes(issue) ? 'FAIL' : 'note';
      console.log(`  ${mark} ${issue.severity.name.padEnd(13)} ${issue.id} ${issue.file}:${issue.location.line}:${issue.location.column} ${issue.manualReview ? '(review) ' : ''}- ${issue.description}`);
    }
    for (const error of result.errors) console.log(`  FAIL could not parse ${error.file ?? JSON.stringify(error)}: ${error.message ?? ''}`);
    failures += severe.length + result.errors.length;
  }

  // Every eng-disable annotation says why, on the same line.
  const annotated = [];
  const walk = (dir) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (/\.(ts|tsx|js|mjs|cjs|html)$/.test(entry.name)) {
        fs.readFileSync(full, 'utf8')
          .split('\n')
          .forEach((line, i) => {
            if (/eng-disable/.test(line)) annotated.push({ where: `${path.relative(root, full)}:${i + 1}`, line });
          });
      }
    }
  };
  for (const dir of ['electron', 'renderer/src', 'renderer/index.html'].map((d) => path.join(root, d))) {
    if (fs.existsSync(dir) && fs.statSync(dir).isDirectory()) walk(dir);
  }
  const unexplained = annotated.filter((a) => !/eng-disable[^\n]*\*\/\s*\/\/\s*reason:\s*\S/.test(a.line));
  console.log(`\n${annotated.length} eng-disable annotations, each needing "// reason: …" on its line`);
  for (const a of annotated) console.log(`  ${unexplained.includes(a) ? 'FAIL' : 'ok  '} ${a.where}`);
  failures += unexplained.length;

  if (failures) {
    console.log(`\nElectronegativity: ${failures} problems. Fix each, or justify it with an eng-disable annotation and its reason.`);
    process.exitCode = 1;
  } else {
    console.log('\nElectronegativity: no high or medium findings.');
  }
} finally {
  fs.rmSync(stage, { recursive: true, force: true });
}
