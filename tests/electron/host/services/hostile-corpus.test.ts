import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFile, execFileSync } from 'node:child_process';
import {
  copyFileSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  symlinkSync,
  truncateSync,
  writeFileSync,
  existsSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { main } from '../../../../electron/cli/main';
import { loadIssueFile } from '../../../../electron/host/services/issue-files';
import { readInputFile } from '../../../../electron/host/services/read-input';
import { createHandlers } from '../../../../electron/host/services/handlers';
import { PathTokens } from '../../../../electron/host/security/path-tokens';
import { MAX_ISSUE_CHARS } from '../../../../shared/issue-file/parse-issue';
import { dispatch, HostError } from '../../../../shared/ipc/contract';
import type { Encoding } from '../../../../shared/text/encoding';
import type { Issue } from '../../../../shared/model/types';
import { FIXTURES, ROOT, SAMPLE_PAGE } from '../../../support/paths';

/**
 * The hostile-input corpus (docs/foundation.md, "Bad input"): every file in tests/fixtures/hostile/ (see its
 * generate.ts) and the special ones made here — a FIFO, /dev/zero and a link to it, sparse files of 300 and 512 MB,
 * a folder, a link loop, a METS whose pages are all missing — fed through `galley import` (in process, and as a
 * child process for the cases that could hang, take the memory or print stray lines) and through the host
 * handlers the app uses. Each bad input gives one line that names the file and the problem (CLI: `galley: …`,
 * exit 2; host: a HostError), never a crash, a hang or a silent misreading.
 */
const HOSTILE = path.join(FIXTURES, 'hostile');
const BL_METS = path.join(FIXTURES, 'real/bl-statesman-1824-02-17/0002647_18240217_mets.xml');
/** A child that does not finish within this is killed: the bound on time for the cases that used to hang. */
const CHILD_TIMEOUT_MS = 60_000;
/** Peak memory allowed to a child that refuses a file (node + tsx alone take about 150 MB). */
const CHILD_MAX_RSS_KB = 600 * 1024;

interface Run {
  code: number;
  out: string;
  err: string;
  rssKb?: number;
}

let dir: string;
const p = (n: string) => path.join(dir, n);
const h = (n: string) => path.join(HOSTILE, n);

/** The real binary, with the peak memory reported by tests/support/report-rss.cjs. */
function child(...args: string[]): Promise<Run> {
  const rssFile = path.join(dir, `rss-${Math.random().toString(36).slice(2)}`);
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['--require', path.join(ROOT, 'tests/support/report-rss.cjs'), path.join(ROOT, 'bin/galley.mjs'), ...args],
      {
        cwd: ROOT,
        timeout: CHILD_TIMEOUT_MS,
        maxBuffer: 16 << 20,
        env: { ...process.env, GALLEY_RSS_FILE: rssFile },
      },
      (e, out, err) => {
        const rssKb = existsSync(rssFile) ? Number(readFileSync(rssFile, 'utf8')) : undefined;
        resolve({ code: e ? (typeof e.code === 'number' ? e.code : -1) : 0, out, err, rssKb });
      },
    );
  });
}

