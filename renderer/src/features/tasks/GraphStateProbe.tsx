/**
 * What the canvas shows, as attributes of a hidden element, for tests and assistive tools (a
 * canvas has no DOM to query): the nodes carrying each overlay class (selected, focused, ancestor,
 * descendant, dimmed, cycle) as space-separated ids, and the nodes' on-screen centres relative to
 * the graph's container as JSON, so a test can click a node. Read from Cytoscape itself after
 * each change, so it reports what was drawn, not what was meant; `data-animating` is true while
 * the viewport moves. Written directly to the element
 * (no React state): a pan must not re-render the view.
 */
import type { Core } from 'cytoscape';
import { useEffect, useRef } from 'react';

/** Beyond this many nodes only the classes are reported (positions would cost a pan too much). */
const MAX_REPORTED_POSITIONS = 500;
const CLASSES = ['selected', 'focused', 'ancestor', 'descendant', 'dimmed', 'cycle'] as const;

export function GraphStateProbe({ cy, testId = 'graph-state' }: { cy: Core | null; testId?: string }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const el = ref.current;
    if (!cy || !el) return;
    let frame = 0;
    const write = () => {
      frame = 0;
      if (cy.destroyed()) return;
      const nodes = cy.nodes();
      for (const c of CLASSES)
        el.setAttribute(
          `data-${c}`,
          nodes
            .filter(`.${c}`)
            .map((n) => n.id())
            .join(' '),
        );
      el.setAttribute('data-node-count', String(nodes.length));
      el.setAttribute('data-edge-count', String(cy.edges().length));
      el.setAttribute('data-zoom', cy.zoom().toFixed(3));
      // The label colour as the canvas draws it (the theme reaches Cytoscape through its stylesheet).
      el.setAttribute('data-label-color', nodes.nonempty() ? String(nodes[0]!.style('color')) : '');
      const shown = nodes.length <= MAX_REPORTED_POSITIONS ? nodes : nodes.slice(0, 0);
      const positions = shown.map((n) => {
        const p = n.renderedPosition();
        return { id: n.id(), x: Math.round(p.x), y: Math.round(p.y) };
      });
      el.setAttribute('data-nodes', JSON.stringify(positions));
      // Positions read mid-animation are already stale: say so, and look again next frame.
      const moving = cy.animated();
      el.setAttribute('data-animating', String(moving));
      if (moving) schedule();
    };
    const schedule = () => {
      if (frame === 0) frame = requestAnimationFrame(write);
    };
    const events = 'add remove position class style viewport resize';
    cy.on(events, schedule);
    schedule();
    return () => {
      cancelAnimationFrame(frame);
      if (!cy.destroyed()) cy.off(events, schedule);
    };
  }, [cy]);
  return <div ref={ref} hidden data-testid={testId} />;
}
