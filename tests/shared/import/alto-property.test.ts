import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { pageFromAlto } from '../../../shared/import/alto';
import { createIssue } from '../../../shared/model/create';
import { audit, textIntact } from '../../../shared/audit/audit';
import { IssueSchema } from '../../../shared/model/schema';

/** Words as OCR gives them: Latin, CJK (BMP and astral), punctuation, and characters XML must escape. */
const CHARS = [...'AaBbZzéÿ09新聞報道𠮷&<>"\'.,;:!?()«»-'];
const word = fc.array(fc.constantFrom(...CHARS), { minLength: 1, maxLength: 8 }).map((cs) => cs.join(''));
type Token = { kind: 'String'; text: string } | { kind: 'SP' } | { kind: 'HYP' };
const token: fc.Arbitrary<Token> = fc.oneof(
  { weight: 6, arbitrary: word.map((text) => ({ kind: 'String' as const, text })) },
  { weight: 3, arbitrary: fc.constant({ kind: 'SP' as const }) },
  { weight: 1, arbitrary: fc.constant({ kind: 'HYP' as const }) },
);
const line = fc.array(token, { minLength: 1, maxLength: 12 });
const block = fc.array(line, { minLength: 1, maxLength: 5 });

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');

function altoXml(blocks: Token[][][]): string {
  let n = 0;
  const body = blocks
    .map(
      (b, bi) =>
        `<TextBlock ID="TB${bi}" HPOS="${bi}" VPOS="0" WIDTH="10" HEIGHT="10">${b
          .map(
            (l) =>
              `<TextLine>${l
                .map((t) =>
                  t.kind === 'String'
                    ? `<String ID="S${n++}" CONTENT="${esc(t.text)}"/>`
                    : t.kind === 'SP'
                      ? '<SP/>'
                      : '<HYP CONTENT="-"/>',
                )
                .join('')}</TextLine>`,
          )
          .join('')}</TextBlock>`,
    )
    .join('');
  return `<alto xmlns="http://www.loc.gov/standards/alto/ns-v4#"><Layout><Page ID="P1" WIDTH="100" HEIGHT="100"><PrintSpace>${body}</PrintSpace></Page></Layout></alto>`;
}

describe('ALTO import, property: any block/line/word layout', () => {
  it('keeps every String and HYP in document order, spans exact, no text lost', () => {
    fc.assert(
      fc.property(fc.array(block, { minLength: 1, maxLength: 6 }), (blocks) => {
        const r = pageFromAlto(altoXml(blocks), { pageId: 'p1' });
        const page = r.page;
        for (const f of page.fragments) expect(page.original.slice(f.spans[0].start, f.spans[0].end)).toBe(f.text);
        // The visible characters of the page are exactly the tokens' characters, in order.
        const expected = blocks
          .flat(2)
          .map((t) => (t.kind === 'String' ? t.text : t.kind === 'HYP' ? '-' : ''))
          .join('');
        expect(page.original.replace(/[ \n]/g, '')).toBe(expected.replace(/ /g, ''));
        // The String offsets recorded for METS export point at the words themselves.
        const words = blocks
          .flat(2)
          .filter((t) => t.kind === 'String')
          .map((t) => (t as { text: string }).text);
        expect(r.blocks.flatMap((b) => b.strings.map((s) => page.original.slice(s.start, s.end)))).toEqual(words);
        const issue = createIssue([page], { title: 't' });
        expect(textIntact(audit(issue))).toBe(true);
        expect(IssueSchema.safeParse(issue).success).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});
