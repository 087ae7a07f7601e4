import { describe, expect, it } from 'vitest';
import {
  compact,
  endsComplete,
  endsWithOpener,
  openBrackets,
  startsProhibited,
  unmatchedClosers,
  isCjkText,
  endsHyphenated,
  startsLowercase,
} from '../../../shared/suggest/text-signals';
import { straddlingWord } from '../../../shared/suggest/straddle';
import {
  bylineCue,
  captionCue,
  creditCue,
  datelineCue,
  furnitureCue,
  jumpFromCue,
  jumpToCue,
} from '../../../shared/suggest/cues';
import { buildPageCache } from '../../../shared/suggest/page-cache';
import { fragmentFeatures, printedWidth } from '../../../shared/suggest/features';
import { bundledModel } from '../../../shared/suggest/model';
import { classifyRoles, headingFlags, HEADING_ROLES } from '../../../shared/suggest/roles';
import { widthAgreement } from '../../../shared/suggest/score';
import { sampleIssue } from './sample';
import { readFileSync } from 'node:fs';
import { pageFromPlainText } from '../../../shared/import/plain-text';
import { SAMPLE_PAGE } from '../../support/paths';

/** Each text signal of the engine's link score on real cases from the sample page. */
const page = sampleIssue().pages[0];
const frag = (n: number) => page.fragments[n - 1];

describe('end completeness and line-start rules', () => {
  it('tells a finished sentence from a cut one', () => {
    expect(endsComplete(frag(29).text)).toBe(true); // 是难题。幸好,社区并非"孤军作战"。
    expect(endsComplete(frag(8).text)).toBe(false); // …生产任务已排到下半年,六
    expect(endsComplete(frag(33).text)).toBe(false); // 可招工引才非社区所长,招聘会如何
    expect(endsComplete(frag(3).text)).toBe(false); // …走进宁波北仑区大碶街道
    expect(endsComplete('他说:"好。"')).toBe(true);
    expect(endsComplete('Mr.')).toBe(false);
    expect(endsComplete('The end.')).toBe(true);
  });
  it('knows which characters may not start or end a line', () => {
    expect(startsProhibited('，企业怎么发动')).toBe(true);
    expect(startsProhibited('、新就业群体')).toBe(true);
    expect(startsProhibited(frag(9).text)).toBe(false); // 策划,…
    expect(endsWithOpener('他说：“')).toBe(true);
    expect(endsWithOpener(frag(33).text)).toBe(false);
  });
  it('tracks brackets and quotes left open or closed early', () => {
    expect(openBrackets('他说：“今天')).toEqual(['“']);
    expect(openBrackets('《乡村民宿服务认证要求》')).toEqual([]);
    expect(unmatchedClosers('”她说。')).toEqual(['”']);
    // Straight quotes pair by parity: 38 opens "点单" and closes it.
    expect(openBrackets(frag(38).text)).toEqual([]);
    expect(openBrackets(frag(39).text)).toEqual(['"']); // 史孟艳说:"灵峰社区是… (cut)
  });
  it('removes line-wrap spaces inside CJK text but keeps Latin spaces', () => {
    expect(compact('循着轰隆隆的机器声, 记者又一次')).toBe('循着轰隆隆的机器声,记者又一次');
    expect(compact('the  press')).toBe('the  press');
    expect(isCjkText(frag(3).text)).toBe(true);
    expect(isCjkText('The Statesman, London')).toBe(false);
  });
  it('has Latin-script fallbacks', () => {
    expect(endsHyphenated('a very impor-')).toBe(true);
    expect(endsHyphenated('well--')).toBe(false);
    expect(startsLowercase('tant news')).toBe(true);
    expect(startsLowercase('The news')).toBe(false);
  });
});

describe('a word cut at the seam (Intl.Segmenter)', () => {
  it('finds the word across real cuts of the sample page', () => {
    expect(straddlingWord('下半年,六', '成以上的')).toBe('六|成');
    expect(straddlingWord('群体党的建', '设。史孟')).toBe('建|设');
    expect(straddlingWord('办公室副', '主任周庚')).toBe('副|主任');
    expect(straddlingWord('向前推进一', '步,服务')).toMatch(/\|步$/);
  });
  it('finds nothing where the cut falls between words (the lost line after 大碶街道)', () => {
    expect(straddlingWord('北仑区大碶街道', '说是社区')).toBeNull();
    expect(straddlingWord('招聘会如何', '策划,企业')).toBeNull();
  });
});

