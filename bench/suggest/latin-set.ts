import { readFileSync } from 'node:fs';
import type { PracticePage } from './practice-pages';
import type { TruthArticle } from './truth';
import { int, rng } from './rng';

/**
 * Latin-script practice pages. No licence-clean newspaper text in a Latin script ships with the project, so
 * the "articles" are the sections of English design notes kept beside the repository on the benchmark machine
 * (`NOTES`): prose written for this project. They are technical English, not 19th-century news, so the
 * figures only show that the language-neutral cues work at all.
 */
const NOTES = ['ARCHITECTURE.md', 'RELIABILITY.md', 'UX.md', 'SUGGESTIONS.md'].map((f) => `/work/shared/${f}`);

interface Article {
  title: string;
  paragraphs: string[];
}

function readArticles(): Article[] {
  const out: Article[] = [];
  for (const file of NOTES) {
    let cur: Article | null = null;
    for (const block of readFileSync(file, 'utf8').split(/\n\s*\n/)) {
      const h = /^#{2,3}\s+(.+)/.exec(block.trim());
      if (h) {
        cur = { title: h[1].replace(/[*`_]/g, '').trim(), paragraphs: [] };
        out.push(cur);
        continue;
      }
      if (!cur) continue;
      const text = block
        .split('\n')
        .filter((l) => !/^\s*\|/.test(l) && !/^\s*```/.test(l))
        .join(' ')
        .replace(/\[[0-9]+\]/g, '')
        .replace(/[*`_#>]/g, '')
        .replace(/^\s*[-•]\s*/, '')
        .replace(/\s+/g, ' ')
        .trim();
      if (text.length >= 60 && /[a-z]/.test(text) && /[.!?:]$/.test(text)) cur.paragraphs.push(text);
    }
  }
  return out.filter((a) => a.paragraphs.length >= 2);
}

export function latinDevSet(count: number, targetFragments: number): PracticePage[] {
  const articles = readArticles();
  const pages: PracticePage[] = [];
  for (let k = 0; k < count; k++) pages.push(makeLatinPage(articles, 7000 + k, targetFragments, `latin-${k}`));
  return pages;
}

interface Block {
  text: string;
  heading: boolean;
  join: boolean;
}

function makeLatinPage(articles: Article[], seed: number, target: number, name: string): PracticePage {
  const r = rng(seed);
  const reading: Block[][] = [];
  const used = new Set<number>();
  let total = 0;
  while (total < target && used.size < articles.length) {
    let k = Math.floor(r() * articles.length);
    while (used.has(k)) k = (k + 1) % articles.length;
    used.add(k);
    const a = articles[k];
    const width = int(r, 30, 50);
    const height = int(r, 5, 12);
    const lines: Array<{ text: string; para: number }> = [];
    a.paragraphs.slice(0, 6).forEach((p, pi) => {
      let line = '';
      for (const w of p.split(' ')) {
        if (line && line.length + 1 + w.length > width) {
          lines.push({ text: line, para: pi });
          line = w;
        } else line = line ? `${line} ${w}` : w;
      }
      if (line) lines.push({ text: line, para: pi });
    });
    const blocks: Block[] = [{ text: a.title, heading: true, join: false }];
    let prevPara = -1;
    for (let i = 0; i < lines.length; i += height) {
      const col = lines.slice(i, i + height);
      let cur: { lines: string[]; para: number } | null = null;
      const flush = () => {
        if (!cur) return;
        blocks.push({ text: cur.lines.join(' '), heading: false, join: cur.para === prevPara });
        prevPara = cur.para;
        cur = null;
      };
      for (const l of col) {
        if (!cur || cur.para !== l.para) {
          flush();
          cur = { lines: [], para: l.para };
        }
        cur.lines.push(l.text);
      }
      flush();
    }
    reading.push(blocks);
    total += blocks.length;
  }
  let order = reading.flat();
  for (let m = 0; m < Math.max(1, reading.length / 2); m++) {
    const len = int(r, 1, 3);
    const from = int(r, 0, order.length - len);
    const seg = order.slice(from, from + len);
    if (seg.some((b) => b.heading)) continue;
    const rest = [...order.slice(0, from), ...order.slice(from + len)];
    const to = int(r, 0, rest.length);
    order = [...rest.slice(0, to), ...seg, ...rest.slice(to)];
  }
  const id = new Map(order.map((b, i) => [b, `p1.${i + 1}`]));
  const articlesTruth: TruthArticle[] = reading.map((bs) => ({
    items: bs.map((b) => ({ id: id.get(b)!, join: b.join })),
  }));
  return {
    name,
    text: order.map((b) => (b.heading ? `## ${b.text}` : b.text)).join('\n\n') + '\n',
    truth: { articles: articlesTruth, openEnds: [] },
  };
}
