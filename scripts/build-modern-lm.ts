/**
 * Builds the suggestion engine's modern-Chinese word bigram model (`shared/suggest/model/modern-lm.json`) from the
 * open-gram language model of modern simplified Chinese as Debian's `sunpinyin-data` package ships it (CC BY-SA 3.0;
 * attribution in shared/suggest/model/SOURCES.md; the derived file stays under CC BY-SA 3.0, this code is MIT).
 *
 *   apt-get install sunpinyin-data sunpinyin-utils
 *   npx tsx scripts/build-modern-lm.ts            # writes the model, prints its size and SHA-256
 *   npx tsx scripts/build-modern-lm.ts --check    # builds in memory, compares with the committed file
 *
 * Inputs, pinned: `lm_sc.t3g` (the threaded back-off 3-gram model; printed as ARPA-style text with word ids by
 * `tslminfo -v -p`, probabilities as plain numbers) and `pydict_sc.bin` (the pinyin trie; its word strings are
 * NUL-terminated UTF-32LE sequences from the offset in its third header word, one per word id, as many as its first
 * header word says). The package versions and both files' SHA-256 are checked against the values below, so the same
 * inputs always give the same bytes.
 *
 * What it keeps (JSON, ≈ 1.5 MB; encoded by `encodeModernLm` in shared/suggest/modern-lm.ts):
 * - the words of 1–6 characters that are Han (U+3400–U+9FFF) or one of the model's sentence punctuation marks, and
 *   the sentence boundary (word id 0, the empty string), in code-unit order (the loader's binary search);
 * - per word: −ln P(w) and ln(back-off weight), quantised to bytes;
 * - the `BIGRAMS` bigrams that matter most under weighted-difference pruning, P(w1)·P(w2|w1)·|ln P(w2|w1) −
 *   ln(bow(w1)·P(w2))| (what dropping the bigram would cost), as −ln P(w2|w1) bytes; per left word a varint count
 *   then (right-id delta varint, byte) pairs, base64.
 * Trigrams are dropped: the seam scores read one word on each side of a cut.
 */
