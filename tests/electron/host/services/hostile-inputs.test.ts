import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { importPageFiles, readPageFile } from '../../../../electron/host/services/page-files';
import { loadIssueFile, saveIssueFile } from '../../../../electron/host/services/issue-files';
import { IssueFileError } from '../../../../shared/issue-file/parse-issue';
import { DecodeError } from '../../../../shared/text/encoding';
import { audit, textIntact } from '../../../../shared/audit/audit';
import { chineseText } from '../../../support/crash-writer';

/**
 * Hostile page and issue files through the services the app and the CLI use: each is a clear, typed error or a
 * correct load, never a crash. (The CLI's one-line reporting of these is in cli.test.ts; damaged issue JSON in
 * detail in tests/shared/model-parse-hostile.test.ts; the 50 MB import time is printed by bench/foundation.ts.)
 */
describe('hostile inputs through the services', () => {
  let dir: string;
  const p = (n: string) => path.join(dir, n);
  beforeAll(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'galley-hostile-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('imports a 50 MB page that is one single line', async () => {
    const line = chineseText(17_500_000, 3).replace(/\n/g, '');
    writeFileSync(p('one-line.txt'), line);
    const issue = await importPageFiles([p('one-line.txt')]);
    expect(issue.pages[0].original.length).toBe(line.length);
    expect(issue.pages[0].fragments).toHaveLength(1);
    expect(issue.pages[0].fragments[0].text).toBe(line);
    expect(textIntact(audit(issue))).toBe(true);
  });

  it('refuses page files that are empty, binary or in no known encoding, with a DecodeError', async () => {
    writeFileSync(p('empty.txt'), '');
    writeFileSync(p('nul.txt'), Buffer.concat([Buffer.from('正文'), Buffer.alloc(64), Buffer.from('更多')]));
    writeFileSync(p('bad.txt'), Buffer.from('正文 abc \xff\xff\xff end', 'latin1'));
    await expect(readPageFile(p('empty.txt'), 'p1', 1)).rejects.toThrow(
      new DecodeError('empty.txt: the file is empty: there is no text to import'),
    );
    await expect(readPageFile(p('nul.txt'), 'p1', 1)).rejects.toThrow(/NUL bytes: it looks like a binary file/);
    await expect(readPageFile(p('bad.txt'), 'p1', 1)).rejects.toThrow(/neither UTF-8, GB18030\/GBK nor Big5/);
  });

  it('refuses damaged issue files with an IssueFileError and leaves them untouched', async () => {
    writeFileSync(p('small.txt'), '# 标题\n\n正文。');
    const small = await importPageFiles([p('small.txt')]);
    await saveIssueFile(p('ok.galley.json'), small);
    const text = JSON.stringify(small);
    const cases: [string, string, RegExp][] = [
      ['truncated', text.slice(0, 100), /truncated/],
      ['future', text.replace('"version":1', '"version":7'), /newer Galley/],
      ['notjson', '<html></html>', /not JSON/],
      ['notgalley', '{"pages":[]}', /not a Galley issue file/],
      ['dup', text.replace('"pool":["p1.1","p1.2"]', '"pool":["p1.1","p1.2","p1.2"]'), /placed twice/],
      [
        'outside',
        JSON.stringify({
          ...small,
          pages: [
            {
              ...small.pages[0],
              fragments: small.pages[0].fragments.map((f) => ({
                ...f,
                spans: [{ start: f.spans[0].start, end: 5000 }],
              })),
            },
          ],
        }),
        /outside the original/,
      ],
    ];
    for (const [name, body, msg] of cases) {
      writeFileSync(p(`${name}.galley.json`), body);
      const err = await loadIssueFile(p(`${name}.galley.json`)).then(
        () => null,
        (e: unknown) => e,
      );
      expect(err, name).toBeInstanceOf(IssueFileError);
      expect((err as Error).message, name).toMatch(msg);
    }
    // A damaged byte inside a string must not load as U+FFFD in the page original.
    const good = Buffer.from(JSON.stringify(small));
    const at = good.indexOf(Buffer.from('正文'));
    writeFileSync(
      p('badbyte.galley.json'),
      Buffer.concat([good.subarray(0, at), Buffer.from([0xe6, 0xad]), good.subarray(at + 3)]),
    );
    await expect(loadIssueFile(p('badbyte.galley.json'))).rejects.toThrow(
      /is damaged: it is not valid UTF-8 text; open its \.bak/,
    );
    writeFileSync(p('binary.galley.json'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0xff, 0xfe, 0x00, 0x80]));
    await expect(loadIssueFile(p('binary.galley.json'))).rejects.toThrow(/is not JSON \(it is not even UTF-8 text\)/);
    await expect(loadIssueFile(p('absent.galley.json'))).rejects.toThrow(/no such file/);
    expect(await loadIssueFile(p('ok.galley.json'))).toEqual(small);
  });
});
