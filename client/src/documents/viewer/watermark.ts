import { formatDateTime } from '../../../../shared/format.js';

/** The watermark's words: who reads (or, on the screen, the meeting) and when, dd/MM/yyyy HH:mm. */
export function watermarkText(who: string, at: number, timeZone = 'Asia/Ho_Chi_Minh'): string {
  return `${who} · ${formatDateTime(at, timeZone, 'vi')}`;
}

/**
 * Draws the text faintly, diagonally and repeated over the whole canvas (docs/DOCUMENTS.md,
 * "Watermark"): whatever part of a page is photographed carries the name. It is drawn in the page's
 * own pixels' space, so it scales with the page.
 */
export function drawWatermark(canvas: HTMLCanvasElement, text: string): void {
  const ctx = canvas.getContext('2d');
  if (!ctx) return;
  const { width, height } = canvas;
  ctx.clearRect(0, 0, width, height);
  const size = Math.max(12, Math.round(Math.min(width, height) / 28));
  ctx.save();
  ctx.font = `600 ${size}px "Noto Serif", "Times New Roman", serif`;
  ctx.fillStyle = 'rgba(120, 20, 20, 0.13)';
  ctx.textBaseline = 'middle';
  ctx.translate(width / 2, height / 2);
  ctx.rotate(-Math.PI / 6);
  const step = ctx.measureText(text).width + size * 3;
  const diagonal = Math.hypot(width, height);
  for (let y = -diagonal / 2, row = 0; y < diagonal / 2; y += size * 5, row++)
    for (let x = -diagonal / 2 - (row % 2) * (step / 2); x < diagonal / 2; x += step) ctx.fillText(text, x, y);
  ctx.restore();
}
