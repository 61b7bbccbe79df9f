import { Suspense } from 'react';
import { lazyChunk } from '../../offline/lazyChunk.js';
import type { DocumentViewerProps } from './types.js';

// pdf.js is large: it is fetched when a document is first opened, never with the tablet's first view.
const DocumentViewer = lazyChunk(() => import('./DocumentViewer.js'));

export function LazyDocumentViewer(props: DocumentViewerProps) {
  return (
    <Suspense fallback={<p className="document-viewer-loading">…</p>}>
      <DocumentViewer {...props} />
    </Suspense>
  );
}
