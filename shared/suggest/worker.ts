/// <reference lib="webworker" />
/**
 * Web Worker entry for the workbench: `import SuggestWorker from '@shared/suggest/worker?worker'`, then
 * `worker.postMessage({ id, issue, options })`; the worker answers `{ id, suggestions }` or `{ id, error }`.
 * Keeping segmentation (Intl.Segmenter) in one process type avoids Node/Chromium ICU differences.
 */
import { suggest } from './engine';
import type { SuggestOptions, Suggestions } from './types';
import type { Issue } from '../model/types';

export interface SuggestRequest {
  id?: number;
  issue: Issue;
  options?: SuggestOptions;
}
export type SuggestResponse = { id?: number; suggestions: Suggestions } | { id?: number; error: string };

const ctx = self as unknown as DedicatedWorkerGlobalScope;

ctx.onmessage = (e: MessageEvent<SuggestRequest>) => {
  const { id, issue, options } = e.data;
  try {
    ctx.postMessage({ id, suggestions: suggest(issue, options ?? {}) } satisfies SuggestResponse);
  } catch (err) {
    ctx.postMessage({ id, error: err instanceof Error ? err.message : String(err) } satisfies SuggestResponse);
  }
};
