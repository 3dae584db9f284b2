import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { networkInterfaces } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { CALL_KEYS } from '../../../../shared/ipc/contract.js';
import { startServer, type RunningServer } from '../../../../electron/server/index.js';
import { RENDERER_CSP } from '../../../../electron/server/staticFiles.js';
import { FakeService, sampleArgs } from '../../../helpers/fakeService.js';
import { tempDir } from '../../../helpers/paths.js';
import { bearer, openEvents, post, request } from './httpClient.js';

const tmp = tempDir('provex-server-');
// The served root is a sub-folder, with a secret beside it that traversal must never reach.
const staticDir = join(tmp.dir, 'renderer');
const SECRET = 'SECRET-OUTSIDE-THE-ROOT';
mkdirSync(join(staticDir, 'assets'), { recursive: true });
writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>provex</title>');
writeFileSync(join(staticDir, 'assets', 'app.js'), 'console.log(1)');
writeFileSync(join(staticDir, 'assets', 'app.css'), 'body{}');
writeFileSync(join(tmp.dir, 'package.json'), SECRET);
writeFileSync(join(tmp.dir, 'secret.txt'), SECRET);

const service = new FakeService();
const logged: string[] = [];
let server: RunningServer;
let port: number;
let token: string;

before(async () => {
  server = await startServer({
    service,
    staticDir,
    port: 0,
    bodyLimit: 4096,
    keepAliveMs: 50,
    logError: (message, error) => logged.push(`${message} ${(error as Error).message}`),
  });
  ({ port, token } = server);
});
after(async () => {
  await server.close();
  tmp.cleanup();
});

describe('binding and token', () => {
  test('listens on 127.0.0.1 and prints a URL carrying the token', () => {
    assert.equal(new URL(server.url).hostname, '127.0.0.1');
    assert.equal(new URL(server.url).searchParams.get('token'), token);
    assert.ok(token.length >= 40, 'a 32-byte random token');
  });

  test('is not reachable through a non-loopback interface', async (t) => {
    const external = Object.values(networkInterfaces())
      .flat()
      .find((i) => i && i.family === 'IPv4' && !i.internal);
    if (!external) return t.skip('this machine has no non-loopback IPv4 interface');
    await assert.rejects(request(port, '/', { host: external.address, headers: bearer(token) }), {
      code: 'ECONNREFUSED',
    });
  });

  test('refuses a non-loopback host', async () => {
    await assert.rejects(startServer({ service, staticDir, host: '0.0.0.0' }), /loopback only/);
  });

  test('each server gets its own random token', async () => {
    const other = await startServer({ service, staticDir });
    try {
      assert.notEqual(other.token, token);
      assert.equal((await post(other.port, token, 'workspace/info', undefined)).status, 401);
    } finally {
      await other.close();
    }
  });

  test('a request without the token gets 401, on every route', async () => {
    for (const [path, method] of [
      ['/', 'GET'],
      ['/assets/app.js', 'GET'],
      ['/api/workspace/info', 'POST'],
      ['/api/events', 'GET'],
      ['/api/no/such', 'POST'],
    ] as const) {
      const reply = await request(port, path, { method });
      assert.equal(reply.status, 401, `${method} ${path}`);
      assert.match(JSON.parse(reply.body).error, /token/);
    }
    assert.equal(service.calls.length, 0);
  });

  test('a wrong token gets 401, whichever way it is presented', async () => {
    const wrong = 'x'.repeat(token.length);
    const tries = [
      request(port, '/api/workspace/info', { method: 'POST', headers: bearer(wrong) }),
      request(port, '/api/workspace/info', { method: 'POST', headers: { cookie: `provex_token=${wrong}` } }),
      request(port, `/?token=${wrong}`),
      request(port, `/?token=${token.slice(0, -1)}`),
      // A wrong header is not rescued by a right cookie.
      request(port, '/', { headers: { ...bearer(wrong), cookie: `provex_token=${token}` } }),
      // The query token is for page loads and EventSource only, not for calls.
      request(port, `/api/workspace/info?token=${token}`, { method: 'POST' }),
    ];
    for (const reply of await Promise.all(tries)) assert.equal(reply.status, 401);
  });

  test('the first page load with ?token= sets an HttpOnly SameSite=Strict cookie that works', async () => {
    const page = await request(port, `/?token=${token}`);
    assert.equal(page.status, 200);
    const cookie = page.headers['set-cookie']?.[0] ?? '';
    assert.match(cookie, /HttpOnly/);
    assert.match(cookie, /SameSite=Strict/);
    const pair = cookie.split(';')[0]!;
    const call = await request(port, '/api/workspace/info', { method: 'POST', headers: { cookie: pair } });
    assert.equal(call.status, 200);
  });
});

