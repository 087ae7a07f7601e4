/** log(eˣ + eʸ) without overflow; -Infinity is the log of zero. Shared by the band parser's sums over readings. */
export function logAdd(x: number, y: number): number {
  if (x === -Infinity) return y;
  if (y === -Infinity) return x;
  return x > y ? x + Math.log1p(Math.exp(y - x)) : y + Math.log1p(Math.exp(x - y));
}
