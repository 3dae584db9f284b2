/** The SQL console: the feature's only entry point. */
export { SqlConsole } from './SqlConsole.js';
