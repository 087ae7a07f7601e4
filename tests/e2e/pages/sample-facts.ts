import { readFileSync } from 'node:fs';
import { SAMPLE_PAGE } from '../../support/paths';

/**
 * Facts read from the sample page itself (not hard-coded results): the blocks of the page, so a test can find
 * where `人职` stands in its fragment and where the first sentence of a fragment ends.
 */
export const SAMPLE_BLOCKS = readFileSync(SAMPLE_PAGE, 'utf8')
  .split(/\n[ \t]*\n/)
  .map((b) => b.trim())
  .filter(Boolean);

/** The fragment id the plain-text importer gives the block that starts with `prefix` (p1.N, N from 1). */
export function fragmentIdOf(prefix: string): string {
  const i = SAMPLE_BLOCKS.findIndex((b) => b.replace(/^#+\s*/, '').startsWith(prefix));
  if (i < 0) throw new Error(`no block starts with ${prefix}`);
  return `p1.${i + 1}`;
}

export function blockOf(id: string): string {
  return SAMPLE_BLOCKS[Number(id.split('.')[1]) - 1].replace(/^#+\s*/, '');
}

/**
 * The 灵峰社区 article's first twelve fragments in reading order, found by their openings on the page: kicker,
 * headline, body … `…排到下半年,六` then its continuation `成以上的一线工人…` 21 blocks later, and on.
 */
export const LINGFENG_OPENINGS = [
  '本报记者蹲点北仑区灵峰社区',
  '"管家"上门帮企业',
  '早春时节',
  '说是社区',
  '当下,铆足干劲',
  '来到灵峰社区党群服务中心',
  '"今天走访的两家企业',
  '走进臻至模具新厂区',
  '成以上的一线工人',
  '在万博丰模具',
  '"助力企业拼经济',
  '可招工引才非社区所长',
];
export const LINGFENG_IDS = LINGFENG_OPENINGS.map(fragmentIdOf);
