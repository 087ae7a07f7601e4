import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { IssueFileError, parseIssue, serializeIssue } from '@shared/issue-file/parse-issue';
import { SCHEMA_VERSION } from '@shared/model/schema';
import { pageFromPlainText } from '@shared/import/plain-text';
import { createIssue } from '@shared/model/create';
import { applyOp } from '@shared/ops';
import type { Issue } from '@shared/model/types';
import { SAMPLE_PAGE } from '../support/paths';

/** Damaged and hostile issue files: each is refused with an IssueFileError whose message says what is wrong. */
const page = pageFromPlainText(readFileSync(SAMPLE_PAGE, 'utf8'), { pageId: 'p1', label: '2', encoding: 'utf-8' });
const good: Issue = applyOp(
  createIssue([page], { id: 'i1', title: '浙江日报' }),
  { type: 'createArticle', articleId: 'a1', fragmentIds: ['p1.1', 'p1.2', 'p1.3'] },
  { at: '2026-11-27T09:00:00Z' },
).issue;
const json = serializeIssue(good);
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- mutations reach into any part of the parsed file
const mutate = (f: (raw: Record<string, any>) => void) => {
  const raw = JSON.parse(json);
  f(raw);
  return JSON.stringify(raw);
};
function refusal(text: string): IssueFileError {
  try {
    parseIssue(text);
  } catch (e) {
    expect(e).toBeInstanceOf(IssueFileError);
    expect((e as Error).message).not.toMatch(/\n/);
    return e as IssueFileError;
  }
  throw new Error('the file was accepted');
}

describe('loading issue files: damaged and hostile input', () => {
  it('accepts the good file and gives back an equal issue', () => {
    expect(parseIssue(json)).toEqual(good);
  });

  it('calls a file cut at any point truncated, and points to the .bak copy', () => {
    const step = Math.max(1, Math.floor(json.length / 400));
    for (let cut = 0; cut < json.length - 2; cut += step) {
      const e = refusal(json.slice(0, cut));
      expect(e.code, `cut at ${cut}: ${e.message}`).toBe('truncated');
      expect(e.message).toMatch(/\.bak/);
    }
  });

  it('tells a file that is not JSON from a truncated one', () => {
    const e = refusal('# 浙江日报\n\n这不是 JSON');
    expect(e.code).toBe('not-json');
    expect(refusal(json.replace('"pages":', '"pages"=')).code).toBe('not-json');
    expect(refusal('\u0000\u0001binary\u00ff').code).toBe('not-json');
  });

  it('refuses JSON that is not a Galley file', () => {
    for (const t of ['{"hello":"world"}', '[1,2,3]', 'null', '"galley-issue"', '{"format":"ecw-project"}']) {
      expect(refusal(t).code).toBe('not-galley');
    }
  });

  it('refuses a file from a newer Galley without touching it, and says to update', () => {
    const e = refusal(
      mutate((r) => {
        r.version = SCHEMA_VERSION + 1;
        r.newFeature = {};
      }),
    );
    expect(e.code).toBe('newer-version');
    expect(e.message).toMatch(/Update Galley/);
  });

  it('refuses spans outside the original', () => {
    const e = refusal(
      mutate((r) => {
        r.pages[0].fragments[5].spans = [{ start: 10, end: r.pages[0].original.length + 5 }];
      }),
    );
    expect(e.code).toBe('invalid');
    expect(e.message).toMatch(/points outside the original text/);
  });

  it('refuses duplicate ids of pages, articles and fragments', () => {
    expect(
      refusal(
        mutate((r) => {
          r.pages[0].fragments[7].id = r.pages[0].fragments[6].id;
        }),
      ).message,
    ).toMatch(/fragment id "p1.7" is used twice/);
    expect(
      refusal(
        mutate((r) => {
          r.articles.push({ ...r.articles[0], items: [] });
        }),
      ).message,
    ).toMatch(/article id "a1" is used twice/);
    expect(
      refusal(
        mutate((r) => {
          r.pages.push({ ...r.pages[0], fragments: [] });
        }),
      ).message,
    ).toMatch(/page id "p1" is used twice/);
  });

  it('refuses fragments placed twice, placed nowhere, or referenced but missing', () => {
    expect(
      refusal(
        mutate((r) => {
          r.pool.push('p1.1');
        }),
      ).message,
    ).toMatch(/"p1.1" is placed twice/);
    expect(
      refusal(
        mutate((r) => {
          r.pool = r.pool.filter((id: string) => id !== 'p1.9');
        }),
      ).message,
    ).toMatch(/"p1.9" is in no article/);
    expect(
      refusal(
        mutate((r) => {
          r.discarded.push('ghost');
        }),
      ).message,
    ).toMatch(/"ghost" is referenced but does not exist/);
  });

  it('refuses text covered twice and text covered by no fragment', () => {
    expect(
      refusal(
        mutate((r) => {
          r.pages[0].fragments[3].spans.push(r.pages[0].fragments[4].spans[0]);
        }),
      ).message,
    ).toMatch(/belongs to two fragments/);
    expect(
      refusal(
        mutate((r) => {
          r.pages[0].fragments[3].spans[0].end -= 2;
        }),
      ).message,
    ).toMatch(/belongs to no fragment/);
  });

  it('refuses schema damage with the path of the problem', () => {
    const e = refusal(
      mutate((r) => {
        r.pages[0].fragments[0].role = 'villain';
        r.nextId = -1;
      }),
    );
    expect(e.code).toBe('invalid');
    expect(e.message).toMatch(/damaged: .*role/);
    const polluted = refusal(json.replace('"role":"headline"', '"role":"headline","__proto__":{"polluted":true}'));
    expect(polluted.code).toBe('invalid');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(
      refusal(
        mutate((r) => {
          r.pages[0].fragments[0].spans = [{ start: 9, end: 3 }];
        }),
      ).message,
    ).toMatch(/span end before start/);
  });

  it('survives a deeply nested file without a stack overflow', () => {
    const deep = `{"format":"galley-issue","version":1,"history":[{"op":${'['.repeat(100_000)}${']'.repeat(100_000)},"at":"x"}]}`;
    expect(refusal(deep).code).toBe('invalid');
  });
});
