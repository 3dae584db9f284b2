/**
 * Runtime checks of call arguments, one per contract key. Payloads come from the renderer or from
 * HTTP, so they are untrusted: every transport runs `validateArgs` before calling the service.
 * The table is `satisfies Record<CallKey, ...>`, so a new call without a validator does not compile.
 */
import { type Args, type CallKey } from './contract.js';
import { sessionSortKeys } from '../model/sessions.js';
import { IMPORT_KINDS } from '../model/imports.js';
import { ENUMS } from '../tasks/enums.js';
import { SUBJECT_FORMATS } from '../model/exports.js';

/** A payload that does not match its call's argument type; the message names the offending field. */
export class ArgsError extends Error {
  readonly userFacing = true;
  readonly status = 400;
  constructor(message: string) {
    super(message);
    this.name = 'ArgsError';
  }
}

type Check = (value: unknown, at: string) => void;

const fail = (at: string, expected: string, value: unknown): never => {
  throw new ArgsError(`${at}: expected ${expected}, got ${describe(value)}`);
};

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'string') return `"${value.length > 40 ? value.slice(0, 40) + '…' : value}"`;
  return typeof value;
}

const str: Check = (v, at) => {
  if (typeof v !== 'string') fail(at, 'a string', v);
};
const bool: Check = (v, at) => {
  if (typeof v !== 'boolean') fail(at, 'true or false', v);
};
const nonNegativeInt: Check = (v, at) => {
  if (typeof v !== 'number' || !Number.isSafeInteger(v) || v < 0) fail(at, 'a non-negative integer', v);
};
const oneOf =
  (values: readonly string[]): Check =>
  (v, at) => {
    if (typeof v !== 'string' || !values.includes(v)) fail(at, `one of ${values.join(', ')}`, v);
  };
const nullable =
  (inner: Check): Check =>
  (v, at) => {
    if (v !== null) inner(v, at);
  };

/** A plain object with only the listed fields; `undefined` fields count as absent. */
function object(required: Record<string, Check>, optional: Record<string, Check> = {}): Check {
  return (v, at) => {
    if (typeof v !== 'object' || v === null || Array.isArray(v)) return fail(at, 'an object', v);
    const record = v as Record<string, unknown>;
    for (const key of Object.keys(record)) {
      // Own keys only: `'__proto__' in {}` and `'constructor' in {}` are true.
      if (!Object.hasOwn(required, key) && !Object.hasOwn(optional, key)) {
        throw new ArgsError(`${at}: unknown field "${key}"`);
      }
    }
    for (const [key, check] of Object.entries(required)) {
      if (record[key] === undefined) throw new ArgsError(`${at}: missing field "${key}"`);
      check(record[key], `${at}.${key}`);
    }
    for (const [key, check] of Object.entries(optional)) {
      if (record[key] !== undefined) check(record[key], `${at}.${key}`);
    }
  };
}

/** Calls without arguments accept nothing, `undefined` or `null` (an empty HTTP body, a bare invoke). */
const none: Check = (v, at) => {
  if (v !== undefined && v !== null) fail(at, 'no arguments', v);
};

const stringList: Check = (v, at) => {
  if (!Array.isArray(v)) return fail(at, 'a list of strings', v);
  v.forEach((x, i) => str(x, `${at}[${i}]`));
};

const sessionFilter = object(
  {},
  {
    project: str,
    agent: str,
    success: bool,
    since: str,
    until: str,
    search: str,
    parent: nullable(str),
    sort: oneOf(sessionSortKeys),
    descending: bool,
    offset: nonNegativeInt,
    limit: nonNegativeInt,
  },
);

const graphId = { graph_id: nonNegativeInt };
const taskEdge = object({ ...graphId, source_id: str, target_id: str, kind: oneOf(ENUMS.EdgeKind) });
/** `{kind: 'chain' | 'session', id}`: one side of a chain comparison. */
const chainRef: Check = (v, at) => {
  object({ kind: oneOf(['chain', 'session']), id: str })(v, at);
};
const matchBy = oneOf(['auto', 'id', 'content', 'position']);

const importKind = oneOf(IMPORT_KINDS);

/** `{root_id, entries, kind?}` or `{dialog: 'folder' | 'files', kind?}`. */
const importRequest: Check = (v, at) => {
  if (typeof v === 'object' && v !== null && 'dialog' in v) {
    object({ dialog: oneOf(['folder', 'files']) }, { kind: importKind })(v, at);
  } else {
    object({ root_id: str, entries: stringList }, { kind: importKind })(v, at);
  }
};

