// Monaco bundled offline (no CDN loader). Import this module before anything else touches monaco.
import 'monaco-editor/nls/lang/zh-cn.js';
import * as monaco from 'monaco-editor/editor';
import 'monaco-editor/features/register.all';
import EditorWorker from 'monaco-editor/editor/editor.worker?worker';
import { loader } from '@monaco-editor/react';

self.MonacoEnvironment = { getWorker: () => new EditorWorker() };
// Stops @monaco-editor/loader from fetching its jsDelivr default.
loader.config({ monaco });

export { monaco };
