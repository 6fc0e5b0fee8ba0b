import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import fi from './fi.json';
import sv from './sv.json';
import en from './en.json';

export const UI_LANGUAGES = ['fi', 'sv', 'en'] as const;
export type UiLanguage = (typeof UI_LANGUAGES)[number];

/** Each language's name in itself: the switcher shows these, never translated. */
export const LANGUAGE_NAMES: Record<UiLanguage, string> = { fi: 'Suomi', sv: 'Svenska', en: 'English' };

const STORAGE_KEY = 'puntari.language';

export const resources = { fi: { translation: fi }, sv: { translation: sv }, en: { translation: en } } as const;

function isUiLanguage(value: unknown): value is UiLanguage {
  return typeof value === 'string' && (UI_LANGUAGES as readonly string[]).includes(value);
}

function storedLanguage(): UiLanguage {
  try {
    const saved = globalThis.localStorage?.getItem(STORAGE_KEY);
    if (isUiLanguage(saved)) return saved;
  } catch {
    // Storage may be blocked (private mode); Finnish is the default.
  }
  return 'fi';
}

function reflect(lng: string): void {
  if (typeof document === 'undefined') return;
  document.documentElement.lang = lng;
  document.title = i18next.t('app.title');
}

export async function setupI18n(): Promise<typeof i18next> {
  if (!i18next.isInitialized) {
    await i18next.use(initReactI18next).init({
      resources,
      lng: storedLanguage(),
      fallbackLng: 'fi',
      supportedLngs: [...UI_LANGUAGES],
      interpolation: { escapeValue: false },
      returnNull: false,
    });
    i18next.on('languageChanged', reflect);
  }
  reflect(i18next.language);
  return i18next;
}

export async function changeLanguage(lng: UiLanguage): Promise<void> {
  try {
    globalThis.localStorage?.setItem(STORAGE_KEY, lng);
  } catch {
    // Not persisted; the switch still applies to this page.
  }
  await i18next.changeLanguage(lng);
}

export function currentLanguage(): UiLanguage {
  return isUiLanguage(i18next.language) ? i18next.language : 'fi';
}

export default i18next;
