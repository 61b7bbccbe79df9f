import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  formatClock,
  formatCount,
  formatCountdown,
  formatDateTime,
  formatDay,
  formatDocumentDate,
  formatElapsed,
  formatMinutes,
  formatPercent,
  formatTime,
} from '../../shared/format.js';

describe('the one formatter (shared/format.ts)', () => {
  it('writes shares and counts as each language does', () => {
    expect(formatPercent(14.2857, 'vi')).toBe('14,3%');
    expect(formatPercent(14.2857, 'en')).toBe('14.3%');
    expect(formatPercent(53.846, 'vi')).toBe('53,8%');
    expect(formatPercent(100, 'vi')).toBe('100%');
    expect(formatPercent(0, 'en')).toBe('0%');
    expect(formatCount(1250, 'vi')).toBe('1.250');
    expect(formatCount(1250, 'en')).toBe('1,250');
    expect(formatCount(7, 'vi')).toBe('7');
  });

  it("writes times in the meeting's zone, 24-hour, and days day first", () => {
    const at = Date.UTC(2024, 11, 26, 1, 5); // 08:05 in Hà Nội
    expect(formatTime(at, 'Asia/Ho_Chi_Minh', 'vi')).toBe('08:05');
    expect(formatTime(at, 'Asia/Ho_Chi_Minh', 'en')).toBe('08:05');
    expect(formatTime(at, 'UTC', 'vi')).toBe('01:05');
    expect(formatDay('2024-12-26', 'vi')).toBe('26/12/2024');
    expect(formatDay('2025-01-02', 'en')).toBe('02/01/2025');
    expect(formatDateTime(at, 'Asia/Ho_Chi_Minh', 'vi')).toBe('26/12/2024 08:05');
  });

  it('writes clocks m:ss, an overrun in words, and elapsed time with hours past an hour', () => {
    expect(formatClock(65)).toBe('1:05');
    expect(formatClock(0)).toBe('0:00');
    expect(formatClock(3600)).toBe('60:00');
    expect(formatCountdown(65, 'vi')).toBe('1:05');
    expect(formatCountdown(0, 'vi')).toBe('0:00');
    expect(formatCountdown(-65, 'vi')).toBe('Quá giờ 1:05');
    expect(formatCountdown(-1, 'en')).toBe('Over by 0:01');
    expect(formatElapsed(65_400)).toBe('1:05');
    expect(formatElapsed(3_725_000)).toBe('1:02:05');
  });

  it('writes lengths in hours and minutes, not "450 phút"', () => {
    expect(formatMinutes(450, 'vi')).toBe('7 giờ 30 phút');
    expect(formatMinutes(450, 'en')).toBe('7 h 30 min');
    expect(formatMinutes(45, 'vi')).toBe('45 phút');
    expect(formatMinutes(120, 'vi')).toBe('2 giờ');
    expect(formatMinutes(1.5, 'vi')).toBe('1 phút 30 giây');
    expect(formatMinutes(0, 'en')).toBe('0 min');
  });
});

/** Every source file of the views and the record: where a hand-made number format would show. */
function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sources(path) : /\.(ts|tsx)$/.test(name) ? [path] : [];
  });
}

describe('no view formats numbers by hand', () => {
  const files = [...sources('client/src'), ...sources('server/export')];

  it('has views and a record to check', () => {
    expect(files.length).toBeGreaterThan(50);
  });

  it.each([
    ['toFixed(', /\.toFixed\(/],
    ['toLocaleString(', /\.toLocale(String|DateString|TimeString)\(/],
    ['new Intl.', /new Intl\./],
    ['padStart(', /\.padStart\(/],
    ['a number followed by "%" in text', />\{[^}]+\}%|\$\{[^}]+\}%(?!['"`]?\s*[,}])/],
  ])('no %s outside shared/format.ts', (_, pattern) => {
    // A CSS width (`width: \`${x}%\``) is layout, not text: the last pattern leaves it alone.
    const offenders = files.filter((f) =>
      readFileSync(f, 'utf8')
        .split('\n')
        .some((line) => pattern.test(line) && !/width:|height:|snapshotCache/.test(line + f)),
    );
    expect(offenders).toEqual([]);
  });
});

describe('formatDocumentDate: the date line of a filed record', () => {
  it('writes "ngày … tháng … năm …" in the meeting time zone, a leading zero for days below 10 and for January and February only', () => {
    // 17:30 UTC on 5 December is already the 6th in Hà Nội.
    expect(formatDocumentDate(Date.UTC(2026, 11, 5, 17, 30), 'Asia/Ho_Chi_Minh')).toBe('ngày 06 tháng 12 năm 2026');
    expect(formatDocumentDate(Date.UTC(2024, 1, 9, 3), 'Asia/Ho_Chi_Minh')).toBe('ngày 09 tháng 02 năm 2024');
    expect(formatDocumentDate(Date.UTC(2024, 2, 26, 3), 'Asia/Ho_Chi_Minh')).toBe('ngày 26 tháng 3 năm 2024');
  });
});
