/**
 * Import and live updates in a real Chromium over the browser mode: an empty workspace, an
 * allowed folder holding copies of the claude-provenance project and the crucible fixtures. The
 * project is imported through the folder browser; files are dropped and chosen (uploaded); lines
 * appended to a watched action log reach the open timeline, and wait while live updates are
 * paused. Build first (see ui.test.ts). Screenshots go to test-output/screenshots/import-*.png.
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { appendFileSync, cpSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { chromium, type Browser, type Locator, type Page } from 'playwright-core';
import { startServer, type RunningServer } from '../../electron/server/index.js';
import { Service } from '../../electron/service.js';
import { Workspace } from '../../electron/store/workspace.js';
import { sharedFixtures, tempDir } from '../helpers/paths.js';
import { shotsDir, skipWithoutBuild, staticDir } from '../helpers/sampleApp.js';

const SESSION = '79443331-9357-4ae6-8378-b0e622fae3c8';

/** An action line as the reference tracker writes it, just after the fixture session's last one. */
function actionLine(seq: number, eventId: string): string {
  return JSON.stringify({
    timestamp: `2026-01-13T16:05:${String(13 + seq - 9).padStart(2, '0')}.500000Z`,
    action_id: seq,
    type: 'read',
    tool: 'log_info',
    status: 'success',
    duration_ms: 0,
    details: { message: `live line ${seq}`, level: 'INFO' },
    files_affected: [],
    read_only: true,
    database_event_id: eventId,
  });
}

