import { describe, expect, it } from 'vitest';
import { suggest } from '../../../shared/suggest/engine';
import { applySuggestions } from '../../../shared/suggest/apply';
import { parseJumpCues } from '../../../shared/suggest/cues';
import { audit, textIntact } from '../../../shared/audit/audit';
import type { Suggestions } from '../../../shared/suggest/types';
import { issueFromText } from '../../../bench/suggest/run';
import { jumpIssue } from './jump-pages';
import { JUMP_CASE_ARTICLES, JUMP_CASE_PAGE_1, JUMP_CASE_PAGE_2 } from '../../../bench/suggest/jump-case';

const ids = (s: Suggestions) => s.articles.map((a) => a.items.map((it) => it.id));
const articleOf = (s: Suggestions, id: string) => s.articles.findIndex((a) => a.items.some((it) => it.id === id));

describe('an article across two pages, joined by its jump lines', () => {
  const issue = jumpIssue([
    ['1', JUMP_CASE_PAGE_1],
    ['2', JUMP_CASE_PAGE_2],
  ]);
  const expected = JUMP_CASE_ARTICLES;
  const lead = expected[0];

  it('the whole reading: one article over both pages, the jump linked, no headline continuing another article', () => {
    const s = suggest(issue, { minConfidence: 0 });
    expect(ids(s).sort()).toEqual(expected.slice().sort());
    const items = s.articles[articleOf(s, 'p1.1')].items;
    expect(items.find((it) => it.id === 'p2.3')).toMatchObject({ join: true });
    expect(items.find((it) => it.id === 'p2.3')!.reasons.join(' ')).toMatch(/page 1 jumps here \(下转第2版\)/);
    // Every headline opens its own article.
    for (const h of ['p1.1', 'p1.3', 'p1.7', 'p2.1', 'p2.4']) expect(s.articles[articleOf(s, h)].items[0].id).toBe(h);
    expect(s.openEnds).toEqual([]);
  });

  it('asked for one page (as the workbench asks), the solve takes in the page its jump lines name', () => {
    for (const page of ['p1', 'p2']) {
      const s = suggest(issue, { pageIds: [page], minConfidence: 0 });
      expect(s.articles[articleOf(s, 'p1.1')].items.map((it) => it.id)).toEqual(lead);
      // Only the asked-for page's articles, and the article that spans both.
      for (const a of s.articles) expect(a.items.some((it) => it.id.startsWith(`${page}.`))).toBe(true);
    }
  });

  it('applying the whole reading keeps every character in exactly one place', () => {
    const { issue: next } = applySuggestions(issue, { minConfidence: 0 });
    const rep = audit(next);
    expect(textIntact(rep)).toBe(true);
    expect(rep.misplaced).toEqual([]);
    const a = next.articles.find((x) => x.items[0].id === 'p1.1')!;
    expect(a.items.map((it) => it.id)).toEqual(lead);
  });

  it('German and French jump lines are read too', () => {
    expect(parseJumpCues('(Fortsetzung auf Seite 3)')[0]).toMatchObject({ direction: 'to', page: '3' });
    expect(parseJumpCues('(Fortsetzung von Seite 1)')[0]).toMatchObject({ direction: 'from', page: '1' });
    expect(parseJumpCues('(Suite de la page 2)')[0]).toMatchObject({ direction: 'from', page: '2' });
    expect(parseJumpCues('Fortsetzung folgt.')).toEqual([]);
  });
});

