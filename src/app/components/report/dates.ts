/**
 * Dates as a person reads them, in their language: the session's start
 * (ISO 8601) in the browser's time zone. "unknown" stays a word, never a
 * date that looks real.
 */
import type { Language } from '../../../core/i18n/messages.ts';

const LOCALE_OF: Readonly<Record<Language, string>> = { en: 'en-GB', nl: 'nl-NL' };

const known = (iso: string): Date | null => {
  const ms = Date.parse(iso);
  return Number.isNaN(ms) ? null : new Date(ms);
};

/** "3 Mar" / "3 mrt" (a chart's axis) */
export function shortDate(iso: string, lang: Language): string {
  const date = known(iso);
  return date ? date.toLocaleDateString(LOCALE_OF[lang], { day: 'numeric', month: 'short' }) : '?';
}

/** "Monday 3 March 2025, 10:00" (a report's heading); null when the time is not known */
export function longDateTime(iso: string, lang: Language): string | null {
  const date = known(iso);
  return date ? date.toLocaleString(LOCALE_OF[lang], { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', hour: '2-digit', minute: '2-digit' }) : null;
}

/** YYYY-MM-DD of a moment, in local time (a file name's date) */
export function localDay(date: Date): string {
  const two = (n: number): string => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${two(date.getMonth() + 1)}-${two(date.getDate())}`;
}
