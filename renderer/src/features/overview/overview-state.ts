import { createStore } from 'zustand/vanilla';

/** Whether the issue overview is shown: view state of this window only, never part of the document. */
export const overviewState = createStore<{ open: boolean }>()(() => ({ open: false }));