async function run(...args: string[]): Promise<Run> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(args, { out: (s) => out.push(s), err: (s) => err.push(s) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

function expectOneLineError(r: Run, what: RegExp) {
  expect(r.code, r.err).toBe(2);
  const lines = r.err.trim().split('\n');
  expect(lines, r.err).toHaveLength(1);
  expect(lines[0]).toMatch(/^galley: /);
  expect(lines[0]).toMatch(what);
  expect(r.err).not.toMatch(/\n\s+at /);
  expect(r.out, 'nothing on stdout (no stray library warning)').toBe('');
}

function handlers(userData: string, pick: string[] = []) {
  return createHandlers({
    dialogs: {
      openIssue: async () => pick[0] ?? null,
      importPages: async () => pick,
      saveIssueAs: async () => pick[0] ?? null,
      exportTo: async () => null,
      confirm: async () => 0,
    },
    tokens: new PathTokens(),
    userDataDir: userData,
    appInfo: { version: '9.9.9', host: 'test', locale: 'en', userName: 'u', platform: 'linux' },
  });
}

/** Imports `files` through the host contract, as the app's Import does. */
async function hostImport(files: string[], encoding?: Encoding): Promise<{ issue: Issue; warnings: string[] }> {
  const hs = handlers(p('user'), files);
  const refs = (await dispatch(hs, 'dialog.importPages', {})) as { token: string }[];
  return (await dispatch(hs, 'issue.importPages', {
    tokens: refs.map((r) => r.token),
    ...(encoding ? { encoding } : {}),
  })) as { issue: Issue; warnings: string[] };
}

async function expectHostError(call: Promise<unknown>, what: RegExp) {
  const e = await call.then(
    () => null,
    (x: unknown) => x,
  );
  expect(e).toBeInstanceOf(HostError);
  const msg = (e as Error).message;
  expect(msg.split('\n'), msg).toHaveLength(1);
  expect(msg).toMatch(what);
}

beforeAll(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'galley-hostile-corpus-'));
  mkdirSync(p('user'));
  execFileSync('mkfifo', [p('pipe.txt')]);
  execFileSync('mkfifo', [p('pipe.galley.json')]);
  symlinkSync('/dev/zero', p('zero-link.txt'));
  symlinkSync('loop.txt', p('loop.txt'));
  mkdirSync(p('a-folder'));
  // Sparse: they take no disk space, and a reader that checks the size first never touches their bytes.
  writeFileSync(p('huge.txt'), '');
  truncateSync(p('huge.txt'), 300 * 1024 * 1024);
  writeFileSync(p('huge.galley.json'), '');
  truncateSync(p('huge.galley.json'), MAX_ISSUE_CHARS);
  mkdirSync(p('mets-alone'));
  copyFileSync(BL_METS, p('mets-alone/mets.xml'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Files that must be refused, each with the one line that says why. */
const refused: { name: string; file: () => string; what: RegExp; child?: boolean }[] = [
  {
    name: '/dev/zero',
    file: () => '/dev/zero',
    what: /^galley: zero is a device, not a file; choose a saved file$/,
    child: true,
  },
  {
    name: 'a link to /dev/zero',
    file: () => p('zero-link.txt'),
    what: /zero-link\.txt is a device, not a file/,
    child: true,
  },
  { name: 'a FIFO', file: () => p('pipe.txt'), what: /pipe\.txt is a pipe \(FIFO\), not a file/, child: true },
  {
    name: 'a 300 MB sparse page',
    file: () => p('huge.txt'),
    what: /huge\.txt is 300 MB; Galley reads a file to import of up to 256 MB; split it into smaller files \(a page each\)$/,
    child: true,
  },
  { name: 'a folder', file: () => p('a-folder'), what: /a-folder is a folder, not a file; choose the files inside it/ },
  {
    name: 'a symbolic link loop',
    file: () => p('loop.txt'),
    what: /loop\.txt is a symbolic link that points back to itself/,
  },
  {
    name: 'ALTO redefining &lt;',
    file: () => h('alto-redefined-lt.xml'),
    what: /alto-redefined-lt\.xml: .*redefines the predefined entity &lt;/,
  },
  {
    name: 'a damaged PDF',
    file: () => h('damaged.pdf'),
    what: /damaged\.pdf is damaged or not a complete PDF .*; save or download it again/,
    child: true,
  },
  {
    name: 'a PDF with a password',
    file: () => h('password.pdf'),
    what: /password\.pdf is protected by a password; save an unprotected copy/,
    child: true,
  },
  {
    name: 'a METS whose pages are all missing',
    file: () => p('mets-alone/mets.xml'),
    what: /None of the files holds a page Galley can import: Missing file: .+\(page 1, named in the METS\) \(and \d+ more problems\)/,
  },
];

/** Files that must import, with what they must read as. */
const read: {
  name: string;
  file: () => string;
  encoding?: Encoding;
  check: (issue: Issue, warnings: string[], cli: boolean) => void;
}[] = [
  ...(['le', 'be'] as const).flatMap((order) =>
    (['zh', 'en'] as const).map((lang) => ({
      name: `UTF-16${order.toUpperCase()} without BOM (${lang})`,
      file: () => h(`utf16${order}-nobom-${lang}.txt`),
      check: (issue: Issue, warnings: string[]) => {
        expect(issue.pages[0].original).toBe(readFileSync(h(`${lang}.expected.txt`), 'utf8'));
        expect(issue.pages[0].encoding).toBe(`utf-16${order}`);
        expect(warnings.filter((w) => /not certain/.test(w))).toEqual([]);
      },
    })),
  ),
  {
    name: 'a short UTF-8 file with a CESU-8 surrogate pair',
    file: () => h('cesu8-astral.txt'),
    check: (issue) => {
      expect(issue.pages[0].original).toBe('𠮷野家\n');
      expect(issue.pages[0].encoding).toBe('cesu-8');
    },
  },
  {
    name: 'Big5 bytes that GB18030 also reads: the guess is reported as not sure, with the way to force Big5',
    file: () => h('big5-unsure.txt'),
    check: (_issue, warnings, cli) => {
      const w = warnings.filter((x) => /not certain/.test(x));
      expect(w).toHaveLength(1);
      expect(w[0]).toMatch(
        /big5-unsure\.txt: the encoding is not certain; it was read as GB18030, but it may be Big5\. If the text looks wrong, /,
      );
      expect(w[0]).toMatch(
        cli ? /import it again with --encoding big5\.$/ : /import it again with the encoding set to big5\.$/,
      );
    },
  },
  {
    name: 'the same Big5 file with the encoding forced',
    file: () => h('big5-unsure.txt'),
    encoding: 'big5',
    check: (issue, warnings) => {
      expect(issue.pages[0].original).toBe('饕餮');
      expect(warnings).toEqual([]);
    },
  },
  {
    name: 'a valid ALTO whose DOCTYPE entity value holds "]>"',
    file: () => h('alto-doctype-bracket.xml'),
    check: (issue) => {
      expect(issue.pages[0].source?.format).toBe('alto');
      expect(issue.pages[0].original).toBe('a ]> b');
    },
  },
  {
    name: 'hOCR with text outside word and line spans and outside areas',
    file: () => h('hocr-loose-text.hocr'),
    check: (issue) => {
      const text = issue.pages[0].fragments.map((f) => f.text);
      expect(text).toEqual([
        'Word spans, and text between them\nA paragraph without line spans.',
        'A paragraph outside any area.',
      ]);
      expect(issue.pages[0].original).not.toMatch(/not page text/);
    },
  },
];

describe('hostile corpus through galley import', () => {
  it.each(refused.filter((c) => !c.child))('$name: one line, exit 2', async ({ file, what }) => {
    expectOneLineError(await run('import', file(), '-o', p('x.galley.json')), what);
    expect(existsSync(p('x.galley.json'))).toBe(false);
  });

  it('the cases that could hang, fill the memory or print stray lines, through the real binary: bounded time and memory', async () => {
    const cases = refused.filter((c) => c.child);
    const results = await Promise.all(cases.map((c) => child('import', c.file(), '-o', p('x.galley.json'))));
    cases.forEach((c, i) => {
      const r = results[i];
      expect(r.code, `${c.name}: ${r.err}`).toBe(2); // -1: killed at the time bound
      expectOneLineError(r, c.what);
      expect(r.rssKb, c.name).toBeLessThan(CHILD_MAX_RSS_KB);
    });
  });

  it.each(read)('$name', async ({ file, encoding, check }) => {
    const out = p(`read-${Math.random().toString(36).slice(2)}.galley.json`);
    const r = await run('import', file(), ...(encoding ? ['--encoding', encoding] : []), '-o', out);
    expect(r.code, r.err).toBe(0);
    const warnings = r.err
      .split('\n')
      .filter((l) => l.startsWith('warning: '))
      .map((l) => l.slice('warning: '.length));
    check(await loadIssueFile(out), warnings, true);
  });

  it('a METS that names a FIFO as one of its ALTO pages: that page is reported as not read, the others import', async () => {
    const bnl = path.join(FIXTURES, 'real/bnl-luxzeit-1858-12-07');
    mkdirSync(p('bnl/text'), { recursive: true });
    copyFileSync(path.join(bnl, '2385348_newspaper_luxzeit1858_1858-12-07_01-mets.xml'), p('bnl/mets.xml'));
    for (const n of ['1858-12-07_01-00001.xml', '1858-12-07_01-00003.xml'])
      copyFileSync(path.join(bnl, 'text', n), p(`bnl/text/${n}`));
    execFileSync('mkfifo', [p('bnl/text/1858-12-07_01-00002.xml')]);
    const r = await run('import', p('bnl/mets.xml'), '-o', p('bnl.galley.json'));
    expect(r.code, r.err).toBe(0);
    expect(r.err).toMatch(
      /^warning: Not read: text\/1858-12-07_01-00002\.xml \(page 2, named in the METS\) is not a regular file\.$/m,
    );
    expect((await loadIssueFile(p('bnl.galley.json'))).pages).toHaveLength(2);
  });

  it('a scan an hOCR file names that is over the limit costs the page its scan, with a warning, not the import', async () => {
    mkdirSync(p('hocr-scan'));
    writeFileSync(
      p('hocr-scan/page.hocr'),
      `<html><body><div class="ocr_page" title="image 'huge-scan.png'; bbox 0 0 100 100"><p class="ocr_par">text</p></div></body></html>`,
    );
    writeFileSync(p('hocr-scan/huge-scan.png'), '');
    truncateSync(p('hocr-scan/huge-scan.png'), 300 * 1024 * 1024);
    const r = await run('import', p('hocr-scan/page.hocr'), '-o', p('hocr-scan/out.galley.json'));
    expect(r.code, r.err).toBe(0);
    expect(r.err).toMatch(
      /^warning: The scan was not attached: huge-scan\.png is 300 MB; Galley reads a file to import of up to 256 MB; convert it to a smaller PNG or JPEG\.$/m,
    );
    expect((await loadIssueFile(p('hocr-scan/out.galley.json'))).pages[0].original).toBe('text');
  });

  it('refuses an unknown --encoding with the list of encodings', async () => {
    expectOneLineError(
      await run('import', h('big5-unsure.txt'), '--encoding', 'latin-9', '-o', p('x.galley.json')),
      /unknown encoding "latin-9"; --encoding takes one of utf-8, .*big5/,
    );
  });

  it('a save into a folder that does not exist says so, and not that a previous version is unchanged', async () => {
    expectOneLineError(
      await run('import', SAMPLE_PAGE, '-o', p('no/such/folder/x.galley.json')),
      /^galley: could not save x\.galley\.json: the folder .*no\/such\/folder does not exist; nothing was written$/,
    );
  });

  it('opening a FIFO, a folder or a 512 MB issue file: one line each, no V8 string error, bounded memory', async () => {
    const [fifo, huge] = await Promise.all([
      child('check', p('pipe.galley.json')),
      child('check', p('huge.galley.json')),
    ]);
    expectOneLineError(fifo, /pipe\.galley\.json is a pipe \(FIFO\), not a file/);
    expectOneLineError(
      huge,
      /huge\.galley\.json is 536,870,911 bytes; Galley reads an issue file of up to 536,870,888 bytes; no issue Galley writes is that large/,
    );
    expect(huge.rssKb).toBeLessThan(CHILD_MAX_RSS_KB);
    expectOneLineError(await run('check', p('a-folder')), /a-folder is a folder, not a file/);
  });
});

describe('hostile corpus through the host handlers', () => {
  it.each(refused)('$name: a HostError of one line', async ({ file, what }) => {
    await expectHostError(hostImport([file()]), new RegExp(what.source.replace(/^\^galley: /, '^')));
  });

  it.each(read)('$name', async ({ file, encoding, check }) => {
    const r = await hostImport([file()], encoding);
    check(r.issue, r.warnings, false);
  });

  it('opening a FIFO or a 512 MB issue, and saving into a missing folder: one line each', async () => {
    const hs = handlers(p('user'), [p('pipe.galley.json')]);
    const fifo = (await dispatch(hs, 'dialog.openIssue', {})) as { token: string };
    await expectHostError(
      dispatch(hs, 'issue.open', { token: fifo.token }),
      /pipe\.galley\.json is a pipe \(FIFO\), not a file/,
    );
    const hs2 = handlers(p('user'), [p('huge.galley.json')]);
    const huge = (await dispatch(hs2, 'dialog.openIssue', {})) as { token: string };
    await expectHostError(
      dispatch(hs2, 'issue.open', { token: huge.token }),
      /huge\.galley\.json is 536,870,911 bytes; Galley reads an issue file of up to/,
    );
    const hs3 = handlers(p('user'), [p('no/such/folder/y.galley.json')]);
    const target = (await dispatch(hs3, 'dialog.saveIssueAs', { suggestedName: 'y' })) as { token: string };
    const { issue } = await hostImport([SAMPLE_PAGE]);
    await expectHostError(
      dispatch(hs3, 'issue.save', { token: target.token, issue }),
      /could not save y\.galley\.json: the folder .* does not exist; nothing was written/,
    );
  });

  it('a FIFO among the recovery files neither hangs the list nor is read', async () => {
    const user = p('user-recovery');
    mkdirSync(path.join(user, 'recovery'), { recursive: true });
    execFileSync('mkfifo', [path.join(user, 'recovery', 'stuck.galley-recovery.json')]);
    const hs = handlers(user);
    const list = (await dispatch(hs, 'recovery.list', {})) as { id: string; unreadable?: string }[];
    expect(list).toHaveLength(1);
    expect(list[0].unreadable).toMatch(/stuck\.galley-recovery\.json is a pipe \(FIFO\), not a file/);
    await expectHostError(
      dispatch(hs, 'recovery.read', { id: 'stuck' }),
      /the recovery file cannot be read \(stuck\.galley-recovery\.json is a pipe \(FIFO\), not a file/,
    );
  });
});

describe('the bounded reader', () => {
  it('stops at the limit while reading a file whose size fstat does not tell (/proc reports 0 bytes)', async () => {
    await expect(readInputFile('/proc/self/status', { maxBytes: 64, what: 'a test file' })).rejects.toThrow(
      /^status is larger than 64 bytes; Galley reads a test file of up to 64 bytes$/,
    );
    expect((await readInputFile('/proc/self/status', { maxBytes: 1 << 20 })).toString()).toMatch(/^Name:/);
    // Larger than the first buffer for an unknown size (64 kB): read whole by growing, still within the limit.
    const smaps = (await readInputFile('/proc/self/smaps', { maxBytes: 64 << 20 })).toString();
    expect(smaps.length).toBeGreaterThan(64 * 1024);
    expect(smaps).toMatch(/VmFlags:[^\n]*\n$/);
  });
});
