// `npm run bench -- [--scale county|region|national] [--json]`: the
// performance benchmark (electron/services/bench/). It is TypeScript run
// directly by Node's type stripping, so it needs Node 22.18 or newer; an
// older Node hands over to the project's own Node 24, as bin/dhr.mjs does.
// Not part of `npm test`: the national scale takes minutes.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 22 || (major === 22 && minor < 18)) {
  const ownNode = fileURLToPath(new URL('../node_modules/node/bin/node', import.meta.url));
  if (!existsSync(ownNode)) {
    process.stderr.write(`bench: needs Node.js 22.18 or newer, and this is ${process.version}. Run npm install first.\n`);
    process.exit(1);
  }
  const result = spawnSync(ownNode, [fileURLToPath(import.meta.url), ...process.argv.slice(2)], { stdio: 'inherit' });
  process.exit(result.status ?? 1);
}
process.removeAllListeners('warning');
const { main } = await import('../electron/services/bench/bench.ts');
process.exitCode = await main(process.argv.slice(2));
