import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'node:test';
import { channelViolations } from './channels.js';
import { program, repoRoot, shellSources } from './sources.js';

// A virtual file full of violations, type-checked in the same program as the real sources
// (one program: type-checking the Electron typings is the slow part).
const bad = join(repoRoot, 'electron/main/__bad_channels__.ts');
const badSource = `
  import { ipcMain, ipcRenderer, type WebContents } from 'electron';
  import type { CallKey } from '../../shared/ipc/contract.js';
  declare const anyName: string;
  declare const key: CallKey;
  declare const contents: WebContents;
  declare const eventOrCall: 'store/changed' | 'files/read';
  ipcMain.handle('files/read', async () => 1);
  ipcMain.handle(\`workspace/\${anyName}\`, async () => 1);
  ipcMain.handle(anyName, async () => 1);
  ipcMain.on(key, () => {});
  ipcRenderer.send(key);
  ipcRenderer.invoke(eventOrCall);
  contents.send('secret', 1);
  contents.send(anyName, 1);
  contents.postMessage('port', null);
  ipcMain.handle(key, async () => 1); // the one allowed form
`;
const files = shellSources();
const prog = program(files, { [bad]: badSource });

test('electron/main and electron/preload use no IPC channel outside the contract', () => {
  const { violations, uses } = channelViolations(prog, files);
  assert.deepEqual(violations, []);
  // Not vacuous: the scan saw the real registration and bridge sites.
  const calls = new Set(uses.map((u) => u.call));
  for (const expected of ['ipcMain.handle', 'ipcRenderer.invoke', 'ipcRenderer.on', 'WebContents.send']) {
    assert.ok(calls.has(expected), `no ${expected} found: the scan is broken`);
  }
});

test('the channel scan catches literal, untyped, foreign and fire-and-forget channels', () => {
  const { violations } = channelViolations(prog, [bad]);
  const lines = violations.map((v) => Number(/:(\d+):/.exec(v)?.[1]));
  assert.deepEqual(lines, [8, 9, 10, 11, 12, 13, 14, 15, 16], violations.join('\n'));
});
