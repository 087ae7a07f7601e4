/**
 * Channel names of the host contract, and nothing else: the sandboxed preload imports this file only, so it
 * must stay free of zod and of the model (the preload bundle stays at 0.38 kB).
 */
export const CHANNELS = [
  'app.info',
  'app.initial',
  'dialog.openIssue',
  'dialog.importPages',
  'dialog.saveIssueAs',
  'dialog.exportTo',
  'dialog.confirm',
  'files.list',
  'files.choose',
  'issue.open',
  'issue.importPages',
  'issue.save',
  'session.heartbeat',
  'export.run',
  'page.image',
  'recent.list',
  'recovery.write',
  'recovery.list',
  'recovery.read',
  'recovery.discard',
  'window.setTitle',
  'window.setDirty',
  'window.closeAnswer',
  'app.quit',
] as const;
export type ChannelName = (typeof CHANNELS)[number];

/** Main → renderer events. */
export const EVENTS = ['command.run', 'file.openRequested', 'window.closeRequested'] as const;
export type EventName = (typeof EVENTS)[number];