const uploadItems: Check = (v, at) => {
  if (!Array.isArray(v)) return fail(at, 'a list of dropped files', v);
  v.forEach((x, i) => object({ relative: str, base64: str })(x, `${at}[${i}]`));
};

const validators = {
  'workspace/info': none,
  'workspace/openSample': none,
  'projects/list': none,
  'sessions/list': sessionFilter,
  'sessions/detail': object({ session_id: str }),
  'sessions/trace': object({ session_id: str }),
  'sessions/stats': sessionFilter,
  'entities/sessions': object({ entity_table: str, entity_id: str }),
  'timeline/overview': object({ session_id: str }),
  'timeline/window': object(
    { session_id: str, offset: nonNegativeInt, limit: nonNegativeInt },
    { collapsed: stringList },
  ),
  'timeline/item': object({ event_id: str }),
  'import/roots': none,
  'import/browse': object({ root_id: str, at: str }),
  'import/run': importRequest,
  'import/upload': object({ name: str, items: uploadItems }, { kind: importKind }),
  'query/run': object({ sql: str }, { limit: nonNegativeInt }),
  // tasks
  'tasks/graphs': none,
  'tasks/graph': object(graphId),
  'tasks/createTask': object(
    { ...graphId, namespace: str, title: str, phase: oneOf(ENUMS.Phase) },
    { description: str, type: oneOf(ENUMS.TaskType), priority: oneOf(ENUMS.Priority) },
  ),
  'tasks/addEdge': taskEdge,
  'tasks/removeEdge': taskEdge,
  'tasks/close': object({ ...graphId, task_id: str, reason: str }),
  'tasks/addLabel': object({ ...graphId, task_id: str, name: str }),
  'tasks/addComment': object({ ...graphId, task_id: str, author_id: str, body: str }),
  'tasks/sessions': object({ task_id: str }),
  'tasks/exportSqlite': object(graphId),
  'chains/list': object({}, { search: str, event_type: str, offset: nonNegativeInt, limit: nonNegativeInt }),
  'chains/get': object({ chain_id: str }),
  'chains/diff': object(
    { a: chainRef, b: chainRef },
    { match_by: matchBy, compare_timestamps: bool, html: bool },
  ),
  'chains/align': object({ a: chainRef, b: chainRef }),
  'chains/sessionDecisions': object({ session_id: str }),
  'watch/list': none,
  'watch/add': object({ root_id: str }),
  'watch/remove': object({ root_id: str }),
  'watch/pause': object({ paused: bool }),
  // export
  'export/session': object(
    { session_id: str, format: oneOf(SUBJECT_FORMATS.session) },
    { with_children: bool },
  ),
  'export/project': object({ project: str, format: oneOf(SUBJECT_FORMATS.project) }),
  'export/tasks': object({ ...graphId, format: oneOf(SUBJECT_FORMATS.tasks) }, { task_ids: stringList }),
  'export/chain': object({ chain_id: str, format: oneOf(SUBJECT_FORMATS.chain) }),
  'export/diff': object({ a: str, b: str, format: oneOf(SUBJECT_FORMATS.diff) }),
  'export/table': object({ sql: str, format: oneOf(SUBJECT_FORMATS.query) }, { limit: nonNegativeInt }),
  // sql
  'sql/saved': none,
  'sql/save': object({ name: str, sql: str }, { description: str }),
  'sql/delete': object({ id: str }),
} as const satisfies Record<CallKey, Check>;

/** Nesting deeper than this is refused before any per-key check (arguments are small, flat objects). */
const MAX_DEPTH = 32;

/**
 * True when `value` is plain JSON data: no functions, class instances (Date, Map, typed arrays…),
 * symbols, bigints or non-finite numbers. Structured clone over IPC can carry all of those.
 */
export function isPlainJson(value: unknown, depth = 0): boolean {
  if (depth > MAX_DEPTH) return false;
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return true;
  if (typeof value === 'number') return Number.isFinite(value);
  if (Array.isArray(value)) return value.every((v) => isPlainJson(v, depth + 1));
  if (typeof value !== 'object') return false;
  const proto: unknown = Object.getPrototypeOf(value);
  if (proto !== Object.prototype && proto !== null) return false;
  return Object.values(value).every((v) => v === undefined || isPlainJson(v, depth + 1));
}

/** Checks `raw` against the argument type of `key`; throws ArgsError, else returns it typed. */
export function validateArgs<K extends CallKey>(key: K, raw: unknown): Args<K> {
  if (raw !== undefined && !isPlainJson(raw))
    throw new ArgsError(`${key}: arguments must be plain JSON data`);
  validators[key](raw, key);
  return (raw ?? undefined) as Args<K>;
}
