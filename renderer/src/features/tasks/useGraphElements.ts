/**
 * From the store to what the graph draws: filtered tasks, the collapse decision, elements, the
 * overlay, and positions from the layout worker. A structure already laid out (same layout key)
 * is not laid out again, so selection and edits that keep the structure never move nodes.
 */
import type { ElementDefinition } from 'cytoscape';
import { useEffect, useMemo, useRef, useState } from 'react';
import type { Point } from '../../../../shared/tasks/layout.js';
import { useTaskGraph } from '../../stores/taskGraphStore.js';
import {
  collapseFor,
  filterTasks,
  highlightOverlay,
  type Overlay,
} from '../../stores/taskGraphTransforms.js';
import { createLayoutClient, type LayoutClient } from '../../components/layoutClient.js';
import { layoutInputOf, layoutKey, toCyElements } from './toCyElements.js';

export interface DrawnGraph {
  /** Elements and positions that belong together (shown only once laid out). */
  elements: ElementDefinition[];
  positions: Record<string, Point>;
  key: string;
}

export function useGraphElements() {
  const model = useTaskGraph((s) => s.model);
  const filters = useTaskGraph((s) => s.filters);
  const showProv = useTaskGraph((s) => s.showProv);
  const showAgents = useTaskGraph((s) => s.showAgents);
  const showActivities = useTaskGraph((s) => s.showActivities);
  const groupBy = useTaskGraph((s) => s.groupBy);
  const expandedGroups = useTaskGraph((s) => s.expandedGroups);
  const selectedId = useTaskGraph((s) => s.selectedId);
  const focusedId = useTaskGraph((s) => s.focusedId);
  const cyclePath = useTaskGraph((s) => s.cyclePath);

  const visible = useMemo(() => (model ? filterTasks(model, filters) : new Set<string>()), [model, filters]);
  const collapse = useMemo(
    () => collapseFor(visible.size, groupBy, expandedGroups),
    [visible, groupBy, expandedGroups],
  );
  const elements = useMemo(
    () =>
      model
        ? toCyElements(model, {
            visibleTasks: visible,
            showProv,
            showAgents,
            showActivities,
            collapse,
            proposedEdge:
              cyclePath && cyclePath.length > 1 ? { source: cyclePath[0]!, target: cyclePath[1]! } : null,
          })
        : [],
    [model, visible, showProv, showAgents, showActivities, collapse, cyclePath],
  );

  const client = useRef<LayoutClient | null>(null);
  useEffect(() => {
    client.current = createLayoutClient();
    return () => client.current?.dispose();
  }, []);
  const [drawn, setDrawn] = useState<DrawnGraph>({ elements: [], positions: {}, key: '' });
  const [layingOut, setLayingOut] = useState(false);
  const [layoutMs, setLayoutMs] = useState<number | null>(null);
  useEffect(() => {
    const input = layoutInputOf(elements);
    const key = layoutKey(input);
    if (key === drawn.key) {
      setDrawn((d) => ({ ...d, elements }));
      return;
    }
    let live = true;
    setLayingOut(true);
    const t0 = performance.now();
    void client.current?.layout(input).then((positions) => {
      if (!live || positions === null) return;
      setLayoutMs(performance.now() - t0);
      setLayingOut(false);
      setDrawn({ elements, positions: compactRows(positions), key });
    });
    return () => {
      live = false;
    };
    // drawn.key is read, not a trigger: only new elements start a layout.
  }, [elements]);

  const overlay: Overlay = useMemo(
    () =>
      model
        ? highlightOverlay(model, drawn.elements, { selectedId, focusedId, cyclePath })
        : { classes: new Map(), dimOthers: false },
    [model, drawn.elements, selectedId, focusedId, cyclePath],
  );
  return { model, visible, collapse, drawn, overlay, layingOut, layoutMs };
}

/**
 * The shared layout leaves room for labels under the nodes; this view writes them beside the
 * nodes, so rows move closer and a deep graph fits the window at a readable zoom.
 */
const ROW_SCALE = 0.6;

function compactRows(positions: Record<string, Point>): Record<string, Point> {
  const out: Record<string, Point> = {};
  for (const [id, p] of Object.entries(positions)) out[id] = { x: p.x, y: p.y * ROW_SCALE };
  return out;
}
