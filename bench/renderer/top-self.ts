/** Prints the functions with the most self time in a CPU profile: `npx tsx bench/renderer/top-self.ts FILE [N]`. */
import { readFileSync } from 'node:fs';

interface Node {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
}
const file = process.argv[2];
const n = Number(process.argv[3] ?? 25);
const p = JSON.parse(readFileSync(file, 'utf8')) as { nodes: Node[]; samples: number[]; timeDeltas: number[] };
const byId = new Map(p.nodes.map((x) => [x.id, x]));
const self = new Map<string, number>();
p.samples.forEach((s, i) => {
  const f = byId.get(s)!.callFrame;
  const key = `${f.functionName || '(anonymous)'} ${f.url.split('/').pop()}:${f.lineNumber}`;
  self.set(key, (self.get(key) ?? 0) + (p.timeDeltas[i] ?? 0));
});
for (const [k, us] of [...self].sort((a, b) => b[1] - a[1]).slice(0, n))
  console.log(`${(us / 1000).toFixed(0).padStart(7)} ms  ${k}`);

// Inclusive time (self + callees) per function, counted once per sample even when recursive.
if (process.argv.includes('--inclusive')) {
  const parent = new Map<number, number>();
  for (const x of p.nodes as (Node & { children?: number[] })[]) for (const c of x.children ?? []) parent.set(c, x.id);
  const incl = new Map<string, number>();
  p.samples.forEach((s, i) => {
    const seen = new Set<string>();
    for (let id: number | undefined = s; id !== undefined; id = parent.get(id)) {
      const f = byId.get(id)!.callFrame;
      const key = `${f.functionName || '(anonymous)'} ${f.url.split('/').pop()}:${f.lineNumber}`;
      if (!seen.has(key)) {
        seen.add(key);
        incl.set(key, (incl.get(key) ?? 0) + (p.timeDeltas[i] ?? 0));
      }
    }
  });
  console.log('\ninclusive:');
  for (const [k, us] of [...incl].sort((a, b) => b[1] - a[1]).slice(0, n))
    console.log(`${(us / 1000).toFixed(0).padStart(7)} ms  ${k}`);
}
