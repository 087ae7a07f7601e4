import { describe, expect, it } from 'vitest';
import { ESLint } from 'eslint';
import path from 'node:path';

/**
 * The layering rules of eslint.config.js, checked on snippets placed (virtually) in each folder: a wrong-way
 * import must be reported, the right-way one must not. Fails when a rule is dropped or its glob stops matching.
 */
const eslint = new ESLint({ cwd: path.resolve(__dirname, '../..') });

async function restricted(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.resolve(__dirname, '../..', file) });
  return result.messages.filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

const cases: Array<[file: string, spec: string, allowed: boolean]> = [
  ['shared/model/x.ts', 'node:fs', false],
  ['shared/model/x.ts', 'electron', false],
  ['shared/model/x.ts', 'react', false],
  ['shared/model/x.ts', '../../renderer/src/store/types', false],
  ['shared/model/x.ts', '../ops/apply', true],
  ['shared/model/x.ts', '../audit/audit', false],
  ['shared/issue-file/x.ts', '../audit/audit', true],
  ['shared/export/x.ts', '../import/alto', false],
  ['shared/export/x.ts', 'node:fs', false],
  ['shared/export/x.ts', '../layout/alto-types', true],
  ['shared/import/x.ts', '../export/page-xml', true],
  ['renderer/src/store/x.ts', 'node:path', false],
  ['renderer/src/store/x.ts', '../../../electron/host/services/handlers', false],
  ['renderer/src/store/x.ts', '../features/overview/page-stats', false],
  ['renderer/src/store/x.ts', '../app/commands', false],
  ['renderer/src/store/x.ts', 'node:path', false],
  ['renderer/src/commands/x.ts', '../features/board/editorial', false],
  ['renderer/src/commands/x.ts', '../app/commands', false],
  ['renderer/src/commands/x.ts', '../store/selectors', true],
  ['renderer/src/features/board/x.ts', '../../commands/registry', true],
  ['renderer/src/app/x.ts', '../features/board/editorial', true],
  ['electron/host/services/x.ts', 'electron', false],
  ['electron/host/services/x.ts', '../../desktop/main/security', false],
  ['electron/host/services/x.ts', '../../web/server', false],
  ['electron/host/services/x.ts', '../../cli/cli-error', false],
  ['electron/host/services/x.ts', '../../../shared/model/types', true],
  ['electron/web/x.ts', 'electron', false],
  ['electron/web/x.ts', '../desktop/main/security', false],
  ['electron/web/x.ts', '../cli/cli-error', false],
  ['electron/web/x.ts', '../host/services/handlers', true],
  ['electron/cli/x.ts', '../web/server', false],
  ['electron/cli/x.ts', '../desktop/main/menu', false],
  ['electron/cli/x.ts', '../host/services/issue-files', true],
  ['electron/desktop/main/x.ts', '../../web/server', false],
  ['electron/desktop/main/x.ts', '../../host/services/handlers', true],
  ['electron/desktop/preload/x.ts', 'zod', false],
  ['electron/desktop/preload/x.ts', '../../../shared/ipc/contract', false],
  ['electron/desktop/preload/x.ts', '../../host/services/handlers', false],
  ['electron/desktop/preload/x.ts', '../../../shared/ipc/channels', true],
];

describe('layering rules (eslint.config.js)', () => {
  it.each(cases)('%s importing %s: allowed=%s', async (file, spec, allowed) => {
    const messages = await restricted(file, `import '${spec}';\n`);
    expect(messages.length === 0).toBe(allowed);
  });
});
