/**
 * Runs the real preload source (transpiled to CommonJS, as the bundle is) against a fake
 * 'electron', and checks that it exposes exactly one function per CALL_KEYS entry plus `on`.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import ts from 'typescript';
import * as contract from '../../shared/ipc/contract.js';
import * as transport from '../../shared/ipc/transport.js';
import { repoRoot } from './sources.js';

interface Loaded {
  exposed: { name: string; api: Record<string, unknown> }[];
  invoked: { channel: string; args: unknown }[];
  listeners: Map<string, ((event: unknown, payload: unknown) => void)[]>;
}

function loadPreload(): Loaded {
  const source = readFileSync(join(repoRoot, 'electron/preload/index.ts'), 'utf8');
  const { outputText } = ts.transpileModule(source, {
    compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022 },
  });
  const loaded: Loaded = { exposed: [], invoked: [], listeners: new Map() };
  const electron = {
    contextBridge: {
      exposeInMainWorld: (name: string, api: Record<string, unknown>) => loaded.exposed.push({ name, api }),
    },
    ipcRenderer: {
      invoke: async (channel: string, args: unknown) => {
        loaded.invoked.push({ channel, args });
        return { ok: true, value: channel };
      },
      on: (channel: string, fn: (event: unknown, payload: unknown) => void) =>
        loaded.listeners.set(channel, [...(loaded.listeners.get(channel) ?? []), fn]),
      removeListener: (channel: string, fn: unknown) =>
        loaded.listeners.set(
          channel,
          (loaded.listeners.get(channel) ?? []).filter((f) => f !== fn),
        ),
    },
  };
  // What a sandboxed preload may require: 'electron' only (shared/ipc is bundled in).
  const modules: Record<string, unknown> = {
    electron,
    '../../shared/ipc/contract.js': contract,
    '../../shared/ipc/transport.js': transport,
  };
  const require = (name: string) => {
    if (!(name in modules))
      throw new Error(`the preload requires "${name}": only electron and shared/ipc are allowed`);
    return modules[name];
  };
  const module = { exports: {} };
  new Function('require', 'module', 'exports', outputText)(require, module, module.exports);
  return loaded;
}

test('the preload exposes window.provex with exactly the contract call keys plus on', () => {
  const { exposed } = loadPreload();
  assert.equal(exposed.length, 1, 'one exposeInMainWorld call');
  const [{ name, api }] = exposed as [Loaded['exposed'][number]];
  assert.equal(name, 'provex');
  assert.deepEqual(Object.keys(api).sort(), [...contract.CALL_KEYS, 'on'].sort());
  for (const [key, value] of Object.entries(api)) assert.equal(typeof value, 'function', key);
});

test('each exposed function invokes its own key as the channel, passing only the arguments', async () => {
  const { exposed, invoked } = loadPreload();
  const api = exposed[0]!.api as Record<string, (args: unknown) => Promise<unknown>>;
  for (const key of contract.CALL_KEYS) {
    assert.deepEqual(await api[key]!({ probe: key }), { ok: true, value: key });
  }
  assert.deepEqual(
    invoked,
    contract.CALL_KEYS.map((key) => ({ channel: key, args: { probe: key } })),
  );
});

test('on() listens to contract events only, forwards the payload without the IPC event', () => {
  const { exposed, listeners } = loadPreload();
  const on = exposed[0]!.api.on as (event: string, fn: (payload: unknown) => void) => () => void;
  const seen: unknown[][] = [];
  const off = on('store/changed', (...args) => seen.push(args));
  const [listener] = listeners.get('store/changed') ?? [];
  assert.ok(listener);
  listener({ sender: 'the ipc event must not leak' }, { tables: ['tasks'] });
  assert.deepEqual(seen, [[{ tables: ['tasks'] }]]);
  off();
  assert.deepEqual(listeners.get('store/changed'), []);
  assert.throws(() => on('workspace/info', () => {}), /unknown event/);
  assert.throws(() => on('anything', () => {}), /unknown event/);
  assert.equal(listeners.has('anything'), false);
});
