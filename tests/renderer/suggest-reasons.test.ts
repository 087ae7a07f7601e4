import { describe, expect, it } from 'vitest';
import { createI18n } from '../../renderer/src/i18n';
import { reasonText } from '../../renderer/src/features/suggest/reason-text';

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
  it('shows a reason it does not know as the engine wrote it', () => {
    expect(reasonText('a brand-new cue', zh.t)).toBe('a brand-new cue');
  });
});
