import { createRegistry } from '../commands/registry';
import { editorialCommands } from '../features/board/editorial';
import { fileCommands } from '../features/persistence/file-commands';
import { navigationCommands } from '../features/selection/navigation';
import { viewCommands } from '../features/layout/view-commands';
import { overviewCommands } from '../features/overview/commands';
import { suggestCommands } from '../features/suggest/suggest-commands';
import { doubtCommands } from '../features/suggest/doubt-queue';
import { editorCommands } from '../features/export/editor-commands';
import { scanCommands } from '../features/scan-view/commands';
import { openEndCommands } from '../features/open-ends/open-end-commands';

/** Every command of the app, in palette order: each feature owns its commands, the app assembles them. */
export const appCommands = createRegistry([
  ...fileCommands,
  ...navigationCommands,
  ...editorialCommands,
  ...openEndCommands,
  ...overviewCommands,
  ...suggestCommands,
  ...doubtCommands,
  ...viewCommands,
  ...scanCommands,
  ...editorCommands,
]);