describe('import and live updates in Chromium', { skip: skipWithoutBuild }, () => {
  const tmp = tempDir('provex-import-e2e-');
  const allowed = join(tmp.dir, 'allowed');
  const log = join(
    allowed,
    'project',
    '.claude',
    'provenance',
    'sessions',
    '2026-01-13-16-05',
    'actions.jsonl',
  );
  let service: Service;
  let server: RunningServer;
  let browser: Browser;
  let page: Page;
  const errors: string[] = [];

  const shot = (name: string) => page.screenshot({ path: join(shotsDir, `${name}.png`) });
  const panel = () => page.getByRole('dialog', { name: 'Import' });
  const report = () => page.getByTestId('import-report');
  const count = (status: string) => report().locator(`[data-status="${status}"] b`).innerText();
  const entry = (rel: string): Locator => panel().locator(`[data-entry="${rel}"]`);
  const liveState = () => page.getByTestId('live-state').getAttribute('data-state');

  before(async () => {
    mkdirSync(shotsDir, { recursive: true });
    cpSync(join(sharedFixtures, 'claude-provenance', 'project'), join(allowed, 'project'), {
      recursive: true,
    });
    cpSync(join(sharedFixtures, 'crucible'), join(allowed, 'crucible'), { recursive: true });
    const ws = await Workspace.open(join(tmp.dir, 'workspace.duckdb'));
    service = new Service(ws, { allowRoots: [allowed], uploadsDir: join(tmp.dir, 'uploads') });
    server = await startServer({ service, staticDir, bodyLimit: 256 * 1024 * 1024 });
    browser = await chromium.launch({
      executablePath: '/usr/bin/chromium',
      headless: true,
      args: ['--no-sandbox', '--disable-background-networking', '--disable-gpu'],
    });
    const context = await browser.newContext({
      viewport: { width: 1280, height: 800 },
      colorScheme: 'light',
    });
    page = await context.newPage();
    page.setDefaultTimeout(10_000);
    page.on('pageerror', (e) => errors.push(String(e)));
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
    });
  });

  after(async () => {
    await browser?.close();
    await server?.close();
    await service?.close();
    tmp.cleanup();
  });

  test('the first-start button opens the panel; the folder browser imports the project', async () => {
    await page.goto(server.url);
    await page.getByRole('button', { name: /Import a folder/ }).click();
    await panel().waitFor();
    // Entries say what they import as.
    assert.equal(await entry('project').locator('.import-kind').innerText(), 'claude');
    assert.equal(await entry('crucible').locator('.import-kind').innerText(), 'chains');
    // Keyboard: down to the project, into it, back up, tick it.
    const list = panel().getByRole('listbox', { name: 'Entries' });
    await list.focus();
    await page.keyboard.press('ArrowDown');
    assert.match((await entry('project').getAttribute('class')) ?? '', /cursor/);
    await page.keyboard.press('Enter');
    await entry('project/.claude').waitFor();
    assert.match(await panel().locator('.import-crumbs').innerText(), /allowed\s*\/\s*project/);
    await page.keyboard.press('Backspace');
    await entry('project').waitFor();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press(' ');
    assert.equal(await entry('project').getAttribute('aria-selected'), 'true');
    assert.match(await page.getByTestId('import-selection').innerText(), /Chosen: project/);
    await shot('import-panel');

    await panel().getByRole('button', { name: 'Import', exact: true }).click();
    await report().waitFor();
    assert.ok(Number(await count('imported')) >= 5, 'manifests, logs and summaries imported');
    assert.equal(await count('rejected'), '0');
    assert.match(await page.getByTestId('import-written').innerText(), /sessions, .*events/);
    await shot('import-report');
    await panel().getByRole('button', { name: 'Done' }).click();
    await panel().waitFor({ state: 'detached' });
    await page.getByText('3 sessions', { exact: true }).waitFor();
    await page.locator(`.session-row[data-session-id="${SESSION}"]`).waitFor();
  });

  test('the imported project is watched: the Live list stops and starts watching it', async () => {
    await page.waitForFunction(
      () => document.querySelector('[data-testid="live-state"]')?.getAttribute('data-state') === 'live',
    );
    await page.getByTestId('live-state').click();
    const roots = page.getByRole('dialog', { name: 'Watched folders' });
    const project = roots.locator('[data-root="project"]');
    assert.equal(await project.getAttribute('data-watched'), 'true');
    assert.equal(await roots.locator('[data-root="allowed"]').getAttribute('data-watched'), 'false');
    await shot('import-live-roots');
    await project.getByRole('button', { name: 'Stop watching' }).click();
    await roots.locator('[data-root="project"][data-watched="false"]').waitFor();
    assert.equal(await liveState(), 'off');
    await project.getByRole('button', { name: 'Watch' }).click();
    await roots.locator('[data-root="project"][data-watched="true"]').waitFor();
    assert.equal(await liveState(), 'live');
    await page.getByTestId('live-state').click();
    await roots.waitFor({ state: 'detached' });
  });

  test('dropped files are uploaded and imported; a bad one is rejected with its reason', async () => {
    const chain = readFileSync(join(sharedFixtures, 'crucible', 'chain_golden_deterministic.json'), 'utf8');
    await page.evaluate((text) => {
      const dt = new DataTransfer();
      dt.items.add(new File([text], 'golden-chain.json', { type: 'application/json' }));
      dt.items.add(new File(['{"name": "x", "events": [ {"oops"'], 'broken-chain.json'));
      (window as unknown as { dropped: DataTransfer }).dropped = dt;
      window.dispatchEvent(new DragEvent('dragenter', { dataTransfer: dt, bubbles: true, cancelable: true }));
      window.dispatchEvent(new DragEvent('dragover', { dataTransfer: dt, bubbles: true, cancelable: true }));
    }, chain);
    await page.getByTestId('drop-overlay').waitFor();
    await shot('import-drop-overlay');
    await page.evaluate(() => {
      const dt = (window as unknown as { dropped: DataTransfer }).dropped;
      window.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
    });
    await page.getByTestId('drop-overlay').waitFor({ state: 'detached' });
    await report().waitFor();
    assert.equal(await count('imported'), '1');
    assert.equal(await count('rejected'), '1');
    const rejected = await report().locator('.import-group.status-rejected').innerText();
    assert.match(rejected, /broken-chain\.json/);
    assert.match(rejected, /invalid JSON/);
    assert.match(await page.getByTestId('import-written').innerText(), /1 chain, 4 chain events/);
    await shot('import-drop-report');
    assert.equal((await service['chains/list']({})).total, 1);
  });

  test('`i` opens the panel; Choose files… with a kind override imports LLM markup', async () => {
    await page.keyboard.press('Escape');
    await panel().waitFor({ state: 'detached' });
    await page.keyboard.press('i');
    await panel().waitFor();
    await panel().getByRole('combobox', { name: 'Import as' }).selectOption('markup');
    await panel()
      .getByTestId('import-file-input')
      .setInputFiles(join(sharedFixtures, 'crucible', 'parser_input_integration_test.txt'));
    await report().waitFor();
    assert.equal(await count('imported'), '1');
    assert.match(await page.getByTestId('import-written').innerText(), /1 chain/);
    assert.equal((await service['chains/list']({})).total, 2);
    await panel().getByRole('combobox', { name: 'Import as' }).selectOption('');
    // Choose a folder…: its files keep their place in it and go in one upload.
    await panel().getByRole('button', { name: 'Clear the report' }).click();
    await panel().getByTestId('import-folder-input').setInputFiles(join(allowed, 'project'));
    await report().waitFor();
    assert.match(await report().locator('h3').innerText(), /Imported project$/);
    assert.equal(await count('rejected'), '0');
    assert.match(await report().innerText(), /sessions\/2026-01-13-16-05\/actions\.jsonl/);
    await page.evaluate(() => (document.documentElement.dataset.theme = 'dark'));
    await shot('import-report-dark');
    await page.evaluate(() => (document.documentElement.dataset.theme = 'light'));
    // A menu command opens the same panel (the browser mode has no OS dialogs).
    await page.keyboard.press('Escape');
    await panel().waitFor({ state: 'detached' });
    service.emit('app/command', { command: 'import-files' });
    await panel().waitFor();
    await page.keyboard.press('Escape');
    await panel().waitFor({ state: 'detached' });
  });

  test('lines appended to a watched log appear in the open timeline with a toast; paused, they wait', async () => {
    await page.locator(`.session-row[data-session-id="${SESSION}"]`).click();
    await page.locator('.tl-row[data-kind="session"]').first().waitFor();
    const rowsBefore = await page.getByTestId('timeline-rows').innerText();

    // The open timeline takes new rows in place: it never goes back to "Loading the timeline…".
    await page.evaluate(() => {
      const w = window as unknown as { reloaded: boolean };
      w.reloaded = false;
      new MutationObserver(() => {
        if (document.body.innerText.includes('Loading the timeline')) w.reloaded = true;
      }).observe(document.body, { childList: true, subtree: true });
    });
    const first = randomUUID();
    appendFileSync(log, actionLine(10, first) + '\n');
    await page.locator(`.tl-row[data-event-id="${first}"]`).waitFor();
    assert.equal(await page.evaluate(() => (window as unknown as { reloaded: boolean }).reloaded), false);
    await page.locator('.toast', { hasText: '+1 line in MediaFormulationAgent' }).waitFor();
    assert.notEqual(await page.getByTestId('timeline-rows').innerText(), rowsBefore);
    await shot('import-live-timeline');

    await page.getByRole('button', { name: 'Pause' }).click();
    await page.waitForFunction(
      () => document.querySelector('[data-testid="live-state"]')?.getAttribute('data-state') === 'paused',
    );
    const second = randomUUID();
    appendFileSync(log, actionLine(11, second) + '\n');
    // Nothing reaches the workspace while paused (a negative check: give the watcher time to err).
    await new Promise((r) => setTimeout(r, 1500));
    assert.equal(await page.locator(`.tl-row[data-event-id="${second}"]`).count(), 0);
    await page.getByRole('button', { name: 'Resume' }).click();
    await page.locator(`.tl-row[data-event-id="${second}"]`).waitFor();
    assert.equal(await liveState(), 'live');
    assert.deepEqual(errors, []);
  });
});

