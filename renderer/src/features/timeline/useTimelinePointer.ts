/**
 * Pointer gestures on the timeline grid: ctrl/cmd + wheel zooms at the cursor, shift + wheel pans,
 * dragging pans. The wheel listener is registered non-passive so the page does not zoom or scroll.
 */
import { useEffect, useRef, type RefObject } from 'react';
import { pxToMs } from '../../stores/timeScale.js';
import { currentRange, panBy, zoomBy } from './timelineActions.js';

const DRAG_THRESHOLD_PX = 3;

export function useTimelinePointer(
  grid: RefObject<HTMLDivElement | null>,
  barWidth: number,
  labelWidth: number,
) {
  const drag = useRef<{ x: number; moved: boolean } | null>(null);

  useEffect(() => {
    const el = grid.current;
    if (!el) return;
    const barX = (clientX: number) => clientX - el.getBoundingClientRect().left - labelWidth;
    const onWheel = (e: WheelEvent) => {
      const r = currentRange();
      if (!r) return;
      if (e.ctrlKey || e.metaKey) {
        e.preventDefault();
        const anchor = pxToMs(barX(e.clientX), r, barWidth);
        zoomBy(e.deltaY > 0 ? 1.25 : 0.8, anchor);
      } else if (e.shiftKey) {
        e.preventDefault();
        const delta = e.deltaX !== 0 ? e.deltaX : e.deltaY;
        panBy(delta / Math.max(1, barWidth));
      }
    };
    const onDown = (e: MouseEvent) => {
      if (e.button !== 0 || barX(e.clientX) < 0) return;
      if ((e.target as HTMLElement).closest('button, input, svg[role="slider"]')) return;
      drag.current = { x: e.clientX, moved: false };
    };
    const onMove = (e: MouseEvent) => {
      const d = drag.current;
      if (!d) return;
      const dx = e.clientX - d.x;
      if (!d.moved && Math.abs(dx) < DRAG_THRESHOLD_PX) return;
      d.moved = true;
      d.x = e.clientX;
      panBy(-dx / Math.max(1, barWidth));
    };
    const onUp = () => {
      const d = drag.current;
      drag.current = null;
      if (d?.moved) {
        // A drag is not a click on the row under the pointer.
        const swallow = (ev: MouseEvent) => ev.stopPropagation();
        window.addEventListener('click', swallow, { capture: true, once: true });
        setTimeout(() => window.removeEventListener('click', swallow, { capture: true }), 0);
      }
    };
    el.addEventListener('wheel', onWheel, { passive: false });
    el.addEventListener('mousedown', onDown);
    window.addEventListener('mousemove', onMove);
    window.addEventListener('mouseup', onUp);
    return () => {
      el.removeEventListener('wheel', onWheel);
      el.removeEventListener('mousedown', onDown);
      window.removeEventListener('mousemove', onMove);
      window.removeEventListener('mouseup', onUp);
    };
  }, [grid, barWidth, labelWidth]);
}
