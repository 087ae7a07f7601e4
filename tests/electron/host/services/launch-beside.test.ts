import { describe, it, expect } from 'vitest';
import { mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { dispatch, type Handlers } from '../../../../shared/ipc/contract';
import { createHandlers } from '../../../../electron/host/services/handlers';
import { PathTokens } from '../../../../electron/host/security/path-tokens';

/** Started on a page file whose issue was saved beside it (`<page name>.galley.json`): the issue is offered. */
function make(dir: string, initialFiles: string[]): Handlers {
  return createHandlers({
    dialogs: {
      openIssue: async () => null,
      importPages: async () => null,
      saveIssueAs: async () => null,
      exportTo: async () => null,
      confirm: async () => 0,
    },
    tokens: new PathTokens(),
    userDataDir: path.join(dir, 'user'),
    appInfo: { version: '1', host: 'test', locale: 'en', userName: '', platform: 'test' },
    initialFiles,
  });
}

describe('app.initial: an issue saved beside the page', () => {
  it('is named with the pages, and only when it exists', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'galley-beside-'));
    const page = path.join(dir, 'zhejiang-p2.txt');
    await writeFile(page, '正文。');
    const none = (await dispatch(make(dir, [page]), 'app.initial', {})) as { open: { issueBeside?: unknown } };
    expect(none.open.issueBeside).toBeUndefined();
    await writeFile(path.join(dir, 'zhejiang-p2.galley.json'), '{}');
    const r = (await dispatch(make(dir, [page]), 'app.initial', {})) as {
      open: { kind: string; files: { name: string }[]; issueBeside?: { name: string } };
    };
    expect(r.open.kind).toBe('pages');
    expect(r.open.files.map((f) => f.name)).toEqual(['zhejiang-p2.txt']);
    expect(r.open.issueBeside?.name).toBe('zhejiang-p2.galley.json');
  });
});
