import { LoroDoc, LoroMap, LoroText } from 'loro-crdt';
import type { Fragment, Issue, Page } from '../model/types';
import { placeIndex } from '../model/lookup';
import { C, placeOfArticle, type PieceState } from './schema';

/**
 * The peer every seed is written by. A seed is a pure function of the issue it starts from, so two copies seeded
 * from the same issue hold the very same operations (same ids): a copy that travelled without its history merges
 * with one that kept it. Sessions write with their own random peer ids after the seed.
 */
export const SEED_PEER = 0;

/** FNV-1a over a string, 52 bits (exact in a double): tells seeds apart, not a security measure. */
export function fingerprint(text: string): string {
  let h = 0xcbf29ce4;
  let l = 0x84222325;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    l ^= c;
    // 64-bit FNV prime multiply split into two 32-bit halves.
    const lo = l * 0x1b3;
    const hi = h * 0x1b3 + l * 0x100 + Math.floor(lo / 0x100000000);
    l = lo >>> 0;
    h = hi >>> 0;
  }
  return ((h & 0xfffff) * 0x100000000 + l).toString(36);
}

/** The issue as the seed sees it: pages and placement, without the history (that is logged separately). */
function seedFingerprint(issue: Issue): string {
  return fingerprint(JSON.stringify({ ...issue, history: [], nextId: 0 }));
}

export function pieceStateOf(issue: Issue, page: Page, f: Fragment): PieceState {
  const pl = placeIndex(issue).get(f.id);
  const art = pl?.kind === 'article' ? issue.articles.find((a) => a.id === pl.articleId) : undefined;
  return {
    root: f.id,
    page: page.id,
    cut: 0,
    cursor: null,
    place: pl?.kind === 'article' ? placeOfArticle(pl.articleId) : pl?.kind === 'discard' ? 'discard' : 'pool',
    seq: 0,
    join: pl?.kind === 'article' ? art!.items[pl.index].join : false,
    lead: '',
    role: f.role,
    hint: f.hint ?? null,
    box: f.box ?? null,
    openEnd: f.openEnd ?? null,
  };
}

/** Writes a new piece's registers (and the LoroText of a root). */
export function writePiece(doc: LoroDoc, id: string, s: PieceState): void {
  const m = doc.getMap(C.pieces).setContainer(id, new LoroMap());
  for (const [k, v] of Object.entries(s)) m.set(k, v as never);
}

/**
 * A new CRDT document holding the issue as it is now: every fragment a root, in its article, the pool or the
 * discard pile. Deterministic (see SEED_PEER). The returned document writes with a fresh random peer id.
 */
export function seedDoc(issue: Issue): LoroDoc {
  const doc = new LoroDoc();
  const ownPeer = doc.peerIdStr;
  doc.setPeerId(SEED_PEER);
  const meta = doc.getMap(C.meta);
  meta.set('id', issue.id);
  meta.set('title', issue.title);
  meta.set('publication', issue.publication ?? null);
  meta.set('date', issue.date ?? null);
  meta.set(
    'pageOrder',
    issue.pages.map((p) => p.id),
  );
  meta.set('seed', seedFingerprint(issue));
  const pages = doc.getMap(C.pages);
  const roots = doc.getMap(C.roots);
  const texts = doc.getMap(C.texts);
  const source = doc.getList(C.source);
  const cutOrder = doc.getList(C.cutOrder);
  for (const p of issue.pages) {
    const { fragments, ...rest } = p;
    pages.set(p.id, JSON.parse(JSON.stringify(rest)) as never);
    for (const f of fragments) {
      roots.set(f.id, { spans: f.spans.map((s) => ({ start: s.start, end: s.end })) } as never);
      const t = texts.setContainer(f.id, new LoroText());
      if (f.text) t.insert(0, f.text);
      writePiece(doc, f.id, pieceStateOf(issue, p, f));
      source.push(f.id);
      cutOrder.push(f.id);
    }
  }
  const order = doc.getMovableList(C.order);
  for (const a of issue.articles) for (const it of a.items) order.push(it.id);
  for (const id of issue.pool) order.push(id);
  for (const id of issue.discarded) order.push(id);
  const articles = doc.getMap(C.articles);
  const articleOrder = doc.getMovableList(C.articleOrder);
  for (const a of issue.articles) {
    const m = articles.setContainer(a.id, new LoroMap());
    m.set('title', a.title ?? null);
    m.set('status', a.status);
    m.set('review', (a.review ? { ...a.review } : null) as never);
    m.set('alive', true);
    articleOrder.push(a.id);
  }
  const history = doc.getList(C.history);
  for (const h of issue.history) history.push(JSON.parse(JSON.stringify(h)) as never);
  doc.getMap(C.nextIds).set(String(SEED_PEER), issue.nextId);
  doc.commit();
  doc.setPeerId(ownPeer);
  return doc;
}

/** The seed fingerprint a document was started from (two documents merge only when theirs are equal). */
export function seedOf(doc: LoroDoc): string | undefined {
  const v = doc.getMap(C.meta).get('seed');
  return typeof v === 'string' ? v : undefined;
}
