/**
 * Text folding shared by the model builder and the engine, so that the character model sees the same alphabet
 * at build time and at run time: traditional → simplified (one character at a time, table from OpenCC shipped
 * in the model), digits → `0`, Latin letters → `a`, punctuation folded into classes, spaces dropped.
 */

/** Paragraph start and end markers inside the character model. */
export const BOS = '\u0002';
export const EOS = '\u0003';

const PUNCT: Record<string, string> = {
  ',': '，',
  '、': '，',
  '，': '，',
  '﹐': '，',
  '.': '。',
  '。': '。',
  '．': '。',
  '｡': '。',
  ':': '：',
  '：': '：',
  ';': '；',
  '；': '；',
  '?': '？',
  '？': '？',
  '!': '！',
  '！': '！',
  '"': '"',
  '“': '"',
  '”': '"',
  '「': '"',
  '」': '"',
  '『': '"',
  '』': '"',
  '‘': '"',
  '’': '"',
  "'": '"',
  '(': '（',
  '（': '（',
  '[': '（',
  '【': '（',
  '〔': '（',
  ')': '）',
  '）': '）',
  ']': '）',
  '】': '）',
  '〕': '）',
  '《': '《',
  '〈': '《',
  '》': '》',
  '〉': '》',
  '…': '…',
  '—': '—',
  '-': '—',
  '–': '—',
  '―': '—',
  '·': '·',
  '•': '·',
  '・': '·',
};

/** Builds the character folding function for a traditional→simplified table given as a string of pairs. */
export function makeFolder(t2sPairs: string): (text: string) => string {
  const t2s = new Map<string, string>();
  const chars = [...t2sPairs];
  for (let i = 0; i + 1 < chars.length; i += 2) t2s.set(chars[i], chars[i + 1]);
  return (text: string) => {
    let out = '';
    for (const ch of text) {
      if (ch === ' ' || ch === '\t' || ch === '\n' || ch === '\r' || ch === '\u3000') continue;
      const p = PUNCT[ch];
      if (p) {
        out += p;
        continue;
      }
      if (ch >= '0' && ch <= '9') {
        out += '0';
        continue;
      }
      if (ch >= '０' && ch <= '９') {
        out += '0';
        continue;
      }
      if (/\p{Script=Latin}/u.test(ch)) {
        out += 'a';
        continue;
      }
      out += t2s.get(ch) ?? ch;
    }
    return out;
  };
}
