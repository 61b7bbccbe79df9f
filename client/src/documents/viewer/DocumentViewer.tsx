import type { DocumentViewerProps } from './types.js';

// Replaced by the pdf.js viewer (issue 14, helper "reader"): this first version only names the document.
export default function DocumentViewer({ document, onClose }: DocumentViewerProps) {
  return (
    <section className="document-viewer" aria-label={document.title}>
      <button type="button" onClick={onClose}>
        ×
      </button>
      <h2>{document.title}</h2>
    </section>
  );
}
