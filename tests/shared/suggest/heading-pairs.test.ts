import { describe, expect, it } from 'vitest';
import { suggest } from '../../../shared/suggest/engine';
import { issueFromText } from '../../../bench/suggest/run';

// Two narrow articles side by side, read across: their headlines stand one after the other, then their bodies.
const bodyA = '市政府昨日召开会议，研究春季招聘工作。会议要求各区做好服务，帮助企业招到合适的员工。';
const bodyB = '本市图书馆将于下月开放新馆，新馆设有儿童阅览室和报刊阅览室，开放时间延长到晚上九点。';

function articleOf(s: ReturnType<typeof suggest>, id: string): number {
  return s.articles.findIndex((a) => a.items.some((it) => it.id === id));
}

describe('two headlines of different articles, one after the other', () => {
  it('marked at the same level: two articles, not a kicker over a headline', () => {
    const s = suggest(issueFromText(`# 春季招聘工作会议召开\n\n# 市图书馆新馆下月开放\n\n${bodyA}\n\n${bodyB}\n`));
    expect(articleOf(s, 'p1.1')).not.toBe(articleOf(s, 'p1.2'));
    expect(s.fragments['p1.1'].role.role).toBe('headline');
    expect(s.fragments['p1.2'].role.role).toBe('headline');
    // Marked at different levels, the two lines stay one heading group: a kicker over its headline.
    const g = suggest(issueFromText(`## 各区做好服务帮助企业招工\n\n# 春季招聘工作会议召开\n\n${bodyA}\n`));
    expect(articleOf(g, 'p1.1')).toBe(articleOf(g, 'p1.2'));
    expect(g.fragments['p1.1'].role.role).toBe('kicker');
  });

  it('unmarked, both headline-shaped: grouped, but the link between them is not confident', () => {
    const s = suggest(issueFromText(`春季招聘工作会议召开\n\n市图书馆新馆下月开放\n\n${bodyA}\n\n${bodyB}\n`));
    const a = s.articles[articleOf(s, 'p1.2')];
    const item = a.items.find((it) => it.id === 'p1.2')!;
    if (a.items[0].id !== 'p1.2') expect(item.confident).toBe(false);
  });
});
