import assert from 'node:assert/strict';
import { chmodSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { findElectron, startApp } from '../../../../electron/cli/start.js';
import { tempDir } from '../../../helpers/paths.js';

const tmp = tempDir('provex-start-');
after(tmp.cleanup);

function fakeElectronPackage(name: string, withBinary: boolean): string {
  const dir = join(tmp.dir, name);
  mkdirSync(join(dir, 'dist'), { recursive: true });
  writeFileSync(join(dir, 'path.txt'), 'electron');
  if (withBinary) {
    // A stand-in binary that records the arguments it was started with.
    const script = `#!/bin/sh\nprintf '%s\\n' "$@" > "${join(dir, 'args.txt')}"\necho "$ELECTRON_RUN_AS_NODE" > "${join(dir, 'env.txt')}"\n`;
    writeFileSync(join(dir, 'dist', 'electron'), script);
    chmodSync(join(dir, 'dist', 'electron'), 0o755);
  }
  return dir;
}

test('without the binary it says why and hands back to the browser mode', () => {
  const lines: string[] = [];
  for (const electronDir of [join(tmp.dir, 'no-such-package'), fakeElectronPackage('no-binary', false)]) {
    const result = startApp(['--db', 'x.duckdb'], { electronDir, env: {}, log: (l) => lines.push(l) });
    assert.equal(result.mode, 'browser');
  }
  assert.deepEqual(lines, [
    "Electron's binary is not installed on this machine (ELECTRON_SKIP_BINARY_DOWNLOAD) — starting the browser mode",
    "Electron's binary is not installed on this machine (ELECTRON_SKIP_BINARY_DOWNLOAD) — starting the browser mode",
  ]);
});

test('the installed electron package is inspected without triggering a download', (t) => {
  const lookup = findElectron();
  if (lookup.found) return t.skip(`Electron is installed here: ${lookup.binary}`);
  assert.match(lookup.why, /not installed/);
});

test('with the binary it spawns Electron on the main entry with the arguments', async () => {
  const dir = fakeElectronPackage('with-binary', true);
  const result = startApp(['--db', 'my workspace.duckdb'], {
    electronDir: dir,
    mainPath: '/app/dist/electron/main/index.js',
    env: { PATH: process.env.PATH, ELECTRON_RUN_AS_NODE: '1' },
    log: () => assert.fail('nothing to report'),
  });
  assert.equal(result.mode, 'electron');
  if (result.mode !== 'electron') return;
  assert.equal(await result.exited, 0);
  assert.deepEqual(readFileSync(join(dir, 'args.txt'), 'utf8').split('\n').slice(0, -1), [
    '/app/dist/electron/main/index.js',
    '--db',
    'my workspace.duckdb',
  ]);
  assert.equal(readFileSync(join(dir, 'env.txt'), 'utf8'), '\n', 'ELECTRON_RUN_AS_NODE is not passed on');
});

test('ELECTRON_OVERRIDE_DIST_PATH is honoured like the electron package does', () => {
  const dir = fakeElectronPackage('override', true);
  const lookup = findElectron(fakeElectronPackage('override-pkg', false), {
    ELECTRON_OVERRIDE_DIST_PATH: join(dir, 'dist'),
  });
  assert.deepEqual(lookup, { found: true, binary: join(dir, 'dist', 'electron') });
});
