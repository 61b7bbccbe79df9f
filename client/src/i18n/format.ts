import type { Lang } from './I18nProvider.js';

/** "2024-12-26" -> "26/12/2024": meeting days are calendar dates, no time zone involved. */
export function formatDay(isoDate: string): string {
  const [y, m, d] = isoDate.split('-');
  return `${d}/${m}/${y}`;
}

const timeFormats = new Map<string, Intl.DateTimeFormat>();

/** 24-hour "HH:mm" in the meeting's time zone, whatever the device's own zone is. */
export function formatTime(ms: number, timeZone: string, lang: Lang): string {
  const key = `${lang}|${timeZone}`;
  let format = timeFormats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(lang === 'vi' ? 'vi-VN' : 'en-GB', { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone });
    timeFormats.set(key, format);
  }
  return format.format(ms);
}

/** "m:ss" for durations up to an hour, "h:mm:ss" beyond. */
export function formatDuration(ms: number): string {
  const total = Math.max(0, Math.round(ms / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = String(total % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${s}` : `${m}:${s}`;
}
