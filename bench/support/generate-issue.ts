import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { ISSUE_FORMAT, SCHEMA_VERSION } from '../../shared/model/schema';
import type { Article, Fragment, Issue, Page, Role } from '../../shared/model/types';
import { rng } from '../suggest/rng'; // seeded (mulberry32), so two runs build the same issue

/**
 * A newsroom-scale issue for benchmarks and scale tests: by default 100 pages × 200 fragments =
 * 20,000 fragments, about 1,500 articles holding ~60 % of them, the rest in the pool in source order.
 *
 * Text is real Chinese newspaper prose: sentences cut from the ECPO Jingbao transcriptions in
 * `/work/shared/corpus/` (CC BY 4.0), stripped of markup. When the corpus is missing, a fixed synthetic
 * sentence set stands in, so the generator never fails on another machine. Deterministic for a given seed.
 *
 * The issue is valid by construction (every span inside its page's original, every fragment placed exactly
 * once), so `parseIssue(JSON.stringify(issue))` accepts it.
 */
export interface GenerateOptions {
  pages?: number;
  fragmentsPerPage?: number;
  articles?: number;
  /** Share of fragments placed in articles (the rest stays in the pool). */
  placedShare?: number;
  seed?: number;
  corpusDir?: string;
}

const DEFAULT_CORPUS = '/work/shared/corpus/ecpo-jingbao-train';
const FALLBACK = [
  '本报记者蹲点北仑区灵峰社区，感受助企服务再升级。',
  '早春时节，循着轰隆隆的机器声，记者又一次走进宁波北仑区大碶街道。',
  '说是社区，这里的服务对象却以企业为主。',
  '走进臻至模具，生产任务已排到下半年，六成以上的一线工人连春节也在加班。',
  '可招工引才非社区所长，招聘会如何策划，企业怎么发动，应聘者如何邀请，都是难题。',
];

/** Sentences of the corpus: text of the `<p>` elements, markup and line breaks removed, cut after 。！？. */
export function corpusSentences(dir = DEFAULT_CORPUS, limit = 20_000): string[] {
  let files: string[];
  try {
    files = readdirSync(dir)
      .filter((f) => f.endsWith('.xml'))
      .sort();
  } catch {
    return FALLBACK;
  }
  const out: string[] = [];
  for (const f of files) {
    const xml = readFileSync(path.join(dir, f), 'utf8');
    const text = xml
      .replace(/<!--[\s\S]*?-->/g, '')
      .replace(/<[^>]+>/g, '')
      .replace(/&[a-z#0-9]+;/gi, '')
      .replace(/\s+/g, '');
    for (const m of text.matchAll(/[^。！？]{4,80}[。！？]/gu)) {
      if (/[\u4e00-\u9fff]/u.test(m[0])) out.push(m[0]);
      if (out.length >= limit) return out;
    }
  }
  return out.length ? out : FALLBACK;
}

export function generateIssue(o: GenerateOptions = {}): Issue {
  const nPages = o.pages ?? 100;
  const perPage = o.fragmentsPerPage ?? 200;
  const nArticles = o.articles ?? 1500;
  const placedShare = o.placedShare ?? 0.6;
  const rand = rng(o.seed ?? 8);
  const sentences = corpusSentences(o.corpusDir);
  let si = 0;
  const sentence = () => sentences[si++ % sentences.length];

  const pages: Page[] = [];
  for (let p = 0; p < nPages; p++) {
    const pageId = `p${p + 1}`;
    const fragments: Fragment[] = [];
    let original = '';
    for (let i = 0; i < perPage; i++) {
      // Headlines are short; body fragments hold 1–4 sentences, and a few are cut mid-sentence (open ends).
      const role: Role = i % 8 === 0 ? 'headline' : 'body';
      let text =
        role === 'headline'
          ? sentence()
              .replace(/[。！？]$/u, '')
              .slice(0, 24)
          : '';
      if (role === 'body') {
        const n = 1 + Math.floor(rand() * 4);
        for (let k = 0; k < n; k++) text += sentence();
        if (rand() < 0.05) text = text.slice(0, Math.max(4, Math.floor(text.length * 0.7)));
      }
      if (original) original += '\n\n';
      const start = original.length;
      original += text;
      fragments.push({ id: `${pageId}.${i + 1}`, page: pageId, spans: [{ start, end: original.length }], text, role });
    }
    pages.push({ id: pageId, label: `第${p + 1}版`, original, encoding: 'utf-8', markup: [], fragments });
  }

  // Articles take runs of consecutive fragments of one page (as an extractor's blocks mostly are), starting at
  // headlines, until the placed share is reached; everything else stays in the pool in source order.
  const articles: Article[] = [];
  const placed = new Set<string>();
  const target = Math.round(nPages * perPage * placedShare);
  const perArticle = Math.max(1, Math.round(target / nArticles));
  const runsPerPage = Math.ceil(nArticles / nPages);
  for (let p = 0; p < nPages && articles.length < nArticles; p++) {
    const frs = pages[p].fragments;
    for (let r = 0; r < runsPerPage && articles.length < nArticles; r++) {
      const start = Math.floor((r * frs.length) / runsPerPage);
      const ids = frs
        .slice(start, Math.min(frs.length, start + perArticle))
        .map((f) => f.id)
        .filter((id) => !placed.has(id));
      if (!ids.length) continue;
      ids.forEach((id) => placed.add(id));
      articles.push({
        id: `a${articles.length + 1}`,
        items: ids.map((id, k) => ({ id, join: k > 0 && rand() < 0.15 })),
        status: 'draft',
      });
    }
  }
  const pool = pages.flatMap((pg) => pg.fragments.map((f) => f.id)).filter((id) => !placed.has(id));
  return {
    format: ISSUE_FORMAT,
    version: SCHEMA_VERSION,
    id: `bench-${nPages}x${perPage}`,
    title: `京报 合订本（${nPages}版）`,
    publication: '京报',
    date: '1920-04-03',
    pages,
    articles,
    pool,
    discarded: [],
    history: [],
    nextId: 1,
  };
}
