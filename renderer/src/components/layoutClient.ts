/**
 * Lays out in a Web Worker so a 5,000-task graph never blocks input. Only the newest request
 * matters: older replies are dropped. Where workers are unavailable the layout runs inline.
 */
import { layeredLayout, type LayoutInput, type Point } from '../../../shared/tasks/layout.js';
import type { LayoutRequest, LayoutResponse } from './layoutWorker.js';

export interface LayoutClient {
  /** Resolves with the positions, or null when a newer request superseded this one. */
  layout(input: LayoutInput): Promise<Record<string, Point> | null>;
  dispose(): void;
}

export function createLayoutClient(): LayoutClient {
  if (typeof Worker === 'undefined') {
    return { layout: async (input) => layeredLayout(input).positions, dispose: () => undefined };
  }
  const worker = new Worker(new URL('./layoutWorker.ts', import.meta.url), { type: 'module' });
  let latest = 0;
  const waiting = new Map<number, (p: Record<string, Point> | null) => void>();
  worker.onmessage = (e: MessageEvent<LayoutResponse>) => {
    const done = waiting.get(e.data.id);
    waiting.delete(e.data.id);
    done?.(e.data.id === latest ? e.data.positions : null);
  };
  return {
    layout(input) {
      const id = ++latest;
      for (const [old, resolve] of waiting) {
        if (old === id) continue;
        waiting.delete(old);
        resolve(null);
      }
      return new Promise((resolve) => {
        waiting.set(id, resolve);
        worker.postMessage({ id, input } satisfies LayoutRequest);
      });
    },
    dispose() {
      worker.terminate();
      for (const resolve of waiting.values()) resolve(null);
      waiting.clear();
    },
  };
}
