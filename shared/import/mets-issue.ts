import type { ArticleItem, Role } from '../model/types';
import { emptyPart, type ImportedPart } from './layout-result';
import type { AltoBlock, AltoPageResult } from './alto';
import type { MetsDocument, MetsRef } from './mets';

/**
 * METS logical structure + the ALTO pages it points at → Galley pages and articles. Each METS article becomes an article
 * with its blocks in METS order (headings as headlines, paragraphs continued across `seq` areas as joins);
 * blocks no article claims stay in the pool in source order. A block claimed twice stays with the first claim.
 */
export interface MetsPageInput {
  /** The METS file id of this page's ALTO file. */
  fileId: string;
  alto: AltoPageResult;
}

interface BlockIndex {
  byId: Map<string, AltoBlock[]>;
  byString: Map<string, AltoBlock>;
}

function indexBlocks(alto: AltoPageResult): BlockIndex {
  const byId = new Map<string, AltoBlock[]>();
  const byString = new Map<string, AltoBlock>();
  const add = (id: string, b: AltoBlock) => {
    const l = byId.get(id) ?? [];
    l.push(b);
    byId.set(id, l);
  };
  for (const b of alto.blocks) {
    add(b.id, b);
    for (const c of b.composed) add(c, b);
    for (const s of b.strings) byString.set(s.id, b);
  }
  return { byId, byString };
}

/** The blocks a reference covers: a TextBlock, every block of a ComposedBlock, or the blocks of a word range. */
function resolve(ref: MetsRef, idx: BlockIndex, alto: AltoPageResult): AltoBlock[] | undefined {
  const direct = idx.byId.get(ref.begin);
  if (direct) return direct;
  const first = idx.byString.get(ref.begin);
  if (!first) return undefined;
  const last = ref.end ? idx.byString.get(ref.end) : first;
  const i = alto.blocks.indexOf(first),
    j = last ? alto.blocks.indexOf(last) : i;
  return alto.blocks.slice(i, Math.max(i, j) + 1);
}

export function partFromMets(mets: MetsDocument, pages: MetsPageInput[]): ImportedPart {
  const part = emptyPart();
  const byFile = new Map(pages.map((p) => [p.fileId, { alto: p.alto, idx: indexBlocks(p.alto) }]));
  const roles = new Map<string, Role>();
  const claimed = new Set<string>();
  const reported = new Set<string>();
  for (const a of mets.articles) {
    const items: ArticleItem[] = [];
    let lastGroup: string | undefined;
    for (const ref of a.refs) {
      const page = byFile.get(ref.fileId);
      if (!page) {
        // A page the METS names but that was not loaded is reported once per file by the caller.
        if (!mets.files.has(ref.fileId) && !reported.has(ref.fileId))
          part.warnings.push(`METS: ${a.id} refers to the unknown file id ${ref.fileId}.`);
        reported.add(ref.fileId);
        continue;
      }
      const blocks = resolve(ref, page.idx, page.alto);
      if (!blocks) {
        // An illustration or a page reference holds no text: nothing to place, nothing to report.
        if (page.alto.otherIds.has(ref.begin) || ref.begin === page.alto.altoPageId) continue;
        part.warnings.push(`METS: ${a.id} refers to ${ref.begin}, which is not in ${ref.fileId}.`);
        continue;
      }
      for (const b of blocks) {
        if (!b.fragmentId) continue;
        if (claimed.has(b.fragmentId)) {
          if (!items.some((it) => it.id === b.fragmentId))
            part.warnings.push(`METS: block ${b.id} is part of two articles; it stays in the first.`);
          continue;
        }
        claimed.add(b.fragmentId);
        const join = ref.role === 'body' && lastGroup === ref.group && items.length > 0;
        items.push({ id: b.fragmentId, join });
        roles.set(b.fragmentId, ref.role);
        lastGroup = ref.group;
      }
    }
    if (items.length === 0) continue;
    const hasHeadline = items.some((it) => roles.get(it.id) === 'headline');
    part.articles.push({ ...(!hasHeadline && a.label ? { title: a.label } : {}), items });
  }
  part.pages = pages.map((p) => ({
    ...p.alto.page,
    fragments: p.alto.page.fragments.map((f) => ({ ...f, role: roles.get(f.id) ?? f.role })),
  }));
  part.warnings.push(...pages.flatMap((p) => p.alto.warnings));
  return part;
}
