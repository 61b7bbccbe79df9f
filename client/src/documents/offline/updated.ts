import { currentVersion, type MeetingDocument } from '../../../../shared/documents/types.js';

/**
 * Whether a document shows "Mới cập nhật" on this device: its current version is newer than the one
 * this device last opened, or, never opened here, it was replaced since its first upload (so a tablet
 * that joins late still sees that the paper it may have on paper changed).
 */
export function isUpdated(doc: MeetingDocument, lastOpened: number | null): boolean {
  return currentVersion(doc).version > (lastOpened ?? 1);
}
