/**
 * The thin Cytoscape wrapper: creates the instance on mount, patches elements inside `cy.batch`
 * when they change, runs the layout, destroys the instance on unmount. No stores, no api.
 */
import cytoscape, {
  type Core,
  type ElementDefinition,
  type LayoutOptions,
  type StylesheetJson,
} from 'cytoscape';
import { useEffect, useRef } from 'react';

export interface CytoscapeGraphProps {
  elements: ElementDefinition[];
  stylesheet: StylesheetJson;
  layout: LayoutOptions;
  /** Called with a node's id when it is tapped. */
  onSelectNode?: (id: string) => void;
  /** Node id to highlight (selected), or null. */
  selectedId?: string | null;
  height?: number | string;
}

export function CytoscapeGraph({
  elements,
  stylesheet,
  layout,
  onSelectNode,
  selectedId,
  height = 420,
}: CytoscapeGraphProps) {
  const container = useRef<HTMLDivElement>(null);
  const cy = useRef<Core | null>(null);
  const onSelect = useRef(onSelectNode);
  onSelect.current = onSelectNode;

  useEffect(() => {
    const instance = cytoscape({ container: container.current, style: stylesheet });
    instance.on('tap', 'node', (evt) => onSelect.current?.(evt.target.id() as string));
    cy.current = instance;
    return () => {
      instance.destroy();
      cy.current = null;
    };
    // Created once per mount: callers pass a module-constant stylesheet.
  }, []);

  useEffect(() => {
    const instance = cy.current;
    if (!instance) return;
    instance.batch(() => {
      instance.elements().remove();
      instance.add(elements);
    });
    instance.layout(layout).run();
  }, [elements, layout]);

  useEffect(() => {
    const instance = cy.current;
    if (!instance) return;
    instance.batch(() => {
      instance.nodes().unselect();
      if (selectedId) instance.getElementById(selectedId).select();
    });
  }, [selectedId, elements]);

  return <div ref={container} style={{ width: '100%', height, border: '1px solid #ddd', borderRadius: 4 }} />;
}
