import { describe, expect, it } from 'vitest';
import { createI18n } from '../../../../renderer/src/i18n';
import { reasonText } from '../../../../renderer/src/features/suggest/reason-text';

/** The engine's English reasons shown in the UI language, evidence kept; unknown ones shown as written. */
describe('suggestion reasons in the UI language', () => {
  const en = createI18n('en');
  const zh = createI18n('zh-CN');
  it('keeps the evidence of a cut word, a repeated pair and a role', () => {
    expect(reasonText('ends mid-word: 高新技|术', en.t)).toBe('ends mid-word: 高新技|术');
    expect(reasonText('ends mid-word: 高新技|术', zh.t)).toBe('词语被截断:高新技|术');
    expect(reasonText('“何服” occurs elsewhere on the page', zh.t)).toBe('“何服” 在本版别处出现');
    expect(reasonText('starts an article (kicker)', zh.t)).toBe(`文章开头(${zh.t('role.kicker')})`);
    expect(reasonText('starts an article (kicker)', en.t)).toBe(`starts an article (${en.t('role.kicker')})`);
    expect(reasonText('B starts with ，', zh.t)).toBe('以 ， 开头');
  });
  it('translates the indent, interleaving and cross-page reasons', () => {
    expect(reasonText('B’s first line is indented: it opens a paragraph', zh.t)).toBe('首行缩进两格:另起一段');
    expect(reasonText('interleaved columns: each line continues 3 places on', zh.t)).toBe(
      '分栏逐行交错:每行的下文在其后第 3 块',
    );
    expect(reasonText('interleaved columns: the foot of one column goes on at the top of the next', zh.t)).toBe(
      '分栏逐行交错:栏尾接下一栏栏首',
    );
    expect(
      reasonText(
        'set-apart lines: this column’s paragraph starts and ends came after its full lines, last first',
        zh.t,
      ),
    ).toBe('栏内段首、段尾行被移到栏末且倒序:已放回原位');
    expect(reasonText('continued from page 1 (上接第一版)', zh.t)).toBe('接续第 1 版(上接第一版)');
    expect(reasonText('jump line (下转第三版), kept after the text it links', zh.t)).toBe(
      '转版提示(下转第三版),放在所连文字之后',
    );
    expect(reasonText("the jump line's keyword 衢州 is in the headline", en.t)).toBe(
      'the jump line’s keyword 衢州 is in the headline',
    );
  });
  it('shows a reason it does not know as the engine wrote it', () => {
    expect(reasonText('a brand-new cue', zh.t)).toBe('a brand-new cue');
  });
});