describe('newspaper cues', () => {
  it('recognises datelines, bylines, captions, credits and jump lines', () => {
    expect(datelineCue(compact(frag(42).text))).toMatch(/dateline/); // 本报桐庐2月26日电
    expect(datelineCue(compact(frag(70).text))).toMatch(/本报讯/);
    expect(datelineCue('新华社北京2月26日电 记者…')).toMatch(/dateline/);
    expect(datelineCue(compact(frag(4).text))).toBeNull();
    expect(bylineCue('（记者 刘健）')).toBeTruthy();
    // A pen name alone in brackets is a byline; an end mark or a jump line in brackets is not.
    expect(bylineCue('（天馬）')).toMatch(/pen name/);
    expect(bylineCue('（完）')).toBeNull();
    expect(bylineCue('（上接第一版）')).toBeNull();
    expect(bylineCue('（重慶廿一日電）據前')).toBeNull();
    expect(captionCue(compact(frag(45).text))).toMatch(/caption/);
    expect(creditCue(compact(frag(46).text))).toMatch(/credit/);
    expect(creditCue(compact(frag(8).text))).toBeNull();
    expect(jumpFromCue(compact(frag(85).text))).toMatch(/continued from/);
    expect(jumpToCue('（下转第三版）')).toBeTruthy();
    expect(furnitureCue('责任编辑 张三')).toBeTruthy();
  });
});

describe('page cache and line shape', () => {
  it("counts the page's own bigrams so a cut name (史|孟艳) is recognised", () => {
    const cache = buildPageCache(page.fragments.map((f) => compact(f.text)));
    expect(cache.after('史').one.get('孟')).toBeGreaterThanOrEqual(3);
    expect(cache.afterPair('灵峰').get('社')).toBeGreaterThanOrEqual(5);
    expect(cache.unigram('的')).toBeGreaterThan(cache.unigram('孟'));
  });
  it('sees a full last printed line (cut at a column foot) and a short one (paragraph end)', () => {
    const m = bundledModel();
    expect(fragmentFeatures(frag(3), 2, m).lastLine).toBe('full'); // …走进宁波北仑区大碶街道 (a lost line follows)
    expect(fragmentFeatures(frag(8), 7, m).lastLine).toBe('full'); // …下半年,六
    expect(fragmentFeatures(frag(4), 3, m).lastLine).toBe('short'); // …"大管家"。
  });
  it("lets a narrower one-line block that ends its sentence follow a wider one (a paragraph's short last line)", () => {
    const m = bundledModel();
    const f = (n: number) => fragmentFeatures(frag(n), n - 1, m);
    expect(widthAgreement(f(17), f(27))).toBe(0); // …2万 | 多名职工的奥妙所在。 (10 cells under 18)
    // The same line without its full stop would be cut short mid-sentence: the width difference counts again.
    expect(widthAgreement(f(17), fragmentFeatures({ ...frag(27), text: '多名职工的奥妙所在' }, 26, m))).toBe(-1);
    expect(widthAgreement(f(17), f(18))).toBe(1);
  });
  it('sets a lone digit full width and a run of digits half width, as Chinese papers print them', () => {
    expect(printedWidth('社局根据灵峰社区等8个工业社区的')).toBe(16);
    expect(printedWidth('业报名,推出76类300余个岗位。同')).toBe(13 + 2.5); // 76 and 300: half a cell a digit
  });
  it('counts the two-cell indent of a paragraph that opens inside a block in its width', () => {
    const m = bundledModel();
    const f = (n: number) => fragmentFeatures(frag(n), n - 1, m);
    // 的关键之一:烧碱。 / 烧碱是时代锂电项目必要的生产 — the second line opens a paragraph, printed two cells in: the
    // block is as wide as its neighbours' column, and its last line runs to the column foot.
    expect(f(90).width).toBe(16);
    expect(f(90).lastLine).toBe('full');
    expect(widthAgreement(f(89), f(90))).toBe(1);
  });
});

