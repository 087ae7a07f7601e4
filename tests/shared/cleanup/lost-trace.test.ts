import { describe, expect, it } from 'vitest';
import { removesLostTextTrace, unmatchedClosers } from '../../../shared/cleanup/lost-trace';

const space = (text: string, at: number) => ({ start: at, end: at + 1, before: ' ', after: '', rule: 'cjk-spaces' });

/** A line-wrap space is the only trace of a lost line when a closer soon after it has lost its opener. */
describe('removesLostTextTrace', () => {
  const lost = '带来致敬大师的系列节目演 十四行诗》诗集,以桐庐山水';
  it('flags the space before an unmatched closing bracket', () => {
    expect(unmatchedClosers(lost)).toEqual([lost.indexOf('》')]);
    expect(removesLostTextTrace(lost, space(lost, lost.indexOf(' ')))).toBe(true);
  });

  it('leaves ordinary wrap spaces and balanced brackets alone', () => {
    const ok = '带来致敬大师的系列节目《十四行 诗》诗集';
    expect(removesLostTextTrace(ok, space(ok, ok.indexOf(' ')))).toBe(false);
    const plain = '说是社区,这里的服务对象却不是 居民,而是企业和员工。';
    expect(removesLostTextTrace(plain, space(plain, plain.indexOf(' ')))).toBe(false);
    // Another space between the removed one and the closer: that one is the trace, not this.
    const two = '节目演 十四 行诗》诗集';
    expect(removesLostTextTrace(two, space(two, two.indexOf(' ')))).toBe(false);
    expect(removesLostTextTrace(two, space(two, two.lastIndexOf(' ')))).toBe(true);
    // Not a space removal.
    expect(removesLostTextTrace(lost, { start: 0, end: 1, before: '带', after: '帶', rule: 'x' })).toBe(false);
  });
});