import { execFileSync, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { encodeModernLm } from '../shared/suggest/modern-lm';

const DATA_DIR = '/usr/lib/x86_64-linux-gnu/sunpinyin/data';
const PACKAGES: Record<string, string> = {
  'sunpinyin-data': '0.1.22+20170109-2',
  'sunpinyin-utils': '3.0.0~rc2+ds1-4+b1',
};
const INPUT_SHA256: Record<string, string> = {
  'lm_sc.t3g': '768b8dfc6cf6b1769e4df0bccfa4a2ac28d9abc6bcad7d8a74d08be7fc61a19d',
  'pydict_sc.bin': 'cdfddfa11d9137aacfb6cfc2a453c9fc0f4dcb1524f0d61be598a35eeecf374c',
};
/** Bigrams kept: enough for the seams of common words, small enough for a model of a few MB. */
const BIGRAMS = 200_000;
const MAX_WORD = 6;
const PUNCT = '，。；？！：、“”…';

const outFile = path.resolve(import.meta.dirname, '../shared/suggest/model/modern-lm.json');

function checkInputs(): void {
  for (const [pkg, want] of Object.entries(PACKAGES)) {
    let have = '';
    try {
      have = execFileSync('dpkg-query', ['-W', '-f', '${Version}', pkg], { encoding: 'utf8' });
    } catch {
      throw new Error(`${pkg} is not installed: apt-get install sunpinyin-data sunpinyin-utils`);
    }
    if (have !== want) throw new Error(`${pkg} ${have} installed, the model is pinned to ${want}`);
  }
  for (const [file, want] of Object.entries(INPUT_SHA256)) {
    const sha = createHash('sha256')
      .update(readFileSync(path.join(DATA_DIR, file)))
      .digest('hex');
    if (sha !== want) throw new Error(`${file}: SHA-256 ${sha}, expected ${want}`);
  }
}

/** Word strings by id from the pinyin trie. */
function readLexicon(): string[] {
  const buf = readFileSync(path.join(DATA_DIR, 'pydict_sc.bin'));
  const count = buf.readUInt32LE(0);
  let at = buf.readUInt32LE(8);
  const words: string[] = [];
  for (let i = 0; i < count; i++) {
    let end = at;
    while (buf.readUInt32LE(end) !== 0) end += 4;
    words.push(decodeUtf32(buf.subarray(at, end)));
    at = end + 4;
  }
  if (at !== buf.length) throw new Error(`pydict_sc.bin: ${buf.length - at} bytes after the last word string`);
  return words;
}

function decodeUtf32(b: Buffer): string {
  let s = '';
  for (let i = 0; i < b.length; i += 4) s += String.fromCodePoint(b.readUInt32LE(i));
  return s;
}

interface Parsed {
  uni: Map<number, { p: number; bow: number }>;
  b1: Int32Array;
  b2: Int32Array;
  bp: Float64Array;
  nb: number;
}

async function readModel(keep: (id: number) => boolean): Promise<Parsed> {
  const child = spawn('tslminfo', ['-v', '-p', path.join(DATA_DIR, 'lm_sc.t3g')], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const rl = createInterface({ input: child.stdout, crlfDelay: Infinity });
  const uni = new Map<number, { p: number; bow: number }>();
  let cap = 1 << 21;
  let b1 = new Int32Array(cap);
  let b2 = new Int32Array(cap);
  let bp = new Float64Array(cap);
  let nb = 0;
  let section = -1;
  for await (const line of rl) {
    const head = /^\\(\d)-gram\\/.exec(line);
    if (head) {
      section = Number(head[1]);
      continue;
    }
    if (section !== 1 && section !== 2) continue;
    const f = line.trim().split(/\s+/);
    if (section === 1) uni.set(Number(f[0]), { p: Number(f[1]), bow: Number(f[2]) });
    else {
      const w1 = Number(f[0]);
      const w2 = Number(f[1]);
      if (!keep(w1) || !keep(w2)) continue;
      if (nb === cap) {
        cap *= 2;
        const g = <T extends Int32Array | Float64Array>(a: T, n: T) => {
          n.set(a);
          return n;
        };
        b1 = g(b1, new Int32Array(cap));
        b2 = g(b2, new Int32Array(cap));
        bp = g(bp, new Float64Array(cap));
      }
      b1[nb] = w1;
      b2[nb] = w2;
      bp[nb] = Number(f[2]);
      nb++;
    }
  }
  const code: number = await new Promise((res) => child.on('close', res));
  if (code !== 0) throw new Error(`tslminfo exited with ${code}`);
  return { uni, b1, b2, bp, nb };
}

async function build(): Promise<string> {
  checkInputs();
  const lexicon = readLexicon();
  const isKept = (w: string) =>
    w.length > 0 &&
    [...w].length <= MAX_WORD &&
    ([...w].every((c) => {
      const k = c.codePointAt(0)!;
      return k >= 0x3400 && k <= 0x9fff;
    }) ||
      (w.length === 1 && PUNCT.includes(w)));
  const keepId = (id: number) => id === 0 || (id < lexicon.length && isKept(lexicon[id]));
  const m = await readModel(keepId);
  // Ids in code-unit order of the words (the boundary, '', first): the loader finds a word by binary search.
  const text = (id: number) => (id === 0 ? '' : lexicon[id]);
  const ids = [...m.uni.keys()].filter(keepId).sort((a, b) => (text(a) < text(b) ? -1 : text(a) > text(b) ? 1 : a - b));
  const newId = new Map(ids.map((id, k) => [id, k]));
  // Weighted-difference pruning.
  const weight = new Float64Array(m.nb);
  for (let i = 0; i < m.nb; i++) {
    const u1 = m.uni.get(m.b1[i]);
    const u2 = m.uni.get(m.b2[i]);
    if (!u1 || !u2) {
      weight[i] = -1;
      continue;
    }
    weight[i] = u1.p * m.bp[i] * Math.abs(Math.log(m.bp[i]) - Math.log(u1.bow * u2.p));
  }
  const order = Array.from({ length: m.nb }, (_, i) => i)
    .filter((i) => weight[i] >= 0)
    .sort((a, b) => weight[b] - weight[a] || m.b1[a] - m.b1[b] || m.b2[a] - m.b2[b])
    .slice(0, BIGRAMS);
  const data = encodeModernLm(
    {
      words: ids.map(text),
      unigram: ids.map((id) => m.uni.get(id)!.p),
      backoff: ids.map((id) => m.uni.get(id)!.bow),
      bigrams: order.map((i) => [newId.get(m.b1[i])!, newId.get(m.b2[i])!, m.bp[i]]),
      boundary: newId.get(0)!,
    },
    {
      source: `open-gram lm_sc.t3g + pydict_sc.bin from Debian sunpinyin-data ${PACKAGES['sunpinyin-data']} (read with tslminfo from sunpinyin-utils ${PACKAGES['sunpinyin-utils']}), see SOURCES.md`,
      licence:
        'CC BY-SA 3.0 (https://creativecommons.org/licenses/by-sa/3.0/): open-gram, (c) 1997-2010 MDBG; (c) 2010 Kov Chai, virus huo, Tinyfool. Derived (pruned, quantised) by scripts/build-modern-lm.ts; this file is shared under the same licence.',
      inputSha256: INPUT_SHA256,
    },
  );
  console.log(`${ids.length} words, ${order.length} of ${m.nb} bigrams kept`);
  return `${JSON.stringify(data)}\n`;
}

const text = await build();
const sha = createHash('sha256').update(text).digest('hex');
if (process.argv.includes('--check')) {
  const committed = readFileSync(outFile, 'utf8');
  if (committed !== text) throw new Error(`${outFile} differs from a fresh build (fresh SHA-256 ${sha})`);
  console.log(`${outFile}: same as a fresh build, SHA-256 ${sha}`);
} else {
  writeFileSync(outFile, text);
  console.log(`${outFile}: ${(Buffer.byteLength(text) / 1e6).toFixed(2)} MB, SHA-256 ${sha}`);
}
