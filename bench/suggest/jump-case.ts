/**
 * Two small hand-made pages of three articles each, for the article that jumps across pages (bench/suggest.ts and
 * tests/shared/suggest/article-starts.test.ts). Page 1's lead breaks off mid-sentence (…合理), its next part stands
 * lower in the column flow, after the second article, and ends with （下转第2版）; page 2 carries （上接第1版）帮助… at
 * the head of a paragraph between two articles of its own, the first under a `##` headline.
 */
export const JUMP_CASE_PAGE_1 = `# 全市春耕生产全面展开

本报讯 连日来，全市各地抓住天气晴好的有利时机，组织农民群众开展春耕生产。市农业农村局组织技术人员深入田间地头，指导农民科学施肥、合理

# 城区新增三处口袋公园

本报讯 今年以来，城区利用边角空地新建三处口袋公园，为周边居民提供了休闲健身的好去处。口袋公园内设有健身器材和休息座椅，受到居民欢迎。

用药，确保春耕生产顺利进行。据了解，今年全市计划种植粮食作物八十万亩，目前已完成春耕面积三成以上。各地还积极推广新品种新技术，

（下转第2版）

# 图书馆延长开放时间

本报讯 为满足读者需求，市图书馆自本月起延长开放时间，工作日开放至晚上九点。`;

export const JUMP_CASE_PAGE_2 = `## 高速公路服务区升级改造完成

本报讯 市内三个高速公路服务区升级改造工程近日完成，新增充电桩和母婴室，服务区面貌焕然一新。

（上接第1版）帮助农民增产增收。市农业农村局还组织农机手开展跨区作业，春耕机械化水平进一步提高。

## 社区食堂受到老人欢迎

本报讯 城东社区食堂开业一个月来，每天为社区老人提供午餐两百余份，价格实惠，口味清淡。`;

/** The truth, in reading order: the lead across both pages first (its jump line after the part it closes). */
export const JUMP_CASE_ARTICLES = [
  ['p1.1', 'p1.2', 'p1.5', 'p2.3', 'p1.6'],
  ['p1.3', 'p1.4'],
  ['p1.7', 'p1.8'],
  ['p2.1', 'p2.2'],
  ['p2.4', 'p2.5'],
];
