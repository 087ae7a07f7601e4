import type { Issue } from '@shared/model/types';

/** What a recovery file would change against the saved issue: the summary shown by "Compare". */
export interface RecoveryDiff {
  articles: { saved: number | null; recovered: number };
  placed: { saved: number | null; recovered: number };
  fragments: { saved: number | null; recovered: number };
  /** Fragments whose text, role or place (article, pool, discard pile, position) differ; new and gone ones count too. */
  changedFragments: number;
  /** Undo steps held by the recovery file. */
  steps: number;
}

type Where = string;

function places(issue: Issue): Map<string, Where> {
  const m = new Map<string, Where>();
  for (const a of issue.articles) a.items.forEach((it, i) => m.set(it.id, `${a.id}#${i}${it.join ? 'j' : ''}`));
  for (const id of issue.pool) m.set(id, 'pool');
  for (const id of issue.discarded) m.set(id, 'discard');
  return m;
}

const placedCount = (issue: Issue) => issue.articles.reduce((n, a) => n + a.items.length, 0);
const fragmentCount = (issue: Issue) => issue.pages.reduce((n, p) => n + p.fragments.length, 0);

/** Compares a recovered document with the issue file it came from (`saved` null: never saved, or file gone). */
export function compareRecovered(saved: Issue | null, recovered: Issue, steps: number): RecoveryDiff {
  let changed = 0;
  if (saved) {
    const before = new Map(saved.pages.flatMap((p) => p.fragments.map((f) => [f.id, f] as const)));
    const pb = places(saved);
    const pa = places(recovered);
    const seen = new Set<string>();
    for (const p of recovered.pages)
      for (const f of p.fragments) {
        seen.add(f.id);
        const b = before.get(f.id);
        if (!b || b.text !== f.text || b.role !== f.role || pb.get(f.id) !== pa.get(f.id)) changed++;
      }
    for (const id of before.keys()) if (!seen.has(id)) changed++;
  } else {
    changed = fragmentCount(recovered);
  }
  return {
    articles: { saved: saved ? saved.articles.length : null, recovered: recovered.articles.length },
    placed: { saved: saved ? placedCount(saved) : null, recovered: placedCount(recovered) },
    fragments: { saved: saved ? fragmentCount(saved) : null, recovered: fragmentCount(recovered) },
    changedFragments: changed,
    steps,
  };
}
