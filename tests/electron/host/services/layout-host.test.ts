import { describe, expect, it, beforeAll, afterAll } from 'vitest';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { createHandlers, type Dialogs } from '../../../../electron/host/services/handlers';
import { PathTokens } from '../../../../electron/host/security/path-tokens';
import { dispatch } from '../../../../shared/ipc/contract';
import type { Issue } from '../../../../shared/model/types';
import { FIXTURES } from '../../../support/paths';

const BNL = path.join(FIXTURES, 'real/bnl-luxzeit-1858-12-07/2385348_newspaper_luxzeit1858_1858-12-07_01-mets.xml');

let userData: string;
beforeAll(async () => {
  userData = await mkdtemp(path.join(os.tmpdir(), 'galley-layout-host-'));
});
afterAll(async () => {
  await rm(userData, { recursive: true, force: true });
});

describe('host: importing a METS through the typed contract', () => {
  it('returns the METS articles and the missing-file warnings to the renderer', async () => {
    const dialogs: Dialogs = {
      openIssue: async () => null,
      importPages: async () => [BNL],
      saveIssueAs: async () => null,
      exportTo: async () => null,
      confirm: async () => 0,
    };
    const h = createHandlers({
      dialogs,
      tokens: new PathTokens(),
      userDataDir: userData,
      appInfo: { version: '0', host: 'test', locale: 'en', userName: 'u', platform: 'linux' },
      window: {
        setTitle: () => undefined,
        setDirty: () => undefined,
        quit: () => undefined,
        addRecentDocument: () => undefined,
      },
    });
    const refs = (await dispatch(h, 'dialog.importPages', {})) as { token: string }[];
    const r = (await dispatch(h, 'issue.importPages', { tokens: refs.map((x) => x.token) })) as {
      issue: Issue;
      warnings: string[];
    };
    expect(r.issue.pages).toHaveLength(3);
    expect(r.issue.articles.length).toBeGreaterThan(10);
    expect(r.warnings.filter((w) => w.includes('text/1858-12-07_01-00004.xml'))).toHaveLength(1);
  });
});