describe("the desktop app's OS dialogs, faked in Chromium", { skip: skipWithoutBuild }, () => {
  const tmp = tempDir('provex-import-dialogs-');
  let service: Service;
  let server: RunningServer;
  let browser: Browser;
  let page: Page;
  const asked: string[] = [];
  let answer: (paths: string[]) => void = () => undefined;

  before(async () => {
    const ws = await Workspace.open(join(tmp.dir, 'workspace.duckdb'));
    // What Electron's dialog would return, when the test says so.
    const pick = (mode: 'folder' | 'files') => {
      asked.push(mode);
      return new Promise<string[]>((resolve) => (answer = resolve));
    };
    service = new Service(ws, { pick });
    server = await startServer({ service, staticDir });
    browser = await chromium.launch({
      executablePath: '/usr/bin/chromium',
      headless: true,
      args: ['--no-sandbox', '--disable-background-networking', '--disable-gpu'],
    });
    page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    page.setDefaultTimeout(10_000);
  });

  after(async () => {
    await browser?.close();
    await server?.close();
    await service?.close();
    tmp.cleanup();
  });

  test('the first-start button goes to the folder dialog; progress shows while it imports', async () => {
    await page.goto(server.url);
    await page.getByRole('button', { name: /Import a folder/ }).click();
    const panel = page.getByRole('dialog', { name: 'Import' });
    await panel.getByRole('progressbar').waitFor();
    assert.deepEqual(asked, ['folder']);
    // No browser of allowed folders: the app's own dialogs instead.
    assert.equal(await panel.getByRole('listbox').count(), 0);
    await panel.getByRole('button', { name: 'Import files…' }).waitFor();
    service.emit('import/progress', {
      import_id: 99,
      done: false,
      filesDone: 3,
      filesTotal: 12,
      sessionsDone: 2,
      eventsDone: 250,
      currentPath: '/somewhere/actions.jsonl',
    });
    await panel.getByText(/^3 \/ 12 files · 2 sessions · 250 events/).waitFor();
    assert.equal(await panel.getByRole('progressbar').getAttribute('aria-valuenow'), '25');
    await page.screenshot({ path: join(shotsDir, 'import-progress.png') });
    answer([join(sharedFixtures, 'crucible')]);
    await page.getByTestId('import-report').waitFor();
    assert.match(await page.getByTestId('import-written').innerText(), /1 chain/);
  });

  test('File ▸ Import files… opens the files dialog; a cancelled dialog imports nothing', async () => {
    await page.keyboard.press('Escape');
    service.emit('app/command', { command: 'import-files' });
    await page.getByRole('dialog', { name: 'Import' }).getByRole('progressbar').waitFor();
    assert.deepEqual(asked, ['folder', 'files']);
    answer([]);
    await page.getByText(/Nothing was imported/).waitFor();
  });
});
