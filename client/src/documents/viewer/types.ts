import type { MeetingDocument } from '../../../../shared/documents/types.js';
import type { Role } from '../../../../shared/meeting/state.js';

/** What the viewer needs to open a document (client/src/documents/viewer/DocumentViewer.tsx). */
export interface DocumentViewerProps {
  meetingId: string;
  document: MeetingDocument;
  /** The link's token, sent as `Authorization: Bearer` with every range request. */
  token: string;
  /** The reader's name, drawn faintly over every page with the time (docs/DOCUMENTS.md, "Watermark"). */
  reader: string;
  /** The page to open at (1-based); the viewer reports page turns through `onPage`. */
  initialPage?: number;
  onPage?: (page: number) => void;
  onClose: () => void;
  /**
   * The reader's own participant (`you` of the meeting): their private highlights and notes are
   * shown and kept (docs/DOCUMENTS.md, "Annotations"). Without it (the observer link) there are none.
   */
  annotator?: { participantId: string; role: Role };
  /** The watermark's time zone: the meeting's (Asia/Ho_Chi_Minh by default). */
  timeZone?: string;
}
