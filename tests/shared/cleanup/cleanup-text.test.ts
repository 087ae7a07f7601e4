import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { diffChars } from 'diff';
import { applyChanges, cleanupParagraph, cleanupText, SOFT_HYPHEN, type TextChange } from '@shared/cleanup';
import { SAMPLE_PAGE } from '../../support/paths';

const sample = readFileSync(SAMPLE_PAGE, 'utf8');
const clean = (t: string, opts: Parameters<typeof cleanupText>[1] = {}) => cleanupText(t, opts).text;

describe('line-wrap spaces inside Chinese text', () => {
  it('removes the wrap spaces of the sample page', () => {
    expect(clean('循着轰隆隆的机器声, 记者又一次')).toBe('循着轰隆隆的机器声，记者又一次');
    expect(clean('这里的服务对象却不是 居民,而是企业')).toBe('这里的服务对象却不是居民，而是企业');
    expect(clean('这是北仑区高 质量服务')).toBe('这是北仑区高质量服务');
    expect(clean('臧公正同志是江苏省宿迁市人, 1944年7月')).toBe('臧公正同志是江苏省宿迁市人，1944年7月');
  });

  it('keeps byline and credit spaces, and spaces next to Latin words and numbers', () => {
    expect(clean('本报桐庐2月26日电(记者 刘健 共享联盟・桐庐 雷燕)26日')).toBe(
      '本报桐庐2月26日电（记者 刘健 共享联盟・桐庐 雷燕）26日',
    );
    expect(clean('本报记者 刘健 共享联盟·桐庐 雷燕 摄')).toBe('本报记者 刘健 共享联盟·桐庐 雷燕 摄');
    expect(clean('刘健 雷燕', { role: 'byline' })).toBe('刘健 雷燕');
    expect(clean('记者 刘健报道')).toBe('记者 刘健报道');
    expect(clean('本报讯 原台州地区')).toBe('本报讯 原台州地区');
    expect(clean('增加值达 1723 亿元, 占 GDP 比重达 78.9%,总量')).toBe('增加值达 1723 亿元，占 GDP 比重达 78.9%，总量');
    expect(clean('the quick brown fox')).toBe('the quick brown fox');
    expect(clean('中文\u3000全角空格')).toBe('中文\u3000全角空格');
  });

  it('removes a line break inside a Chinese paragraph', () => {
    expect(clean('双方最\n终在2020年2月签订')).toBe('双方最终在2020年2月签订');
  });
});

describe('half-width punctuation in Chinese context', () => {
  it('converts , : ; ? ! ( ) next to Chinese text', () => {
    expect(clean('营商环境怎么弥补"先天不足"?')).toBe('营商环境怎么弥补“先天不足”？');
    expect(clean('的关键之一:烧碱。')).toBe('的关键之一：烧碱。');
    expect(clean('有望进一步提升规模与效益;宁波')).toBe('有望进一步提升规模与效益；宁波');
    expect(clean('太好了!我们')).toBe('太好了！我们');
    expect(clean('70分(含)以上')).toBe('70分（含）以上');
  });

  it('leaves Latin text, numbers, times, URLs and e-mail addresses alone', () => {
    expect(clean('民宿2.5万余家')).toBe('民宿2.5万余家');
    expect(clean('Hello, world! (yes): no; maybe?')).toBe('Hello, world! (yes): no; maybe?');
    expect(clean('会议10:30开始')).toBe('会议10:30开始');
    expect(clean('共1,000人')).toBe('共1,000人');
    expect(clean('详见https://example.com/a?b=1,c=2;d 网站')).toBe('详见https://example.com/a?b=1,c=2;d 网站');
    expect(clean('来信请寄news@example.com,谢谢')).toBe('来信请寄news@example.com，谢谢');
  });

  it('converts brackets as a pair and keeps their Latin content', () => {
    expect(clean('《乡村民宿服务认证要求》(RB/T 081-2022) 2022年')).toBe(
      '《乡村民宿服务认证要求》（RB/T 081-2022） 2022年',
    );
  });
});

describe('quotes', () => {
  it('pairs straight quotes and nests single quotes inside double ones', () => {
    expect(clean('"管家"上门帮企业')).toBe('“管家”上门帮企业');
    expect(clean('"今天走访的两家企业就遇到相似的\'用工难\'问题,很有代表性。"史孟艳')).toBe(
      '“今天走访的两家企业就遇到相似的‘用工难’问题，很有代表性。”史孟艳',
    );
    expect(clean('"机会""技术型人才"')).toBe('“机会”“技术型人才”');
  });

  it('leaves apostrophes and English quotes, and an unpaired last quote', () => {
    expect(clean('It\'s the "best" day')).toBe('It\'s the "best" day');
    expect(clean('主题选取"盛装舞步",将"诗乡画城')).toBe('主题选取“盛装舞步”，将"诗乡画城');
    expect(clean('“管家"上门')).toBe('“管家”上门');
    expect(clean('他说"好的”')).toBe('他说“好的”');
  });

  it('pairs quotes across fragments joined into one paragraph', () => {
    const [a, b] = cleanupParagraph([
      { text: '"今年,排到下半年,六', role: 'body' },
      { text: '成以上。"生产', role: 'body' },
    ]);
    expect(a.map((c) => c.after)).toEqual(['“', '，', '，']);
    expect(b).toEqual([{ start: 4, end: 5, before: '"', after: '”', rule: 'quotes' }]);
    const [c, d] = cleanupParagraph([
      { text: '"今年,公司接了', role: 'body' },
      { text: '很多订单。"', role: 'body' },
    ]);
    expect(applyChanges('"今年,公司接了', c)).toBe('“今年，公司接了');
    expect(applyChanges('很多订单。"', d)).toBe('很多订单。”');
  });
});

