import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { CALL_KEYS, type CallKey, type Events } from '../../../../shared/ipc/contract.js';
import type { Outcome, PreloadBridge, Subscribe } from '../../../../shared/ipc/transport.js';
import { startServer, type RunningServer } from '../../../../electron/server/index.js';
import type { Api } from '../../../../renderer/src/api/index.js';
import type * as BridgeApiModule from '../../../../renderer/src/api/bridgeApi.js';
import type * as HttpApiModule from '../../../../renderer/src/api/httpApi.js';
import type * as TypesModule from '../../../../renderer/src/api/types.js';
import { FakeService, sampleArgs } from '../../../helpers/fakeService.js';
import { tempDir } from '../../../helpers/paths.js';
import { NodeEventSource } from './nodeEventSource.js';

// The renderer compiles to dist/renderer-js (dist/renderer is the vite bundle): import it from
// there at run time, typed by its sources.
const rendererJs = (path: string) => new URL(`../../../../renderer-js/src/${path}`, import.meta.url).href;
const { bridgeApi } = (await import(rendererJs('api/bridgeApi.js'))) as typeof BridgeApiModule;
const { httpApi } = (await import(rendererJs('api/httpApi.js'))) as typeof HttpApiModule;
const { ApiError } = (await import(rendererJs('api/types.js'))) as typeof TypesModule;

const callAny = (api: Api, key: CallKey, args: unknown) =>
  (api.call as (k: CallKey, a: unknown) => Promise<unknown>)(key, args);

describe('the HTTP transport, against the real server', () => {
  const tmp = tempDir('provex-api-');
  const service = new FakeService();
  let server: RunningServer;
  let api: Api;
  const baseUrl = () => `http://127.0.0.1:${server.port}`;

  before(async () => {
    mkdirSync(join(tmp.dir, 'renderer'));
    writeFileSync(join(tmp.dir, 'renderer', 'index.html'), '');
    server = await startServer({ service, staticDir: join(tmp.dir, 'renderer') });
    api = httpApi({ baseUrl: baseUrl(), token: server.token, fetch, EventSource: NodeEventSource });
  });
  after(async () => {
    await server.close();
    tmp.cleanup();
  });

  test('every call key returns the service result', async () => {
    assert.equal(api.transport, 'http');
    for (const key of CALL_KEYS) {
      const direct = await (service[key] as (a: unknown) => Promise<unknown>)(sampleArgs[key]);
      assert.deepEqual(await callAny(api, key, sampleArgs[key]), direct ?? null, key);
    }
    // Typed: no argument needed for argument-less calls.
    assert.equal((await api.call('workspace/info')).schema_version, 1);
  });

  test('errors become ApiError with the server message and status', async () => {
    await assert.rejects(callAny(api, 'sessions/trace', { session_id: 'missing' }), (e: unknown) => {
      assert.ok(e instanceof ApiError);
      assert.equal(e.status, 404);
      assert.equal(e.key, 'sessions/trace');
      assert.equal(e.message, 'no session missing');
      return true;
    });
    await assert.rejects(callAny(api, 'sessions/list', { sort: 'nope' }), { status: 400 });
    const wrongToken = httpApi({
      baseUrl: baseUrl(),
      token: 'w'.repeat(43),
      fetch,
      EventSource: NodeEventSource,
    });
    await assert.rejects(wrongToken.call('workspace/info'), { status: 401, message: /token/ });
  });

  test('events arrive through one EventSource, closed after the last unsubscribe', async () => {
    NodeEventSource.instances.length = 0;
    const changes: Events['store/changed'][] = [];
    const commands: Events['app/command'][] = [];
    const offChanges = api.on('store/changed', (p) => changes.push(p));
    const offCommands = api.on('app/command', (p) => commands.push(p));
    assert.equal(NodeEventSource.instances.length, 1);
    const source = NodeEventSource.instances[0]!;
    assert.match(source.url, /\/api\/events\?token=/);
    await source.connected;
    service.emit('store/changed', { tables: ['tasks'] });
    service.emit('app/command', { command: 'import-folder' });
    while (commands.length === 0) await new Promise((r) => setImmediate(r));
    // Events on one stream arrive in order, so the earlier one is already there.
    assert.deepEqual(changes, [{ tables: ['tasks'] }]);
    assert.deepEqual(commands, [{ command: 'import-folder' }]);
    offChanges();
    assert.equal(source.closed, false);
    offCommands();
    assert.equal(source.closed, true);
  });
});

describe('the Electron transport, over a fake preload bridge', () => {
  function fakeBridge() {
    const invoked: { key: CallKey; args: unknown }[] = [];
    let subscribed: { event: string; listener: (p: never) => void } | null = null;
    const calls = Object.fromEntries(
      CALL_KEYS.map((key) => [
        key,
        async (args: unknown): Promise<Outcome<unknown>> => {
          invoked.push({ key, args });
          return key === 'sessions/trace'
            ? { ok: false, error: 'no session s-1', status: 404 }
            : { ok: true, value: { echo: key } };
        },
      ]),
    );
    const on: Subscribe = (event, listener) => {
      subscribed = { event, listener: listener as (p: never) => void };
      return () => (subscribed = null);
    };
    return { bridge: { ...calls, on } as unknown as PreloadBridge, invoked, subscribed: () => subscribed };
  }

  test('calls go to the bridge function of their key; outcomes are unwrapped', async () => {
    const fake = fakeBridge();
    const api = bridgeApi(fake.bridge);
    assert.equal(api.transport, 'electron');
    assert.deepEqual(await callAny(api, 'query/run', { sql: 'SELECT 1' }), { echo: 'query/run' });
    assert.deepEqual(fake.invoked, [{ key: 'query/run', args: { sql: 'SELECT 1' } }]);
    await assert.rejects(callAny(api, 'sessions/trace', { session_id: 's-1' }), (e: unknown) => {
      assert.ok(e instanceof ApiError);
      assert.equal(e.status, 404);
      assert.equal(e.message, 'no session s-1');
      return true;
    });
  });

  test('on() subscribes through the bridge and returns its unsubscribe', () => {
    const fake = fakeBridge();
    const api = bridgeApi(fake.bridge);
    const seen: unknown[] = [];
    const off = api.on('store/changed', (p) => seen.push(p));
    assert.equal(fake.subscribed()?.event, 'store/changed');
    fake.subscribed()?.listener({ tables: ['x'] } as never);
    assert.deepEqual(seen, [{ tables: ['x'] }]);
    off();
    assert.equal(fake.subscribed(), null);
  });

  test('the api module picks window.provex when the preload exposed it, else HTTP', async () => {
    const indexUrl = rendererJs('api/index.js');
    const plain = (await import(`${indexUrl}?without-bridge`)) as { api: Api };
    assert.equal(plain.api.transport, 'http');
    (globalThis as { provex?: PreloadBridge }).provex = fakeBridge().bridge;
    try {
      const desktop = (await import(`${indexUrl}?with-bridge`)) as { api: Api };
      assert.equal(desktop.api.transport, 'electron');
    } finally {
      delete (globalThis as { provex?: PreloadBridge }).provex;
    }
  });
});
