/** Runs the layered layout off the main thread: one request in, one set of positions out. */
import { layeredLayout, type LayoutInput } from '../../../shared/tasks/layout.js';

export interface LayoutRequest {
  id: number;
  input: LayoutInput;
}

export interface LayoutResponse {
  id: number;
  positions: ReturnType<typeof layeredLayout>['positions'];
  ms: number;
}

const scope = self as unknown as {
  onmessage: ((e: MessageEvent<LayoutRequest>) => void) | null;
  postMessage(message: LayoutResponse): void;
};

scope.onmessage = (e) => {
  const t0 = performance.now();
  const { positions } = layeredLayout(e.data.input);
  scope.postMessage({ id: e.data.id, positions, ms: performance.now() - t0 });
};
