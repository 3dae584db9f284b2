/** Pure task-graph semantics of the Go tracker (formats/go-task-provenance.md). */
export * from './enums.js';
export * from './ids.js';
export * from './graphIndex.js';
export * from './queries.js';
export * from './edgeValidation.js';
export * from './mutations.js';
export * from './prov.js';
export * from './wire.js';
export * from './layout.js';