describe('roles', () => {
  it('reads heading groups, subheads, jump lines, captions and credits', () => {
    const m = bundledModel();
    const roles = classifyRoles(page.fragments.map((f, i) => fragmentFeatures(f, i, m)));
    const role = (n: number) => roles[n - 1].role;
    expect(role(1)).toBe('kicker'); // ## above # …
    expect(role(2)).toBe('headline');
    expect(role(40)).toBe('kicker'); // ### above ##
    expect(role(41)).toBe('headline');
    expect(role(56)).toBe('headline'); // lone ## before 本报讯
    expect(role(82)).toBe('headline'); // 臧公正同志逝世
    expect(role(96)).toBe('subhead'); // #### 服务"全生命周期" inside the body
    expect(role(85)).toBe('jump'); // (上接第一版)
    expect(role(45)).toBe('caption');
    expect(role(46)).toBe('credit');
    expect(role(30)).toBe('body');
  });

  it('finds the headings of a page extracted without # marks by their shape, and keeps column slivers body', () => {
    const m = bundledModel();
    const text = readFileSync(SAMPLE_PAGE, 'utf8').replace(/^#+ /gm, '');
    const bare = pageFromPlainText(text, { pageId: 'p1', label: '2', encoding: 'utf-8' });
    const roles = classifyRoles(bare.fragments.map((f, i) => fragmentFeatures(f, i, m)));
    const role = (n: number) => roles[n - 1].role;
    expect(role(1)).toBe('kicker'); // 本报记者蹲点北仑区灵峰社区,感受助企服务再升级 (two parts, right above a headline)
    expect(role(2)).toBe('headline');
    expect(role(48)).toBe('headline'); // 3名大学生列席嘉兴市政协开幕会
    expect(role(82)).toBe('headline'); // 臧公正同志逝世
    for (let n = 9; n <= 29; n++) expect(['kicker', 'headline', 'deck'], `p1.${n}`).not.toContain(role(n)); // the 灵峰社区 slivers
    // Unmarked lines never become headings on a page that marks its headings.
    const hinted = classifyRoles(page.fragments.map((f, i) => fragmentFeatures(f, i, m)));
    expect(hinted[77].role).toBe('body'); // p1.78, a one-line continuation
  });

  it('finds a title beside a bracketed note (（一）（八）): a note is no column line a sliver would sit among', () => {
    const m = bundledModel();
    const lines = [
      '近日頗傳閣馮運動段合肥出山、爲對外作用、據天津歸客談、叚足不出戶云。',
      '夕陽紅檻錄',
      '（一）（八）',
      '第五章邵湘秋花底感滄桑趙鷺翁尊前話簪盍',
      '多鐘、虎臣要到靈隱寺去、已經來不及了、各人都說、',
    ];
    const bare = pageFromPlainText(`${lines.join('\n\n')}\n`, { pageId: 'p1', label: '1', encoding: 'utf-8' });
    expect(headingFlags(bare.fragments.map((f, i) => fragmentFeatures(f, i, m)))[1]).toBe(true);
  });

  it('reads a long block without a single punctuation mark as a headline on an unmarked page, running text not', () => {
    const m = bundledModel();
    // The middle block is a headline of 晶報 (1939; ECPO, CC BY 4.0) stacked over three printed lines and extracted
    // as one block; the running text around it is made up for the test.
    const lines = [
      '近日頗傳閣馮運動段合肥出山、爲對外作用、據天津歸客談、叚足不出戶云。',
      '英法通知蘇聯締結三强協定 蘇召各使回國傳將有新動作 英與土耳其反侵略談判完成',
      '（倫敦廿六日路透電）英外相昨在下院答覆質問時稱、中國政府 並未向英國提出調解之請求、英國亦未',
    ];
    const bare = pageFromPlainText(`${lines.join('\n\n')}\n`, { pageId: 'p1', label: '1', encoding: 'utf-8' });
    const roles = classifyRoles(bare.fragments.map((f, i) => fragmentFeatures(f, i, m)));
    expect(HEADING_ROLES.has(roles[1].role)).toBe(true);
    expect(roles[0].role).toBe('body');
    expect(HEADING_ROLES.has(roles[2].role)).toBe(false);
    // The same words with one pause mark in them are running text again.
    const punctuated = pageFromPlainText(`${lines[0]}\n\n${lines[1].replace('協定', '協定、')}\n`, {
      pageId: 'p1',
      label: '1',
      encoding: 'utf-8',
    });
    const again = classifyRoles(punctuated.fragments.map((f, i) => fragmentFeatures(f, i, m)));
    expect(HEADING_ROLES.has(again[1].role)).toBe(false);
  });

  it('never makes an article start of an unpunctuated line of interleaved narrow columns', () => {
    const m = bundledModel();
    // Six source-order lines of three interleaved columns (the band of tests/shared/suggest/bands.test.ts).
    const lines = [
      '感、幸福感,灵峰社区',
      '内大咖开讲"入职第一',
      '员工乐业,企业才',
      '联合宁波旭升集团股份',
      '课",帮助新员工更好',
      '能安心发展。在史孟艳',
    ];
    const bare = pageFromPlainText(`${lines.join('\n\n')}\n`, { pageId: 'p1', label: '1', encoding: 'utf-8' });
    const roles = classifyRoles(bare.fragments.map((f, i) => fragmentFeatures(f, i, m)));
    // None of them may start an article (an indented first line may still read as a lone subhead).
    for (const r of roles) expect(HEADING_ROLES.has(r.role)).toBe(false);
    expect(roles[3].role).toBe('body'); // 联合宁波旭升集团股份: its comma-shaped neighbours are column mates
  });
});
