import { useEffect, useRef, type ReactNode } from 'react';
import { drawWatermark } from './watermark.js';

interface Props {
  image: ImageBitmap;
  scale: number;
  watermark: string;
  children?: ReactNode;
}

/** A PNG, JPEG or WebP document: its one page, drawn like a PDF page (zoom, annotations, watermark). */
export function ImageView({ image, scale, watermark, children }: Props) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const mark = useRef<HTMLCanvasElement>(null);
  const width = image.width * scale;
  const height = image.height * scale;

  useEffect(() => {
    const ratio = window.devicePixelRatio || 1;
    for (const c of [canvas.current, mark.current]) {
      if (!c) continue;
      c.width = Math.max(1, Math.floor(width * ratio));
      c.height = Math.max(1, Math.floor(height * ratio));
    }
    canvas.current?.getContext('2d')?.drawImage(image, 0, 0, canvas.current.width, canvas.current.height);
    if (mark.current) drawWatermark(mark.current, watermark);
  }, [image, width, height, watermark]);

  return (
    <div className="pdf-page" style={{ width: `${width}px`, height: `${height}px` }} data-page={1} data-rendered="true">
      <canvas ref={canvas} className="pdf-page-canvas" />
      {children}
      <canvas ref={mark} className="pdf-page-watermark" aria-hidden="true" data-testid="watermark" data-text={watermark} />
    </div>
  );
}
