import { createContext, useContext, type ReactNode } from 'react';
import { useStore } from 'zustand';
import type { CommandContext } from './commands/types';
import type { FullState } from './store/create-store';

const Ctx = createContext<CommandContext | null>(null);

export function AppProvider({ value, children }: { value: CommandContext; children: ReactNode }) {
  return <Ctx.Provider value={value}>{children}</Ctx.Provider>;
}

/** The command context (store, host, i18n, editor bridge) of this window. */
export function useAppContext(): CommandContext {
  const c = useContext(Ctx);
  if (!c) throw new Error('AppProvider missing');
  return c;
}

/** Subscribes to a slice of the store; the component re-renders only when the selected value changes. */
export function useApp<T>(selector: (s: FullState) => T): T {
  return useStore(useAppContext().store, selector);
}
