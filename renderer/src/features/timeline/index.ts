/** The Timeline feature: the Gantt view of one session tree and what keyboard commands do on it. */
export { TimelineView } from './TimelineView.js';
export { fitAll, leaveTimeline, moveTimelineSelection, panBy, ZOOM_STEP, zoomBy } from './timelineActions.js';
