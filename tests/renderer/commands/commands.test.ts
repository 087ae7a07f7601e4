import { describe, expect, it } from 'vitest';
import { findFragment, placeOf } from '@shared/model/lookup';
import { audit, textIntact } from '@shared/audit/audit';
import { commandLabel, runCommand } from '../../../renderer/src/commands/registry';
import { appCommands } from '../../../renderer/src/app/commands';
import { COMMAND_IDS } from '@shared/commands/ids';
import { dropToOp } from '../../../renderer/src/features/dnd/drop-op';
import { makeCtx, sampleIssue, tinyIssue } from '../workbench-harness';

const COMMANDS = appCommands.all;
const findCommand = (id: string) => appCommands.find(id);

const items = (ctx: ReturnType<typeof makeCtx>, n = 0) => ctx.store.getState().doc!.articles[n].items.map((i) => i.id);

describe('command registry', () => {
  it('registers exactly the ids of shared/commands/ids.ts (the list the native menu is checked against)', () => {
    expect(COMMANDS.map((c) => c.id).sort()).toEqual([...COMMAND_IDS].sort());
  });

  it('has unique ids and shortcuts, and a label in both languages for every command', () => {
    const ids = COMMANDS.map((c) => c.id);
    expect(new Set(ids).size).toBe(ids.length);
    const keys = COMMANDS.flatMap((c) => c.keys ?? []);
    expect(new Set(keys).size).toBe(keys.length);
    for (const lang of ['en', 'zh-CN'] as const) {
      const { t } = makeCtx(lang);
      for (const c of COMMANDS) {
        const label = commandLabel(c, t);
        expect(label, c.id).not.toMatch(/^cmd\.|\{\{/);
      }
    }
    expect(commandLabel(findCommand('fragment.role.kicker')!, makeCtx('zh-CN').t)).toBe('设置角色：引题');
    expect(commandLabel(findCommand('fragment.toArticle3')!, makeCtx('en').t)).toBe('Send to article 3');
  });

  it('new article from selection, send to article N, move up/down, join/unjoin: each one undo step', async () => {
    const ctx = makeCtx('en');
    const s = () => ctx.store.getState();
    s().load(sampleIssue(), null);
    s().select(['p1.1', 'p1.2', 'p1.3']);
    expect(await runCommand('article.newFromSelection', ctx)).toBe(true);
    expect(items(ctx)).toEqual(['p1.1', 'p1.2', 'p1.3']);
    s().select(['p1.31', 'p1.30']); // selection order does not matter: reading order is kept
    await runCommand('fragment.toArticle1', ctx);
    expect(items(ctx)).toEqual(['p1.1', 'p1.2', 'p1.3', 'p1.30', 'p1.31']);
    expect(s().past).toHaveLength(2);

    s().select(['p1.30']);
    s().focusPane('board');
    await runCommand('fragment.moveUp', ctx);
    expect(items(ctx)).toEqual(['p1.1', 'p1.2', 'p1.30', 'p1.3', 'p1.31']);
    await runCommand('fragment.moveDown', ctx);
    await runCommand('fragment.moveDown', ctx);
    expect(items(ctx)).toEqual(['p1.1', 'p1.2', 'p1.3', 'p1.31', 'p1.30']);
    await runCommand('fragment.moveDown', ctx); // already last: nothing happens, no empty undo step
    expect(s().past).toHaveLength(5);

    await runCommand('fragment.join', ctx);
    expect(s().doc!.articles[0].items.at(-1)).toEqual({ id: 'p1.30', join: true });
    await runCommand('fragment.unjoin', ctx);
    expect(s().doc!.articles[0].items.at(-1)).toEqual({ id: 'p1.30', join: false });
    // Ctrl+2 with no article 2: refused with a message, nothing changes.
    expect(await runCommand('fragment.toArticle2', ctx)).toBe(false);
  });

  it('split at the caret, merge with next, discard, back to pool, set role; the text stays intact', async () => {
    const ctx = makeCtx('en');
    const s = () => ctx.store.getState();
    s().load(tinyIssue(), null);
    s().select(['p1.2']);
    s().setCaret({ fragmentId: 'p1.2', offset: 4 });
    await runCommand('fragment.split', ctx);
    const newId = s().selection[0];
    expect(findFragment(s().doc!, 'p1.2')!.text).toBe('生产任务');
    expect(findFragment(s().doc!, newId)!.text).toBe('已排到下半年,六');
    s().select(['p1.2']);
    await runCommand('fragment.merge', ctx);
    expect(findFragment(s().doc!, 'p1.2')!.text).toBe('生产任务已排到下半年,六');
    expect(findFragment(s().doc!, newId)).toBeUndefined();

    s().select(['p1.5']);
    await runCommand('fragment.discard', ctx);
    expect(placeOf(s().doc!, 'p1.5')?.kind).toBe('discard');
    await runCommand('fragment.toPool', ctx);
    expect(placeOf(s().doc!, 'p1.5')?.kind).toBe('pool');
    await runCommand('fragment.role.byline', ctx);
    expect(findFragment(s().doc!, 'p1.5')!.role).toBe('byline');
    expect(textIntact(audit(s().doc!))).toBe(true);
  });

  it('F8 walks the problems (unassigned, open ends) in source order and wraps', async () => {
    const ctx = makeCtx('en');
    const s = () => ctx.store.getState();
    s().load(tinyIssue(), null);
    s().apply({ type: 'createArticle', articleId: 'a1', fragmentIds: ['p1.1', 'p1.2', 'p1.3', 'p1.4'] });
    s().select(['p1.1']);
    await runCommand('problem.next', ctx);
    expect(s().selection).toEqual(['p1.2']); // `…六` is an open end
    await runCommand('problem.next', ctx);
    expect(s().selection).toEqual(['p1.5']); // unassigned
    await runCommand('problem.next', ctx);
    expect(s().selection).toEqual(['p1.2']);
  });
});

describe('drop → one operation at the exact place of the drop line', () => {
  const ctx = makeCtx('en');
  ctx.store.getState().load(sampleIssue(), null);
  ctx.store.getState().apply({ type: 'createArticle', articleId: 'a1', fragmentIds: ['p1.1', 'p1.2', 'p1.3'] });
  const doc = ctx.store.getState().doc!;

  it('above a row: after the row before it; below a row: after the row', () => {
    expect(dropToOp(doc, ['p1.8'], { kind: 'item', articleId: 'a1', itemId: 'p1.2', edge: 'top' })).toEqual({
      type: 'moveFragments',
      fragmentIds: ['p1.8'],
      to: { kind: 'article', articleId: 'a1', after: 'p1.1' },
    });
    expect(dropToOp(doc, ['p1.8'], { kind: 'item', articleId: 'a1', itemId: 'p1.1', edge: 'top' })).toEqual({
      type: 'moveFragments',
      fragmentIds: ['p1.8'],
      to: { kind: 'article', articleId: 'a1', after: null },
    });
    expect(dropToOp(doc, ['p1.8', 'p1.30'], { kind: 'item', articleId: 'a1', itemId: 'p1.3', edge: 'bottom' })).toEqual(
      {
        type: 'moveFragments',
        fragmentIds: ['p1.8', 'p1.30'],
        to: { kind: 'article', articleId: 'a1', after: 'p1.3' },
      },
    );
  });

  it('reorders inside the article, skipping the moving rows as anchors; a drop on its own place is no step', () => {
    expect(dropToOp(doc, ['p1.1'], { kind: 'item', articleId: 'a1', itemId: 'p1.3', edge: 'bottom' })).toEqual({
      type: 'moveFragments',
      fragmentIds: ['p1.1'],
      to: { kind: 'article', articleId: 'a1', after: 'p1.3' },
    });
    expect(dropToOp(doc, ['p1.2'], { kind: 'item', articleId: 'a1', itemId: 'p1.2', edge: 'bottom' })).toBeNull();
    expect(dropToOp(doc, ['p1.2'], { kind: 'item', articleId: 'a1', itemId: 'p1.3', edge: 'top' })).toBeNull();
    expect(dropToOp(doc, ['p1.3'], { kind: 'item', articleId: 'a1', itemId: 'p1.3', edge: 'top' })).toBeNull();
  });

  it('card → end of the article; trays → pool / discard; new-article zone → create with the fragments', () => {
    expect(dropToOp(doc, ['p1.9'], { kind: 'article', articleId: 'a1' })).toEqual({
      type: 'moveFragments',
      fragmentIds: ['p1.9'],
      to: { kind: 'article', articleId: 'a1', after: 'p1.3' },
    });
    expect(dropToOp(doc, ['p1.2'], { kind: 'pool' })).toEqual({
      type: 'moveFragments',
      fragmentIds: ['p1.2'],
      to: { kind: 'pool' },
    });
    expect(dropToOp(doc, ['p1.2'], { kind: 'discard' })).toEqual({
      type: 'moveFragments',
      fragmentIds: ['p1.2'],
      to: { kind: 'discard' },
    });
    expect(dropToOp(doc, ['p1.40', 'p1.41'], { kind: 'newArticle', articleId: 'a9' })).toEqual({
      type: 'createArticle',
      articleId: 'a9',
      fragmentIds: ['p1.40', 'p1.41'],
    });
  });
});
