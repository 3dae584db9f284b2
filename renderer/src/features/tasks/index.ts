/** The task dependency graph view: the feature's only entry point. */
export { TasksView, type TasksViewProps } from './TasksView.js';
// Shared with the chains' relationship graph (candidates for components/ once a third graph needs them).
export { GraphStateProbe } from './GraphStateProbe.js';
export { readPalette, type GraphPalette } from './cyStyle.js';
