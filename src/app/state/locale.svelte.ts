/** The UI language: from the browser by default, switchable, remembered in localStorage. */
import { format, isLanguage, pickLanguage, type Language, type MessageKey, type MessageParams } from '../../core/i18n/messages.ts';

const STORAGE_KEY = 'formcoach.lang';

function initialLanguage(): Language {
  try {
    const stored = localStorage.getItem(STORAGE_KEY);
    if (isLanguage(stored)) return stored;
  } catch {
    // storage blocked (private mode): fall through to the browser's languages
  }
  return pickLanguage(typeof navigator === 'undefined' ? [] : navigator.languages ?? [navigator.language]);
}

export class Locale {
  lang = $state<Language>(initialLanguage());

  set(lang: Language): void {
    this.lang = lang;
    try {
      localStorage.setItem(STORAGE_KEY, lang);
    } catch {
      // not remembered, still switched
    }
    if (typeof document !== 'undefined') document.documentElement.lang = lang;
  }

  t = (key: MessageKey, params?: MessageParams): string => format(this.lang, key, params);
}

export const locale = new Locale();
