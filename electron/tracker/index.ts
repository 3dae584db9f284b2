/** The tracker's public surface: what the CLI (`provex track`), the service and agents import. */
export { ProvenanceTracker, SessionHandle } from './tracker.js';
export type * from './tracker.js';
export { runDemoAgent, type DemoRun } from './demo.js';
export { MICROGROW_TOOL_MAP, PFAS_TOOL_MAP, mapTool, type ToolMap, type ToolRule } from './toolMap.js';
export type { DetailLevel } from './trim.js';
