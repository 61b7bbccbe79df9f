import { useEffect, type RefObject } from 'react';

/**
 * Two fingers on the page zoom it (pointer events, so any touch screen), as does ctrl + wheel (a
 * laptop's pinch gesture). The browser's own pinch zoom is off on the stage (touch-action in
 * documents-viewer.css): it would scale the toolbar with the page.
 */
export function usePinchZoom(stage: RefObject<HTMLElement | null>, getScale: () => number, setScale: (scale: number) => void): void {
  useEffect(() => {
    const el = stage.current;
    if (!el) return;
    const pointers = new Map<number, { x: number; y: number }>();
    let start: { distance: number; scale: number } | null = null;
    const distance = () => {
      const [a, b] = [...pointers.values()];
      return Math.hypot(a.x - b.x, a.y - b.y);
    };
    const down = (e: PointerEvent) => {
      if (e.pointerType !== 'touch') return;
      pointers.set(e.pointerId, { x: e.clientX, y: e.clientY });
      if (pointers.size === 2) start = { distance: Math.max(distance(), 1), scale: getScale() };
    };
    const move = (e: PointerEvent) => {
      if (!pointers.has(e.pointerId)) return;
      pointers.set(e.pointerId, { x: e.clientX, y: e.clientY });
      if (start && pointers.size === 2) setScale(start.scale * (distance() / start.distance));
    };
    const up = (e: PointerEvent) => {
      pointers.delete(e.pointerId);
      if (pointers.size < 2) start = null;
    };
    const wheel = (e: WheelEvent) => {
      if (!e.ctrlKey) return;
      e.preventDefault();
      setScale(getScale() * Math.exp(-e.deltaY / 300));
    };
    el.addEventListener('pointerdown', down);
    el.addEventListener('pointermove', move);
    el.addEventListener('pointerup', up);
    el.addEventListener('pointercancel', up);
    el.addEventListener('wheel', wheel, { passive: false });
    return () => {
      el.removeEventListener('pointerdown', down);
      el.removeEventListener('pointermove', move);
      el.removeEventListener('pointerup', up);
      el.removeEventListener('pointercancel', up);
      el.removeEventListener('wheel', wheel);
    };
  }, [stage, getScale, setScale]);
}
