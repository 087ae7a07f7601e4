import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';

/**
 * Reader for the ECPO 晶報 transcriptions in /work/shared/corpus (CC BY 4.0, see SOURCES.md there): one
 * `<div type="article">` per article, `<p>` paragraphs in reading order, `<lb/>` at printed line ends.
 * A small tag tokenizer is enough: the files are hand-made TEI-like XML without CDATA.
 */
export interface CorpusArticle {
  file: string;
  /** Paragraphs in reading order; each paragraph is its printed lines. */
  paragraphs: string[][];
}

const ENTITY: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", gaiji: '\ue111' };

function decodeEntities(s: string): string {
  return s.replace(/&(#x?[0-9a-fA-F]+|\w+);/g, (m, e: string) => {
    if (e[0] === '#') return String.fromCodePoint(e[1] === 'x' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10));
    return ENTITY[e] ?? m;
  });
}

export function readCorpusFile(file: string): CorpusArticle[] {
  const xml = readFileSync(file, 'utf8')
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/<!DOCTYPE[\s\S]*?\]>/, '');
  const out: CorpusArticle[] = [];
  const tokens = xml.split(/(<[^>]+>)/);
  const divStack: string[] = [];
  let article: CorpusArticle | null = null;
  let articleDepth = -1;
  let para: string[] | null = null;
  let line = '';
  const endLine = () => {
    const t = decodeEntities(line).replace(/\s+/g, '');
    if (t && para) para.push(t);
    line = '';
  };
  for (const tok of tokens) {
    if (tok.startsWith('<')) {
      const m = /^<(\/?)([\w:]+)([^>]*?)(\/?)>$/.exec(tok);
      if (!m) continue;
      const [, close, name, attrs, self] = m;
      if (name === 'div' && !close && !self) {
        const type = /type="([^"]+)"/.exec(attrs)?.[1] ?? '';
        divStack.push(type);
        if (type === 'article' && !article) {
          article = { file: path.basename(file), paragraphs: [] };
          articleDepth = divStack.length;
        }
      } else if (name === 'div' && close) {
        if (article && divStack.length === articleDepth) {
          if (article.paragraphs.length) out.push(article);
          article = null;
          articleDepth = -1;
        }
        divStack.pop();
      } else if (name === 'p' && !close && article) {
        para = [];
        line = '';
      } else if (name === 'p' && close && article && para) {
        endLine();
        if (para.length) article.paragraphs.push(para);
        para = null;
      } else if (name === 'lb' && para) {
        endLine();
      }
    } else if (para) {
      line += tok;
    }
  }
  return out;
}

export function readCorpus(dir: string): CorpusArticle[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.xml'))
    .sort()
    .flatMap((f) => readCorpusFile(path.join(dir, f)));
}
