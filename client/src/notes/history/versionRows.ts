import { formatCount, formatDateTime, formatTime, type Lang } from '../../../../shared/format.js';
import type { Participant } from '../../../../shared/meeting/state.js';
import type { DocVersionMeta, VersionKind } from '../../../../shared/notes/history.js';
import type { HistoryMessages } from '../../i18n/history.js';

/** One line of the version list, in words: what the console shows for a version. */
export interface VersionRow {
  id: string;
  at: number;
  kindId: VersionKind;
  /** "10:42", with the date in front when the version is not from `today`'s date. */
  when: string;
  /** "dd/MM/yyyy HH:mm", for the title and screen readers. */
  whenFull: string;
  /** The given name for a named version, else the kind in words ("Tự động", "Chuyển mục", …). */
  kind: string;
  /** Who named it or whose restore it preceded, in words; null for automatic versions. */
  by: string | null;
  /** Names of those who changed the document since the previous version, in the order they first did. */
  editors: string[];
  textLength: number;
  /** Characters gained (positive) or lost since the previous version; null for the oldest one. */
  delta: number | null;
  named: boolean;
}

/** A participant's name, or "unknown" for an id the meeting no longer lists. */
export function nameOf(participants: readonly Participant[], id: string, unknown: string): string {
  return participants.find((p) => p.id === id)?.name ?? unknown;
}

/** "+120", "−3.400", "0": the sign always shown, a real minus sign, grouped the language's way. */
export function signedCount(n: number, lang: Lang): string {
  if (n === 0) return formatCount(0, lang);
  return `${n > 0 ? '+' : '−'}${formatCount(Math.abs(n), lang)}`;
}

/**
 * The version list (newest first, as the server sends it) in words. The length change compares a
 * version with the one just older than it, the next in the list.
 */
export function versionRows(
  versions: readonly DocVersionMeta[],
  participants: readonly Participant[],
  t: HistoryMessages,
  lang: Lang,
  timeZone: string,
  now: number,
): VersionRow[] {
  const today = formatDateTime(now, timeZone, lang).slice(0, 10);
  return versions.map((v, i) => {
    const full = formatDateTime(v.at, timeZone, lang);
    const time = formatTime(v.at, timeZone, lang);
    const older = versions[i + 1];
    const byName = v.by === null ? null : nameOf(participants, v.by, t.unknownPerson);
    return {
      id: v.id,
      at: v.at,
      kindId: v.kind,
      when: full.slice(0, 10) === today ? time : `${full.slice(0, 10)} ${time}`,
      whenFull: full,
      kind: v.kind === 'named' && v.label ? v.label : t.kinds[v.kind],
      by: byName === null ? null : v.kind === 'before-restore' ? t.restoredBy(byName) : v.kind === 'named' ? t.namedBy(byName) : null,
      editors: v.editors.map((id) => nameOf(participants, id, t.unknownPerson)),
      textLength: v.textLength,
      delta: older ? v.textLength - older.textLength : null,
      named: v.kind === 'named',
    };
  });
}
