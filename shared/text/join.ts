/**
 * Text of fragments joined into one paragraph. CJK text joins without a separator (a cut across columns is
 * not a space); Latin words cut at a column edge get one space back.
 */
export function joinSeparator(left: string, right: string): string {
  const a = left.at(-1) ?? '';
  const b = right[0] ?? '';
  if (!a || !b || /\s/.test(a) || /\s/.test(b)) return '';
  return /[\p{Script=Latin}\d,.;:!?)"'’”]/u.test(a) && /[\p{Script=Latin}\d("'‘“]/u.test(b) ? ' ' : '';
}

/**
 * A part ending in U+00AD SOFT HYPHEN is a word hyphenated at a cut (Cleanup's de-hyphenation turns `con-` joined
 * to `tinued` into `con\u00ad`): the mark goes and the word continues without a space, `continued`.
 */
export function joinTexts(parts: readonly string[]): string {
  let out = '';
  for (const p of parts) {
    if (out.endsWith('\u00ad')) out = out.slice(0, -1) + p;
    else out += out ? joinSeparator(out, p) + p : p;
  }
  return out;
}
