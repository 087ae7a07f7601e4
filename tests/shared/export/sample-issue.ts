import { readFileSync } from 'node:fs';
import { pageFromPlainText } from '@shared/import/plain-text';
import { createIssue } from '@shared/model/create';
import { applyOp } from '@shared/ops';
import { audit } from '@shared/audit/audit';
import type { Issue, Role } from '@shared/model/types';
import { SAMPLE_PAGE } from '../../support/paths';

/** The sample page as an issue; fragment ids `p2.N` in source order, everything in the pool. */
export function sampleBase(): Issue {
  const text = readFileSync(SAMPLE_PAGE, 'utf8');
  return createIssue([pageFromPlainText(text, { pageId: 'p2', label: '2', encoding: 'utf-8' })], {
    id: 'zj-2023-02-27',
    title: '浙江日报 2023-02-27',
    date: '2023-02-27',
  });
}

/** Id of the fragment whose text starts with `start` (fails loudly when the sample changes). */
export function fragmentStarting(issue: Issue, start: string): string {
  const f = issue.pages.flatMap((p) => p.fragments).find((x) => x.text.startsWith(start));
  if (!f) throw new Error(`no fragment starts with ${start}`);
  return f.id;
}

interface Spec {
  id: string;
  title?: string;
  items: [start: string, role: Role, join?: boolean][];
}

/** Three articles of the sample page, their fragments in the order a proofreader would set. */
export const SAMPLE_ARTICLES: Spec[] = [
  {
    id: 'a-poetry',
    items: [
      ['第二届中国桐庐富春江诗歌节开幕', 'kicker'],
      ['在诗乡,吟诗赛诗迎亚运', 'headline'],
      ['本报桐庐2月26日电', 'body'],
      ['本届诗歌节请来多位', 'body'],
      ['歌节为期3个月', 'body'],
      ['图为2023盛装舞步', 'caption'],
      ['本报记者 刘健', 'credit'],
    ],
  },
  {
    id: 'a-lingfeng',
    items: [
      ['本报记者蹲点北仑区灵峰社区', 'kicker'],
      ['"管家"上门帮企业', 'headline'],
      ['早春时节', 'body'],
      ['说是社区', 'body'],
      ['走进臻至模具新厂区', 'body'],
      ['成以上的一线工人', 'body', true],
      ['为让员工更有归属感', 'body'],
    ],
  },
  {
    id: 'a-minsu',
    items: [
      ['我省试点乡村民宿服务认证', 'kicker'],
      ['46家德清民宿获首批认证证书', 'headline'],
      ['本报讯(记者全琳珉', 'body'],
      ['据统计,2022年', 'body'],
      ['作为全国唯一的民宿服务认证试点', 'body'],
    ],
  },
];

/** The sample issue with three articles placed; the rest of the page still in the pool. */
export function sampleIssue(): Issue {
  let issue = sampleBase();
  for (const a of SAMPLE_ARTICLES) {
    const ids = a.items.map(([s]) => fragmentStarting(issue, s));
    issue = applyOp(issue, {
      type: 'createArticle',
      articleId: a.id,
      ...(a.title ? { title: a.title } : {}),
      fragmentIds: ids,
    }).issue;
    a.items.forEach(([, role, join], i) => {
      issue = applyOp(issue, { type: 'setRole', fragmentIds: [ids[i]], role }).issue;
      if (join) issue = applyOp(issue, { type: 'setJoin', fragmentId: ids[i], join: true }).issue;
    });
  }
  return issue;
}

/** The sample issue made exportable: the rest of the page discarded, body fragments cut at the page edge marked `other`. */
export function finishedIssue(): Issue {
  let issue = sampleIssue();
  issue = applyOp(issue, { type: 'moveFragments', fragmentIds: [...issue.pool], to: { kind: 'discard' } }).issue;
  const open = audit(issue).openEnds;
  if (open.length) issue = applyOp(issue, { type: 'setRole', fragmentIds: open, role: 'other' }).issue;
  return issue;
}
