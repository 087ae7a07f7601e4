import { dispatch, type Handlers, type HostApi } from '../../shared/ipc/contract';
import type { EventName } from '../../shared/ipc/channels';
import { pageFromPlainText } from '../../shared/import/plain-text';
import { createIssue } from '../../shared/model/create';
import { parseIssue, serializeIssue } from '../../shared/issue-file/parse-issue';

/**
 * An in-process host for renderer tests: every call goes through the contract's `dispatch` (so inputs and
 * outputs are validated exactly as over IPC or HTTP), and the handlers work on an in-memory file table.
 * Dialog answers are queued by the test, like the browser host's test queue.
 */
export interface FakeHost extends HostApi {
  /** name → contents of the in-memory files (issues as JSON text, pages as plain text). */
  files: Map<string, string>;
  /** Queue the next answer of a dialog: a file name (or names), null to cancel, a button index for confirm. */
  answer(
    channel: 'dialog.openIssue' | 'dialog.importPages' | 'dialog.saveIssueAs' | 'dialog.exportTo' | 'dialog.confirm',
    value: string | string[] | number | null,
  ): void;
  /** Emit a main → renderer event (a native menu command, a file opened from the OS). */
  emit(event: EventName, payload: unknown): void;
  /** Every call made, in order. */
  calls: { channel: string; input: unknown }[];
}

export function createFakeHost(overrides: Partial<Handlers> = {}): FakeHost {
  const files = new Map<string, string>();
  const queues = new Map<string, unknown[]>();
  const listeners = new Map<string, Set<(p: unknown) => void>>();
  const calls: FakeHost['calls'] = [];
  const tokenOf = (name: string) => `tok-${name}`.padEnd(8, '_');
  const nameOf = (token: string) => token.replace(/^tok-/, '').replace(/_+$/, '');
  const take = (channel: string): unknown => {
    const q = queues.get(channel);
    if (!q?.length) throw new Error(`no answer queued for ${channel}`);
    return q.shift();
  };
  const ref = (name: string) => ({ token: tokenOf(name), name });

  const handlers: Handlers = {
    'app.info': async () => ({ version: 'test', host: 'test', locale: 'zh-CN', userName: 'tester', platform: 'test' }),
    'app.initial': async () => ({}),
    'dialog.openIssue': async () => {
      const a = take('dialog.openIssue') as string | null;
      return a === null ? null : ref(a);
    },
    'dialog.importPages': async () => {
      const a = take('dialog.importPages') as string | string[] | null;
      return a === null ? null : (Array.isArray(a) ? a : [a]).map(ref);
    },
    'dialog.saveIssueAs': async () => {
      const a = take('dialog.saveIssueAs') as string | null;
      return a === null ? null : ref(a);
    },
    'dialog.exportTo': async () => {
      const a = take('dialog.exportTo') as string | null;
      return a === null ? null : ref(a);
    },
    'dialog.confirm': async () => ({ button: take('dialog.confirm') as number }),
    'issue.open': async ({ token }) => {
      const text = files.get(nameOf(token));
      if (text === undefined) throw new Error(`no such file ${nameOf(token)}`);
      return { issue: parseIssue(text), file: ref(nameOf(token)) };
    },
    'issue.importPages': async ({ tokens, title }) => {
      const pages = tokens.map((t, i) => {
        const text = files.get(nameOf(t));
        if (text === undefined) throw new Error(`no such file ${nameOf(t)}`);
        return pageFromPlainText(text, {
          pageId: `p${i + 1}`,
          label: String(i + 1),
          encoding: 'utf-8',
          sourceName: nameOf(t),
        });
      });
      return {
        issue: createIssue(pages, { id: 'issue-test', title: title ?? nameOf(tokens[0]).replace(/\.[^.]+$/, '') }),
        warnings: [],
      };
    },
    'issue.save': async ({ token, issue }) => {
      files.set(nameOf(token), serializeIssue(issue));
      return { savedAt: '2026-11-27T10:00:00.000Z', durable: true };
    },
    'export.run': async () => ({ ok: true, files: ['out.md'], articles: 1 }),
    'page.image': async () => {
      throw new Error('the fake host has no scan files');
    },
    'recent.list': async () => [],
    'recovery.write': async () => ({ savedAt: new Date().toISOString() }),
    'recovery.list': async () => [],
    'recovery.read': async () => {
      throw new Error('no recovery');
    },
    'recovery.discard': async () => ({}),
    'window.setTitle': async () => ({}),
    'window.setDirty': async () => ({}),
    'files.list': async () => {
      throw new Error('the fake host uses queued dialog answers');
    },
    'files.choose': async () => ({}),
    'window.closeAnswer': async () => ({}),
    'session.heartbeat': async () => ({ readOnly: false }),
    'app.quit': async () => ({}),
    ...overrides,
  };

  return {
    files,
    calls,
    answer(channel, value) {
      const q = queues.get(channel) ?? [];
      q.push(value);
      queues.set(channel, q);
    },
    emit(event, payload) {
      for (const cb of listeners.get(event) ?? []) cb(payload);
    },
    invoke: (async (channel: string, input: unknown) => {
      calls.push({ channel, input });
      return dispatch(handlers, channel, input);
    }) as HostApi['invoke'],
    on: ((event: string, cb: (p: unknown) => void) => {
      const set = listeners.get(event) ?? new Set();
      set.add(cb);
      listeners.set(event, set);
      return () => {
        set.delete(cb);
      };
    }) as HostApi['on'],
  };
}
