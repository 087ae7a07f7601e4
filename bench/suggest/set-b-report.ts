import { suggest } from '../../shared/suggest/engine';
import type { Suggestions } from '../../shared/suggest/types';
import { addBreakdown, emptyBreakdown, formatBreakdown } from './breakdown';
import { calibrationTable, linkOutcomes } from './calibrate';
import { chineseSetB, ecpoSetB, modernSetB } from './dev-set-b';
import { scorePage, summarize, type PageScore, type Summary } from './metrics';
import type { PracticePageB } from './practice-pages-b';
import { issueFromText } from './run';
import type { Truth } from './truth';

interface Solved {
  page: PracticePageB;
  s: Suggestions;
  score: PageScore;
  fragments: Array<{ id: string; text: string; hint?: string }>;
}

function solve(pages: PracticePageB[]): Solved[] {
  return pages.map((page) => {
    const issue = issueFromText(page.text, page.name);
    const s = suggest(issue);
    return { page, s, score: scorePage(s, page.truth), fragments: issue.pages[0].fragments };
  });
}

/**
 * The wrong confident links by what they join, from the truth: `A → another article's start` (e.g. two headlines
 * of different articles side by side read as kicker + headline), `A → the middle of another article`, `inside
 * the article, wrong place`.
 */
export function confidentMisses(s: Suggestions, truth: Truth): Map<string, number> {
  const where = new Map<string, { art: number; k: number }>();
  truth.articles.forEach((a, ai) => a.items.forEach((it, k) => where.set(it.id, { art: ai, k })));
  const out = new Map<string, number>();
  for (const a of s.articles) {
    a.items.forEach((it, k) => {
      if (k === 0 || !it.confident || it.fixed) return;
      const pa = where.get(a.items[k - 1].id);
      const pb = where.get(it.id);
      if (!pa || !pb || (pa.art === pb.art && pb.k === pa.k + 1)) return;
      const kind =
        pa.art !== pb.art
          ? pb.k === 0
            ? pa.k === 0
              ? "article start → another article's start"
              : "A → another article's start"
            : 'A → the middle of another article'
          : 'inside the article, wrong place';
      out.set(kind, (out.get(kind) ?? 0) + 1);
    });
  }
  return out;
}

/** Set B's rows (see bench/suggest.ts (f)); `row` formats one summary line. */
export function setBReport(quick: boolean, row: (name: string, s: Summary) => string): void {
  const n = quick ? 6 : 30;
  const bare = (t: string) => t.replace(/^#+ /gm, '');
  const sum = (xs: Solved[]) => summarize(xs.map((x) => x.score));
  console.log('\npractice set B (bench/suggest/practice-pages-b.ts)');
  console.log(row('B: zh tuning part', sum(solve(chineseSetB(n, 60, 'tune')))));
  const held = solve([...chineseSetB(n, 60, 'heldout'), ...chineseSetB(Math.round(n / 3), 25, 'heldout')]);
  console.log(row('B: zh held out', sum(held)));
  for (const kind of ['pairs', 'intrusions', 'briefs'] as const)
    console.log(row(`B: zh held out, ${kind}`, sum(held.filter((x) => x.page.kind === kind))));
  console.log(row('B: zh held out, wrap lost', sum(held.filter((x) => x.page.wrap === 'none'))));
  console.log(row('B: zh held out, no # marks', sum(solve(held.map((x) => ({ ...x.page, text: bare(x.page.text) }))))));
  console.log(row('B: zh ECPO evaluation folds', sum(solve(ecpoSetB(quick ? 6 : 20, 60)))));
  const modernTune = solve(modernSetB(quick ? 4 : 12, 60, 'tune'));
  const modernHeld = solve(modernSetB(quick ? 4 : 12, 60, 'heldout'));
  if (modernHeld.length) {
    console.log(row('B: modern tuning part', sum(modernTune)));
    console.log(row('B: modern held out', sum(modernHeld)));
  } else
    console.log(
      'B: modern pages skipped: the debian-faq-zh-cn package is not installed (scripts/setup.sh installs it)',
    );

  const b = emptyBreakdown();
  for (const x of held) addBreakdown(b, x.fragments, x.page.truth, x.s);
  console.log(`\nwhere set B's held-out misses are:\n${formatBreakdown(b).join('\n')}`);
  for (const [name, xs] of [
    ['zh held out', held],
    ['modern held out', modernHeld],
  ] as const) {
    if (!xs.length) continue;
    const outcomes = xs.flatMap((x) => linkOutcomes(x.s, x.page.truth));
    const total = xs.reduce((k, x) => k + x.page.truth.articles.reduce((m, a) => m + a.items.length - 1, 0), 0);
    console.log(`confident links, B ${name}: ${calibrationTable(outcomes, total)}`);
    const misses = new Map<string, number>();
    for (const x of xs)
      for (const [k, v] of confidentMisses(x.s, x.page.truth)) misses.set(k, (misses.get(k) ?? 0) + v);
    console.log(
      `  wrong confident links (≥ threshold): ${[...misses].map(([k, v]) => `${k} ${v}`).join(' · ') || 'none'}`,
    );
  }
}
