// The one module that talks to i18next. Screens use `useT()` and the formatters below, so dates
// and numbers follow the chosen language (French: "25 nov. 2026", "12,50 g").
import i18next from 'i18next';
import { initReactI18next, useTranslation } from 'react-i18next';
import type { Messages } from './en';

export const LANGUAGES = ['en', 'fr'] as const;
export type Language = (typeof LANGUAGES)[number];

const STORAGE_KEY = 'loupe.language';

/** The language chosen on this device, else the browser's if we have it, else English. */
export function initialLanguage(): Language {
  const stored = globalThis.localStorage?.getItem(STORAGE_KEY);
  if (stored === 'en' || stored === 'fr') return stored;
  const browser = globalThis.navigator?.language?.slice(0, 2);
  return browser === 'fr' ? 'fr' : 'en';
}

// Only the chosen language's catalogue is loaded, and only the part the screen needs: the core
// (the bench home, scanning, sync, settings, the lock) before the first paint; a job's words, the
// front office's and the KPIs' with the screens that use them (src/routes.tsx). Each part is its own chunk, precached by the
// service worker like every chunk, so this costs nothing offline. The bench screen's JavaScript
// budget is why (BENCHMARKS.md, "Bundle size").
const core: Record<Language, () => Promise<Messages>> = {
  en: async () => (await import('./en')).en,
  fr: async () => (await import('./fr')).fr,
};
const parts = {
  job: { en: async () => (await import('./job.en')).jobEn, fr: async () => (await import('./job.fr')).jobFr },
  frontOffice: { en: async () => (await import('./front-office.en')).frontOfficeEn, fr: async () => (await import('./front-office.fr')).frontOfficeFr },
  kpi: { en: async () => (await import('./kpi.en')).kpiEn, fr: async () => (await import('./kpi.fr')).kpiFr },
} satisfies Record<string, Record<Language, () => Promise<object>>>;
export type CataloguePart = keyof typeof parts;

/** The parts screens have asked for: a change of language loads them in the new language too. */
const wanted = new Set<CataloguePart>();
/** `${language}:${part}` already added to i18next. */
const loadedParts = new Set<string>();

async function ensureCatalogue(language: Language): Promise<void> {
  const loads: Array<Promise<void>> = [];
  if (!i18next.hasResourceBundle(language, 'translation')) {
    loads.push(core[language]().then((messages) => void i18next.addResourceBundle(language, 'translation', messages, true, false)));
  }
  for (const part of wanted) {
    const key = `${language}:${part}`;
    if (loadedParts.has(key)) continue;
    loads.push(parts[part][language]().then((messages) => {
      i18next.addResourceBundle(language, 'translation', messages, true, false);
      loadedParts.add(key);
    }));
  }
  await Promise.all(loads);
}

/** Loads parts of the catalogue a screen needs, in the current language (routes call it with the screen's chunk). */
export async function loadCatalogues(...needed: CataloguePart[]): Promise<void> {
  for (const part of needed) wanted.add(part);
  await ensureCatalogue(i18next.isInitialized ? currentLanguage() : initialLanguage());
}

function currentLanguage(): Language {
  return i18next.language === 'fr' ? 'fr' : 'en';
}

/** Loads the language's catalogue and starts i18next: the app renders once this has resolved. */
export async function initI18n(language: Language = initialLanguage()) {
  if (!i18next.isInitialized) {
    const messages = await core[language]();
    // A second caller may have initialised i18next while this one was loading.
    if (!i18next.isInitialized) {
      await i18next.use(initReactI18next).init({
        resources: { [language]: { translation: messages } },
        lng: language,
        // Both catalogues have every key (the type checks it): nothing to fall back on.
        fallbackLng: false,
        interpolation: { escapeValue: false }, // React escapes
        initAsync: false,
        returnNull: false,
        // i18next otherwise advertises a hosted service in the console of every tablet.
        showSupportNotice: false,
        // Outside production a key without a string is a bug (a screen whose catalogue part was not
        // loaded, a typo): the tests fail on it instead of showing the key to a jeweler.
        ...(import.meta.env.PROD
          ? {}
          : {
              saveMissing: true,
              missingKeyHandler: (_languages: readonly string[], _namespace: string, key: string) => {
                throw new Error(`Missing translation: ${key}`);
              },
            }),
      });
    }
  }
  await ensureCatalogue(language);
  if (i18next.language !== language) await i18next.changeLanguage(language);
  document.documentElement.lang = i18next.language;
  return i18next;
}

export async function setLanguage(language: Language): Promise<void> {
  globalThis.localStorage?.setItem(STORAGE_KEY, language);
  await ensureCatalogue(language);
  await i18next.changeLanguage(language);
  document.documentElement.lang = language;
}

export function useT() {
  const { t, i18n } = useTranslation();
  return { t, language: (i18n.language === 'fr' ? 'fr' : 'en') as Language };
}

export function formatDate(value: string | Date, language: Language, style: 'short' | 'medium' = 'medium'): string {
  const date = typeof value === 'string' ? new Date(value) : value;
  return new Intl.DateTimeFormat(language, { dateStyle: style }).format(date);
}

export function formatDateTime(value: string | Date, language: Language): string {
  const date = typeof value === 'string' ? new Date(value) : value;
  return new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'short' }).format(date);
}

export function formatTime(value: string | Date, language: Language): string {
  const date = typeof value === 'string' ? new Date(value) : value;
  return new Intl.DateTimeFormat(language, { timeStyle: 'short' }).format(date);
}

export function formatNumber(value: number, language: Language, options?: Intl.NumberFormatOptions): string {
  return new Intl.NumberFormat(language, options).format(value);
}

export function formatBytes(bytes: number, language: Language): string {
  const units = ['byte', 'kilobyte', 'megabyte', 'gigabyte'] as const;
  let value = bytes;
  let unit = 0;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit += 1;
  }
  return new Intl.NumberFormat(language, { style: 'unit', unit: units[unit], unitDisplay: 'short', maximumFractionDigits: 1 }).format(value);
}
