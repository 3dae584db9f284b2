import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { RENDERER_CSP } from '../../electron/server/staticFiles.js';
import { parse, repoRoot, tsFilesUnder } from './sources.js';
import { windowViolations } from './windowSecurity.js';

const mainFiles = tsFilesUnder('electron/main');
const mainSource = mainFiles.map((f) => readFileSync(f, 'utf8')).join('\n');

test('every BrowserWindow is isolated, sandboxed, without Node and with web security', () => {
  const { violations, windows } = windowViolations(mainFiles);
  assert.deepEqual(violations, []);
  assert.ok(windows >= 1, 'found the BrowserWindow');
});

test('the window check catches weakened settings', () => {
  const bad = join(repoRoot, 'electron/main/__bad_window__.ts');
  const source = `
    import { BrowserWindow } from 'electron';
    const extra = {};
    new BrowserWindow({ webPreferences: { contextIsolation: false, sandbox: true, nodeIntegration: false } });
    new BrowserWindow({ webPreferences: { contextIsolation: true, nodeIntegration: true, webSecurity: false } });
    new BrowserWindow({ webPreferences: { contextIsolation: true, sandbox: true, nodeIntegration: false, ...extra } });
    new BrowserWindow({ width: 10 }).loadFile('index.html');
  `;
  const { violations } = windowViolations([parse(bad, source)]);
  assert.deepEqual(
    violations.map((v) => v.replace(/^.*?:\d+: /, '')),
    [
      'contextIsolation must be true',
      'sandbox must be true',
      'nodeIntegration must be false',
      'webSecurity must not be false',
      'webPreferences has a spread or method (could override the checks)',
      'loadFile (file://)',
      'webPreferences not inline',
    ],
  );
});

test('navigation, new windows, webviews and permissions are denied; app:// serves the renderer', () => {
  for (const guard of [
    /on\('will-navigate', \(event\) => event\.preventDefault\(\)\)/,
    /setWindowOpenHandler\(\(\) => \(\{ action: 'deny' \}\)\)/,
    /on\('will-attach-webview', \(event\) => event\.preventDefault\(\)\)/,
    /setPermissionRequestHandler\(/,
    /setPermissionCheckHandler\(/,
    /app\.on\('web-contents-created'/,
    /protocol\.handle\(APP_SCHEME/,
    /requestSingleInstanceLock\(\)/,
    /app\.enableSandbox\(\)/,
  ]) {
    assert.match(mainSource, guard);
  }
});

test('the CSP allows scripts from the app only', () => {
  assert.match(RENDERER_CSP, /default-src 'self'/);
  assert.match(RENDERER_CSP, /script-src 'self'(;|$)/);
  assert.doesNotMatch(RENDERER_CSP, /unsafe-eval/);
  assert.match(RENDERER_CSP, /object-src 'none'/);
});
