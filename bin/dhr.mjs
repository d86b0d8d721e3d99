#!/usr/bin/env node
// Entry point for `dhr`. The CLI is TypeScript run directly by Node's type
// stripping, so it needs Node 22.18 or newer: `npx dhr` uses the project's
// own Node 24 (the "node" devDependency).
const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 22 || (major === 22 && minor < 18)) {
  process.stderr.write(`dhr: needs Node.js 22.18 or newer, and this is ${process.version}. Run it as "npx dhr", which uses the project's own Node.\n`);
  process.exit(1);
}
// Type stripping announces itself on some Node versions; that is noise to a CLI user.
process.removeAllListeners('warning');
process.on('warning', (warning) => {
  if (warning.name === 'ExperimentalWarning' && /type strip/i.test(warning.message)) return;
  process.stderr.write(`${warning.name}: ${warning.message}\n`);
});
const { main } = await import('../electron/cli/dhr.ts');
await main();
