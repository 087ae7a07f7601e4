import i18next, { type i18n as I18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import en from './en.json';
import zhCN from './zh-CN.json';
import type { Language } from '../store/types';

/** Resources are bundled (no HTTP backend): the renderer never fetches anything but its own files. */
export const resources = { en: { translation: en }, 'zh-CN': { translation: zhCN } } as const;
export const LANGUAGES: readonly Language[] = ['zh-CN', 'en'];

/** zh-* → Chinese, everything else → English. */
export function pickLanguage(navLanguage: string | undefined): Language {
  return navLanguage && /^zh\b/i.test(navLanguage) ? 'zh-CN' : 'en';
}

const KEY = 'galley.language';

/** The language chosen in the UI last time, else the system's. */
export function initialLanguage(): Language {
  try {
    const saved = localStorage.getItem(KEY);
    if (saved === 'en' || saved === 'zh-CN') return saved;
  } catch {
    /* storage disabled: fall back to the system language */
  }
  return pickLanguage(navigator.language);
}

export function rememberLanguage(l: Language): void {
  try {
    localStorage.setItem(KEY, l);
  } catch {
    /* not remembered; harmless */
  }
}

/** A fresh, initialized i18next instance (one per app, one per test). */
export function createI18n(lng: Language): I18n {
  const inst = i18next.createInstance();
  void inst.use(initReactI18next).init({
    resources,
    lng,
    fallbackLng: 'en',
    interpolation: { escapeValue: false },
    initAsync: false,
    returnNull: false,
  });
  return inst;
}
