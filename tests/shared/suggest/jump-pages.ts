import { pageFromPlainText } from '../../../shared/import/plain-text';
import { createIssue } from '../../../shared/model/create';
import type { Issue } from '../../../shared/model/types';

/**
 * Synthetic front and inside pages of one day's paper for the jump tests. Two page-one articles are cut mid-word at
 * their foot (衢州…审|批, 西湖…临|时) and jump to page 3 (（下转第三版）); page 3 opens their continuations with
 * （上接第一版） lines in the opposite order, between an article of its own (宁波港) and a third continuation
 * that jumps to page 4 (嘉兴 → page 4 in the three-page issue).
 */
/**
 * A block set in a narrow column: one printed line per `width` characters (a line break inside CJK text comes out
 * as a space), the width chosen so the last line is full, as at a column foot.
 */
export function column(text: string): string {
  const chars = [...text];
  const width = [16, 15, 17, 14, 18, 13, 19, 12, 20].find((w) => chars.length % w === 0) ?? 16;
  const lines: string[] = [];
  for (let i = 0; i < chars.length; i += width) lines.push(chars.slice(i, i + width).join(''));
  return lines.join('\n');
}

export const PAGE_1 = `# 衢州打造制造业投资热土

${column('本报衢州2月26日电 衢州打造制造业投资热土。今年以来，衢州市坚持把招商引资作为经济工作的生命线，衢州新签约亿元以上制造业项目四十二个，总投资超过六百亿元，衢州制造业投资增')}

${column('速位居全省前列。衢州市招商局负责人介绍，衢州聚焦新材料、新能源和集成电路三大产业链，组建招商专班精准招商，制造业项目从签约到开工平均用时缩短到六十天，衢州企业普遍反映审')}

（下转第三版）

# 杭州西湖春季花展开幕

${column('本报杭州2月26日电 记者从西湖风景名胜区管委会获悉，今年西湖春季花展于昨日正式开幕，西湖花展展期持续到四月中旬，游客赏花热情高涨。本次西湖花展共布置郁金香、樱花、海')}

${column('棠等观赏花卉三十余万株，游客可以沿着苏堤和白堤一路赏花，西湖景区管理部门在西湖边的游客集中区域增设了临')}

（下转第三版）`;

export const PAGE_3 = `# 宁波港口货物吞吐量创新高

本报宁波2月26日电 宁波舟山港一月份完成货物吞吐量一亿两千万吨，同比增长百分之五，宁波港集装箱运输保持平稳。

宁波港口集团表示，将继续推进智慧港口建设，提升宁波舟山港的服务水平。

（上接第一版）

时休息点和饮水站，并在西湖花展期间延长湖边公交线路运营时间，方便游客赏花出行。西湖花展已经连续举办二十年，成为杭州春天的一张名片，今年西湖花展预计接待游客三百万人次。

（上接第一版）

批流程明显加快，衢州投资者信心不断增强。衢州还设立了制造业发展基金，为衢州新落地的制造业项目提供贷款贴息和用地保障，衢州制造业投资热度持续上升。`;

/** Page 3 of the three-page issue: the same page with a third article that jumps on to page 4. */
export const PAGE_3_WITH_JUMP = `${PAGE_3}

# 嘉兴南湖片区加快更新

本报嘉兴2月26日电 嘉兴南湖片区城市更新项目近日全面启动，嘉兴计划用三年时间改造老旧小区四十个，南湖片区将新增公共绿地和停车位，嘉兴居民对南湖片区更新期

（下转第四版）`;

export const PAGE_4 = `（上接第三版）

待已久。嘉兴市住建局表示，南湖片区更新将坚持先民生后产业，嘉兴老旧小区改造优先解决加装电梯和雨污分流问题，南湖片区居民可以通过社区议事会参与方案讨论。

# 温州鹿城推进数字乡村建设

本报温州2月26日电 温州市鹿城区近日发布数字乡村建设方案，鹿城计划年内建成数字乡村示范村十个。`;

export function jumpIssue(pages: Array<[label: string, text: string]>): Issue {
  return createIssue(
    pages.map(([label, text]) =>
      pageFromPlainText(text, { pageId: `p${label}`, label, encoding: 'utf-8', sourceName: `day-p${label}.txt` }),
    ),
    { id: 'jumps', title: 'jumps' },
  );
}

/** Page 3 with one continuation whose jump line names its topic (`（上接第一版）西湖`) and whose text does not. */
export function keywordPage3(keyword: string): string {
  return `# 宁波港口货物吞吐量创新高

本报宁波2月26日电 宁波舟山港一月份完成货物吞吐量一亿两千万吨，同比增长百分之五，宁波港集装箱运输保持平稳。

（上接第一版）${keyword}

${column('相关负责人表示，下一步将继续做好各项服务保障工作，欢迎广大市民朋友前来参观，共同分享发展成果。')}`;
}

/** Page 1 without its （下转第三版） lines: the two articles just end mid-sentence at a column foot. */
export const PAGE_1_UNCUED = PAGE_1.replace(/\n\n（下转第三版）/g, '');

/** Page 3 with a continuation that names no keyword and does not read on mid-word: only its topic says where it belongs. */
export const PAGE_3_TOPIC_ONLY = `# 宁波港口货物吞吐量创新高

本报宁波2月26日电 宁波舟山港一月份完成货物吞吐量一亿两千万吨，同比增长百分之五，宁波港集装箱运输保持平稳。

（上接第一版）

${column('休息区和饮水站，西湖花展期间游客可以在西湖边免费领取赏花地图，西湖景区还推出了夜间赏花线路，游客赏花更加方便。')}`;

/** An English front page (label A1) whose budget story jumps to page A5, and that page. */
export const LATIN_A1 = `# CITY BUDGET PASSES AFTER LONG DEBATE

SPRINGFIELD, Feb. 26 — The city council approved the budget on Tuesday after a debate that lasted well into the night, and the mayor said the new budget would fund more teachers and repair the

Continued on page A5

# SCHOOL BOARD NAMES NEW CHAIR

SPRINGFIELD, Feb. 26 — The school board named a new chair on Monday. The vote was unanimous.`;

export const LATIN_A5 = `# HARBOR TRAFFIC GROWS

SPRINGFIELD, Feb. 26 — Harbor traffic grew again in January, the port authority said.

BUDGET, from page A1

oldest bridges in the city before the budget year ends. Council members who opposed the budget said the city could not afford it.`;
