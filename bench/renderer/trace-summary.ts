/**
 * Where the time between an input and its next frame goes, from a `bench/renderer.ts --trace FILE` trace:
 * for each measured input (`galley:input:N` mark → end of `galley:frame:N`), the self time of the renderer main
 * thread's trace events (script, style recalc, layout, paint…) inside that window, averaged per input.
 *
 *   npx tsx bench/renderer/trace-summary.ts FILE [--moves 60]
 *
 * Inputs 1 … 2×moves are the keyboard moves (Ctrl and 1 are two keydowns each), the rest the keystrokes.
 */
import { readFileSync } from 'node:fs';

interface Ev {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  pid: number;
  tid: number;
  args?: { name?: string };
}
const file = process.argv[2];
const movesArg = process.argv.indexOf('--moves');
const MOVES = movesArg > 0 ? Number(process.argv[movesArg + 1]) : 60;
const raw = JSON.parse(readFileSync(file, 'utf8')) as { traceEvents: Ev[] } | Ev[];
const events = Array.isArray(raw) ? raw : raw.traceEvents;

const main = events.find((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain');
if (!main) throw new Error('no renderer main thread in the trace');
const onMain = events
  .filter((e) => e.pid === main.pid && e.tid === main.tid && e.ph === 'X' && e.dur !== undefined)
  .sort((a, b) => a.ts - b.ts || b.dur! - a.dur!);

// Self time of each complete event (its duration minus its direct children's).
const self = new Map<Ev, number>();
const stack: Ev[] = [];
for (const e of onMain) {
  while (stack.length && stack[stack.length - 1].ts + stack[stack.length - 1].dur! <= e.ts) stack.pop();
  const parent = stack[stack.length - 1];
  if (parent) self.set(parent, (self.get(parent) ?? parent.dur!) - e.dur!);
  self.set(e, self.get(e) ?? e.dur!);
  stack.push(e);
}

// Input windows from the probe's user-timing marks.
const starts = new Map<number, number>();
const ends = new Map<number, number>();
for (const e of events) {
  const m = /^galley:(input|frame):(\d+)$/.exec(e.name);
  if (!m) continue;
  const id = Number(m[2]);
  if (m[1] === 'input' && (e.ph === 'R' || e.ph === 'I' || e.ph === 'n')) starts.set(id, e.ts);
  if (m[1] === 'frame') {
    if (e.ph === 'b') starts.set(id, Math.min(starts.get(id) ?? e.ts, e.ts));
    if (e.ph === 'e') ends.set(id, e.ts);
    if (e.ph === 'X') ends.set(id, e.ts + (e.dur ?? 0));
  }
}

for (const [label, pick] of [
  ['keyboard moves', (id: number) => id <= 2 * MOVES],
  ['keystrokes', (id: number) => id > 2 * MOVES],
] as const) {
  const ids = [...ends.keys()].filter((id) => pick(id) && starts.has(id)).sort((a, b) => a - b);
  if (!ids.length) continue;
  const byName = new Map<string, number>();
  let span = 0;
  for (const id of ids) {
    const t0 = starts.get(id)!;
    const t1 = ends.get(id)!;
    span += t1 - t0;
    for (const e of onMain) {
      if (e.ts >= t1) break;
      if (e.ts + e.dur! <= t0) continue;
      // Clip to the window (a task can straddle it).
      const part = (Math.min(t1, e.ts + e.dur!) - Math.max(t0, e.ts)) / e.dur!;
      byName.set(e.name, (byName.get(e.name) ?? 0) + self.get(e)! * part);
    }
  }
  const n = ids.length;
  console.log(
    `\n${label}: ${n} inputs, mean input → frame ${(span / n / 1000).toFixed(1)} ms; main-thread self time per input:`,
  );
  for (const [name, us] of [...byName].sort((a, b) => b[1] - a[1]).slice(0, 16))
    console.log(`${(us / n / 1000).toFixed(2).padStart(8)} ms  ${name}`);
}
