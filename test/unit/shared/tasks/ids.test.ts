import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  canonicalId,
  compareUtf8,
  createUuidV7Generator,
  fromGitRemote,
  InvalidIdError,
  parseId,
  parseUuid,
  formatUuid,
} from '../../../../shared/tasks/ids.js';

const U = '019dab9f-ab1e-715f-b5e6-8cae70169105';

test('parseId splits on the rightmost -- and normalises the uuid to lowercase', () => {
  assert.deepEqual(parseId(`https://github.com/dayvidpham/provenance--${U}`), {
    namespace: 'https://github.com/dayvidpham/provenance',
    uuid: U,
  });
  assert.deepEqual(parseId(`ns--with--dashes--${U}`), { namespace: 'ns--with--dashes', uuid: U });
  assert.equal(parseId(`aura--${U.toUpperCase()}`).uuid, U);
  assert.equal(canonicalId(`aura--{${U.toUpperCase()}}`), `aura--${U}`);
});

test('parseId refuses a missing separator, an empty namespace and a bad uuid', () => {
  for (const raw of [U, `--${U}`, '--', `aura-${U}`, 'aura--', `aura--${U}x`, `aura--${U}--`]) {
    assert.throws(() => parseId(raw), InvalidIdError, raw);
  }
});

test('parseUuid accepts exactly the four google/uuid forms', () => {
  const bytes = formatUuid(parseUuid(U));
  assert.equal(bytes, U);
  assert.equal(formatUuid(parseUuid(U.toUpperCase())), U);
  assert.equal(formatUuid(parseUuid(`{${U}}`)), U);
  assert.equal(formatUuid(parseUuid(`(${U}]`)), U, '38: wrapper characters are not checked');
  assert.equal(formatUuid(parseUuid(`urn:uuid:${U}`)), U);
  assert.equal(formatUuid(parseUuid(`URN:UUID:${U}`)), U);
  assert.equal(formatUuid(parseUuid(U.replaceAll('-', ''))), U);
  // Version and variant are not checked: v4 and the nil uuid parse.
  assert.equal(
    formatUuid(parseUuid('00000000-0000-0000-0000-000000000000')),
    '00000000-0000-0000-0000-000000000000',
  );
  assert.equal(
    formatUuid(parseUuid('f47ac10b-58cc-4372-a567-0e02b2c3d479')),
    'f47ac10b-58cc-4372-a567-0e02b2c3d479',
  );
  for (const bad of [
    '',
    U.slice(1),
    `${U}0`,
    U.replace('-', '_'),
    `urn:uuix:${U}`,
    `{${U}`,
    `«${U}»`, // non-ASCII wrappers: 40 bytes in Go, not 38
    U.replace('a', 'g'),
    `${U.replaceAll('-', '')}0`,
    U.replaceAll('-', '').replace('0', 'z'),
    ` ${U}`,
  ]) {
    assert.throws(() => parseUuid(bad), Error, bad);
  }
});

test('UUIDv7: milliseconds, seq = sub-millisecond nanoseconds >> 8, version 7, variant 10', () => {
  const ns = 1777885500413010447n;
  const gen = createUuidV7Generator({ nowNs: () => ns, randomBytes: (n) => new Uint8Array(n).fill(0xff) });
  const id = gen();
  const b = parseUuid(id);
  assert.equal(id, id.toLowerCase());
  const ms = b.slice(0, 6).reduce((acc, x) => acc * 256n + BigInt(x), 0n);
  assert.equal(ms, 1777885500413n);
  assert.equal(b[6]! >> 4, 7);
  assert.equal(((b[6]! & 0x0f) << 8) | b[7]!, Number(10447n >> 8n));
  assert.equal(b[8]! >> 6, 0b10);
  assert.match(id, /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
});

test('UUIDv7 generation is monotonic even when the clock stands still or goes back', () => {
  const times = [5_000_000_000n, 5_000_000_000n, 4_000_000_000n, 5_000_000_100n, 9_000_000_000n];
  let i = 0;
  let r = 0;
  const gen = createUuidV7Generator({
    nowNs: () => times[Math.min(i++, times.length - 1)]!,
    randomBytes: (n) => new Uint8Array(n).fill(r++ % 2 === 0 ? 0xff : 0x00),
  });
  const ids = times.map(() => gen());
  const sorted = [...ids].sort();
  assert.deepEqual(ids, sorted);
  assert.equal(new Set(ids).size, ids.length);
  // The second id (same instant) is the previous (ms << 12 | seq) + 1.
  const t = (u: string): bigint => {
    const b = parseUuid(u);
    const ms = b.slice(0, 6).reduce((acc, x) => acc * 256n + BigInt(x), 0n);
    return (ms << 12n) | BigInt(((b[6]! & 0x0f) << 8) | b[7]!);
  };
  assert.equal(t(ids[1]!), t(ids[0]!) + 1n);
  assert.equal(t(ids[2]!), t(ids[1]!) + 1n);
});

test('FromGitRemote applies the first matching rule and strips one .git', () => {
  const cases: [string, string][] = [
    ['git@github.com:example/widget-service.git', 'https://github.com/example/widget-service'],
    ['ssh://git@github.com:22/u/r.git', 'https://github.com:22/u/r'],
    ['ssh://github.com/u/r', 'https://github.com/u/r'],
    ['git://github.com/u/r.git', 'https://github.com/u/r'],
    ['deploy@host:org/group/repo.git', 'https://host/org/group/repo'],
    ['http://example.com/u/r.git', 'https://example.com/u/r'],
    ['https://github.com/u/r.git', 'https://github.com/u/r'],
    ['https://user:pw@github.com/u/r/', 'https://user:pw@github.com/u/r/'],
    ['  https://github.com/U/R.git.git \n', 'https://github.com/U/R.git'],
    ['/srv/git/repo.git', '/srv/git/repo'],
    ['aura', 'aura'],
  ];
  for (const [url, ns] of cases) assert.equal(fromGitRemote(url), ns, url);
  assert.throws(() => fromGitRemote('   '), InvalidIdError);
});

test('compareUtf8 orders by code point (UTF-8 bytes), not UTF-16 units', () => {
  assert.ok(compareUtf8('a', 'b') < 0);
  assert.ok(compareUtf8('ab', 'a') > 0);
  assert.ok(compareUtf8('A', 'a') < 0);
  // U+FF5E (3 UTF-8 bytes, EF...) sorts before U+1F600 (4 bytes, F0...), unlike UTF-16 order.
  assert.ok('\uff5e' > '\u{1f600}');
  assert.ok(compareUtf8('\uff5e', '\u{1f600}') < 0);
  assert.equal(compareUtf8('x\u{1f600}', 'x\u{1f600}'), 0);
});
