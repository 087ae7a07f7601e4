import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { buildExport } from '@shared/export/build';
import { renderDocumentFormat } from '@shared/export/formats';
import { applyOp } from '@shared/ops';
import { previewCleanup, cleanupOp } from '@shared/cleanup';
import { finishedIssue } from './sample-issue';

/**
 * The DOCX export read by an independent reader: pandoc (Debian's `pandoc`, installed by `npm run setup`) turns
 * the file into its document tree, and the text of its paragraphs and headings must be the articles' text.
 */
type Inline = { t: string; c?: unknown };
type Block = { t: string; c?: unknown };

function inlineText(xs: Inline[]): string {
  return xs
    .map((x) => {
      switch (x.t) {
        case 'Str':
          return x.c as string;
        case 'Space':
          return ' ';
        case 'SoftBreak':
          return ' ';
        case 'LineBreak':
          return '\n';
        case 'Quoted':
          return inlineText((x.c as [unknown, Inline[]])[1]);
        case 'Emph':
        case 'Strong':
        case 'Underline':
        case 'SmallCaps':
        case 'Strikeout':
        case 'Superscript':
        case 'Subscript':
          return inlineText(x.c as Inline[]);
        case 'Span':
          return inlineText((x.c as [unknown, Inline[]])[1]);
        default:
          throw new Error(`unexpected inline ${x.t}`);
      }
    })
    .join('');
}

/** Text of every paragraph and heading, in document order. */
function blocksText(blocks: Block[]): string[] {
  return blocks.flatMap((b) => {
    if (b.t === 'Para' || b.t === 'Plain') return [inlineText(b.c as Inline[])];
    if (b.t === 'Header') return [inlineText((b.c as [number, unknown, Inline[]])[2])];
    if (b.t === 'Div') return blocksText((b.c as [unknown, Block[]])[1]);
    if (b.t === 'BlockQuote') return blocksText(b.c as Block[]);
    if (b.t === 'HorizontalRule') return [];
    throw new Error(`unexpected block ${b.t}`);
  });
}

function pandocParagraphs(docx: Uint8Array): string[] {
  const r = spawnSync('pandoc', ['-f', 'docx', '-t', 'json'], { input: docx, maxBuffer: 64 * 1024 * 1024 });
  if (r.error)
    throw new Error(`pandoc could not run (${r.error.message}); install Debian's pandoc (npm run setup does)`);
  expect(r.status, r.stderr.toString()).toBe(0);
  return blocksText((JSON.parse(r.stdout.toString('utf8')) as { blocks: Block[] }).blocks);
}

/** Pandoc's tree keeps words and line breaks, not runs of spaces. */
const words = (t: string) =>
  t
    .split('\n')
    .map((l) => l.trim().replace(/[ \t]+/g, ' '))
    .join('\n');

describe('DOCX read back by pandoc', () => {
  const base = finishedIssue();
  const issue = applyOp(base, cleanupOp(base, previewCleanup(base))!).issue;
  const doc = buildExport(issue);

  it('has exactly the text of every article paragraph, in board order', async () => {
    const { files } = await renderDocumentFormat(doc, issue, 'docx');
    const got = pandocParagraphs(files[0].data as Uint8Array).filter((p) => p.trim() !== '');
    const want = doc.articles.flatMap((a) => a.paragraphs.map((p) => words(p.text)));
    // Nothing but the articles' paragraphs (the page break between articles is an empty paragraph).
    expect(got).toEqual(want);
  });

  it('split: each article document holds that article', async () => {
    const { files } = await renderDocumentFormat(doc, issue, 'docx', { split: true });
    expect(files).toHaveLength(doc.articles.length);
    files.forEach((f, i) => {
      const want = doc.articles[i].paragraphs.map((p) => words(p.text));
      const got = pandocParagraphs(f.data as Uint8Array).filter((p) => p.trim() !== '');
      expect(got).toEqual(want);
    });
  });
});
