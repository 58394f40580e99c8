/** Strings of export and import, CSV, the printable report and progress charts (English and Dutch). */
import type { TableOf } from './table.ts';

export const reportEn = {} as const;

export const reportNl: TableOf<typeof reportEn> = {};
