/**
 * Builds the suggestion engine's modern-Chinese word model (`shared/suggest/model/words.json`) from the jieba
 * dictionary (MIT; attribution in shared/suggest/model/SOURCES.md).
 *
 *   npx tsx scripts/build-word-model.ts
 *
 * Where the data comes from, reproducibly and without a native build: `npm pack nodejieba@3.5.8` into a temporary
 * folder (the tarball's integrity and the dictionary's SHA-256 are checked against the values pinned below), then
 * `package/submodules/cppjieba/dict/jieba.dict.utf8` (lines `word frequency POS`) is read from it. nodejieba is
 * never installed and never added to package.json.
 *
 * What it stores (JSON, ≈ 2 MB):
 * - a traditional→simplified single-character table (OpenCC via opencc-js, MIT/Apache-2.0) for the whole CJK
 *   block, so that words.ts folds its input itself and the dictionary keys are in the same alphabet;
 * - the words of 1–4 Han characters, folded with that table (folded duplicates are merged by adding their
 *   frequencies: the folded string's probability is the sum), pruned by a minimum frequency per length so the file
 *   stays ≲ 2.5 MB, with log-frequencies quantised to 1/20 nat. Words are grouped per (length, quantised
 *   log-frequency): one line `length<TAB>q<TAB>word word…` with the words concatenated without separators, which
 *   costs only the characters themselves.
 * - `total`: the frequency sum of the whole dictionary (before pruning), the denominator of every probability.
 * POS tags are dropped: the seam score does not use them.
 *
 * Afterwards it prints how the new model's signals separate real printed line cuts from random pairs on the
 * training folds of the corpus (/work/shared/corpus, ECPO 晶報, CC BY 4.0; skipped when absent): a likelihood ratio
 * per seam-score bin, for choosing the engine's weight. Nothing here reads /work/shared/samples (evaluation only).
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { makeFolder } from '../shared/suggest/normalize';
import { straddlingWord } from '../shared/suggest/straddle';
import type { WordModelData } from '../shared/suggest/words';
import { readCorpus } from './suggest/corpus';
import { isDevFile } from './suggest/split';

const PACKAGE = 'nodejieba@3.5.8';
const TARBALL_INTEGRITY =
  'sha512-TFiDYgEVmBgQwAr1sVj7err3Cn21qxMxTLA+LTEVqKcGqgwJuonJEW0g6oH2+7FhMKJfkWsvlj1SaTrWXe1Q9w==';
const DICT_PATH = 'package/submodules/cppjieba/dict/jieba.dict.utf8';
const DICT_SHA256 = '3043b77068e09c9904f27cad82f12b6ebe9dbdb5aeff3b25e45ab7f9c1122b55';
const LICENSE_PATHS = ['package/submodules/cppjieba/LICENSE', 'package/LICENSE'];
/** Minimum jieba frequency kept per word length (index = length). Single characters and pairs are all kept. */
const MIN_FREQ = [0, 1, 1, 3, 4];
/** Log-frequency quantisation: steps of 1/Q nat (fine enough that different words rarely tie). */
const Q = 20;

const outFile = path.resolve(import.meta.dirname, '../shared/suggest/model/words.json');
const corpusDir = '/work/shared/corpus/ecpo-jingbao-train';
const require = createRequire(import.meta.url);
const OpenCC = require('opencc-js') as { Converter: (o: { from: string; to: string }) => (s: string) => string };

