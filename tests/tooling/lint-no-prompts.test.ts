import { describe, expect, it } from 'vitest';
import { ESLint } from 'eslint';
import path from 'node:path';

/**
 * The app asks in its own dialogs (renderer/src/features/dialogs/): the browser's blocking prompt, confirm and
 * alert are refused by ESLint in the renderer and the browser host, in every spelling a snippet may use.
 */
const ROOT = path.resolve(__dirname, '../..');
const eslint = new ESLint({ cwd: ROOT });

async function prompts(file: string, code: string): Promise<number> {
  const [result] = await eslint.lintText(code, { filePath: path.resolve(ROOT, file) });
  return result.messages.filter((m) => /in-app dialogs/.test(m.message)).length;
}

describe('no browser prompts', () => {
  const calls = [
    "window.prompt('Name?');",
    "window.confirm('Sure?');",
    "window.alert('Done');",
    "confirm('Sure?');",
    "alert('x');",
    "prompt('x');",
    "globalThis.confirm('x');",
  ];
  for (const file of [
    'renderer/src/features/x/y.tsx',
    'renderer/src/app/z.ts',
    'electron/web/host-shim.js',
    'electron/web/w.ts',
  ])
    for (const code of calls)
      it(`${file}: ${code}`, async () => {
        expect(await prompts(file, code)).toBe(1);
      });

  it('the in-app question is fine', async () => {
    expect(
      await prompts('renderer/src/features/x/y.ts', "ask(store, { title: 'Sure?', buttons: [], cancel: 0 });"),
    ).toBe(0);
  });

  it('no file of the renderer or the browser host uses one today', async () => {
    const results = await eslint.lintFiles(['renderer/src', 'electron/web']);
    const found = results.flatMap((r) =>
      r.messages
        .filter((m) => /in-app dialogs/.test(m.message))
        .map((m) => `${path.relative(ROOT, r.filePath)}:${m.line}`),
    );
    expect(found).toEqual([]);
  });
});
