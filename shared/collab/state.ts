import { Cursor, LoroList, LoroMap, LoroMovableList, LoroText, type LoroDoc } from 'loro-crdt';
import type { Correction, Page, ReviewStatus, Span } from '../model/types';
import { C, type PieceState } from './schema';
import { sliceSpans, spansLength } from './spans';

export interface ArticleState {
  title: string | null;
  status: ReviewStatus;
  review: { by: string; at: string } | null;
  alive: boolean;
}

/** Where one piece sits in its root: its text [pos, end) of the root's text, its original [cut, cutEnd). */
export interface PieceRange {
  id: string;
  pos: number;
  end: number;
  cut: number;
  cutEnd: number;
}

/** One piece of a fragment, with the text it contributes (lead + own text) and where that text is. */
export interface Segment extends PieceRange {
  root: string;
  lead: string;
  text: string;
  spans: Span[];
}

type PageStatic = Omit<Page, 'fragments'>;

/**
 * A plain-JS mirror of the CRDT document, kept in step by every write (`CollabWriter`) and rebuilt after an import.
 * Reading the document through WASM per lookup would cost a call per register; the mirror is read instead.
 */
export class CollabState {
  pieces = new Map<string, PieceState>();
  rootSpans = new Map<string, Span[]>();
  rootText = new Map<string, string>();
  order: string[] = [];
  source: string[] = [];
  cutOrder: string[] = [];
  articles = new Map<string, ArticleState>();
  articleOrder: string[] = [];
  pages = new Map<string, PageStatic>();
  pageOrder: string[] = [];
  meta: { id: string; title: string; publication: string | null; date: string | null } = {
    id: '',
    title: '',
    publication: null,
    date: null,
  };
  history: Correction[] = [];
  nextIds = new Map<string, number>();

  private cutIndexCache: Map<string, number> | null = null;
  private rootPiecesCache: Map<string, string[]> | null = null;
  private layoutCache = new Map<string, PieceRange[]>();
  private childrenCache: Map<string, string[]> | null = null;

  constructor(readonly doc: LoroDoc) {
    this.reload();
  }

  /** Reads the whole document again (after an import or a checkout). */
  reload(): void {
    // One read of the whole document: a toJSON per container costs a WASM round trip each.
    const j = this.doc.toJSON() as Record<string, unknown>;
    const obj = <T>(name: string) => (j[name] ?? {}) as Record<string, T>;
    const arr = (name: string) => (j[name] ?? []) as string[];
    this.pieces = new Map(Object.entries(obj<PieceState>(C.pieces)));
    this.rootSpans = new Map(Object.entries(obj<{ spans: Span[] }>(C.roots)).map(([k, v]) => [k, v.spans]));
    this.rootText = new Map(Object.entries(obj<string>(C.texts)));
    this.order = arr(C.order);
    this.source = arr(C.source);
    this.cutOrder = arr(C.cutOrder);
    this.articles = new Map(Object.entries(obj<ArticleState>(C.articles)));
    this.articleOrder = arr(C.articleOrder);
    this.pages = new Map(Object.entries(obj<PageStatic>(C.pages)));
    const meta = obj<unknown>(C.meta);
    this.pageOrder = (meta.pageOrder as string[]) ?? [];
    this.meta = {
      id: String(meta.id ?? ''),
      title: String(meta.title ?? ''),
      publication: (meta.publication as string | null) ?? null,
      date: (meta.date as string | null) ?? null,
    };
    this.history = (j[C.history] ?? []) as Correction[];
    this.nextIds = new Map(Object.entries(obj<number>(C.nextIds)));
    this.invalidate();
  }

  invalidate(): void {
    this.cutIndexCache = null;
    this.rootPiecesCache = null;
    this.layoutCache.clear();
    this.childrenCache = null;
  }

  // ---- derived indexes --------------------------------------------------------------------------------------

  cutIndex(): Map<string, number> {
    if (!this.cutIndexCache) {
      this.cutIndexCache = new Map();
      this.cutOrder.forEach((id, i) => {
        if (!this.cutIndexCache!.has(id)) this.cutIndexCache!.set(id, i);
      });
    }
    return this.cutIndexCache;
  }

  rootPieces(root: string): string[] {
    if (!this.rootPiecesCache) {
      this.rootPiecesCache = new Map();
      for (const [id, p] of this.pieces) {
        let l = this.rootPiecesCache.get(p.root);
        if (!l) this.rootPiecesCache.set(p.root, (l = []));
        l.push(id);
      }
    }
    return this.rootPiecesCache.get(root) ?? [];
  }

