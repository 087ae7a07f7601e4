import { LoroMap } from 'loro-crdt';
import type { Issue, Place } from '../model/types';
import { OpError, findFragment, placeIndex, originalTextOf } from '../model/lookup';
import { applyOp, type ApplyMeta, type Op } from '../ops';
import { mapToOriginal } from '../text/align';
import { C, placeInto, placeOfArticle, type PieceState, type PlaceCode } from './schema';
import type { CollabState, Segment } from './state';

type Step = Exclude<Op, { type: 'batch' }>;

/** Leaf steps of an operation, as shared/ops/apply.ts runs them. */
export function leafSteps(op: Op): Step[] {
  if (op.type === 'batch') return op.ops.flatMap(leafSteps);
  if (op.type === 'createArticle' && op.fragmentIds?.length) {
    const { fragmentIds, ...create } = op;
    return [
      create,
      { type: 'moveFragments', fragmentIds, to: { kind: 'article', articleId: op.articleId, after: null } },
    ];
  }
  return [op];
}

const codeOf = (p: Place | undefined): PlaceCode =>
  !p ? 'pool' : p.kind === 'article' ? placeOfArticle(p.articleId) : p.kind;

const isHigh = (c: number) => c >= 0xd800 && c <= 0xdbff;
const isLow = (c: number) => c >= 0xdc00 && c <= 0xdfff;

/** The one changed range between two texts: [start, oldEnd) of `a` became [start, newEnd) of `b`, whole characters. */
export function changedRange(a: string, b: string): { start: number; oldEnd: number; newEnd: number } {
  let p = 0;
  const max = Math.min(a.length, b.length);
  while (p < max && a.charCodeAt(p) === b.charCodeAt(p)) p++;
  if (p > 0 && p < a.length && isLow(a.charCodeAt(p)) && isHigh(a.charCodeAt(p - 1))) p--;
  let s = 0;
  while (s < max - p && a.charCodeAt(a.length - 1 - s) === b.charCodeAt(b.length - 1 - s)) s++;
  if (s > 0 && a.length - s > 0 && isLow(a.charCodeAt(a.length - s))) s--;
  return { start: p, oldEnd: a.length - s, newEnd: b.length - s };
}

/**
 * The only writer of a document: Galley's operations. Each operation is first applied to the issue as the app
 * applies it (shared/ops, which validates it: a refused operation writes nothing); its effect is then written into
 * the CRDT as register, list and text changes, one commit per operation.
 */
export class CollabWriter {
  constructor(readonly state: CollabState) {}

  get doc() {
    return this.state.doc;
  }

  apply(before: Issue, op: Op, meta: ApplyMeta = {}): Issue {
    const final = applyOp(before, op, meta).issue;
    const steps = leafSteps(op);
    const newIds = new Set<string>();
    for (const s of steps) {
      if (s.type !== 'splitFragment') continue;
      if (this.state.pieces.has(s.newId) || newIds.has(s.newId))
        throw new OpError(`fragment id ${s.newId} is already used in the shared history`);
      newIds.add(s.newId);
    }
    let cur = before;
    for (const s of steps) {
      const next = applyOp(cur, s, { unrecorded: true }).issue;
      if (s.type === 'splitFragment') this.split(cur, s);
      if (s.type === 'mergeFragments') this.merge(cur, s);
      this.sync(cur, next);
      cur = next;
    }
    if (!meta.unrecorded && final.history.length) {
      const entry = JSON.parse(JSON.stringify(final.history[final.history.length - 1])) as Issue['history'][number];
      this.doc.getList(C.history).push(entry as never);
      this.state.history.push(entry);
    }
    const peer = this.doc.peerIdStr;
    if ((this.state.nextIds.get(peer) ?? 0) < final.nextId) {
      this.doc.getMap(C.nextIds).set(peer, final.nextId);
      this.state.nextIds.set(peer, final.nextId);
    }
    this.doc.commit();
    return final;
  }

  // ---- registers --------------------------------------------------------------------------------------------

