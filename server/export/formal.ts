import { formatDocumentDate } from '../../shared/format.js';
import type { Block } from './prosemirror.js';

/**
 * A filed document (biên bản) as the DOCX and PDF writers lay it out: the Party document header,
 * the title, sections, facts, tables, the co-edited text, signature blocks. Both writers take this
 * one description, so the two files of a record say the same thing in the same order.
 */
export type FormalBlock =
  /** Left: the body above (if any) and the body, then a star; right: the Party's name, then place and date (italic). */
  | { kind: 'party-header'; parentBody: string; body: string; placeDate: string }
  | { kind: 'title'; text: string; subtitle: string | null }
  | { kind: 'heading'; level: 1 | 2 | 3; text: string }
  | { kind: 'text'; text: string; italic?: boolean; bold?: boolean }
  /** "Label: value", the label bold. */
  | { kind: 'fact'; label: string; value: string }
  | { kind: 'bullet'; text: string }
  | { kind: 'table'; header: string[]; rows: string[][] }
  /** A co-edited document's blocks (notes, minutes); `shift` puts its headings below the section's. */
  | { kind: 'rich'; blocks: Block[]; shift: number }
  /** Side by side, each titled (bold, upper case) with space to sign above the name. */
  | { kind: 'signatures'; signers: Signer[] };

export interface Signer {
  title: string;
  /** Names under one title (the committee's members); empty: a line to write the name on. */
  names: string[];
}

export interface FormalDocument {
  /** The file's own title (its metadata). */
  title: string;
  blocks: FormalBlock[];
}

/** The right-hand line of every Party document (Hướng dẫn 36-HD/VPTW on the format of the Party's documents). */
export const PARTY_NAME = 'ĐẢNG CỘNG SẢN VIỆT NAM';

/**
 * "Phòng họp số 1, ngày 26 tháng 12 năm 2024" in the meeting's time zone: the meeting's location as
 * the definition gives it (no guessing which part of an address is the place name); left out when none.
 */
export function placeAndDate(location: string, ms: number, timeZone: string): string {
  const date = formatDocumentDate(ms, timeZone);
  return location.trim() ? `${location.trim()}, ${date}` : date[0].toUpperCase() + date.slice(1);
}
