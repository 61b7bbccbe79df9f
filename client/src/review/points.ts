import type { Lang } from '../../../shared/format.js';

/** Points and counts as the reader writes numbers: "27,5" in Vietnamese, "27.5" in English. */
export function formatPoints(n: number, lang: Lang): string {
  return new Intl.NumberFormat(lang === 'vi' ? 'vi-VN' : 'en-GB', { maximumFractionDigits: 2 }).format(n);
}
