import { describe, expect, it } from 'vitest';
import { createIssue } from '../../../shared/model/create';
import { pageFromPlainText } from '../../../shared/import/plain-text';
import { suggest } from '../../../shared/suggest/engine';
import { suggestionOps } from '../../../shared/suggest/to-ops';

const page = (text: string) =>
  createIssue([pageFromPlainText(text, { pageId: 'p1', label: '1', encoding: 'utf-8' })], { id: 'x', title: 'x' });

describe('suggest edge cases', () => {
  it('handles an empty issue and a one-fragment page', () => {
    const empty = createIssue([], { id: 'e', title: 'e' });
    expect(suggest(empty).articles).toEqual([]);
    expect(suggestionOps(empty, suggest(empty))).toBeNull();
    const one = suggest(page('只有一段文字'));
    expect(one.articles).toHaveLength(1);
    expect(one.articles[0].items[0].confident).toBe(false); // no headline: not a confident article start
  });

  it('falls back to language-neutral cues on Latin text (hyphenation, lower-case start)', () => {
    const s = suggest(
      page(
        '## THE NEWS\n\nThe minister said that the bill would be intro-\n\nduced next week, and that the house\n\nwould sit late.',
      ),
    );
    expect(s.articles).toHaveLength(1);
    const items = s.articles[0].items;
    expect(items.map((it) => it.id)).toEqual(['p1.1', 'p1.2', 'p1.3', 'p1.4']);
    expect(items[2]).toMatchObject({ join: true }); // intro- | duced
    expect(items[2].reasons.join(' ')).toMatch(/hyphenated/);
    expect(items[3].join).toBe(true); // the house | would sit
  });
});
