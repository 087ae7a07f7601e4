/**
 * Bytes → text for extracted pages. Order (RELIABILITY 3.1, ARCHITECTURE B2): BOM, strict UTF-8, strict GB18030
 * vs strict Big5 scored by frequent-hanzi hits. Never decodes with replacement characters: undecodable input is
 * refused with a message the user can act on.
 */
export type Encoding = 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be' | 'gb18030' | 'big5';
export const ENCODINGS: readonly Encoding[] = ['utf-8', 'utf-8-bom', 'utf-16le', 'utf-16be', 'gb18030', 'big5'];

export interface Decoded { text: string; encoding: Encoding }

/** Larger inputs are refused: V8 strings top out near 512 Mi UTF-16 units and a page is never this large. */
export const MAX_INPUT_BYTES = 256 * 1024 * 1024;

export class DecodeError extends Error {
  constructor(message: string) { super(message); this.name = 'DecodeError'; }
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

/** Looks like UTF-16 without a BOM: most ASCII-range code units have a zero high byte on one side. */
function utf16Guess(b: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  if (b.length < 4 || b.length % 2 !== 0) return null;
  const n = Math.min(b.length, 4096);
  let zeroEven = 0;
  let zeroOdd = 0;
  for (let i = 0; i < n; i++) {
    if (b[i] !== 0) continue;
    if (i % 2 === 0) zeroEven++;
    else zeroOdd++;
  }
  if (zeroOdd > n / 2 * 0.3 && zeroEven < n / 2 * 0.05) return 'utf-16le';
  if (zeroEven > n / 2 * 0.3 && zeroOdd < n / 2 * 0.05) return 'utf-16be';
  return null;
}

function checkText(text: string, encoding: Encoding): Decoded {
  // NUL and most C0 controls never occur in extracted page text; a file full of them is binary.
  let controls = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0) throw new DecodeError('the file contains NUL bytes: it looks like a binary file, not an extracted page');
    if (c < 32 && c !== 9 && c !== 10 && c !== 13 && c !== 12) controls++;
  }
  if (controls > 16 && controls > text.length / 100) {
    throw new DecodeError('the file is full of control characters: it looks like a binary file, not an extracted page');
  }
  return { text, encoding };
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
    const label = forced === 'utf-8-bom' ? 'utf-8' : forced;
    const t = tryDecode(label, bytes);
    if (t === null) throw new DecodeError(`the file is not valid ${forced}`);
    return checkText(t, forced);
  }
  if (hasBom(bytes, 0xef, 0xbb, 0xbf)) {
    const t = tryDecode('utf-8', bytes);
    if (t === null) throw new DecodeError('the file starts with a UTF-8 BOM but is not valid UTF-8');
    return checkText(t, 'utf-8-bom');
  }
  if (hasBom(bytes, 0xff, 0xfe) || hasBom(bytes, 0xfe, 0xff)) {
    const enc = bytes[0] === 0xff ? 'utf-16le' : 'utf-16be';
    const t = tryDecode(enc, bytes);
    if (t === null) throw new DecodeError(`the file starts with a ${enc.toUpperCase()} BOM but is not valid ${enc.toUpperCase()}`);
    return checkText(t, enc);
  }
  const utf8 = tryDecode('utf-8', bytes);
  if (utf8 !== null) return checkText(utf8, 'utf-8');
  refuseDamagedUtf8(bytes);
  const u16 = utf16Guess(bytes);
  if (u16) {
    const t = tryDecode(u16, bytes);
    if (t !== null) return checkText(t, u16);
  }
  if (bytes.includes(0)) throw new DecodeError('the file contains NUL bytes: it looks like a binary file, not an extracted page');
  const gb = tryDecode('gb18030', bytes);
  const big5 = tryDecode('big5', bytes);
  if (gb === null && big5 === null) {
    throw new DecodeError('the file is neither UTF-8, GB18030/GBK nor Big5 text; save it as UTF-8 and import again');
  }
  if (gb !== null && big5 !== null) return checkText(score(big5) > score(gb) ? big5 : gb, score(big5) > score(gb) ? 'big5' : 'gb18030');
  return gb !== null ? checkText(gb, 'gb18030') : checkText(big5!, 'big5');
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
  throw new DecodeError(`the file is UTF-8 text with ${bad} damaged byte sequence(s), the first near byte ${firstBadUtf8(bytes)}; repair or re-export it (or choose an encoding by hand)`);
}

/** Offset of the first byte that cannot start or continue a UTF-8 sequence (approximate: overlongs pass). */
function firstBadUtf8(b: Uint8Array): number {
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
