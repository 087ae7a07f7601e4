/**
 * Bytes → text for extracted pages. Order (docs/foundation.md, Bad input): BOM; UTF-16 without BOM, told by
 * its NUL bytes (text never holds NUL, so a NUL is the zero half of a UTF-16 code unit); strict UTF-8 (and CESU-8,
 * UTF-8 with surrogate pairs encoded one by one); then strict GB18030, Big5 and UTF-16 scored by frequent-hanzi
 * hits. Never decodes with replacement characters: undecodable input is refused with a message the user can act
 * on. When the guess is not sure, `alternative` names the runner-up so that the caller can say so.
 */
export type Encoding = 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be' | 'gb18030' | 'big5' | 'cesu-8';
export const ENCODINGS: readonly Encoding[] = [
  'utf-8',
  'utf-8-bom',
  'utf-16le',
  'utf-16be',
  'gb18030',
  'big5',
  'cesu-8',
];

export function isEncoding(v: string): v is Encoding {
  return (ENCODINGS as readonly string[]).includes(v);
}

export interface Decoded {
  text: string;
  encoding: Encoding;
  /** Set when detection was not sure: the encoding that was nearly as likely (the user may want to force it). */
  alternative?: Encoding;
}

/** Larger inputs are refused: V8 strings top out near 512 Mi UTF-16 units and a page is never this large. */
export const MAX_INPUT_BYTES = 256 * 1024 * 1024;

export class DecodeError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DecodeError';
  }
}

// Frequent hanzi in simplified and traditional forms; a wrong legacy decoding yields rare or odd characters.
const FREQUENT = new Set(
  '的一是不了人我在有他这這中大来來上国國个個到说說们們为為子和你地出道也时時年得就那要下以生会會自着著去之过過家学學对對可她里裏后後小么麼心多天而能好都然没沒日于於起还還发發成事只作当當想看文无無开開手十用主行方又如前所本见見经經头頭面公同三已老从從动動两兩长長知民样樣现現分将將外但身些与與高意进進把法此实實回二理美点點月明其种種声聲全工己话話儿兒者向情部正名定女问問力机機给給等几幾很业業最间間新什打便位因重被走电電四第门門相次东東政海口使教西再平真听聽世气氣信北少关關并並内內加化由却卻代军軍产產入先山五太水万萬市眼体體别別处處总總才场場师師书書比住员員九笑性通目华華报報立马馬命张張活难難神数數件安表原车車白应應路期叫死常提感金何更反合放做系计計或司利受光王果亲親界及今京务務制解各任至清物台臺象记記边邊共风風战戰接它许許八特觉覺望直服毛林题題建南度统統色字请請交爱愛让讓认認算论論百吃义義科怎元社术術结結六功指思非流每青管夫连連远遠资資队隊跟带帶花快条條院变變联聯言权權往展该該领領传傳近留红紅治决決周保达達办辦运運武半候七必城父强強步完革深区區即求品士转轉量空甚众眾技轻輕程告江语語英基派满滿式李息写寫呢识識极極令黄黃德收脸臉钱錢党黨倒未持取设設始版双雙历歷越史商千片容研像找友孩站广廣改议議形委早房音火际際则則首单單据據导導影失拿网網香似斯专專石若兵弟谁誰校读讀志飞飛观觀争爭究包组組造落视視济濟喜离離虽雖坏壞兴興医醫社區記者企業服務',
);

function hasBom(b: Uint8Array, ...sig: number[]): boolean {
  return sig.every((v, i) => b[i] === v);
}

