import type { Issue } from '@shared/model/types';
import type { SuggestOptions, Suggestions } from '@shared/suggest/types';
import type { SuggestResponse } from '@shared/suggest/worker';

/** Runs the suggestion engine: in the app a Web Worker; in jsdom tests the engine in-process (injected). */
export type SuggestRunner = (issue: Issue, options: SuggestOptions) => Promise<Suggestions>;

/**
 * A runner over one dedicated worker (`@shared/suggest/worker?worker`, a same-origin module chunk: allowed by
 * the CSP's worker-src 'self'). Requests carry ids so each answer resolves its own promise; the worker is
 * loaded on first use, so the engine and its language model never weigh on startup.
 */
export function createWorkerRunner(): SuggestRunner {
  let worker: Worker | null = null;
  let seq = 0;
  const pending = new Map<number, { resolve(s: Suggestions): void; reject(e: Error): void }>();
  const start = async (): Promise<Worker> => {
    if (worker) return worker;
    const { default: SuggestWorker } = await import('@shared/suggest/worker?worker');
    if (worker) return worker;
    const w = new SuggestWorker();
    w.onmessage = (e: MessageEvent<SuggestResponse>) => {
      const p = pending.get(e.data.id ?? -1);
      if (!p) return;
      pending.delete(e.data.id!);
      if ('error' in e.data) p.reject(new Error(e.data.error));
      else p.resolve(e.data.suggestions);
    };
    w.onerror = (e) => {
      for (const p of pending.values()) p.reject(new Error(e.message || 'suggestion worker failed'));
      pending.clear();
      worker = null;
      w.terminate();
    };
    worker = w;
    return w;
  };
  return async (issue, options) => {
    const w = await start();
    const id = ++seq;
    return new Promise<Suggestions>((resolve, reject) => {
      pending.set(id, { resolve, reject });
      w.postMessage({ id, issue, options });
    });
  };
}
