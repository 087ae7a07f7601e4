import { createStore, type StoreApi } from 'zustand/vanilla';
import type { TFunction } from 'i18next';
import type { AppStore } from '../../store/create-store';

/** A text of a dialog: fixed, or made in the language shown (a language switch while the dialog is open follows). */
export type Text = string | ((t: TFunction) => string);

export function textOf(t: TFunction, x: Text): string {
  return typeof x === 'function' ? x(t) : x;
}

/** One button of an in-app question. `tone` marks the default action (`primary`) or one that loses work (`danger`). */
export interface QuestionButton {
  label: Text;
  tone?: 'primary' | 'danger';
  testId?: string;
}

/**
 * A question the app asks in its own dialog (QuestionDialog.tsx), the same under Electron and the browser host:
 * unsaved changes, replacing files, an incomplete export. `cancel` is the answer of Esc and of closing the dialog.
 */
export interface Question {
  title: Text;
  detail?: Text;
  /** Shown as a list under the detail (files that would be replaced, problems found). */
  items?: string[];
  buttons: QuestionButton[];
  cancel: number;
  /** The button focused first (default 0). */
  focus?: number;
  testId?: string;
}

interface Pending extends Question {
  resolve(button: number): void;
}

interface QuestionState {
  /** Questions in the order asked; the first is shown. */
  queue: Pending[];
}

const stores = new WeakMap<AppStore, StoreApi<QuestionState>>();

export function questionStore(store: AppStore): StoreApi<QuestionState> {
  let q = stores.get(store);
  if (!q) {
    q = createStore<QuestionState>()(() => ({ queue: [] }));
    stores.set(store, q);
  }
  return q;
}

/** Asks a question in the app's dialog; resolves the index of the button chosen (`cancel` for Esc). */
export function ask(store: AppStore, question: Question): Promise<number> {
  return new Promise((resolve) => {
    const q = questionStore(store);
    q.setState({ queue: [...q.getState().queue, { ...question, resolve }] });
  });
}

/** Answers the question on show and shows the next one. */
export function answer(store: AppStore, button: number): void {
  const q = questionStore(store);
  const [first, ...rest] = q.getState().queue;
  if (!first) return;
  q.setState({ queue: rest });
  first.resolve(button);
}
