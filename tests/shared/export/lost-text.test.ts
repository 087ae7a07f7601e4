import { describe, expect, it } from 'vitest';
import { buildExport, LOST_TEXT_MARK } from '@shared/export/build';
import { renderDocumentFormat, renderZip } from '@shared/export/formats';
import { LOST_TEXT_NOTE } from '@shared/export/nitf';
import { applyOp } from '@shared/ops';
import { findFragment } from '@shared/model/lookup';
import type { Issue } from '@shared/model/types';
import { arrangedIssue } from '../../support/open-ends-fixture';
import {
  htmlElements,
  isWellFormed,
  readDocx,
  readHtml,
  readMarkdownRendered,
  readText,
  strFromU8,
  unzip,
} from './read-back';

/** The arranged sample page, "管家" article only (a1): p1.3 marked text lost, p1.6 ends here, p1.34 continues on p. 1. */
function resolvedIssue(): Issue {
  let issue = arrangedIssue();
  const at = '2026-12-07T03:00:00.000Z';
  issue = applyOp(issue, { type: 'resolveOpenEnd', fragmentId: 'p1.3', as: 'lost', by: 'x', at }).issue;
  issue = applyOp(issue, { type: 'resolveOpenEnd', fragmentId: 'p1.6', as: 'ends', by: 'x', at }).issue;
  issue = applyOp(issue, {
    type: 'resolveOpenEnd',
    fragmentId: 'p1.34',
    as: 'elsewhere',
    page: '1',
    by: 'x',
    at,
  }).issue;
  return issue;
}
const issue = resolvedIssue();
const doc = buildExport(issue, { articleIds: ['a1'] });
const asString = (d: string | Uint8Array) => (typeof d === 'string' ? d : strFromU8(d));
const lostText = findFragment(issue, 'p1.3')!.text;
const para = (texts: string[]) => texts.find((t) => t.includes(lostText.slice(-10)))!;

describe('text marked lost in the exports', () => {
  it('the export document carries each resolved end; json keeps the text as is', async () => {
    const ends = doc.articles[0].paragraphs.filter((p) => p.openEnd).map((p) => [p.fragments.at(-1), p.openEnd]);
    expect(ends).toEqual([
      ['p1.3', { as: 'lost' }],
      ['p1.6', { as: 'ends' }],
      ['p1.34', { as: 'elsewhere', page: '1' }],
    ]);
    const json = JSON.parse(asString((await renderDocumentFormat(doc, issue, 'json')).files[0].data));
    const p = json.articles[0].paragraphs.find((x: { fragments: string[] }) => x.fragments.includes('p1.3'));
    expect(p.text.endsWith(lostText.trim().slice(-5))).toBe(true);
    expect(p.text).not.toContain(LOST_TEXT_MARK);
    expect(p.lostMark).toBeUndefined();
    expect(p.openEnd).toEqual({ as: 'lost' });
    const marked = JSON.parse(
      asString((await renderDocumentFormat(doc, issue, 'json', { lostTextMark: true })).files[0].data),
    );
    expect(
      marked.articles[0].paragraphs.find((x: { fragments: string[] }) => x.fragments.includes('p1.3')).lostMark,
    ).toBe(true);
  });

  it('md and txt: [……] after the lost text only, and not when switched off', async () => {
    const md = readMarkdownRendered(asString((await renderDocumentFormat(doc, issue, 'md')).files[0].data));
    expect(para(md).endsWith(`街道${LOST_TEXT_MARK}`)).toBe(true);
    expect(md.filter((t) => t.includes(LOST_TEXT_MARK))).toHaveLength(1);
    const txt = readText(asString((await renderDocumentFormat(doc, issue, 'txt')).files[0].data));
    expect(para(txt).endsWith(`街道${LOST_TEXT_MARK}`)).toBe(true);
    expect(txt.filter((t) => t.includes(LOST_TEXT_MARK))).toHaveLength(1);
    const off = readText(
      asString((await renderDocumentFormat(doc, issue, 'txt', { lostTextMark: false })).files[0].data),
    );
    expect(off.some((t) => t.includes(LOST_TEXT_MARK))).toBe(false);
  });

  it('html: the mark in its own element', async () => {
    const html = asString((await renderDocumentFormat(doc, issue, 'html')).files[0].data);
    expect(para(readHtml(html)).endsWith(LOST_TEXT_MARK)).toBe(true);
    const marks = htmlElements(html).filter((e) => e.attribs.class === 'text-lost');
    expect(marks.map((e) => e.name)).toEqual(['span']);
    expect(html).toContain(`街道<span class="text-lost">${LOST_TEXT_MARK}</span></p>`);
  });

  it('docx: the mark ends the paragraph', async () => {
    const { paragraphs, xml } = readDocx((await renderDocumentFormat(doc, issue, 'docx')).files[0].data as Uint8Array);
    expect(para(paragraphs).endsWith(`街道${LOST_TEXT_MARK}`)).toBe(true);
    expect(isWellFormed(xml)).toBe(true);
  });

  it('nitf: an editor’s note (a comment) at the point of loss, the text as printed', async () => {
    const xml = asString((await renderDocumentFormat(doc, issue, 'nitf')).files[0].data);
    expect(isWellFormed(xml)).toBe(true);
    expect(xml).toContain(`街道${LOST_TEXT_NOTE}</p>`);
    expect(xml.split(LOST_TEXT_NOTE)).toHaveLength(2);
    expect(xml).not.toContain(LOST_TEXT_MARK);
    const zip = unzip((await renderZip(doc, issue, 'nitf', { lostTextMark: false })).data);
    expect(strFromU8(zip[0].data)).not.toContain(LOST_TEXT_NOTE);
  });
});
