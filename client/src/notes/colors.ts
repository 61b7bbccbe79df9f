/**
 * Caret colours: dark enough for white label text (WCAG AA at the label's size) and far enough
 * apart that two people typing side by side are told apart. `#RRGGBB` only: the caret extension
 * ignores any other form.
 */
const PALETTE = ['#1d4ed8', '#b42318', '#17713a', '#7a2ca8', '#9a5b00', '#0e7490', '#be185d', '#4d7c0f', '#5b21b6', '#c2410c', '#0f766e', '#6b7280'] as const;

/** The same colour for a participant on every device and every day: a hash of their id. */
export function colorOf(participantId: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < participantId.length; i++) {
    hash ^= participantId.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return PALETTE[hash % PALETTE.length];
}
