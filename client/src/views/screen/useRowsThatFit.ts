import { useLayoutEffect, useRef, useState } from 'react';

/**
 * How many rows of the table inside the returned box fit its height, measured: the speech strip, a
 * notice band or a 4:3 projector change the room left for results, and a page must never be cut.
 * `fallback` serves the first frame, before anything is measured.
 */
export function useRowsThatFit(fallback: number) {
  const box = useRef<HTMLDivElement>(null);
  const [rows, setRows] = useState(fallback);
  useLayoutEffect(() => {
    const el = box.current;
    if (!el) return;
    const measure = () => {
      const table = el.querySelector('table');
      const body = [...(table?.tBodies[0]?.rows ?? [])];
      if (!table || body.length === 0) return;
      const head = table.tHead?.getBoundingClientRect().height ?? 0;
      const row = Math.max(...body.map((r) => r.getBoundingClientRect().height));
      if (row > 0) setRows(Math.max(1, Math.floor((el.clientHeight - head) / row)));
    };
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    return () => observer.disconnect();
  }, []);
  return { box, rows };
}
