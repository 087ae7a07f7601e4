import { describe, it, expect } from 'vitest';
import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Dialogs } from '../../../../electron/host/services/handlers';
import {
  createHostSession,
  safeUserName,
  type ShellHooks,
} from '../../../../electron/host/session/create-host-session';

/**
 * The host session both shells build (the Electron window and the browser host's page): the close flow over the
 * shell's hooks, the save guard around the handlers, and the app info, from one place.
 */
function fakeDialogs(saveAs: string | null, button: number) {
  const asked: { message: string; buttons: string[] }[] = [];
  const dialogs: Dialogs = {
    openIssue: async () => null,
    importPages: async () => null,
    saveIssueAs: async () => saveAs,
    exportTo: async () => null,
    confirm: async (o) => {
      asked.push(o);
      return button;
    },
  };
  return { dialogs, asked };
}

function shell() {
  const log: string[] = [];
  const hooks: ShellHooks = {
    setTitle: (t) => log.push(`title ${t}`),
    setDirty: (d) => log.push(`dirty ${d}`),
    quit: () => log.push('quit'),
    runSave: () => log.push('runSave'),
    close: () => log.push('close'),
  };
  return { hooks, log };
}

const tick = () => new Promise((r) => setTimeout(r, 0));

describe('createHostSession', () => {
  it('dirty close → Save → a cancelled Save As calls the close off: clean later does not close the window', async () => {
    const { dialogs } = fakeDialogs(null, 0);
    const { hooks, log } = shell();
    const userDataDir = await mkdtemp(path.join(os.tmpdir(), 'galley-session-'));
    const s = createHostSession({
      dialogs,
      userDataDir,
      appInfo: { version: '1', host: 'test', locale: 'en' },
      shell: hooks,
    });
    await s.handlers['window.setDirty']({ dirty: true });
    expect(s.closeFlow.onCloseRequested()).toBe(false);
    await tick();
    expect(log).toContain('runSave');
    expect(await s.handlers['dialog.saveIssueAs']({ suggestedName: 'x.galley.json' })).toBeNull();
    await s.handlers['window.setDirty']({ dirty: false });
    expect(log).not.toContain('close');
  });

  it('dirty close → Save → the renderer reports clean → the window closes', async () => {
    const { dialogs } = fakeDialogs(null, 0);
    const { hooks, log } = shell();
    const userDataDir = await mkdtemp(path.join(os.tmpdir(), 'galley-session-'));
    const s = createHostSession({
      dialogs,
      userDataDir,
      appInfo: { version: '1', host: 'test', locale: 'en' },
      shell: hooks,
    });
    await s.handlers['window.setDirty']({ dirty: true });
    s.closeFlow.onCloseRequested();
    await tick();
    await s.handlers['window.setDirty']({ dirty: false });
    expect(log.filter((l) => l === 'close')).toHaveLength(1);
  });

  it('asks the close question in the UI language and reports the same app info in every shell', async () => {
    const { dialogs, asked } = fakeDialogs(null, 2);
    const { hooks } = shell();
    const userDataDir = await mkdtemp(path.join(os.tmpdir(), 'galley-session-'));
    const s = createHostSession({
      dialogs,
      userDataDir,
      appInfo: { version: '9', host: 'web', locale: 'zh-CN' },
      shell: hooks,
    });
    await s.handlers['window.setDirty']({ dirty: true });
    s.closeFlow.onCloseRequested();
    await tick();
    expect(asked[0].buttons).toEqual(['保存', '不保存', '取消']);
    expect(await s.handlers['app.info']({})).toEqual({
      version: '9',
      host: 'web',
      locale: 'zh-CN',
      userName: safeUserName(),
      platform: process.platform,
    });
  });

  it('a shell that can reach the renderer lets it ask (window.closeRequested) and acts on its answer', async () => {
    const { dialogs, asked } = fakeDialogs(null, 0);
    const { hooks, log } = shell();
    const events: string[] = [];
    const userDataDir = await mkdtemp(path.join(os.tmpdir(), 'galley-session-'));
    const s = createHostSession({
      dialogs,
      userDataDir,
      appInfo: { version: '1', host: 'electron', locale: 'en' },
      shell: { ...hooks, emit: (e) => events.push(e) },
    });
    await s.handlers['window.setDirty']({ dirty: true });
    expect(s.closeFlow.onCloseRequested()).toBe(false);
    await tick();
    expect(events).toEqual(['window.closeRequested']);
    expect(asked).toEqual([]); // no native dialog
    expect(log).not.toContain('close');
    await s.handlers['window.closeAnswer']({ answer: 'cancel' });
    await tick();
    expect(log).not.toContain('close');
    expect(log).not.toContain('runSave');

    s.closeFlow.onCloseRequested();
    await tick();
    await s.handlers['window.closeAnswer']({ answer: 'discard' });
    await tick();
    expect(log.filter((l) => l === 'close')).toHaveLength(1);
    expect(s.closeFlow.onCloseRequested()).toBe(false); // the recovery clean-up runs, then the window closes
  });

  it('"save" from the renderer runs the save and closes once clean', async () => {
    const { dialogs } = fakeDialogs(null, 0);
    const { hooks, log } = shell();
    const userDataDir = await mkdtemp(path.join(os.tmpdir(), 'galley-session-'));
    const s = createHostSession({
      dialogs,
      userDataDir,
      appInfo: { version: '1', host: 'web', locale: 'en' },
      shell: { ...hooks, emit: () => undefined },
    });
    await s.handlers['window.setDirty']({ dirty: true });
    s.closeFlow.onCloseRequested();
    await tick();
    await s.handlers['window.closeAnswer']({ answer: 'save' });
    await tick();
    expect(log).toContain('runSave');
    await s.handlers['window.setDirty']({ dirty: false });
    expect(log.filter((l) => l === 'close')).toHaveLength(1);
  });
});
