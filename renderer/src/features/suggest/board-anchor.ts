/**
 * Runs a change of the document and keeps the board where the proofreader is: the cursor's row (else the first
 * row in view) stays at the same height in the pane, whatever grows above it. The board's cards are positioned by
 * the virtualizer (absolutely), so the browser's own scroll anchoring does not apply; the cards are measured over
 * the next frames, so the position is corrected until it holds.
 */
const FRAMES = 6;

export function keepBoardAnchor(change: () => boolean, cursor: string | null): boolean {
  const pane = typeof document === 'undefined' ? null : document.querySelector<HTMLElement>('[data-pane="board"]');
  if (!pane) return change();
  const box = pane.getBoundingClientRect();
  const rows = [...pane.querySelectorAll<HTMLElement>('[data-fragment-id]')];
  const inView = (el: HTMLElement) => {
    const r = el.getBoundingClientRect();
    return r.bottom > box.top && r.top < box.bottom;
  };
  const anchor = rows.find((r) => r.dataset.fragmentId === cursor && inView(r)) ?? rows.find(inView);
  if (!anchor) return change();
  const id = anchor.dataset.fragmentId!;
  const before = anchor.getBoundingClientRect().top;
  const ok = change();
  let frames = 0;
  const hold = () => {
    const el = pane.querySelector<HTMLElement>(`[data-fragment-id="${CSS.escape(id)}"]`);
    const d = el ? el.getBoundingClientRect().top - before : 0;
    if (Math.abs(d) > 1) pane.scrollTop += d;
    if (++frames < FRAMES) requestAnimationFrame(hold);
  };
  requestAnimationFrame(hold);
  return ok;
}
