import '@testing-library/jest-dom/vitest';

// pragmatic-drag-and-drop's auto-scroll warns that jsdom elements are not scrollable (jsdom has no layout) and
// dumps the whole React fiber to stderr. Real scrolling is covered by the Playwright specs; drop only that warning.
const warn = console.warn.bind(console);
console.warn = (...args: unknown[]) => {
  if (typeof args[0] === 'string' && args[0].startsWith('Auto scrolling has been attached')) return;
  warn(...args);
};

// jsdom has no ResizeObserver; the workbench's resizable panes (react-resizable-panels) construct one on mount.
// Without layout nothing ever resizes, so an observer that never calls back is faithful to jsdom.
if (typeof globalThis.ResizeObserver === 'undefined') {
  globalThis.ResizeObserver = class {
    observe(): void {}
    unobserve(): void {}
    disconnect(): void {}
  } as unknown as typeof ResizeObserver;
}