  private setReg<K extends keyof PieceState>(id: string, key: K, value: PieceState[K]): void {
    const p = this.state.pieces.get(id)!;
    const was = p[key];
    if (was === value) return;
    if (typeof value === 'object' && value !== null && JSON.stringify(was) === JSON.stringify(value)) return;
    this.state.pieceMap(id).set(key, value as never);
    p[key] = value;
    // Moving between containers leaves the absorption tree as it was; only absorptions rebuild it.
    if ((key === 'place' && (String(was).startsWith('in:') || String(value).startsWith('in:'))) || key === 'seq')
      this.state.invalidateChildren();
    if (key === 'cursor' || key === 'cut') this.state.invalidateRoot(p.root);
  }

  private newPiece(id: string, s: PieceState): void {
    const m = this.doc.getMap(C.pieces).setContainer(id, new LoroMap());
    for (const [k, v] of Object.entries(s)) m.set(k, v as never);
    this.state.pieces.set(id, { ...s });
  }

  private insertAfter(name: 'source' | 'cutOrder', id: string, after: string): void {
    const arr = this.state[name];
    const i = arr.indexOf(after) + 1;
    this.state.list(name === 'source' ? C.source : C.cutOrder).insert(i, id);
    arr.splice(i, 0, id);
  }

  // ---- text -------------------------------------------------------------------------------------------------

  private textInsert(root: string, pos: number, s: string): void {
    this.state.textOf(root).insert(pos, s);
    const t = this.state.rootText.get(root) ?? '';
    this.state.rootText.set(root, t.slice(0, pos) + s + t.slice(pos));
    this.state.invalidateRoot(root);
  }

  private textDelete(root: string, pos: number, len: number): void {
    if (len <= 0) return;
    this.state.textOf(root).delete(pos, len);
    const t = this.state.rootText.get(root) ?? '';
    this.state.rootText.set(root, t.slice(0, pos) + t.slice(pos + len));
    this.state.invalidateRoot(root);
  }

  private cursorAt(root: string, pos: number): number[] | null {
    const t = this.state.rootText.get(root) ?? '';
    if (pos >= t.length) return null;
    const c = this.state.textOf(root).getCursor(pos, 0);
    return c ? Array.from(c.encode()) : null;
  }

  private compositeText(segs: Segment[]): string {
    return segs.map((s) => s.lead + s.text).join('');
  }

  /** Rewrites a fragment's text from `old` to `next`, touching only the changed characters of its pieces. */
  private writeText(head: string, next: string): void {
    let segs = this.state.segments(head);
    const old = this.compositeText(segs);
    if (old === next) return;
    const { start, oldEnd, newEnd } = changedRange(old, next);
    const ins = next.slice(start, newEnd);
    if (ins) {
      let acc = 0;
      const lay = segs.map((s) => {
        const leadStart = acc;
        const textStart = acc + s.lead.length;
        acc = textStart + s.text.length;
        return { s, leadStart, textStart, textEnd: acc };
      });
      const inside = lay.find((l) => l.textStart < start && start <= l.textEnd);
      const atStart = inside ? undefined : lay.find((l) => l.textStart === start);
      if (inside) {
        this.textInsert(inside.s.root, inside.s.pos + (start - inside.textStart), ins);
      } else if (atStart) {
        const s = atStart.s;
        // Text typed at the very start of a piece would land in the piece before it in the root (cursors stick to
        // the character after them): the piece's cursor, and those of empty pieces just before it, move onto it.
        const before = this.state.layout(s.root).filter((r) => r.pos === s.pos && r.id !== s.root);
        const order = before.map((r) => r.id);
        this.textInsert(s.root, s.pos, ins);
        const cur = this.cursorAt(s.root, s.pos);
        for (const id of order.slice(0, order.indexOf(s.id) + 1)) this.setReg(id, 'cursor', cur);
      } else {
        const l = lay.find((x) => x.leadStart <= start && start < x.textStart) ?? lay[lay.length - 1];
        const at = start - l.leadStart;
        this.setReg(l.s.id, 'lead', l.s.lead.slice(0, at) + ins + l.s.lead.slice(at));
      }
      segs = this.state.segments(head);
    }
    const delFrom = start + ins.length;
    const delTo = oldEnd + ins.length;
    if (delTo > delFrom) {
      let acc = 0;
      const dels: { root: string; pos: number; len: number }[] = [];
      for (const s of segs) {
        const leadStart = acc;
        const textStart = acc + s.lead.length;
        const textEnd = textStart + s.text.length;
        acc = textEnd;
        const la = Math.max(delFrom, leadStart);
        const lb = Math.min(delTo, textStart);
        if (lb > la) this.setReg(s.id, 'lead', s.lead.slice(0, la - leadStart) + s.lead.slice(lb - leadStart));
        const ta = Math.max(delFrom, textStart);
        const tb = Math.min(delTo, textEnd);
        if (tb > ta) dels.push({ root: s.root, pos: s.pos + (ta - textStart), len: tb - ta });
      }
      dels.sort((a, b) => (a.root < b.root ? -1 : a.root > b.root ? 1 : b.pos - a.pos));
      for (const d of dels) this.textDelete(d.root, d.pos, d.len);
    }
    const got = this.compositeText(this.state.segments(head));
    if (got !== next) throw new Error(`internal: text of ${head} written as ${JSON.stringify(got)}`);
  }