function fetchDictionary(): { dict: string; licences: string[] } {
  const dir = mkdtempSync(path.join(tmpdir(), 'galley-jieba-'));
  try {
    const out = execFileSync('npm', ['pack', PACKAGE, '--json', '--pack-destination', dir], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const [info] = JSON.parse(out) as Array<{ filename: string; integrity: string }>;
    if (info.integrity !== TARBALL_INTEGRITY)
      throw new Error(`${PACKAGE}: tarball integrity ${info.integrity}, expected ${TARBALL_INTEGRITY}`);
    execFileSync('tar', ['xzf', info.filename, DICT_PATH, ...LICENSE_PATHS], { cwd: dir });
    const raw = readFileSync(path.join(dir, DICT_PATH));
    const sha = createHash('sha256').update(raw).digest('hex');
    if (sha !== DICT_SHA256) throw new Error(`${DICT_PATH}: SHA-256 ${sha}, expected ${DICT_SHA256}`);
    return { dict: raw.toString('utf8'), licences: LICENSE_PATHS.map((p) => readFileSync(path.join(dir, p), 'utf8')) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const isHan = (code: number) => code >= 0x3400 && code <= 0x9fff;

/**
 * Single-character traditional→simplified pairs for the Han blocks words.ts handles (one-to-one only). A character
 * that is the simplified form of another is never mapped itself (OpenCC's single-character 't' table sends 么 to
 * 幺, which would fold 什麼 → 什么 → 什幺), so folding is idempotent.
 */
function buildT2s(): string {
  const converters = ['t', 'hk', 'tw'].map((from) => OpenCC.Converter({ from, to: 'cn' }));
  const map = new Map<string, string>();
  for (let code = 0x3400; code <= 0x9fff; code++) {
    const ch = String.fromCharCode(code);
    for (const convert of converters) {
      const s = convert(ch);
      if (s !== ch && s.length === 1 && isHan(s.charCodeAt(0))) {
        map.set(ch, s);
        break;
      }
    }
  }
  const targets = new Set(map.values());
  let pairs = '';
  for (const [from, to] of map) if (!targets.has(from)) pairs += from + to;
  return pairs;
}

const { dict, licences } = fetchDictionary();
const t2s = buildT2s();
const fold = makeFolder(t2s);

let total = 0;
const freq = new Map<string, number>();
let lines = 0;
for (const line of dict.split('\n')) {
  const [word, f] = line.split(' ');
  if (!word || !f) continue;
  lines++;
  const n = Number(f);
  total += n;
  if (word.length > 4 || ![...word].every((c) => isHan(c.charCodeAt(0)))) continue;
  if (n < MIN_FREQ[word.length]) continue;
  const key = fold(word);
  freq.set(key, (freq.get(key) ?? 0) + n);
}

const buckets = new Map<string, string[]>();
for (const [word, n] of freq) {
  const key = `${word.length}\t${Math.round(Math.log(n) * Q)}`;
  const list = buckets.get(key);
  if (list) list.push(word);
  else buckets.set(key, [word]);
}
const keys = [...buckets.keys()].sort((x, y) => {
  const [lx, qx] = x.split('\t').map(Number);
  const [ly, qy] = y.split('\t').map(Number);
  return lx - ly || qx - qy;
});
const body = keys.map((k) => `${k}\t${buckets.get(k)!.sort().join('')}`).join('\n');

const model: WordModelData = {
  format: 'galley-suggest-words',
  version: 1,
  source: `jieba dictionary (MIT) from ${PACKAGE} ${DICT_PATH}, see SOURCES.md`,
  licence: licences[0],
  total,
  quantum: Q,
  t2s,
  words: body,
};
writeFileSync(outFile, JSON.stringify(model));
const perLength = [1, 2, 3, 4].map((l) => [...freq.keys()].filter((w) => w.length === l).length);
const bytes = Buffer.byteLength(JSON.stringify(model));
console.log(
  `${lines} dictionary lines, total frequency ${total}; kept ${freq.size} words (by length 1–4: ${perLength.join(', ')}); t2s ${t2s.length / 2} pairs; ${(bytes / 1e6).toFixed(2)} MB → ${outFile}`,
);

/**
 * Real printed line cuts inside paragraphs (line i's end + line i+1's start) against the same line end followed by a
 * random line start, on the training folds; plus the start/end odds of continuation lines against paragraph starts
 * and ends. The corpus is 1920s traditional Chinese, so the modern dictionary fires less than on today's papers.
 */
async function reportOnCorpus(data: WordModelData): Promise<void> {
  if (!existsSync(corpusDir)) {
    console.log(`(no corpus at ${corpusDir}: no report)`);
    return;
  }
  const { loadWordModel } = await import('../shared/suggest/words');
  const m = loadWordModel(data);
  const names = readdirSync(corpusDir)
    .filter((f) => f.endsWith('.xml'))
    .sort();
  const articles = readCorpus(corpusDir).filter((a) => !isDevFile(a.file, names));
  const cuts: Array<[string, string]> = [];
  for (const a of articles)
    for (const p of a.paragraphs) for (let i = 0; i + 1 < p.length; i++) cuts.push([p[i], p[i + 1]]);
  let seed = 12345;
  const random = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32;
  const edges = [0, 0.5, 1, 2, 3, 4, 6, 8, Infinity];
  const bin = (s: number) => (s <= 0 ? 0 : edges.findIndex((e, k) => s > e && s <= edges[k + 1]) + 1);
  const trueBins = edges.map(() => 0);
  const randomBins = edges.map(() => 0);
  let icuTrue = 0;
  let icuRandom = 0;
  for (const [a, b] of cuts) {
    const other = cuts[Math.floor(random() * cuts.length)][1];
    trueBins[bin(m.seamScore(a, b).score)]++;
    randomBins[bin(m.seamScore(a, other).score)]++;
    if (straddlingWord(a.slice(-4), b.slice(0, 4))) icuTrue++;
    if (straddlingWord(a.slice(-4), other.slice(0, 4))) icuRandom++;
  }
  const pct = (x: number, n: number) => `${((100 * x) / n).toFixed(1)}%`;
  console.log(
    `\nseamScore on ${cuts.length} printed line cuts of the corpus training folds vs a random line start each:`,
  );
  trueBins.forEach((t, k) => {
    const label = k === 0 ? 'score = 0' : `(${edges[k - 1]}, ${edges[k]}]`;
    console.log(
      `  ${label.padEnd(11)} true ${pct(t, cuts.length).padStart(6)}  random ${pct(randomBins[k], cuts.length).padStart(6)}  LR ${(t / Math.max(1, randomBins[k])).toFixed(2)}`,
    );
  });
  console.log(
    `  ICU straddle (straddle.ts): true ${pct(icuTrue, cuts.length)}, random ${pct(icuRandom, cuts.length)}, LR ${(icuTrue / Math.max(1, icuRandom)).toFixed(2)}`,
  );

  const thresholds = [0, 1, 2];
  const count = () => thresholds.map(() => 0);
  const starts = { cont: count(), para: count(), nCont: 0, nPara: 0 };
  const ends = { cont: count(), para: count(), nCont: 0, nPara: 0 };
  for (const a of articles) {
    for (const p of a.paragraphs) {
      p.forEach((line, i) => {
        const s = m.startScore(line);
        const e = m.endScore(line);
        const sb = i === 0 ? starts.para : starts.cont;
        const eb = i === p.length - 1 ? ends.para : ends.cont;
        if (i === 0) starts.nPara++;
        else starts.nCont++;
        if (i === p.length - 1) ends.nPara++;
        else ends.nCont++;
        thresholds.forEach((t, k) => {
          if (s > t) sb[k]++;
          if (e > t) eb[k]++;
        });
      });
    }
  }
  console.log(
    `startScore > ${thresholds.join(' / ')}: continuation lines ${starts.cont.map((x) => pct(x, starts.nCont)).join(' / ')}, paragraph starts ${starts.para.map((x) => pct(x, starts.nPara)).join(' / ')}`,
  );
  console.log(
    `endScore   > ${thresholds.join(' / ')}: cut line ends ${ends.cont.map((x) => pct(x, ends.nCont)).join(' / ')}, paragraph ends ${ends.para.map((x) => pct(x, ends.nPara)).join(' / ')}`,
  );
}

await reportOnCorpus(model);
