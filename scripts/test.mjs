// `npm test`: type check, unit tests (vitest), build, then browser tests
// (Playwright in Debian's Chromium). Ends with one summary line that CI reads:
//   tests: N passed, N failed, N skipped
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';

const [major] = process.versions.node.split('.').map(Number);
if (major < 22) {
  console.error(`npm test needs Node 22 or newer; this is ${process.version}. Run npm install so the project's own Node 24 is used.`);
  process.exit(1);
}
console.log(`Running on Node ${process.version}`);
fs.mkdirSync('.test-output', { recursive: true });

const bin = (name) => `node_modules/.bin/${name}`;
const steps = [
  ['Type check', bin('tsc'), ['--noEmit', '-p', 'tsconfig.json']],
  ['Unit tests', bin('vitest'), ['run', '--reporter=default', '--reporter=json', '--outputFile=.test-output/unit.json']],
  ['Build', process.execPath, ['scripts/build.mjs']],
  // Electronegativity over electron/, the renderer and dist/: fails on any high or medium finding.
  ['Electron review', process.execPath, ['scripts/electronegativity.mjs']],
  ['Browser tests', bin('playwright'), ['test']],
];

const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
if (!fs.existsSync(chromium)) {
  console.error(`Chromium is not installed at ${chromium}. Install it with: sudo apt-get install chromium (or set CHROMIUM_PATH).`);
  process.exit(1);
}

let failedSteps = 0;
for (const [name, command, args] of steps) {
  console.log(`\n=== ${name} ===`);
  const result = spawnSync(command, args, { stdio: 'inherit' });
  if (result.status !== 0) {
    failedSteps++;
    console.error(`${name} failed (exit ${result.status ?? result.signal}).`);
    if (name === 'Build') break; // the browser tests need the build
  }
}

function readJson(file) {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch {
    return null;
  }
}
const unit = readJson('.test-output/unit.json');
const e2e = readJson('.test-output/e2e.json');
const passed = (unit?.numPassedTests ?? 0) + (e2e?.stats?.expected ?? 0) + (e2e?.stats?.flaky ?? 0);
const failed = (unit?.numFailedTests ?? 0) + (e2e?.stats?.unexpected ?? 0);
const skipped = (unit?.numPendingTests ?? 0) + (unit?.numTodoTests ?? 0) + (e2e?.stats?.skipped ?? 0);
console.log(`\ntests: ${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(failedSteps > 0 || failed > 0 || passed === 0 ? 1 : 0);
