import type { MeetingDocument } from '../../../../shared/documents/types.js';

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
}