  // ---- structure --------------------------------------------------------------------------------------------

  private split(cur: Issue, op: Extract<Step, { type: 'splitFragment' }>): void {
    const head = op.fragmentId;
    const segs = this.state.segments(head);
    const f = findFragment(cur, head)!;
    const at = mapToOriginal(originalTextOf(cur, f), f.text, op.offset);
    let acc = 0;
    let origAcc = 0;
    let k = 0;
    for (; k < segs.length; k++) {
      const len = segs[k].lead.length + segs[k].text.length;
      if (op.offset < acc + len) break;
      acc += len;
      origAcc += segs[k].cutEnd - segs[k].cut;
    }
    const seg = segs[k];
    const local = op.offset - acc;
    const inLead = local < seg.lead.length;
    const lt = inLead ? 0 : local - seg.lead.length;
    const cutLocal = Math.min(Math.max(at - origAcc, 0), seg.cutEnd - seg.cut);
    const hp = this.state.pieces.get(head)!;
    this.newPiece(op.newId, {
      root: seg.root,
      page: hp.page,
      cut: seg.cut + cutLocal,
      cursor: this.cursorAt(seg.root, seg.pos + lt),
      place: hp.place,
      seq: 0,
      join: false,
      lead: inLead ? seg.lead.slice(local) : '',
      role: hp.role,
      hint: hp.hint,
      box: hp.box,
      openEnd: hp.openEnd,
    });
    if (inLead) this.setReg(seg.id, 'lead', seg.lead.slice(0, local));
    segs.slice(k + 1).forEach((s, i) => {
      this.setReg(s.id, 'place', placeInto(op.newId));
      this.setReg(s.id, 'seq', i + 1);
    });
    const order = this.state.orderList();
    const oi = this.state.order.indexOf(head) + 1;
    order.insert(oi, op.newId);
    this.state.order.splice(oi, 0, op.newId);
    this.insertAfter('source', op.newId, head);
    this.insertAfter('cutOrder', op.newId, seg.id);
    this.state.addedPiece(op.newId);
  }

  private merge(cur: Issue, op: Extract<Step, { type: 'mergeFragments' }>): void {
    const a = findFragment(cur, op.fragmentId)!;
    const b = findFragment(cur, op.nextId)!;
    const sep = /[A-Za-z0-9,.;:!?]$/.test(a.text) && /^[A-Za-z0-9]/.test(b.text) ? ' ' : '';
    const seq = Math.max(0, ...this.state.children(a.id).map((c) => this.state.pieces.get(c)!.seq)) + 1;
    const bp = this.state.pieces.get(b.id)!;
    this.setReg(b.id, 'lead', sep + bp.lead);
    this.setReg(b.id, 'place', placeInto(a.id));
    this.setReg(b.id, 'seq', seq);
  }

  /** Writes what differs between the document and `next` (registers, containers, orders, texts). */
  private sync(cur: Issue, next: Issue): void {
    for (let pi = 0; pi < next.pages.length; pi++) {
      if (cur.pages[pi] === next.pages[pi]) continue;
      const was = new Map(cur.pages[pi].fragments.map((f) => [f.id, f]));
      for (const f of next.pages[pi].fragments) {
        if (was.get(f.id) === f) continue;
        this.setReg(f.id, 'role', f.role);
        this.setReg(f.id, 'hint', f.hint ?? null);
        this.setReg(f.id, 'box', f.box ?? null);
        this.setReg(f.id, 'openEnd', f.openEnd ?? null);
        this.writeText(f.id, f.text);
      }
    }
    const containersChanged =
      cur.articles !== next.articles || cur.pool !== next.pool || cur.discarded !== next.discarded;
    if (!containersChanged) return;
    const places = placeIndex(next);
    const joins = new Map<string, boolean>();
    for (const a of next.articles) for (const it of a.items) joins.set(it.id, it.join);
    const pieces = this.state.pieces;
    for (const [id, pl] of places) {
      const p = pieces.get(id)!;
      const code = codeOf(pl);
      const join = joins.get(id) ?? false;
      if (p.place !== code) this.setReg(id, 'place', code);
      if (p.join !== join) this.setReg(id, 'join', join);
    }
    this.syncArticles(cur, next);
  }

