/**
 * Newspaper cues (SUGGESTIONS.md §3.1 item 7) as small regular expressions over a fragment's compacted text.
 * Each returns a short human-readable reason or null.
 */

/** 电头 / 本报讯 at the start of a lead paragraph. */
const DATELINE = /^(?:本报讯|本報訊|本报[\u4e00-\u9fff]{0,10}\d{1,2}月\d{1,2}日(?:讯|电)|新华社[\u4e00-\u9fff]{0,10}\d{1,2}月\d{1,2}日电|(?:新华社|中新社|新華社)[^，,。]{0,16}电|新华网[^，,。]{0,12}电|[（(](?:本报)?记者[^）)]{1,40}[）)])/;
/** Latin datelines: "PARIS, Dec. 6 —", "LONDON, Feb. 16." */
const LATIN_DATELINE = /^[A-Z][A-Z .'-]{2,30},\s+(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2}|\d{1,2}\s+[A-Z][a-z]{2,8})\b/;
const BYLINE = /^[（(]?\s*(?:本报|本報)?(?:特约)?(?:记者|記者|通讯员|通訊員|实习生)\s*[\u4e00-\u9fff·・ ]{2,30}[）)]?$/;
const CAPTION = /^(?:图为|圖為|上图|下图|左图|右图|图片|图:|图：|Fig\.|Figure)/;
const CREDIT = /(?:摄|攝|供图|制图|图片来源[:：].*)$/;
const JUMP_FROM = /^[（(]?\s*(?:上接|接上|紧接)第?\s*[一二三四五六七八九十\d]{1,3}\s*版\s*[）)]?/;
const JUMP_TO = /[（(]?\s*(?:下转|转)第?\s*[一二三四五六七八九十\d]{1,3}\s*版\s*[）)]?$/;
const FURNITURE = /^(?:责任编辑|責任編輯|版式设计|美术编辑|本版编辑|校对|第\s*[一二三四五六七八九十\d]+\s*版)/;

export function datelineCue(t: string): string | null {
  const m = DATELINE.exec(t) ?? LATIN_DATELINE.exec(t);
  return m ? `starts with a dateline: ${m[0].slice(0, 16)}` : null;
}
export function bylineCue(t: string): string | null {
  return t.length <= 40 && BYLINE.test(t) ? 'a byline' : null;
}
export function captionCue(t: string): string | null {
  return t.length <= 200 && CAPTION.test(t) ? `a photo caption (${t.slice(0, 2)}…)` : null;
}
export function creditCue(t: string): string | null {
  return t.length <= 50 && CREDIT.test(t) && !/[。，,]/.test(t) ? 'a photo credit (…摄)' : null;
}
export function jumpFromCue(t: string): string | null {
  return t.length <= 30 && JUMP_FROM.test(t) ? `continued from another page (${t})` : null;
}
export function jumpToCue(t: string): string | null {
  return JUMP_TO.test(t) ? 'continued on another page (下转)' : null;
}
export function furnitureCue(t: string): string | null {
  return t.length <= 40 && FURNITURE.test(t) ? 'page furniture' : null;
}
