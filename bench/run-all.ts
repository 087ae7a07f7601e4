/**
 * `npm run bench`: runs every `bench/*.ts` except this one, one after the other, each in its own tsx process (so
 * that one bench's heap and JIT state do not colour the next one's figures). Exit code 1 if any bench failed.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const dir = path.dirname(fileURLToPath(import.meta.url));
const self = path.basename(fileURLToPath(import.meta.url));
const only = process.argv.slice(2);
const benches = readdirSync(dir)
  .filter((n) => n.endsWith('.ts') && n !== self)
  .filter((n) => !only.length || only.some((o) => n.includes(o)))
  .sort();
const tsx = path.join(dir, '../node_modules/tsx/dist/cli.mjs');
const failed: string[] = [];
for (const name of benches) {
  console.log(`\n=== bench/${name} ===`);
  const t0 = performance.now();
  const r = spawnSync(process.execPath, [tsx, path.join(dir, name)], { stdio: 'inherit' });
  console.log(
    `=== bench/${name}: ${r.status === 0 ? 'ok' : `FAILED (exit ${r.status ?? r.signal})`} in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
  );
  if (r.status !== 0) failed.push(name);
}
if (failed.length) {
  console.log(`\nfailed: ${failed.join(', ')}`);
  process.exitCode = 1;
}
