/** The task dependency graph view: the feature's only entry point. */
export { TasksView, type TasksViewProps } from './TasksView.js';