describe('dash at a cut', () => {
  it('turns a lone - at a cut before Chinese text into ——', () => {
    expect(clean('一行字格外醒目-\n"成为全球新能源锂电材料领导者"。')).toBe(
      '一行字格外醒目——“成为全球新能源锂电材料领导者”。',
    );
    expect(clean('有一件"不行" 的事情摆在他面前-', { next: '一条220千伏的高压电线' })).toBe(
      '有一件“不行”的事情摆在他面前——',
    );
  });

  it('keeps hyphens in codes and Latin words, and a dash with nothing known after it', () => {
    expect(clean('标准RB/T 081-2022发布')).toBe('标准RB/T 081-2022发布');
    expect(clean('摆在他面前-')).toBe('摆在他面前-');
    expect(clean('摆在他面前-', { next: 'Tesla 来了' })).toBe('摆在他面前-');
    expect(clean('well-known')).toBe('well-known');
  });
});

describe('de-hyphenation across a join', () => {
  it('marks the hyphen of a Latin word cut across a join with a soft hyphen', () => {
    const [a, b] = cleanupParagraph([
      { text: 'The story con-', role: 'body' },
      { text: 'tinued overleaf.', role: 'body' },
    ]);
    expect(applyChanges('The story con-', a)).toBe(`The story con${SOFT_HYPHEN}`);
    expect(b).toEqual([]);
  });

  it('keeps a hyphen before a capital or a number, and a hyphen not at a join', () => {
    expect(
      cleanupParagraph([
        { text: 'Franco-', role: 'body' },
        { text: 'German talks', role: 'body' },
      ])[0],
    ).toEqual([]);
    expect(cleanupText('The story con-').changes).toEqual([]);
  });
});

/**
 * Every reported change is real and in order; walking input and output side by side, every character outside a
 * reported range is found unchanged at its place; and a minimal diff of input and output (jsdiff) needs no more
 * removed or added characters than the changes report.
 */
function checkReported(input: string, output: string, changes: readonly TextChange[]): void {
  let inPos = 0;
  let outPos = 0;
  for (const c of changes) {
    expect(c.start).toBeGreaterThanOrEqual(inPos);
    expect(input.slice(c.start, c.end)).toBe(c.before);
    expect(c.before).not.toBe(c.after);
    const keep = input.slice(inPos, c.start);
    expect(output.slice(outPos, outPos + keep.length)).toBe(keep);
    outPos += keep.length;
    expect(output.slice(outPos, outPos + c.after.length)).toBe(c.after);
    outPos += c.after.length;
    inPos = c.end;
  }
  expect(output.slice(outPos)).toBe(input.slice(inPos));
  let removed = 0;
  let added = 0;
  for (const part of diffChars(input, output)) {
    if (part.removed) removed += part.value.length;
    if (part.added) added += part.value.length;
  }
  expect(removed).toBeLessThanOrEqual(changes.reduce((n, c) => n + c.before.length, 0));
  expect(added).toBeLessThanOrEqual(changes.reduce((n, c) => n + c.after.length, 0));
}

describe('cleanup changes only what it reports', () => {
  it('holds on every block of the sample page', () => {
    let total = 0;
    for (const block of sample.split(/\n\s*\n/)) {
      const r = cleanupText(block);
      checkReported(block, r.text, r.changes);
      total += r.changes.length;
    }
    expect(total).toBeGreaterThan(300);
  });

  it('holds on generated mixed Chinese, Latin, digits, marks and spaces', () => {
    const alphabet = [
      ...'的是人中文记者刘健摄a1Z9 ,.;:?!()"\'-\n\t　，。“”@/',
      '𠮷',
      'https://x.cn',
      '本报讯 ',
      '(记者 ',
    ];
    const text = fc.array(fc.constantFrom(...alphabet), { maxLength: 120, size: 'large' }).map((a) => a.join(''));
    fc.assert(
      fc.property(text, fc.option(text, { nil: undefined }), (t, next) => {
        const r = cleanupText(t, { next });
        checkReported(t, r.text, r.changes);
      }),
      { numRuns: 1000 },
    );
  });
});

describe('dash on the sample page', () => {
  it('fixes 醒目-"成为 as it stands in the sample, and leaves a range between words', () => {
    expect(sample).toContain('一行字格外醒目-"成为全球新能源锂电材料领导者"。');
    expect(clean('一行字格外醒目-"成为全球新能源锂电材料领导者"。')).toBe(
      '一行字格外醒目——“成为全球新能源锂电材料领导者”。',
    );
    expect(clean('北京-上海高铁')).toBe('北京-上海高铁');
  });
});
