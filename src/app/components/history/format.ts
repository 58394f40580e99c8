/** How the history and the review write dates, times, sizes and threshold values, per language. */
import type { TunableUnit } from '../../../core/exercises/tunables.ts';
import type { Language } from '../../../core/i18n/messages.ts';

const TAG: Readonly<Record<Language, string>> = { en: 'en-GB', nl: 'nl-NL' };

/** "3 Mar 2025, 10:15" from an ISO time; null when it is not a date */
export function dateTimeText(lang: Language, iso: string): string | null {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return null;
  return new Intl.DateTimeFormat(TAG[lang], { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(ms));
}

/** m:ss from ms */
export function clockText(ms: number): string {
  const s = Math.max(0, Math.round(ms / 1000));
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}

/** bytes as kB, MB or GB, one decimal */
export function bytesText(lang: Language, bytes: number): string {
  const units = [
    ['GB', 1e9],
    ['MB', 1e6],
    ['kB', 1e3],
  ] as const;
  const fmt = (n: number): string => new Intl.NumberFormat(TAG[lang], { maximumFractionDigits: 1 }).format(n);
  for (const [unit, size] of units) if (bytes >= size) return `${fmt(bytes / size)} ${unit}`;
  return `${fmt(bytes)} B`;
}

/** a threshold's value in its unit: degrees, % of the torso, seconds */
export function unitValueText(lang: Language, unit: TunableUnit, value: number): string {
  const fmt = (n: number, digits: number): string => new Intl.NumberFormat(TAG[lang], { maximumFractionDigits: digits }).format(n);
  switch (unit) {
    case 'deg':
      return `${fmt(value, 1)}°`;
    case 'torso':
      return `${fmt(value * 100, 0)}%`;
    case 's':
      return `${fmt(value, 1)} s`;
  }
}

/** a number with at most one decimal, in the language's way */
export function numberText(lang: Language, value: number, digits = 1): string {
  return new Intl.NumberFormat(TAG[lang], { maximumFractionDigits: digits }).format(value);
}
