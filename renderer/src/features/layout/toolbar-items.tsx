import type { ComponentType } from 'react';
import type { CommandId } from '@shared/commands/ids';
import { RecentMenu } from '../recovery/RecentFiles';
import { SuggestMenu } from '../suggest/SuggestMenu';
import { CleanupMenu } from '../cleanup/CleanupMenu';
import { ExportMenu } from './ExportMenu';

/**
 * The toolbar, as data: each entry is a registry command shown as an icon (the command's label, from the palette,
 * is its tooltip and accessible name), or a component for a drop-down menu. A feature adds its button by adding an
 * entry here; groups are separated by a thin rule, in the order of TOOLBAR_GROUPS.
 */
export const TOOLBAR_GROUPS = ['file', 'history', 'structure', 'suggest', 'tools', 'view'] as const;
export type ToolbarGroup = (typeof TOOLBAR_GROUPS)[number];

export interface ToolbarCommand {
  kind: 'command';
  group: ToolbarGroup;
  command: CommandId;
  /** A codicon name (node_modules/@vscode/codicons/dist/codicon.css, without the `codicon-` prefix). */
  icon: string;
  testId: string;
}

export interface ToolbarComponent {
  kind: 'component';
  group: ToolbarGroup;
  key: string;
  Component: ComponentType;
}

export type ToolbarItem = ToolbarCommand | ToolbarComponent;

export const TOOLBAR_ITEMS: ToolbarItem[] = [
  { kind: 'command', group: 'file', command: 'file.new', icon: 'new-file', testId: 'btn-new' },
  { kind: 'command', group: 'file', command: 'file.open', icon: 'folder-opened', testId: 'btn-open' },
  { kind: 'command', group: 'file', command: 'file.save', icon: 'save', testId: 'btn-save' },
  { kind: 'command', group: 'file', command: 'file.import', icon: 'file-add', testId: 'btn-import' },
  { kind: 'component', group: 'file', key: 'recent', Component: RecentMenu },
  { kind: 'component', group: 'file', key: 'export', Component: ExportMenu },
  { kind: 'command', group: 'history', command: 'edit.undo', icon: 'discard', testId: 'btn-undo' },
  { kind: 'command', group: 'history', command: 'edit.redo', icon: 'redo', testId: 'btn-redo' },
  {
    kind: 'command',
    group: 'structure',
    command: 'article.newFromSelection',
    icon: 'diff-added',
    testId: 'btn-new-article',
  },
  { kind: 'command', group: 'structure', command: 'fragment.join', icon: 'combine', testId: 'btn-join' },
  { kind: 'command', group: 'structure', command: 'fragment.split', icon: 'split-horizontal', testId: 'btn-split' },
  { kind: 'component', group: 'suggest', key: 'suggest', Component: SuggestMenu },
  { kind: 'component', group: 'tools', key: 'cleanup', Component: CleanupMenu },
  { kind: 'command', group: 'tools', command: 'find.open', icon: 'replace', testId: 'btn-find' },
  { kind: 'command', group: 'view', command: 'view.overview', icon: 'dashboard', testId: 'btn-overview' },
  { kind: 'command', group: 'view', command: 'view.palette', icon: 'list-selection', testId: 'btn-palette' },
  { kind: 'command', group: 'view', command: 'view.help', icon: 'keyboard', testId: 'btn-help' },
];
