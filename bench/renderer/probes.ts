/**
 * In-page probes of the renderer benchmark, installed with `addInitScript` before the app loads.
 *
 * For every trusted `keydown` (capture phase, so before the app's own handler) it records:
 * - `commit`: keydown → the first task after the event. The app applies the operation to the store inside the
 *   keydown handler and React flushes a discrete-event update synchronously in a microtask, so by then the
 *   store commit AND the re-render are done;
 * - `frame`: keydown → the next `requestAnimationFrame` after it (what the user sees; includes waiting for
 *   the next frame, up to one vsync).
 * Results land in `window.__galleyBench.samples` (performance marks too, for a trace).
 */
export const PROBE_SCRIPT = `(() => {
  const b = (window.__galleyBench = { armed: false, label: '', samples: [] });
  let n = 0;
  window.addEventListener('keydown', (e) => {
    if (!b.armed || !e.isTrusted) return;
    const id = ++n;
    const label = b.label;
    const t0 = performance.now();
    performance.mark('galley:input:' + id);
    const s = { label, key: e.key, commit: -1, frame: -1 };
    b.samples.push(s);
    const ch = new MessageChannel();
    ch.port1.onmessage = () => {
      s.commit = performance.now() - t0;
      performance.mark('galley:commit:' + id);
    };
    ch.port2.postMessage(0);
    requestAnimationFrame(() => {
      s.frame = performance.now() - t0;
      performance.measure('galley:frame:' + id, 'galley:input:' + id);
    });
  }, true);
})();`;

export interface ProbeSample {
  label: string;
  key: string;
  commit: number;
  frame: number;
}

export function percentile(values: number[], p: number): number {
  if (!values.length) return NaN;
  const s = [...values].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)];
}
