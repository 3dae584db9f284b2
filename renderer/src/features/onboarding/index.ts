/** First start: the empty-workspace screen. */
export { FirstStart } from './FirstStart.js';
