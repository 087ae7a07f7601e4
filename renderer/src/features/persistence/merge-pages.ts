import type { Issue } from '@shared/model/types';

/**
 * The open issue with the pages of another (freshly imported) issue added after its own. Page, fragment and
 * article ids of the added pages are renamed where they would collide (an import numbers its pages p1, p2… and
 * fragments p1.1…), everything else is kept: the originals, the spans, the pool. So every character of both is in
 * exactly one place afterwards, and the open issue's own pages, articles and history are untouched.
 */
export function mergePages(base: Issue, added: Issue): Issue {
  const pageIds = new Set(base.pages.map((p) => p.id));
  const fragIds = new Set(base.pages.flatMap((p) => p.fragments.map((f) => f.id)));
  const articleIds = new Set(base.articles.map((a) => a.id));
  const pageMap = new Map<string, string>();
  let n = base.pages.length;
  for (const p of added.pages) {
    let id = p.id;
    while (pageIds.has(id)) id = `p${++n}`;
    pageIds.add(id);
    pageMap.set(p.id, id);
  }
  const fragMap = new Map<string, string>();
  for (const p of added.pages)
    for (const f of p.fragments) {
      const page = pageMap.get(p.id)!;
      // `p1.7` of a page renamed to p3 becomes `p3.7`; any other collision gets a suffix.
      let id = f.id.startsWith(`${p.id}.`) ? `${page}${f.id.slice(p.id.length)}` : f.id;
      for (let k = 2; fragIds.has(id); k++) id = `${f.id}-${k}`;
      fragIds.add(id);
      fragMap.set(f.id, id);
    }
  const frag = (id: string) => fragMap.get(id) ?? id;
  const articles = added.articles.map((a) => {
    let id = a.id;
    for (let k = 2; articleIds.has(id); k++) id = `${a.id}-${k}`;
    articleIds.add(id);
    return { ...a, id, items: a.items.map((it) => ({ ...it, id: frag(it.id) })) };
  });
  return {
    ...base,
    pages: [
      ...base.pages,
      ...added.pages.map((p) => ({
        ...p,
        id: pageMap.get(p.id)!,
        fragments: p.fragments.map((f) => ({ ...f, id: frag(f.id), page: pageMap.get(p.id)! })),
      })),
    ],
    articles: [...base.articles, ...articles],
    pool: [...base.pool, ...added.pool.map(frag)],
    discarded: [...base.discarded, ...added.discarded.map(frag)],
    nextId: Math.max(base.nextId, added.nextId),
  };
}
