import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { pageFromPlainText } from '@shared/import/plain-text';
import { createIssue } from '@shared/model/create';
import { audit, textIntact } from '@shared/audit/audit';
import { SAMPLE_PAGE } from '../support/paths';

const sample = readFileSync(SAMPLE_PAGE, 'utf8');

describe('plain-text page import', () => {
  const page = pageFromPlainText(sample, { pageId: 'p1', label: '2', encoding: 'utf-8' });

  it('makes one fragment per blank-line-separated block, spans pointing exactly into the original', () => {
    expect(page.fragments.length).toBe(114);
    for (const f of page.fragments) {
      expect(f.spans).toHaveLength(1);
      expect(sample.slice(f.spans[0].start, f.spans[0].end)).toBe(f.text);
    }
    expect(page.original).toBe(sample);
  });

  it('turns heading marks into hints while the original keeps them', () => {
    const [kicker, headline] = page.fragments;
    expect(kicker.text).toBe('本报记者蹲点北仑区灵峰社区,感受助企服务再升级');
    expect(kicker.hint).toBe('h2');
    expect(headline.text).toBe('"管家"上门帮企业招工揽才拼经济');
    expect(headline.hint).toBe('h1');
    expect(sample.startsWith('## ')).toBe(true);
    expect(page.markup[0]).toEqual({ start: 0, end: 3 });
  });

  it('covers every non-space character of the page exactly once', () => {
    const r = audit(createIssue([page], { title: 't' }));
    expect(textIntact(r)).toBe(true);
    expect(r.unassigned).toHaveLength(114);
  });

  it('keeps a line-wrapped block as one fragment', () => {
    const p = pageFromPlainText('第一行\n第二行\n\n\n  第三段  \n', { pageId: 'x', label: '1', encoding: 'utf-8' });
    expect(p.fragments.map((f) => f.text)).toEqual(['第一行\n第二行', '第三段']);
  });
});
