type IdleApi = {
  requestIdleCallback?: (cb: () => void, o?: { timeout: number }) => number;
  cancelIdleCallback?: (h: number) => void;
};

/**
 * Runs `cb` when the renderer is idle (between keystrokes, after the frame), within `timeoutMs` at the latest.
 * Where there is no requestIdleCallback (jsdom, Safari in the browser host) it runs right after the current
 * task (a microtask): never inside the caller, which may be rendering, and without a timer that fake-timer tests
 * would have to advance. Returns a function that cancels it.
 */
export function whenIdle(cb: () => void, timeoutMs: number): () => void {
  const g = globalThis as IdleApi;
  if (g.requestIdleCallback) {
    const h = g.requestIdleCallback(cb, { timeout: timeoutMs });
    return () => g.cancelIdleCallback?.(h);
  }
  let cancelled = false;
  queueMicrotask(() => {
    if (!cancelled) cb();
  });
  return () => {
    cancelled = true;
  };
}
