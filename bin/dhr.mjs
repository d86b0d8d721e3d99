#!/usr/bin/env node
// Entry point for `dhr`. The CLI is TypeScript run directly by Node's type
// stripping, so it needs Node 22.18 or newer. When started by an older Node
// (the system one), it hands over to the project's own Node 24, installed as
// the "node" devDependency.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 22 || (major === 22 && minor < 18)) {
  const ownNode = fileURLToPath(new URL('../node_modules/node/bin/node', import.meta.url));
  if (!existsSync(ownNode)) {
    process.stderr.write(`dhr: needs Node.js 22.18 or newer, and this is ${process.version}. Run npm install in the DHR Tracker folder first.\n`);
    process.exit(1);
  }
  const result = spawnSync(ownNode, [fileURLToPath(import.meta.url), ...process.argv.slice(2)], { stdio: 'inherit' });
  process.exit(result.status ?? 1);
}
// Type stripping announces itself on some Node versions; that is noise to a CLI user.
process.removeAllListeners('warning');
process.on('warning', (warning) => {
  if (warning.name === 'ExperimentalWarning' && /type strip/i.test(warning.message)) return;
  process.stderr.write(`${warning.name}: ${warning.message}\n`);
});
const { main } = await import('../electron/cli/dhr.ts');
await main();
