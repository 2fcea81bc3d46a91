import type { Locale } from '@partnerline/domain';
import i18next, { type i18n as I18n, type Resource } from 'i18next';
import { initReactI18next, useTranslation } from 'react-i18next';
import { uiCatalogue } from './ui.catalogue';

export const LANGUAGE_KEY = 'partnerline.lang';
export const LANGUAGES: { value: Locale; label: string }[] = [
  { value: 'zh-CN', label: '简体中文' },
  { value: 'en', label: 'English' },
];

/** The saved choice, else the browser's languages (any Chinese → zh-CN), else English. */
export function detectLanguage(): Locale {
  try {
    const saved = localStorage.getItem(LANGUAGE_KEY);
    if (saved === 'zh-CN' || saved === 'en') return saved;
  } catch {
    // storage unavailable (private mode): fall through
  }
  const langs = typeof navigator !== 'undefined' ? (navigator.languages?.length ? navigator.languages : [navigator.language]) : [];
  for (const l of langs) {
    const tag = (l ?? '').toLowerCase();
    if (tag.startsWith('zh')) return 'zh-CN';
    if (tag.startsWith('en')) return 'en';
  }
  return 'en';
}

let instance: I18n | null = null;

export function currentLanguage(): Locale {
  const lang = instance?.language;
  return lang === 'zh-CN' || lang === 'en' ? lang : detectLanguage();
}

/** A key of the app's i18next instance, outside React (the key itself before the instance exists). */
export function translate(key: string, params: Record<string, unknown> = {}): string {
  return instance ? String(instance.t(key, params)) : key;
}

/** The UI language as a domain Locale, re-rendering when it changes. */
export function useLocale(): Locale {
  const { i18n } = useTranslation();
  return i18n.language === 'zh-CN' ? 'zh-CN' : 'en';
}

export type Catalogue = Record<string, unknown>;

/** One i18next instance per app: namespace `app` (the app's own catalogue) and `ui` (shared pieces). */
export function initI18n(app: Record<Locale, Catalogue>, lng: Locale = detectLanguage()): I18n {
  const resources: Resource = {
    en: { app: app.en, ui: uiCatalogue.en },
    'zh-CN': { app: app['zh-CN'], ui: uiCatalogue['zh-CN'] },
  };
  const i = i18next.createInstance();
  void i.use(initReactI18next).init({
    resources,
    lng,
    fallbackLng: 'en',
    ns: ['app', 'ui'],
    defaultNS: 'app',
    interpolation: { escapeValue: false },
    returnNull: false,
    initAsync: false,
    showSupportNotice: false,
  });
  i.on('languageChanged', (l) => {
    try {
      localStorage.setItem(LANGUAGE_KEY, l);
    } catch {
      // ignore
    }
    if (typeof document !== 'undefined') document.documentElement.lang = l;
  });
  if (typeof document !== 'undefined') document.documentElement.lang = lng;
  instance = i;
  return i;
}

/** All keys of a nested catalogue, dotted: used by tests to prove both languages say everything. */
export function catalogueKeys(c: Catalogue, prefix = ''): string[] {
  return Object.entries(c).flatMap(([k, v]) => (v && typeof v === 'object' ? catalogueKeys(v as Catalogue, `${prefix}${k}.`) : [`${prefix}${k}`]));
}
