import 'i18next';
import type en from './en.json';

/** Typed keys: a missing or misspelled key is a type error. */
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: typeof en };
  }
}