  private syncArticles(cur: Issue, next: Issue): void {
    const map = this.doc.getMap(C.articles);
    const nextIds = new Set(next.articles.map((a) => a.id));
    const was = new Map(cur.articles.map((a) => [a.id, a]));
    for (const a of next.articles) {
      // An article object the operation did not replace has nothing new to write (the mirror already holds it).
      if (was.get(a.id) === a && this.state.articles.get(a.id)?.alive) continue;
      let st = this.state.articles.get(a.id);
      let m = map.get(a.id) as LoroMap | undefined;
      if (!st || !m) {
        m = map.setContainer(a.id, new LoroMap());
        st = { title: null, status: 'draft', review: null, alive: false };
        for (const [k, v] of Object.entries(st)) m.set(k, v as never);
        this.state.articles.set(a.id, st);
      }
      const want = { title: a.title ?? null, status: a.status, review: a.review ?? null, alive: true };
      for (const k of ['title', 'status', 'review', 'alive'] as const) {
        if (JSON.stringify(st[k]) === JSON.stringify(want[k])) continue;
        m.set(k, (want[k] && typeof want[k] === 'object' ? { ...want[k] } : want[k]) as never);
        (st as unknown as Record<string, unknown>)[k] = want[k];
      }
      if (!this.state.articleOrder.includes(a.id)) {
        this.state.articleOrderList().push(a.id);
        this.state.articleOrder.push(a.id);
      }
    }
    for (const [id, st] of this.state.articles) {
      if (st.alive && !nextIds.has(id)) {
        (map.get(id) as LoroMap).set('alive', false);
        st.alive = false;
      }
    }
    this.arrange(
      this.state.articleOrderList(),
      this.state.articleOrder,
      next.articles.map((a) => a.id),
    );
    const before = new Map(cur.articles.map((a) => [a.id, a]));
    for (const a of next.articles) {
      if (before.get(a.id)?.items === a.items) continue;
      this.arrange(
        this.state.orderList(),
        this.state.order,
        a.items.map((it) => it.id),
      );
    }
  }

  /**
   * Moves as few elements as it takes for `want` to appear in that relative order in the movable list (the
   * others keep their positions): the longest run already in order stays, the rest are moved after their
   * predecessor.
   */
  private arrange(list: ReturnType<CollabState['orderList']>, mirror: string[], want: string[]): void {
    if (want.length < 2) return;
    const index = new Map<string, number>();
    mirror.forEach((id, i) => index.set(id, i));
    const pos = want.map((id) => index.get(id) ?? -1);
    // Longest increasing subsequence of positions (patience sorting).
    const tails: number[] = [];
    const prev = new Array<number>(pos.length).fill(-1);
    for (let i = 0; i < pos.length; i++) {
      let lo = 0;
      let hi = tails.length;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if (pos[tails[mid]] < pos[i]) lo = mid + 1;
        else hi = mid;
      }
      if (lo > 0) prev[i] = tails[lo - 1];
      tails[lo] = i;
    }
    const keep = new Set<number>();
    for (let i = tails.length ? tails[tails.length - 1] : -1; i >= 0; i = prev[i]) keep.add(i);
    if (keep.size === want.length) return;
    for (let i = 0; i < want.length; i++) {
      if (keep.has(i)) continue;
      const from = mirror.indexOf(want[i]);
      let to: number;
      if (i > 0) {
        const q = mirror.indexOf(want[i - 1]);
        to = from < q ? q : q + 1;
      } else {
        const nextKept = want.find((_, j) => keep.has(j))!;
        const q = mirror.indexOf(nextKept);
        to = from < q ? q - 1 : q;
      }
      if (from === to) continue;
      list.move(from, to);
      mirror.splice(from, 1);
      mirror.splice(to, 0, want[i]);
    }
  }
}
