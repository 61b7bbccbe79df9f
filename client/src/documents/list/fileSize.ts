import type { Lang } from '../../../../shared/format.js';

const LOCALE: Record<Lang, string> = { vi: 'vi-VN', en: 'en-GB' };
const UNITS = ['B', 'KB', 'MB', 'GB'];

/** A file's size as people read it, in binary units named as they usually are: "1,2 MB", "850 KB". */
export function fileSize(bytes: number, lang: Lang): string {
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < UNITS.length - 1) {
    value /= 1024;
    unit += 1;
  }
  const digits = unit === 0 || value >= 10 ? 0 : 1;
  return `${new Intl.NumberFormat(LOCALE[lang], { maximumFractionDigits: digits }).format(value)} ${UNITS[unit]}`;
}
