import { Suspense } from 'react';
import { lazyChunk } from '../../offline/lazyChunk.js';

// The list and the device's offline copy come with the first meeting that has documents, not with
// every tablet's first view (docs/DOCUMENTS.md, "On the tablet").
const DocumentsPanel = lazyChunk(() => import('./DocumentsPanel.js').then((m) => ({ default: m.DocumentsPanel })));

export function LazyDocumentsPanel({ keepOffline }: { keepOffline: boolean }) {
  return (
    <Suspense fallback={<p className="panel muted tab-empty">…</p>}>
      <DocumentsPanel keepOffline={keepOffline} />
    </Suspense>
  );
}