function tryDecode(label: string, bytes: Uint8Array): string | null {
  try {
    return new TextDecoder(label, { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

function score(text: string): number {
  let hits = 0;
  let han = 0;
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    if (cp >= 0x3400 && cp <= 0x9fff) {
      han++;
      if (FREQUENT.has(ch)) hits++;
    }
    if (cp >= 0xe000 && cp <= 0xf8ff) hits -= 2; // private use: a sign of the wrong table
  }
  return han === 0 ? 0 : hits / han;
}

/**
 * Share of characters that are usual in a newspaper page: ASCII, Latin, frequent hanzi (other hanzi count a
 * little), kana, hangul, CJK and general punctuation. A UTF-16 file decoded in the wrong byte order turns ASCII into
 * U+xx00 characters and frequent hanzi into rare ones, so the right order scores far higher.
 */
function plausibility(text: string): number {
  if (!text.length) return 0;
  let good = 0;
  let n = 0;
  for (const ch of text) {
    n++;
    const c = ch.codePointAt(0)!;
    if ((c >= 0x20 && c < 0x7f) || c === 9 || c === 10 || c === 13 || c === 12) good++;
    else if (c >= 0xa0 && c <= 0x24f) good++;
    else if (c >= 0x2000 && c <= 0x206f) good++;
    else if ((c >= 0x3000 && c <= 0x30ff) || (c >= 0xff00 && c <= 0xffef) || (c >= 0xac00 && c <= 0xd7a3)) good++;
    else if (c >= 0x3400 && c <= 0x9fff) good += FREQUENT.has(ch) ? 1 : 0.3;
  }
  return good / n;
}

/** The right byte order of a BOM-less UTF-16 text scores at least this (the wrong one well below; measured 0.9+ vs < 0.3). */
const UTF16_MIN_PLAUSIBLE = 0.7;
/** Two guesses closer than this are both possible: the choice is reported as not sure. */
const UNSURE_MARGIN = 0.15;
/** A legacy decoding whose hanzi are less than this share frequent ones may be the wrong table (right ones: 0.6+). */
const LOW_SCORE = 0.3;

/**
 * UTF-16 byte orders are judged on the first 128 kB (whole code units), decoded loosely; only the chosen order is
 * then decoded whole and strictly, so a 256 MB file is not decoded twice.
 */
const SCORE_PREFIX_BYTES = 128 * 1024;

function utf16Head(b: Uint8Array, encoding: 'utf-16le' | 'utf-16be'): string {
  return new TextDecoder(encoding).decode(b.subarray(0, Math.min(b.length, SCORE_PREFIX_BYTES)));
}

/** UTF-16 without BOM, for bytes that hold NUL: the byte order whose text is plausible, or null (binary). */
function utf16WithoutBom(b: Uint8Array): Decoded | null {
  if (b.length % 2 !== 0) return null;
  const scored: { encoding: 'utf-16le' | 'utf-16be'; p: number }[] = [];
  for (const encoding of ['utf-16le', 'utf-16be'] as const) {
    const head = utf16Head(b, encoding);
    if (!head.includes('\0')) scored.push({ encoding, p: plausibility(head) });
  }
  scored.sort((x, y) => y.p - x.p);
  const best = scored[0];
  if (!best || best.p < UTF16_MIN_PLAUSIBLE) return null;
  const text = tryDecode(best.encoding, b);
  if (text === null || text.includes('\0')) return null;
  const other = scored[1];
  return {
    text,
    encoding: best.encoding,
    ...(other && best.p - other.p < UNSURE_MARGIN ? { alternative: other.encoding } : {}),
  };
}

function checkText(text: string, encoding: Encoding): Decoded {
  // NUL and most C0 controls never occur in extracted page text; a file full of them is binary.
  let controls = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0)
      throw new DecodeError('the file contains NUL bytes: it looks like a binary file, not an extracted page');
    if (c < 32 && c !== 9 && c !== 10 && c !== 13 && c !== 12) controls++;
  }
  if (controls > 16 && controls > text.length / 100) {
    throw new DecodeError('the file is full of control characters: it looks like a binary file, not an extracted page');
  }
  return { text, encoding };
}

/** Human name of an encoding, for messages. */
export function encodingName(e: Encoding): string {
  return (
    {
      'utf-8': 'UTF-8',
      'utf-8-bom': 'UTF-8 (with BOM)',
      'utf-16le': 'UTF-16LE',
      'utf-16be': 'UTF-16BE',
      gb18030: 'GB18030',
      big5: 'Big5',
      'cesu-8': 'CESU-8',
    } as const
  )[e];
}

function decodeAs(forced: Encoding, bytes: Uint8Array): string | null {
  if (forced === 'cesu-8') {
    const fixed = cesuToUtf8(bytes);
    return fixed ? (fixed.lone < 0 ? tryDecode('utf-8', fixed.bytes) : null) : tryDecode('utf-8', bytes);
  }
  return tryDecode(forced === 'utf-8-bom' ? 'utf-8' : forced, bytes);
}

/**
 * Decodes an extracted page. `forced` overrides detection (the user's choice after a wrong guess).
 * @throws DecodeError with a message fit for the user.
 */
export function decodeBytes(bytes: Uint8Array, forced?: Encoding): Decoded {
  if (bytes.length === 0) throw new DecodeError('the file is empty: there is no text to import');
  if (bytes.length > MAX_INPUT_BYTES) {
    throw new DecodeError(`the file is ${Math.round(bytes.length / 1048576)} MB; Galley imports pages up to 256 MB`);
  }
  if (forced) {
    const t = decodeAs(forced, bytes);
    if (t === null) throw new DecodeError(`the file is not valid ${forced}; choose another encoding`);
    return checkText(t.charCodeAt(0) === 0xfeff ? t.slice(1) : t, forced);
  }
  if (hasBom(bytes, 0xef, 0xbb, 0xbf)) {
    const t = tryDecode('utf-8', bytes);
    if (t === null) throw new DecodeError('the file starts with a UTF-8 BOM but is not valid UTF-8');
    return checkText(t, 'utf-8-bom');
  }
  if (hasBom(bytes, 0xff, 0xfe) || hasBom(bytes, 0xfe, 0xff)) {
    const enc = bytes[0] === 0xff ? 'utf-16le' : 'utf-16be';
    const t = tryDecode(enc, bytes);
    if (t === null)
      throw new DecodeError(`the file starts with a ${enc.toUpperCase()} BOM but is not valid ${enc.toUpperCase()}`);
    return checkText(t, enc);
  }
  // Text never holds NUL; in UTF-16 every ASCII character (newlines, digits, spaces) has a zero byte.
  if (bytes.includes(0)) {
    const u16 = utf16WithoutBom(bytes);
    if (u16)
      return { ...checkText(u16.text, u16.encoding), ...(u16.alternative ? { alternative: u16.alternative } : {}) };
    throw new DecodeError('the file contains NUL bytes: it looks like a binary file, not an extracted page');
  }
  const utf8 = tryDecode('utf-8', bytes);
  if (utf8 !== null) return checkText(utf8, 'utf-8');
  // Surrogates encoded one by one in otherwise valid UTF-8: CESU-8, never GB18030 (whose bytes rarely fit UTF-8).
  const cesu = cesuToUtf8(bytes);
  const cesuText = cesu ? tryDecode('utf-8', cesu.bytes) : null;
  if (cesu && cesuText !== null) {
    if (cesu.lone >= 0) {
      throw new DecodeError(
        `the file is UTF-8 text with half of a UTF-16 surrogate pair encoded near byte ${cesu.lone}, which no text can hold; repair or re-export it as UTF-8`,
      );
    }
    return checkText(cesuText, 'cesu-8');
  }
  refuseDamagedUtf8(bytes);
  // GB18030 and Big5 are decoded whole (strictness needs every byte); UTF-16 is scored on its start and decoded
  // whole only if it wins.
  const candidates: { encoding: Encoding; text?: string; score: number }[] = [];
  for (const encoding of ['gb18030', 'big5'] as const) {
    const text = tryDecode(encoding, bytes);
    if (text !== null) candidates.push({ encoding, text, score: score(text) });
  }
  const legacyDecodes = candidates.length > 0;
  if (bytes.length % 2 === 0) {
    for (const encoding of ['utf-16le', 'utf-16be'] as const) {
      const head = utf16Head(bytes, encoding);
      // Without a GB18030/Big5 reading, UTF-16 must look like text by itself (any even run of bytes decodes).
      if (legacyDecodes || plausibility(head) >= UTF16_MIN_PLAUSIBLE) candidates.push({ encoding, score: score(head) });
    }
  }
  // Stable sort: on a tie GB18030 wins (the common case for mainland pages), as before.
  candidates.sort((a, b) => b.score - a.score);
  for (let i = 0; i < candidates.length; i++) {
    const c = candidates[i];
    c.text ??= tryDecode(c.encoding, bytes) ?? undefined;
    if (c.text === undefined) {
      candidates.splice(i--, 1);
      continue;
    }
    break;
  }
  const [best, second] = candidates;
  if (!best?.text)
    throw new DecodeError('the file is neither UTF-8, GB18030/GBK nor Big5 text; save it as UTF-8 and import again');
  // Not sure when the runner-up scores nearly as well, or when even the best reading has few frequent hanzi.
  const unsure = second && (best.score - second.score < UNSURE_MARGIN || best.score < LOW_SCORE);
  const out = checkText(best.text, best.encoding);
  return unsure ? { ...out, alternative: second.encoding } : out;
}

/**
 * CESU-8 (UTF-8 with each half of a surrogate pair encoded as its own three bytes, as Java's "modified UTF-8" and
 * some databases write) → standard UTF-8. Null when the bytes hold no encoded surrogate. A lone half (which no
 * text can hold) becomes U+FFFD in `bytes` and its offset is `lone`, so that the caller can refuse the file
 * when the rest is valid UTF-8.
 */
function cesuToUtf8(b: Uint8Array): { bytes: Uint8Array; lone: number } | null {
  const half = (i: number, lo: number, hi: number) =>
    b[i] === 0xed && i + 2 < b.length && b[i + 1] >= lo && b[i + 1] <= hi && (b[i + 2] & 0xc0) === 0x80;
  const isHigh = (i: number) => half(i, 0xa0, 0xaf);
  const isLow = (i: number) => half(i, 0xb0, 0xbf);
  let out: Uint8Array | null = null;
  let o = 0;
  let lone = -1;
  for (let i = 0; i < b.length; i++) {
    const high = isHigh(i);
    if (!high && !isLow(i)) {
      if (out) out[o++] = b[i];
      continue;
    }
    if (!out) {
      out = new Uint8Array(b.length + 3);
      out.set(b.subarray(0, i));
      o = i;
    }
    if (high && isLow(i + 3)) {
      const hi = ((b[i + 1] & 0x0f) << 6) | (b[i + 2] & 0x3f);
      const lo = ((b[i + 4] & 0x0f) << 6) | (b[i + 5] & 0x3f);
      const cp = 0x10000 + (hi << 10) + lo;
      out[o++] = 0xf0 | (cp >> 18);
      out[o++] = 0x80 | ((cp >> 12) & 0x3f);
      out[o++] = 0x80 | ((cp >> 6) & 0x3f);
      out[o++] = 0x80 | (cp & 0x3f);
      i += 5;
    } else {
      if (lone < 0) lone = i;
      out[o++] = 0xef;
      out[o++] = 0xbf;
      out[o++] = 0xbd;
      i += 2;
    }
  }
  return out ? { bytes: out.subarray(0, o), lone } : null;
}

/**
 * A UTF-8 file with a few broken bytes (a bad copy, a cut) still decodes "successfully" as GB18030 or Big5, as
 * mojibake. When most multi-byte sequences are valid UTF-8, say where the damage is instead of guessing.
 */
function refuseDamagedUtf8(bytes: Uint8Array): void {
  const loose = new TextDecoder('utf-8').decode(bytes);
  let bad = 0;
  let good = 0;
  for (let i = 0; i < loose.length; i++) {
    const c = loose.charCodeAt(i);
    if (c === 0xfffd) bad++;
    else if (c >= 0x80 && !(c >= 0xdc00 && c <= 0xdfff)) good++;
  }
  if (bad === 0 || good < 4 * bad) return;
  throw new DecodeError(
    `the file is UTF-8 text with ${bad} damaged byte sequence(s), the first near byte ${firstBadUtf8(bytes)}; repair or re-export it (or choose an encoding by hand)`,
  );
}

/** Offset of the first byte that cannot start or continue a UTF-8 sequence (approximate: overlongs pass). */
export function firstBadUtf8(b: Uint8Array): number {
  let i = 0;
  while (i < b.length) {
    const c = b[i];
    const n = c < 0x80 ? 0 : c >= 0xc2 && c <= 0xdf ? 1 : c >= 0xe0 && c <= 0xef ? 2 : c >= 0xf0 && c <= 0xf4 ? 3 : -1;
    if (n < 0) return i;
    for (let k = 1; k <= n; k++) if (i + k >= b.length || (b[i + k] & 0xc0) !== 0x80) return i;
    i += n + 1;
  }
  return -1;
}

/** CRLF and lone CR become LF: the page original is stored with LF only, whatever the file had. */
export function normalizeNewlines(text: string): string {
  return text.replace(/\r\n?/g, '\n');
}
