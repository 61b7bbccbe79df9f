/**
 * The version of each document this device last opened, kept per device (localStorage) and per
 * meeting, for the "Mới cập nhật" mark (../offline/updated.ts).
 */
const key = (meetingId: string, documentId: string) => `phong-hop.doc-opened.${meetingId}.${documentId}`;

export function lastOpened(meetingId: string, documentId: string): number | null {
  try {
    const value = Number(localStorage.getItem(key(meetingId, documentId)));
    return Number.isInteger(value) && value > 0 ? value : null;
  } catch {
    return null;
  }
}

export function rememberOpened(meetingId: string, documentId: string, version: number): void {
  try {
    localStorage.setItem(key(meetingId, documentId), String(version));
  } catch {
    // Private mode or a full storage: the mark stays until the next time it can be kept.
  }
}
