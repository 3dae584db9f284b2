/**
 * The one thin Cytoscape wrapper: created on mount, patched in `cy.batch` when elements, positions
 * or the overlay change (added, removed and changed elements only), destroyed on unmount.
 * Positions come from outside (a preset layout computed off the main thread). Presentational: no
 * store, no api.
 */
import cytoscape, { type Core, type ElementDefinition, type StylesheetJson } from 'cytoscape';
import { useEffect, useRef } from 'react';

export interface GraphOverlay {
  classes: ReadonlyMap<string, string>;
  dimOthers: boolean;
}

export interface CytoscapeGraphProps {
  elements: readonly ElementDefinition[];
  positions: Readonly<Record<string, { x: number; y: number }>>;
  overlay: GraphOverlay;
  stylesheet: StylesheetJson;
  /** Fit the viewport whenever this changes (a new layout), not on every patch. */
  fitKey: string;
  onTap?: (id: string | null) => void;
  /** The instance, for fit / zoom / centre controls (null after unmount). */
  onReady?: (cy: Core | null) => void;
  className?: string;
}

export function CytoscapeGraph(props: CytoscapeGraphProps) {
  const container = useRef<HTMLDivElement>(null);
  const cyRef = useRef<Core | null>(null);
  const handlers = useRef(props);
  handlers.current = props;
  const lastFit = useRef('');

  useEffect(() => {
    const cy = cytoscape({
      container: container.current,
      style: handlers.current.stylesheet,
      layout: { name: 'preset' },
      minZoom: 0.02,
      maxZoom: 4,
      boxSelectionEnabled: false,
      textureOnViewport: true,
      hideEdgesOnViewport: true,
    });
    cy.on('tap', (e) =>
      handlers.current.onTap?.(e.target === cy ? null : (e.target as { id(): string }).id()),
    );
    cyRef.current = cy;
    handlers.current.onReady?.(cy);
    return () => {
      handlers.current.onReady?.(null);
      cyRef.current = null;
      cy.destroy();
    };
  }, []);

  useEffect(() => {
    cyRef.current?.style(props.stylesheet);
  }, [props.stylesheet]);

  useEffect(() => {
    const cy = cyRef.current;
    if (!cy) return;
    const wanted = new Map(props.elements.map((el) => [el.data.id!, el]));
    cy.batch(() => {
      cy.elements().forEach((ele) => {
        if (!wanted.has(ele.id())) ele.remove();
      });
      const added: ElementDefinition[] = [];
      for (const [id, el] of wanted) {
        const existing = cy.getElementById(id);
        if (existing.empty()) {
          added.push({
            ...el,
            ...(el.group === 'nodes' ? { position: { ...(props.positions[id] ?? { x: 0, y: 0 }) } } : {}),
          });
        } else {
          existing.data(el.data);
          existing.data('baseClasses', el.classes ?? '');
        }
      }
      // Nodes before edges: an edge needs both ends to exist.
      added.sort((a, b) => (a.group === b.group ? 0 : a.group === 'nodes' ? -1 : 1));
      cy.add(added.map((el) => ({ ...el, data: { ...el.data, baseClasses: el.classes ?? '' } })));
      cy.nodes().positions((n) => ({ ...(props.positions[n.id()] ?? n.position()) }));
      applyOverlay(cy, props.overlay);
    });
    if (lastFit.current !== props.fitKey) {
      lastFit.current = props.fitKey;
      cy.fit(undefined, 30);
    }
  }, [props.elements, props.positions, props.fitKey]);

  useEffect(() => {
    const cy = cyRef.current;
    if (cy) cy.batch(() => applyOverlay(cy, props.overlay));
  }, [props.overlay]);

  return <div ref={container} className={props.className} style={{ width: '100%', height: '100%' }} />;
}

function applyOverlay(cy: Core, overlay: GraphOverlay): void {
  cy.elements().forEach((ele) => {
    const extra = overlay.classes.get(ele.id());
    const dim = overlay.dimOthers && extra === undefined ? ' dimmed' : '';
    ele.classes(`${(ele.data('baseClasses') as string) ?? ''}${extra ? ` ${extra}` : ''}${dim}`);
  });
}
