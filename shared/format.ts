/**
 * How numbers, times, dates and durations read, in the two languages of the app: every view and the
 * exported record format through these, so "14,3%" never sits beside "53.8%". Vietnamese follows
 * vi-VN (decimal comma, "." between thousands); English follows en-GB (dates day first, 24-hour).
 */
export type Lang = 'vi' | 'en';

const LOCALE: Record<Lang, string> = { vi: 'vi-VN', en: 'en-GB' };

/** Intl formats are costly to build and immutable: one per language and options. */
const cache = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat>();

function numberFormat(lang: Lang, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `n|${lang}|${JSON.stringify(options)}`;
  let format = cache.get(key) as Intl.NumberFormat | undefined;
  if (!format) cache.set(key, (format = new Intl.NumberFormat(LOCALE[lang], options)));
  return format;
}

function dateFormat(lang: Lang, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `d|${lang}|${JSON.stringify(options)}`;
  let format = cache.get(key) as Intl.DateTimeFormat | undefined;
  if (!format) cache.set(key, (format = new Intl.DateTimeFormat(LOCALE[lang], options)));
  return format;
}

/** A count: "1.250" in Vietnamese, "1,250" in English. */
export function formatCount(n: number, lang: Lang): string {
  return numberFormat(lang, { maximumFractionDigits: 0 }).format(n);
}

/** A share given in percent (0–100): "57,1%" / "57.1%", one decimal at most. */
export function formatPercent(percent: number, lang: Lang): string {
  return numberFormat(lang, { style: 'percent', maximumFractionDigits: 1 }).format(percent / 100);
}

/** 24-hour "HH:mm" in the meeting's time zone, whatever the device's own zone is. */
export function formatTime(ms: number, timeZone: string, lang: Lang): string {
  return dateFormat(lang, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone }).format(ms);
}

/** A meeting day ("2024-12-26") as "26/12/2024": calendar dates, no time zone involved. */
export function formatDay(isoDate: string, lang: Lang): string {
  const [y, m, d] = isoDate.split('-').map(Number);
  return dateFormat(lang, { day: '2-digit', month: '2-digit', year: 'numeric', timeZone: 'UTC' }).format(Date.UTC(y, m - 1, d));
}

/** "dd/MM/yyyy HH:mm" in the meeting's time zone: the record's time stamps. */
export function formatDateTime(ms: number, timeZone: string, lang: Lang): string {
  const parts = Object.fromEntries(
    dateFormat(lang, { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })
      .formatToParts(ms)
      .map((p) => [p.type, p.value]),
  );
  return `${parts.day}/${parts.month}/${parts.year} ${parts.hour}:${parts.minute}`;
}

/** A clock reading of whole seconds, "m:ss" (minutes run past 59: a speech, not a day). Never signed. */
export function formatClock(seconds: number): string {
  const s = Math.abs(Math.trunc(seconds));
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}

/** An elapsed time: "m:ss" up to an hour, "h:mm:ss" beyond. */
export function formatElapsed(ms: number): string {
  const total = Math.max(0, Math.round(ms / 1000));
  const h = Math.floor(total / 3600);
  if (h === 0) return formatClock(total);
  const rest = total % 3600;
  return `${h}:${String(Math.floor(rest / 60)).padStart(2, '0')}:${String(rest % 60).padStart(2, '0')}`;
}

const OVERRUN: Record<Lang, (clock: string) => string> = {
  vi: (clock) => `Quá giờ ${clock}`,
  en: (clock) => `Over by ${clock}`,
};

/** Seconds left on a countdown: "1:05" while time is left, "Quá giờ 1:05" / "Over by 1:05" past it. */
export function formatCountdown(secondsLeft: number, lang: Lang): string {
  return secondsLeft < 0 ? OVERRUN[lang](formatClock(secondsLeft)) : formatClock(secondsLeft);
}

const UNITS: Record<Lang, { h: string; min: string; s: string }> = { vi: { h: 'giờ', min: 'phút', s: 'giây' }, en: { h: 'h', min: 'min', s: 's' } };

/**
 * A planned or actual length given in minutes: "45 phút", "7 giờ 30 phút", "2 giờ", "1 phút 30 giây" /
 * "45 min", "7 h 30 min". Hours rather than "450 phút": that is how a programme states a day.
 */
export function formatMinutes(minutes: number, lang: Lang): string {
  const total = Math.max(0, Math.round(minutes * 60));
  const u = UNITS[lang];
  const parts: string[] = [];
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  if (h > 0) parts.push(`${formatCount(h, lang)} ${u.h}`);
  if (m > 0 || (h === 0 && s === 0)) parts.push(`${m} ${u.min}`);
  if (s > 0) parts.push(`${s} ${u.s}`);
  return parts.join(' ');
}

/** Points of a score (the self-assessment's, out of 100): "27,5" / "27.5", two decimals at most. */
export function formatPoints(points: number, lang: Lang): string {
  return numberFormat(lang, { maximumFractionDigits: 2 }).format(points);
}

/**
 * The date line of a Vietnamese Party or state document, in the meeting's time zone: "ngày 06 tháng
 * 12 năm 2024". Days below 10 and the months January and February take a leading zero, so that no
 * one can add a digit in front later; the other months do not (the documents' rule for dates).
 */
export function formatDocumentDate(ms: number, timeZone: string): string {
  const parts = Object.fromEntries(
    dateFormat('en', { timeZone, year: 'numeric', month: 'numeric', day: 'numeric' })
      .formatToParts(ms)
      .map((p) => [p.type, Number(p.value)]),
  );
  const two = (n: number) => String(n).padStart(2, '0');
  return `ngày ${two(parts.day)} tháng ${parts.month <= 2 ? two(parts.month) : String(parts.month)} năm ${parts.year}`;
}

const SIZE_UNITS = ['B', 'KB', 'MB', 'GB'];

/** A file's size as people read it, in binary units named as they usually are: "1,2 MB", "850 KB". */
export function formatFileSize(bytes: number, lang: Lang): string {
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < SIZE_UNITS.length - 1) {
    value /= 1024;
    unit += 1;
  }
  const digits = unit === 0 || value >= 10 ? 0 : 1;
  return `${numberFormat(lang, { maximumFractionDigits: digits }).format(value)} ${SIZE_UNITS[unit]}`;
}
