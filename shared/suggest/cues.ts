/**
 * Newspaper cues (jump lines, datelines, bylines, …) as small regular expressions over a fragment's compacted text.
 * Each returns a short human-readable reason or null.
 */

/** 电头 / 本报讯 at the start of a lead paragraph. */
const DATELINE =
  /^(?:本报讯|本報訊|本报[\u4e00-\u9fff]{0,10}\d{1,2}月\d{1,2}日(?:讯|电)|新华社[\u4e00-\u9fff]{0,10}\d{1,2}月\d{1,2}日电|(?:新华社|中新社|新華社)[^，,。]{0,16}电|新华网[^，,。]{0,12}电|[（(](?:本报)?记者[^）)]{1,40}[）)])/;
/** Latin datelines: "PARIS, Dec. 6 —", "LONDON, Feb. 16." */
const LATIN_DATELINE = /^[A-Z][A-Z .'-]{2,30},\s+(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2}|\d{1,2}\s+[A-Z][a-z]{2,8})\b/;
const BYLINE = /^[（(]?\s*(?:本报|本報)?(?:特约)?(?:记者|記者|通讯员|通訊員|实习生)\s*[\u4e00-\u9fff·・ ]{2,30}[）)]?$/;
const CAPTION = /^(?:图为|圖為|上图|下图|左图|右图|图片|图:|图：|Fig\.|Figure)/;
const CREDIT = /(?:摄|攝|供图|制图|图片来源[:：].*)$/;
const FURNITURE = /^(?:责任编辑|責任編輯|版式设计|美术编辑|本版编辑|校对|第\s*[一二三四五六七八九十\d]+\s*版)/;

export function datelineCue(t: string): string | null {
  const m = DATELINE.exec(t) ?? LATIN_DATELINE.exec(t);
  return m ? `starts with a dateline: ${m[0].slice(0, 16)}` : null;
}
/** A pen name alone in brackets, `（天馬）` (common in Republican-era papers); not an end mark, not a jump line. */
const PEN_NAME = /^[（(][\u4e00-\u9fff·・]{1,5}[）)]$/;
const END_MARK = /^[（(](?:完|續完|续完|待續|待续|未完|續|续)[）)]$/;
export function bylineCue(t: string): string | null {
  if (t.length <= 40 && BYLINE.test(t)) return 'a byline';
  return PEN_NAME.test(t) && !END_MARK.test(t) && parseJumpCues(t).length === 0 ? 'a byline (pen name)' : null;
}
export function captionCue(t: string): string | null {
  return t.length <= 200 && CAPTION.test(t) ? `a photo caption (${t.slice(0, 2)}…)` : null;
}
export function creditCue(t: string): string | null {
  return t.length <= 50 && CREDIT.test(t) && !/[。，,]/.test(t) ? 'a photo credit (…摄)' : null;
}
/** A short line that opens with a jump-from cue (`(上接第一版)`, `Continued from page 1`). */
export function jumpFromCue(t: string): string | null {
  const c = t.length <= 30 ? parseJumpCues(t).find((j) => j.direction === 'from') : undefined;
  return c ? `continued from page ${c.page} (${c.cue})` : null;
}
/** Text that closes with a jump-to cue (`…（下转第三版）`, `Continued on page 5`). */
export function jumpToCue(t: string): string | null {
  const c = parseJumpCues(t).find((j) => j.direction === 'to');
  return c ? `continued on page ${c.page} (${c.cue})` : null;
}

/**
 * A jump line parsed (上接第X版 opens the continuation of an article from page X, 下转第X版 closes the
 * part that goes on on page X). `page` is the page as printed, normalised: Chinese numerals become Arabic
 * (第十一版 → "11"), Latin page names are upper-cased ("a3" → "A3"); `pageMatches` compares it with page labels.
 */
export interface JumpCue {
  direction: 'from' | 'to';
  page: string;
  /** The cue as printed, without brackets: 上接第一版, Continued on page 5. */
  cue: string;
  /** A topic word the jump line names (`（上接第一版）衢州` → 衢州, `See BUDGET, page 4` → BUDGET), else null. */
  keyword: string | null;
  /** The text without the cue and its brackets. */
  rest: string;
  /** The text is only the jump line (and perhaps its keyword): furniture, not running text. */
  standalone: boolean;
}

const HAN_NUM = '[一二三四五六七八九十〇零两]{1,3}';
const PAGE_NO = `(?:${HAN_NUM}|[A-Za-z]?\\d{1,3})`;
const OPEN = '[（(【\\[〔]';
const CLOSE = '[）)】\\]〕]';
/** 上接第X版 / 接第X版 / 续第X版 at the start of a text, brackets optional. */
const ZH_FROM = new RegExp(`^(${OPEN})?\\s*((?:上接|紧接|接上|接|续|承)\\s*第?\\s*(${PAGE_NO})\\s*版)\\s*(${CLOSE})?`);
/** 下转第X版 / 下转X版 / 转第X版 / （转X版） at the end of a text. */
const ZH_TO = new RegExp(`(${OPEN})?\\s*((?:下转|转)\\s*(第)?\\s*(${PAGE_NO})\\s*版)\\s*(${CLOSE})?[。.]?$`);
const EN_PAGE = '([A-Za-z]?\\d{1,3}[A-Za-z]?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)';
const EN_FROM = [
  new RegExp(`^[(\\[]?\\s*((?:continued|cont(?:'d|\\.)?)\\s+from\\s+page\\s+${EN_PAGE})\\s*[)\\]]?\\.?`, 'i'),
  // "BUDGET, from page 1" / "From page 1": only as a line of its own (a sentence may well start "From page 1 …").
  new RegExp(`^(?:([^,;.]{1,40}),\\s*)?((?:continued\\s+)?from\\s+page\\s+${EN_PAGE})\\s*\\.?$`, 'i'),
];
const EN_TO = [
  new RegExp(
    `[(\\[]?\\s*((?:continued|cont(?:'d|\\.)?)\\s+on\\s+page\\s+${EN_PAGE}|turn\\s+to\\s+page\\s+${EN_PAGE})\\s*[)\\]]?\\.?$`,
    'i',
  ),
  new RegExp(`[(\\[]?\\s*(see\\s+([^,;.()]{1,40}?),?\\s+(?:on\\s+)?page\\s+${EN_PAGE})\\s*[)\\]]?\\.?$`, 'i'),
];
/** German and French jump lines: "(Fortsetzung von Seite 1)", "Schluß von Seite 2", "(Suite de la page 1)"… */
const DE_FR_FROM = new RegExp(
  `^[(\\[]?\\s*((?:fortsetzung|schlu(?:ß|ss))\\s+(?:von|aus)\\s+(?:der\\s+)?seite|suite\\s+de\\s+la\\s+page)\\s+${EN_PAGE}\\s*[)\\]]?\\.?`,
  'i',
);
/** …and "(Fortsetzung auf Seite 3)", "(Fortsetzung siehe Seite 3)", "(Suite page 3)", "(Suite en page 3)". */
const DE_FR_TO = new RegExp(
  `[(\\[]?\\s*((?:fortsetzung\\s+(?:auf|siehe)\\s+seite|suite\\s+(?:en\\s+)?page))\\s+${EN_PAGE}\\s*[)\\]]?\\.?$`,
  'i',
);
const EN_NUMBERS = ['one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve'];
const HAN_DIGIT: Record<string, number> = {
  〇: 0,
  零: 0,
  一: 1,
  二: 2,
  两: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};

/** 一 → 1, 十一 → 11, 二十 → 20, 二〇 → 20, 〇 → 0, "12" → 12; null for anything else. */
export function chineseNumber(s: string): number | null {
  if (/^\d+$/.test(s)) return Number(s);
  const parts = s.split('十');
  if (parts.length === 2) {
    const [a, b] = parts;
    if (a.length > 1 || b.length > 1) return null;
    const tens = a === '' ? 1 : HAN_DIGIT[a];
    const units = b === '' ? 0 : HAN_DIGIT[b];
    return tens === undefined || units === undefined || tens === 0 ? null : tens * 10 + units;
  }
  if (parts.length > 2 || !s) return null;
  let v = 0;
  for (const ch of s) {
    const d = HAN_DIGIT[ch];
    if (d === undefined) return null;
    v = v * 10 + d;
  }
  return v;
}

function pageName(raw: string): string | null {
  const t = raw.trim();
  const en = EN_NUMBERS.indexOf(t.toLowerCase());
  if (en >= 0) return String(en + 1);
  if (/^[A-Za-z]?\d{1,3}[A-Za-z]?$/.test(t)) return t.toUpperCase().replace(/(^|[A-Z])0+(?=\d)/g, '$1');
  const n = chineseNumber(t);
  return n === null ? null : String(n);
}

/** A keyword only when what is left of a jump line is a short name, not running text. */
function keywordOf(rest: string, cjk: boolean): string | null {
  const r = rest.trim();
  if (!r || /[。，,；;！!？?：:、]/.test(r)) return null;
  return (cjk ? [...r].length <= 8 : r.split(/\s+/).length <= 4) ? r : null;
}

/**
 * The jump cues of a text: a jump-from cue at its start and/or a jump-to cue at its end (Chinese 上接/下转 lines
 * with Arabic or Chinese numerals in full- or half-width brackets, Latin "Continued on/from page N", "See X, page
 * N", "From page N"). Cues inside running text are not jump lines and are ignored.
 */
export function parseJumpCues(text: string): JumpCue[] {
  const t = text
    .normalize('NFKC')
    .replace(/^#+\s*/, '')
    .trim();
  const out: JumpCue[] = [];
  const cjk = /[\u3400-\u9fff]/.test(t);
  const push = (direction: 'from' | 'to', rawPage: string, cue: string, rest: string, named: string | null) => {
    const page = pageName(rawPage);
    if (page === null) return;
    // Only a jump-from line names its topic after the cue (`（上接第一版）衢州`); text before a 下转 cue is running text.
    const keyword = named ?? (direction === 'from' ? keywordOf(rest, cjk) : null);
    out.push({
      direction,
      page,
      cue: cue.replace(/\s+/g, cjk ? '' : ' ').trim(),
      keyword,
      rest: rest.trim(),
      standalone: !rest.trim() || keyword !== null,
    });
  };
  const zf = ZH_FROM.exec(t);
  // Without brackets, 接/续/承 must say 第…版 plainly: 接三版 alone reads like running text.
  if (zf && (zf[1] || zf[4] || /^(?:上接|紧接|接上)|第/.test(zf[2])))
    push('from', zf[3], zf[2], t.slice(zf[0].length), null);
  else if (DE_FR_FROM.test(t)) {
    const m = DE_FR_FROM.exec(t)!;
    push('from', m[2], `${m[1]} ${m[2]}`, t.slice(m[0].length), null);
  } else {
    for (const re of EN_FROM) {
      const m = re.exec(t);
      if (!m) continue;
      const named = m.length > 3 ? (m[1]?.trim() ?? null) : null;
      const cue = m.length > 3 ? m[0].replace(/\.$/, '') : m[1];
      const page = m.length > 3 ? m[3] : m[2];
      push('from', page, cue, m.length > 3 ? '' : t.slice(m[0].length), named);
      break;
    }
  }
  const zt = ZH_TO.exec(t);
  // A bare 转 needs brackets or 第…版 (下转 is unambiguous).
  if (zt && (zt[2].startsWith('下转') || zt[1] || zt[3])) push('to', zt[4], zt[2], t.slice(0, zt.index), null);
  else {
    const m0 = EN_TO[0].exec(t);
    const m1 = m0 ? null : EN_TO[1].exec(t);
    const m2 = m0 || m1 ? null : DE_FR_TO.exec(t);
    if (m2) push('to', m2[2], `${m2[1]} ${m2[2]}`, t.slice(0, m2.index), null);
    else if (m0) push('to', m0[2] ?? m0[3], m0[1], t.slice(0, m0.index), null);
    else if (m1) push('to', m1[3], m1[1], t.slice(0, m1.index), m1[2].trim());
  }
  return out;
}

/** Does a printed page name (`JumpCue.page`) name the page with this label ('1', '03', 'A3', '第3版', 'p. 3')? */
export function pageMatches(page: string, label: string): boolean {
  const l = label
    .normalize('NFKC')
    .trim()
    .replace(/^(?:第|page\s*|p\.?\s*)/i, '')
    .replace(/版$/, '')
    .trim();
  return pageName(l) === page;
}
export function furnitureCue(t: string): string | null {
  return t.length <= 40 && FURNITURE.test(t) ? 'page furniture' : null;
}
