// Vite's `?worker` import (vite.config.ts bundles it as a script of its own under assets/).
declare module 'pdfjs-dist/build/pdf.worker.min.mjs?worker' {
  const PdfWorker: new () => Worker;
  export default PdfWorker;
}
