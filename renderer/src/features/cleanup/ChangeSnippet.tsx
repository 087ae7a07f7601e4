import type { Snippet } from './snippet';

/**
 * One change in context, before → after, with the changed characters highlighted. A removed space is shown as
 * `␣` inside the highlight (an empty-looking mark would hide what the change does).
 */
export function ChangeSnippet({ s }: { s: Snippet }) {
  const show = (x: string) => x.replace(/ /g, '␣').replace(/\u3000/g, '□');
  return (
    <span className="change-snippet">
      <span className="snip-before" data-testid="snip-before">
        {s.cutStart && '…'}
        {s.before}
        <del>{show(s.removed)}</del>
        {s.after}
        {s.cutEnd && '…'}
      </span>
      <span className="snip-after" data-testid="snip-after">
        <span className="snip-arrow" aria-hidden>
          →{' '}
        </span>
        {s.cutStart && '…'}
        {s.before}
        <ins>{show(s.added)}</ins>
        {s.after}
        {s.cutEnd && '…'}
      </span>
    </span>
  );
}
