import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { loadIssueFile } from '../../../../electron/host/services/issue-files';
import { ipcContract } from '../../../../shared/ipc/contract';
import { isValidatedIssue, parseIssue, serializeIssue, validateIssue } from '../../../../shared/issue-file/parse-issue';
import { generateIssue } from '../../../../bench/support/generate-issue';

/**
 * The open path: an issue is validated once, on the host, when it is read; the contract's output check
 * lets that very object through, while every other issue (what the renderer sends) still gets the whole schema.
 */
let dir: string;
const issue = generateIssue({ pages: 2, fragmentsPerPage: 20, articles: 5 });
const file = () => path.join(dir, 'two.galley.json');
const openOut = ipcContract['issue.open'].output;
const saveIn = ipcContract['issue.save'].input;

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'galley-open-'));
  await writeFile(file(), serializeIssue(issue));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('validated once', () => {
  it('an issue read by loadIssueFile passes the output check as the same object', async () => {
    const loaded = await loadIssueFile(file());
    expect(isValidatedIssue(loaded)).toBe(true);
    const out = openOut.parse({ issue: loaded, file: { token: 'tok-12345678', name: 'two.galley.json' } });
    expect(out.issue).toBe(loaded);
  });

  it("any other issue object is checked whole, with the schema's messages and defaults", async () => {
    const loaded = await loadIssueFile(file());
    const copy = structuredClone(loaded);
    expect(isValidatedIssue(copy)).toBe(false);
    delete (copy.pages[0] as { markup?: unknown }).markup;
    const ok = saveIn.parse({ token: 'tok-12345678', issue: copy });
    expect(ok.issue).not.toBe(copy);
    expect(ok.issue.pages[0].markup).toEqual([]); // the default applied, as IssueSchema does
    (copy.pages[1].fragments[0] as { role: string }).role = 'banner';
    const bad = saveIn.safeParse({ token: 'tok-12345678', issue: copy });
    expect(bad.success).toBe(false);
    expect(bad.error!.issues[0].path).toEqual(['issue', 'pages', 1, 'fragments', 0, 'role']);
    // A validated issue changed afterwards is not something the host does; a copy is never trusted.
    expect(openOut.safeParse({ issue: copy, file: { token: 'tok-12345678', name: 'x' } }).success).toBe(false);
  });

  it('reads a file with a UTF-8 byte order mark, and still refuses invalid UTF-8', async () => {
    const bom = path.join(dir, 'bom.galley.json');
    await writeFile(bom, Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(serializeIssue(issue))]));
    expect((await loadIssueFile(bom)).pages).toHaveLength(2);
    const bad = path.join(dir, 'bad.galley.json');
    const bytes = Buffer.from(serializeIssue(issue));
    bytes[bytes.indexOf(Buffer.from(issue.pages[0].original.slice(0, 1)))] = 0xff;
    await writeFile(bad, bytes);
    await expect(loadIssueFile(bad)).rejects.toThrow(/not valid UTF-8/);
  });

  it('validateIssue (a value already parsed, e.g. a recovery payload) checks exactly what parseIssue checks', () => {
    const text = serializeIssue(issue);
    expect(validateIssue(JSON.parse(text))).toEqual(parseIssue(text));
    const bad = JSON.parse(text) as { pool: string[] };
    bad.pool.push(bad.pool[0]);
    const message = (f: () => unknown) => {
      try {
        f();
        return '';
      } catch (e) {
        return (e as Error).message;
      }
    };
    expect(message(() => validateIssue(bad))).toMatch(/is placed twice/);
    expect(message(() => validateIssue(bad))).toBe(message(() => parseIssue(JSON.stringify(bad))));
  });
});
