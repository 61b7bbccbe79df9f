import { useRef, useState, type PointerEvent } from 'react';
import { clampRect, type Annotation } from './model.js';

interface Props {
  annotations: readonly Annotation[];
  /** The highlight tool is on: a drag over the page draws a rectangle. */
  drawing: boolean;
  selectedId: string | null;
  onSelect: (id: string) => void;
  onDraw: (rect: Annotation['rect']) => void;
}

type Point = { x: number; y: number };

/** Smaller than this (a tap) becomes a line-sized highlight where the finger landed. */
const TAP = 0.01;

/** The reader's highlights over one page, positioned in fractions of the page (zoom changes nothing). */
export function AnnotationLayer({ annotations, drawing, selectedId, onSelect, onDraw }: Props) {
  const layer = useRef<HTMLDivElement>(null);
  const [start, setStart] = useState<Point | null>(null);
  const [end, setEnd] = useState<Point | null>(null);

  const at = (e: PointerEvent): Point => {
    const box = layer.current!.getBoundingClientRect();
    return { x: (e.clientX - box.left) / box.width, y: (e.clientY - box.top) / box.height };
  };
  const draft = start && end ? clampRect({ x: Math.min(start.x, end.x), y: Math.min(start.y, end.y), w: Math.abs(end.x - start.x), h: Math.abs(end.y - start.y) }) : null;

  const down = (e: PointerEvent) => {
    if (!drawing || !e.isPrimary) return;
    e.currentTarget.setPointerCapture(e.pointerId);
    setStart(at(e));
    setEnd(at(e));
  };
  const move = (e: PointerEvent) => {
    if (start) setEnd(at(e));
  };
  const up = () => {
    if (draft && start) onDraw(draft.w < TAP && draft.h < TAP ? clampRect({ x: start.x - 0.15, y: start.y - 0.015, w: 0.3, h: 0.03 }) : draft);
    setStart(null);
    setEnd(null);
  };

  return (
    <div
      ref={layer}
      className={`annotation-layer ${drawing ? 'is-drawing' : ''}`}
      data-testid="annotation-layer"
      onPointerDown={down}
      onPointerMove={move}
      onPointerUp={up}
      onPointerCancel={() => setStart(null)}
    >
      {annotations.map((a) => (
        <button
          key={a.id}
          type="button"
          className={`annotation-rect color-${a.color} ${a.id === selectedId ? 'is-selected' : ''}`}
          style={pct(a.rect)}
          data-testid="annotation"
          data-annotation-id={a.id}
          title={a.note}
          aria-label={a.note === '' ? undefined : a.note}
          onClick={() => onSelect(a.id)}
        />
      ))}
      {draft && <div className="annotation-rect is-draft" style={pct(draft)} />}
    </div>
  );
}

const pct = (r: Annotation['rect']) => ({ left: `${r.x * 100}%`, top: `${r.y * 100}%`, width: `${r.w * 100}%`, height: `${r.h * 100}%` });