describe('calls', () => {
  test('every contract key answers with the service result for the given arguments', async () => {
    for (const key of CALL_KEYS) {
      service.calls.length = 0;
      const reply = await post(port, token, key, sampleArgs[key]);
      assert.equal(reply.status, 200, `${key}: ${reply.body}`);
      assert.match(reply.headers['content-type'] ?? '', /^application\/json/);
      const direct = await (service[key] as (a: unknown) => Promise<unknown>)(sampleArgs[key]);
      assert.deepEqual(JSON.parse(reply.body), direct ?? null, key);
      assert.deepEqual(service.calls[0], { key, args: sampleArgs[key] });
    }
  });

  test('an unknown key is 404 and never reaches the service', async () => {
    service.calls.length = 0;
    for (const key of ['nope', 'sessions/delete', 'constructor', '__proto__', 'on']) {
      const reply = await post(port, token, key, {});
      assert.equal(reply.status, 404, key);
    }
    assert.equal(service.calls.length, 0);
  });

  test('malformed JSON is 400 with a message', async () => {
    const reply = await request(port, '/api/sessions/list', {
      method: 'POST',
      headers: bearer(token),
      body: '{"project": ',
    });
    assert.equal(reply.status, 400);
    assert.match(JSON.parse(reply.body).error, /not valid JSON/);
  });

  test('arguments of the wrong shape are 400 naming the field', async () => {
    const cases: [string, unknown, RegExp][] = [
      ['sessions/trace', {}, /missing field "session_id"/],
      ['sessions/trace', { session_id: 7 }, /session_id: expected a string/],
      ['sessions/list', { sort: 'DROP TABLE' }, /sort: expected one of/],
      ['sessions/list', { path: '/etc/passwd' }, /unknown field "path"/],
      ['query/run', { sql: 'SELECT 1', limit: -1 }, /limit: expected a non-negative integer/],
      ['workspace/info', { x: 1 }, /expected no arguments/],
    ];
    for (const [key, args, message] of cases) {
      const reply = await post(port, token, key, args);
      assert.equal(reply.status, 400, key);
      assert.match(JSON.parse(reply.body).error, message);
    }
  });

  test('service errors keep their message and status', async () => {
    const missing = await post(port, token, 'sessions/trace', { session_id: 'missing' });
    assert.equal(missing.status, 404);
    assert.deepEqual(JSON.parse(missing.body), { error: 'no session missing' });
    const crash = await post(port, token, 'query/run', { sql: 'crash' });
    assert.equal(crash.status, 500);
    assert.deepEqual(JSON.parse(crash.body), { error: 'the fake database fell over' });
    assert.deepEqual(
      logged,
      ['provex serve: query/run failed: the fake database fell over'],
      'only 5xx are logged',
    );
  });

  test('a call must be a POST', async () => {
    const reply = await request(port, '/api/workspace/info', { headers: bearer(token) });
    assert.equal(reply.status, 405);
  });

  test('a body over the limit is 413', async () => {
    const reply = await post(port, token, 'query/run', { sql: 'x'.repeat(10_000) });
    assert.equal(reply.status, 413);
  });
});

describe('events', () => {
  test('a service event arrives as a server-sent event, with keep-alive pings', async () => {
    const stream = await openEvents(port, '/api/events', bearer(token));
    try {
      await stream.next((b) => b.includes(': connected'));
      service.emit('store/changed', { tables: ['provenance_sessions'] });
      const block = await stream.next((b) => b.startsWith('event:'));
      assert.equal(block, 'event: store/changed\ndata: {"tables":["provenance_sessions"]}');
      await stream.next((b) => b === ': ping');
    } finally {
      stream.close();
    }
  });

  test('EventSource may present the token in the query; closing unsubscribes', async () => {
    const stream = await openEvents(port, `/api/events?token=${token}`, {});
    await stream.next((b) => b.includes(': connected'));
    assert.equal(service.listenerCount('app/command'), 1);
    service.emit('app/command', { command: 'view-sql' });
    assert.equal(
      await stream.next((b) => b.startsWith('event:')),
      'event: app/command\ndata: {"command":"view-sql"}',
    );
    stream.close();
    // The server notices the closed socket asynchronously; poll for it instead of timing it.
    while (service.listenerCount('app/command') > 0) await new Promise((r) => setImmediate(r));
    assert.equal(service.listenerCount('store/changed'), 0);
  });
});

describe('static files', () => {
  const get = (path: string) => request(port, path, { headers: bearer(token) });

  test('index.html and assets are served with their content type and the CSP', async () => {
    const index = await get('/');
    assert.equal(index.status, 200);
    assert.equal(index.headers['content-type'], 'text/html; charset=utf-8');
    assert.equal(index.headers['content-security-policy'], RENDERER_CSP);
    assert.match(RENDERER_CSP, /script-src 'self'(;|$)/);
    assert.equal(index.headers['x-content-type-options'], 'nosniff');
    assert.match(index.body, /<title>provex<\/title>/);
    const js = await get('/assets/app.js');
    assert.equal(js.headers['content-type'], 'text/javascript; charset=utf-8');
    assert.equal(js.body, 'console.log(1)');
    assert.equal((await get('/assets/app.css')).headers['content-type'], 'text/css; charset=utf-8');
  });

  test('a view path falls back to index.html; a missing file is 404', async () => {
    assert.match((await get('/sessions')).body, /<title>provex/);
    assert.equal((await get('/assets/missing.js')).status, 404);
  });

  test('path traversal is refused, raw or encoded', async () => {
    for (const path of [
      '/../package.json',
      '/../secret.txt',
      '/assets/../../secret.txt',
      '/%2e%2e/secret.txt',
      '/%2E%2E%2Fsecret.txt',
      '/..%2fsecret.txt',
      '/..%5csecret.txt',
      '/assets/%2e%2e%2f%2e%2e%2fsecret.txt',
      '/%252e%252e%252fsecret.txt',
      '/secret.txt%00.html',
      '/%c0%ae%c0%ae/secret.txt',
      '/api/../../secret.txt',
      '//../secret.txt',
    ]) {
      const reply = await get(path);
      assert.ok([400, 404].includes(reply.status), `${path}: HTTP ${reply.status}`);
      assert.ok(!reply.body.includes(SECRET), path);
    }
  });
});