  /** Pieces absorbed into each piece, in absorption order (seq, then id). */
  children(id: string): string[] {
    if (!this.childrenCache) {
      const m = new Map<string, string[]>();
      for (const [pid, p] of this.pieces) {
        if (!p.place.startsWith('in:')) continue;
        const into = p.place.slice(3);
        let l = m.get(into);
        if (!l) m.set(into, (l = []));
        l.push(pid);
      }
      for (const l of m.values())
        l.sort((a, b) => this.pieces.get(a)!.seq - this.pieces.get(b)!.seq || (a < b ? -1 : a > b ? 1 : 0));
      this.childrenCache = m;
    }
    return this.childrenCache.get(id) ?? [];
  }

  /**
   * The pieces of a root, in text order, with their ranges. Text positions come from the pieces' cursors; ties
   * (empty pieces) are ordered by the cut order list. Positions and cuts are then made non-decreasing, so the
   * pieces partition the root's text and its original exactly, whatever concurrent splits produced.
   */
  layout(root: string): PieceRange[] {
    const cached = this.layoutCache.get(root);
    if (cached) return cached;
    const text = this.rootText.get(root) ?? '';
    const total = spansLength(this.rootSpans.get(root) ?? []);
    const ci = this.cutIndex();
    const items = this.rootPieces(root).map((id) => {
      const p = this.pieces.get(id)!;
      let pos = 0;
      if (id !== root) pos = p.cursor ? this.cursorPos(p.cursor, text.length) : text.length;
      return { id, pos, cut: id === root ? 0 : p.cut, idx: id === root ? -1 : (ci.get(id) ?? Infinity) };
    });
    items.sort((a, b) => a.pos - b.pos || a.idx - b.idx || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    const out: PieceRange[] = [];
    let pos = 0;
    let cut = 0;
    for (const it of items) {
      pos = Math.min(Math.max(pos, it.pos), text.length);
      cut = Math.min(Math.max(cut, it.cut), total);
      out.push({ id: it.id, pos, end: text.length, cut, cutEnd: total });
    }
    for (let i = 0; i + 1 < out.length; i++) {
      out[i].end = out[i + 1].pos;
      out[i].cutEnd = out[i + 1].cut;
    }
    this.layoutCache.set(root, out);
    return out;
  }

  /** A piece was added (a split): its root's layout and the cut order index change, nothing else. */
  addedPiece(id: string): void {
    const p = this.pieces.get(id)!;
    this.rootPiecesCache?.get(p.root)?.push(id);
    if (this.rootPiecesCache && !this.rootPiecesCache.has(p.root)) this.rootPiecesCache.set(p.root, [id]);
    this.cutIndexCache = null;
    this.layoutCache.delete(p.root);
  }

  invalidateChildren(): void {
    this.childrenCache = null;
  }

  invalidateRoot(root: string): void {
    this.layoutCache.delete(root);
  }

  private cursorPos(bytes: number[], textLength: number): number {
    try {
      const r = this.doc.getCursorPos(Cursor.decode(Uint8Array.from(bytes)));
      return r ? r.offset : textLength;
    } catch {
      // A cursor that no longer resolves (its text was rebuilt) counts as the end: the piece is then empty.
      return textLength;
    }
  }

  range(id: string): PieceRange {
    const p = this.pieces.get(id)!;
    return this.layout(p.root).find((r) => r.id === id)!;
  }

  /** The segments of a fragment: its head piece, then what it absorbed (depth first, in absorption order). */
  segments(head: string): Segment[] {
    const out: Segment[] = [];
    const seen = new Set<string>();
    const walk = (id: string) => {
      if (seen.has(id)) return;
      seen.add(id);
      const p = this.pieces.get(id)!;
      const r = this.range(id);
      const text = (this.rootText.get(p.root) ?? '').slice(r.pos, r.end);
      out.push({
        ...r,
        root: p.root,
        lead: p.lead,
        text,
        spans: sliceSpans(this.rootSpans.get(p.root)!, r.cut, r.cutEnd),
      });
      for (const c of this.children(id)) walk(c);
    };
    walk(head);
    return out;
  }

  // ---- container handles ------------------------------------------------------------------------------------

  pieceMap(id: string): LoroMap {
    return this.doc.getMap(C.pieces).get(id) as LoroMap;
  }
  textOf(root: string): LoroText {
    return this.doc.getMap(C.texts).get(root) as LoroText;
  }
  orderList(): LoroMovableList {
    return this.doc.getMovableList(C.order);
  }
  articleOrderList(): LoroMovableList {
    return this.doc.getMovableList(C.articleOrder);
  }
  list(name: string): LoroList {
    return this.doc.getList(name);
  }
}
