/** The Sessions feature: the list view and what keyboard commands do on it. */
export { SessionsView } from './SessionsView.js';
export { clearSessionsView, moveSessionSelection, openSelectedSession } from './sessionsActions.js';
