/**
 * Child process of the crash test (`tests/electron/host/services/crash-kill.test.ts`) and of the crash control in the bench:
 * saves successive versions of a large issue in a loop until it is killed.
 *
 *   crash-writer            then, on stdin: `go FILE START_VERSION atomic|naive`
 *
 * It prints `R` once it is loaded and ready, so that a harness can start the next writer while the current one
 * runs (process start-up costs more than a save here). Then it prints `S <v>` just before a save starts and `C <v>` once it is committed. Each version is 0.5–2 MB of JSON with
 * its own checksum in `publication` (`sha256:<hex>` of its content), so a
 * reader can tell a complete version from a torn one even when the JSON happens to parse.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { saveIssueFile } from '../../electron/host/services/issue-files';
import { pageFromPlainText } from '../../shared/import/plain-text';
import { createIssue } from '../../shared/model/create';
import { serializeIssue } from '../../shared/issue-file/parse-issue';
import type { Issue, Page } from '../../shared/model/types';

const HANZI =
  '的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位入常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指几九区强放决西被干做必战先回则任取据处理世车';
/** Deterministic "realistic" Chinese: sentences of frequent hanzi, paragraphs separated by blank lines. */
export function chineseText(chars: number, seed: number): string {
  let x = seed >>> 0 || 1;
  const rnd = () => {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    return (x >>> 0) / 4294967296;
  };
  let out = '';
  let para = 0;
  while (out.length < chars) {
    out += HANZI[Math.floor(rnd() * HANZI.length)];
    para++;
    if (rnd() < 0.06) out += rnd() < 0.5 ? '，' : '。';
    if (para > 120 && rnd() < 0.03) {
      out += '。\n\n';
      para = 0;
    }
  }
  return out;
}

/** The four pages versions are made of. A harness passes them pre-built (`CRASH_PAGES`, a JSON file) because
 * generating them in every one of hundreds of short-lived writers costs more than the saves under test. */
export function makePages(): Page[] {
  return [0, 1, 2, 3].map((i) =>
    pageFromPlainText(chineseText(80_000, 7 + i), { pageId: `p${i + 1}`, label: String(i + 1), encoding: 'utf-8' }),
  );
}
let pagesCache: Page[] | undefined;
function basePages(): Page[] {
  const file = process.env.CRASH_PAGES;
  pagesCache ??= file ? (JSON.parse(readFileSync(file, 'utf8')) as Page[]) : makePages();
  return pagesCache;
}

/** Version v of the issue, with its checksum. */
export function versionOf(v: number): Issue {
  const issue = createIssue(basePages().slice(0, 1 + (v % 4)), { id: 'crash', title: `v${v}` });
  const pages = issue.pages.map((p, i) =>
    i === 0 ? { ...p, fragments: p.fragments.map((f, k) => (k === 0 ? { ...f, text: `版本${v} ${f.text}` } : f)) } : p,
  );
  const body = { ...issue, pages, publication: '' };
  return { ...body, publication: `sha256:${checksum(body)}` };
}

/** Over the content, in a fixed order (a loaded issue has its keys in schema order, not in creation order). */
export function checksum(issue: Issue): string {
  const content = [
    issue.title,
    issue.pool,
    issue.pages.map((p) => [
      p.id,
      p.original,
      p.fragments.map((f) => [f.id, f.text, f.spans.map((s) => [s.start, s.end])]),
    ]),
  ];
  return createHash('sha256').update(JSON.stringify(content)).digest('hex');
}

/** Version number of a loaded issue, or null when its checksum does not match (a torn or mixed file). */
export function verify(issue: Issue): number | null {
  const v = /^v(\d+)$/.exec(issue.title);
  return v && issue.publication === `sha256:${checksum(issue)}` ? Number(v[1]) : null;
}

async function loop(file: string, start: number, mode: string): Promise<void> {
  for (let v = start; ; v++) {
    const data = versionOf(v);
    // The naive writer's window is the write itself: serialize first, so that the kill delays (spread over the
    // observed S→C time) land in it rather than in JSON.stringify.
    const json = mode === 'naive' ? serializeIssue(data) : '';
    process.stdout.write(`S ${v}\n`);
    if (mode === 'naive') writeFileSync(file, json);
    else await saveIssueFile(file, data);
    process.stdout.write(`C ${v}\n`);
  }
}

if (process.argv[1] && /crash-writer\.(ts|mjs|js)$/.test(process.argv[1])) {
  basePages();
  process.stdout.write('R\n');
  let buf = '';
  process.stdin.setEncoding('utf8');
  process.stdin.on('data', (chunk: string) => {
    buf += chunk;
    const m = /^go (\S+) (\d+) (atomic|naive)\n/.exec(buf);
    if (m) {
      process.stdin.pause();
      void loop(m[1], Number(m[2]), m[3]);
    }
  });
}