describe('article starts without heading marks', () => {
  // Briefs: a short title, a paragraph and a pen name in brackets, one after the other, nothing marked.
  const briefs = [
    ['城內四處大火', '昨夜城內四處起火、延燒民房數十間、消防隊徹夜施救、至今晨始熄、損失甚鉅、'],
    ['封鎖後的浙東', '頃得浙東温州來電報吿、浙沿海一帶、於封鎖後、情形甚佳、商旅往來如常、'],
    ['新戲院開幕', '今年的廢曆新年，已有三家新戲院同時開幕，觀眾踴躍，座無虛席。'],
    ['小財神家之婚事', '滬上有著名之李醫師、生女數人、德容皆備、近擇婿甚嚴、'],
  ];
  const pens = ['（小隱）', '（天馬）', '（秋郎）', '（如是）'];
  const text = briefs.map(([t, b], k) => `${t}\n\n${b}\n\n${pens[k]}`).join('\n\n') + '\n';

  it('each pen name closes its item; the next item starts after it', () => {
    const s = suggest(issueFromText(text));
    expect(ids(s)).toEqual([0, 1, 2, 3].map((k) => [`p1.${3 * k + 1}`, `p1.${3 * k + 2}`, `p1.${3 * k + 3}`]));
    expect(s.fragments['p1.4'].role.role).toBe('headline');
  });

  it('a pen name at the end of the last paragraph closes the item too, titled or not', () => {
    const items = [
      '（倫敦廿六日路透電）羅馬尼亞外相加芬科、游訪倫敦吿畢、發出公報稱、會談雙方、極坦白而誠摯云、（寄萍）',
      '騙款還騙款日洋行掮客專騙絲商',
      '四川路二二五號日商阿部市洋行、掮客李根福、昨午用詐術、騙取恆豐泰人造絲號國幣一千六百八十元、（聽濤）',
      '本市佛教醫院、爲已故佛教救護隊長宏明法師所創設、院址在牛莊路、决定暫時停辦、本月底卽將結束云云、（老圃）',
      '山人',
      '梁朝的陶宏景，宋朝的種放，時人頗尊重他，以爲他們是隱逸之士，不問世事。',
      '韓退之詩曰：少室山人索價高，兩以諫官徵不起，這也是一種求官的辦法。（冷眼）',
    ];
    const s = suggest(issueFromText(`${items.join('\n\n')}\n`));
    expect(ids(s)).toEqual([['p1.1'], ['p1.2', 'p1.3'], ['p1.4'], ['p1.5', 'p1.6', 'p1.7']]);
  });

  it('a kicker over its headline, both over one article read across its two columns: one article', () => {
    const col = (t: string) => [...t].join('').match(/.{1,7}/gu)!;
    const text = col(
      '市政府昨日、召开会议、研究春季、招聘工作、会议要求、各区做好、服务工作、帮助企业、招到合适的员工、各区表示、将抓紧落实、做好服务。',
    );
    const half = Math.ceil(text.length / 2);
    const lines = text.slice(0, half).flatMap((l, k) => (text[half + k] ? [l, text[half + k]] : [l]));
    const s = suggest(issueFromText(`各区做好服务帮助企业招工\n\n春季招聘工作会议召开\n\n${lines.join('\n\n')}\n`));
    expect(articleOf(s, 'p1.1')).toBe(articleOf(s, 'p1.2'));
  });

  it('two unmarked headlines over two narrow columns read across: two articles', () => {
    // Columns of seven cells, narrower than the headlines over them.
    const col = (t: string) => [...t].join('').match(/.{1,7}/gu)!;
    const a = col('市政府昨日、召开会议、研究春季、招聘工作、会议要求、各区做好、服务工作、帮助企业、招到合适的员工。');
    const b = col('本市图书馆、将于下月、开放新馆、新馆设有、儿童阅览室、和报刊阅、览室、开放时间、延长到九点。');
    const lines = a.flatMap((l, k) => [l, b[k]]);
    const s = suggest(issueFromText(`春季招聘工作会议召开\n\n市图书馆新馆下月开放\n\n${lines.join('\n\n')}\n`));
    expect(articleOf(s, 'p1.1')).not.toBe(articleOf(s, 'p1.2'));
    expect(s.fragments['p1.1'].role.role).toBe('headline');
    // Each column under its own headline, in order.
    const column = (first: number) => lines.map((_, k) => `p1.${k + 3}`).filter((_, k) => k % 2 === first);
    expect(s.articles[articleOf(s, 'p1.1')].items.map((it) => it.id)).toEqual(['p1.1', ...column(0)]);
    expect(s.articles[articleOf(s, 'p1.2')].items.map((it) => it.id)).toEqual(['p1.2', ...column(1)]);
  });
});
