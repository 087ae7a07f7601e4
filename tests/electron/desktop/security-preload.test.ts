import { describe, it, expect, vi, beforeAll } from 'vitest';

/**
 * The preload (electron/desktop/preload/index.ts) against a recording contextBridge/ipcRenderer: what the page gets, how
 * results and failures come back, and that only trusted drops of OS files reach main.
 */
const fake = vi.hoisted(() => {
  const exposed: Record<string, unknown> = {};
  const invoked: [string, unknown][] = [];
  const sent: [string, unknown][] = [];
  const ipcListeners = new Map<string, (e: unknown, p: unknown) => void>();
  const winListeners = new Map<string, (e: unknown) => void>();
  let answer: unknown = { ok: true, value: { fine: 1 } };
  const electron = {
    contextBridge: {
      exposeInMainWorld: (k: string, v: unknown) => {
        exposed[k] = v;
      },
    },
    ipcRenderer: {
      invoke: async (ch: string, input: unknown) => {
        invoked.push([ch, input]);
        return answer;
      },
      send: (ch: string, p: unknown) => {
        sent.push([ch, p]);
      },
      on: (ch: string, l: (e: unknown, p: unknown) => void) => {
        ipcListeners.set(ch, l);
      },
      off: (ch: string) => {
        ipcListeners.delete(ch);
      },
    },
    webUtils: { getPathForFile: (f: { path: string }) => f.path },
  };
  (globalThis as unknown as { window: unknown }).window = {
    addEventListener: (name: string, l: (e: unknown) => void) => {
      winListeners.set(name, l);
    },
  };
  return {
    exposed,
    invoked,
    sent,
    ipcListeners,
    winListeners,
    electron,
    setAnswer: (a: unknown) => {
      answer = a;
    },
  };
});
vi.mock('electron', () => ({ ...fake.electron, default: fake.electron }));

type Host = {
  invoke: (c: string, i?: unknown) => Promise<unknown>;
  on: (e: string, cb: (p: unknown) => void) => () => void;
};
let host: Host;
beforeAll(async () => {
  await import('../../../electron/desktop/preload/index');
  host = fake.exposed.host as Host;
});

describe('preload', () => {
  it('exposes exactly window.host {invoke, on}', () => {
    expect(Object.keys(fake.exposed)).toEqual(['host']);
    expect(Object.keys(host).sort()).toEqual(['invoke', 'on']);
  });

  it('invoke passes allow-listed channels and unwraps {ok, value}; failures become one Error message', async () => {
    expect(await host.invoke('app.info', {})).toEqual({ fine: 1 });
    expect(fake.invoked).toEqual([['app.info', {}]]);
    fake.setAnswer({ ok: false, error: 'unknown file token: choose the file again', code: 'refused' });
    const err = (await host.invoke('issue.open', { token: 'x' }).catch((e) => e)) as Error & { code?: string };
    expect(err.message).toBe('unknown file token: choose the file again');
    expect(err.code).toBe('refused');
    await expect(host.invoke('fs.readFile', {})).rejects.toThrow('blocked channel fs.readFile');
    expect(fake.invoked.map(([c]) => c)).not.toContain('fs.readFile');
  });

  it('on subscribes to allow-listed events only and hands the payload alone, not the IPC event', () => {
    const got: unknown[] = [];
    const off = host.on('command.run', (p) => got.push(p));
    fake.ipcListeners.get('command.run')!({ sender: 'secret ipc event' }, { id: 'file.save' });
    expect(got).toEqual([{ id: 'file.save' }]);
    off();
    expect(fake.ipcListeners.has('command.run')).toBe(false);
    expect(() => host.on('some.internal', () => undefined)).toThrow('blocked event some.internal');
  });

  it('only a trusted drop of OS files sends paths to main; app-internal drags are left alone', () => {
    const drop = fake.winListeners.get('drop')!;
    const files = [{ path: '/home/u/p1.txt' }, { path: '/home/u/issue.galley.json' }];
    const event = (isTrusted: boolean, types: string[], list: unknown[]) => {
      let prevented = false;
      return {
        e: {
          isTrusted,
          dataTransfer: { types, files: Object.assign(list, { length: list.length }) },
          preventDefault: () => {
            prevented = true;
          },
        },
        prevented: () => prevented,
      };
    };
    const forged = event(false, ['Files'], files);
    drop(forged.e);
    expect(fake.sent).toEqual([]);
    const internal = event(true, ['application/x-galley-fragment'], []);
    drop(internal.e);
    expect(internal.prevented()).toBe(false);
    expect(fake.sent).toEqual([]);
    const real = event(true, ['Files'], files);
    drop(real.e);
    expect(real.prevented()).toBe(true);
    expect(fake.sent).toEqual([['galley:files-dropped', ['/home/u/p1.txt', '/home/u/issue.galley.json']]]);
  });
});
