/**
 * The renderer end to end in a real Chromium, against the browser mode (`startServer`) over a real
 * DuckDB workspace in a temp folder: first start, the sessions list, the timeline, the keyboard,
 * themes and the token. Build first: `npx tsc -b && npx vite build --config renderer/vite.config.ts`.
 * Screenshots of each main view go to test-output/screenshots/.
 */
import assert from 'node:assert/strict';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { startServer, type RunningServer } from '../../electron/server/index.js';
import { Service } from '../../electron/service.js';
import { Workspace } from '../../electron/store/workspace.js';
import { repoRoot, tempDir } from '../helpers/paths.js';
import { SEED, seedSessions } from '../helpers/seedSessions.js';

const staticDir = join(repoRoot, 'dist', 'renderer');
const shots = join(repoRoot, 'test-output', 'screenshots');
const TOTAL_SESSIONS = 5 + SEED.batch + 1;

describe(
  'the renderer in Chromium',
  { skip: !existsSync(join(staticDir, 'index.html')) && 'run vite build first' },
  () => {
    const tmp = tempDir('provex-e2e-');
    let ws: Workspace;
    let service: Service;
    let server: RunningServer;
    let browser: Browser;
    let context: BrowserContext;
    let page: Page;
    const errors: string[] = [];

    const shot = (name: string) => page.screenshot({ path: join(shots, `${name}.png`) });
    const text = (selector: string) => page.locator(selector).first().innerText();
    const row = (eventId: string) => page.locator(`.tl-row[data-event-id="${eventId}"]`);
    const detail = () => page.locator('aside.detail');
    const hash = () => page.evaluate(() => location.hash);

    before(async () => {
      mkdirSync(shots, { recursive: true });
      ws = await Workspace.open(join(tmp.dir, 'workspace.duckdb'));
      service = new Service(ws);
      server = await startServer({ service, staticDir });
      browser = await chromium.launch({
        executablePath: '/usr/bin/chromium',
        headless: true,
        args: ['--no-sandbox', '--disable-background-networking', '--disable-gpu'],
      });
      context = await browser.newContext({ viewport: { width: 1280, height: 800 }, colorScheme: 'light' });
      await context.grantPermissions(['clipboard-read', 'clipboard-write'], {
        origin: `http://127.0.0.1:${server.port}`,
      });
      page = await context.newPage();
      page.on('pageerror', (e) => errors.push(String(e)));
      page.on('console', (m) => {
        if (m.type() === 'error') errors.push(m.text());
      });
    });

    after(async () => {
      await browser?.close();
      await server?.close();
      ws?.close();
      tmp.cleanup();
    });

    test('first start: an empty workspace offers the sample and an import', async () => {
      await page.goto(server.url);
      await page.getByRole('heading', { name: 'Welcome to Provenance Explorer' }).waitFor();
      assert.match(await text('[data-testid="workspace-path"]'), /workspace\.duckdb$/);
      await page.getByRole('button', { name: 'Open the sample workspace' }).waitFor();
      await page.getByRole('button', { name: /Import a folder/ }).waitFor();
      await shot('first-start');
    });

    test('the list appears when the store changes; it is virtualized and pages as it scrolls', async () => {
      await seedSessions(ws);
      service.emit('store/changed', { tables: ['provenance_sessions'] });
      await page.getByText(`${TOTAL_SESSIONS} sessions`).waitFor();
      await page.getByText(SEED.rootQuery).first().waitFor();
      const rendered = await page.locator('.session-row').count();
      assert.ok(rendered > 10 && rendered < 80, `${rendered} rows in the DOM`);
      await page.locator('[data-testid="sessions-summary"] svg').first().waitFor();
      assert.match(await text('[data-testid="sessions-summary"]'), /provex-demo/);
      await shot('sessions');
      // The oldest batch session is the last row of the default (newest first) order.
      await page.locator('.vlist').evaluate((el) => (el.scrollTop = el.scrollHeight));
      await page.getByText('Batch run 0 of the growth screen', { exact: true }).waitFor();
      await page.locator('.vlist').evaluate((el) => (el.scrollTop = 0));
    });

    test('filters, search and sort live in the URL', async () => {
      await page.getByRole('combobox', { name: 'Project' }).selectOption('PFASCommunityAgents');
      await page.getByText('2 sessions', { exact: true }).waitFor();
      assert.match(await hash(), /project=PFASCommunityAgents/);
      await page.getByRole('combobox', { name: 'Outcome' }).selectOption('false');
      await page.getByText('1 sessions', { exact: true }).waitFor();
      await page.getByRole('combobox', { name: 'Outcome' }).selectOption('');
      await page.getByRole('combobox', { name: 'Project' }).selectOption('');
      await page.getByLabel('Search sessions').fill('lanthan');
      await page.getByText('2 sessions', { exact: true }).waitFor();
      assert.match(await hash(), /q=lanthan/);
      // The child session is marked.
      await page.locator(`.session-row[data-session-id="${SEED.child}"] .child-mark`).waitFor();
      await page.getByRole('button', { name: 'Duration' }).click();
      await page.waitForFunction(() => location.hash.includes('sort=duration_ms'));
      const first = await page.locator('.session-row').first().getAttribute('data-session-id');
      assert.equal(first, SEED.root, 'longest first');
      // Reloading keeps the view.
      await page.reload();
      await page.getByText('2 sessions', { exact: true }).waitFor();
      assert.equal(await page.getByLabel('Search sessions').inputValue(), 'lanthan');
    });

    test('opening a session shows its timeline; a tool call shows its details', async () => {
      await page.locator(`.session-row[data-session-id="${SEED.root}"]`).click();
      await page.getByText('17 rows', { exact: false }).waitFor();
      assert.match(await hash(), /^#\/sessions\/s-root/);
      await row(SEED.events.failure).click();
      const panel = detail();
      await panel.getByText('503 Service Unavailable', { exact: false }).waitFor();
      assert.match(await panel.innerText(), /retries\s+2/);
      assert.match(await panel.locator('[aria-label="tool input"]').innerText(), /"pathway": "map00680"/);
      assert.match(await hash(), /item=e-root-kegg/);
      await shot('timeline-tool-call');

      await row(SEED.events.cacheHit).click();
      await panel.getByText('hit (disk)').waitFor();
      await panel.getByRole('button', { name: 'Copy details' }).click();
      await panel.getByRole('button', { name: 'Copy details' }).getByText('Copied').waitFor();
      const copied = await page.evaluate(() => navigator.clipboard.readText());
      assert.deepEqual(JSON.parse(copied), {
        call_id: 'c-pubchem',
        success: true,
        cache_hit: true,
        duration_ms: 5,
      });
    });

    test('a decision shows the branch taken among those available; entities lead to other sessions', async () => {
      await row(SEED.events.decision).click();
      const branches = detail().getByLabel('Branches');
      await branches.waitFor();
      assert.deepEqual(await branches.locator('li').allInnerTexts(), [
        '→ defined_medium',
        'complex_medium',
        'skip',
      ]);
      assert.match(await detail().innerText(), /Lanthanide-dependent methylotroph/);
      await detail().getByRole('button', { name: 'media:MP-1' }).click();
      const other = detail().getByRole('button', {
        name: /GenomeAnnotationAgent: Find media used by PFAS degraders/,
      });
      await other.waitFor();
      await shot('timeline-decision');

      await row(SEED.events.transformation).click();
      await detail().getByLabel('input schema', { exact: true }).waitFor();
      assert.match(
        await detail().getByLabel('output schema', { exact: true }).innerText(),
        /"variants": "int"/,
      );
    });

    test('the session tab shows summary.md as text and the manifest as a tree', async () => {
      await detail().getByRole('tab', { name: 'Session' }).click();
      const summary = page.locator('[data-testid="summary-md"]');
      await summary.waitFor();
      assert.ok((await summary.innerText()).includes(SEED.summaryMarkup));
      assert.equal(await page.locator('aside.detail img').count(), 0);
      assert.equal(await page.evaluate(() => (window as { __pwned?: number }).__pwned), undefined);
      assert.match(await detail().getByLabel('manifest', { exact: true }).innerText(), /api_calls_made/);
      await shot('timeline-session');
      await detail().getByRole('tab', { name: 'Item' }).click();
    });

    test('zoom by buttons, keys and ctrl+wheel; the range goes into the URL', async () => {
      const zoom = () => text('[data-testid="zoom-level"]');
      assert.equal(await zoom(), '×1.0');
      await page.getByRole('button', { name: 'Zoom in' }).click();
      assert.equal(await zoom(), '×1.6');
      await page.locator('body').press('+');
      assert.equal(await zoom(), '×2.6');
      await page.waitForFunction(() => /from=.*&to=/.test(location.hash));
      const before = await text('[data-testid="visible-range"]');
      await page.keyboard.press('ArrowRight');
      assert.notEqual(await text('[data-testid="visible-range"]'), before);
      const grid = await page.locator('.timeline-grid .vlist').boundingBox();
      await page.mouse.move(grid!.x + grid!.width * 0.7, grid!.y + 40);
      await page.keyboard.down('Control');
      await page.mouse.wheel(0, -100);
      await page.keyboard.up('Control');
      await page.waitForFunction(
        () => document.querySelector('[data-testid="zoom-level"]')?.textContent === '×3.2',
      );
      await shot('timeline-zoomed');
      await page.getByRole('button', { name: 'Fit the whole session' }).click();
      assert.equal(await zoom(), '×1.0');
    });

    test('collapsing a child lane hides its rows and is kept in the URL', async () => {
      await row('e-child-kegg').waitFor();
      await page.getByRole('button', { name: 'Collapse PathwayAnalysisAgent' }).click();
      await page.getByText('10 rows', { exact: false }).waitFor();
      assert.equal(await row('e-child-kegg').count(), 0);
      assert.match(await hash(), /collapsed=s-child/);
      await page.getByRole('button', { name: 'Expand PathwayAnalysisAgent' }).click();
      await page.getByText('17 rows', { exact: false }).waitFor();
    });

    test('keyboard: j / k step through items, ? lists the keys, Esc closes and clears', async () => {
      await page.keyboard.press('Escape');
      await page.waitForFunction(() => !location.hash.includes('item='));
      await page.keyboard.press('j');
      await page.waitForFunction(() => location.hash.includes('item=e-root-start'));
      await page.keyboard.press('j');
      await page.waitForFunction(() => location.hash.includes('item=e-root-query'));
      assert.equal(await row('e-root-query').getAttribute('aria-selected'), 'true');
      await page.keyboard.press('k');
      await page.waitForFunction(() => location.hash.includes('item=e-root-start'));
      await page.keyboard.press('?');
      const dialog = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
      await dialog.waitFor();
      assert.match(await dialog.innerText(), /Go to Tasks/);
      await shot('keymap');
      await page.keyboard.press('Escape');
      await dialog.waitFor({ state: 'detached' });
      // Typing in a field is not a shortcut.
      await page.keyboard.press('g');
      await page.keyboard.press('t');
      await page.getByRole('region', { name: 'Task graphs' }).waitFor();
      await page.keyboard.press('g');
      await page.keyboard.press('s');
      const search = page.getByLabel('Search sessions');
      await search.waitFor();
      await page.keyboard.press('/');
      await page.keyboard.type('j?');
      assert.equal(await search.inputValue(), 'lanthanj?');
      assert.equal(await page.getByRole('dialog').count(), 0);
      await search.fill('');
      await page.keyboard.press('Escape');
      await page.getByText(`${TOTAL_SESSIONS} sessions`).waitFor();
      // j selects the next row of the list, Enter opens it.
      const selected = () => new URLSearchParams(location.hash.split('?')[1]).get('sel');
      const before = await page.evaluate(selected);
      await page.keyboard.press('j');
      await page.waitForFunction((b) => {
        const sel = new URLSearchParams(location.hash.split('?')[1]).get('sel');
        return sel !== null && sel !== b;
      }, before);
      const next = await page.evaluate(selected);
      assert.equal(
        await page.locator(`.session-row[data-session-id="${next}"]`).getAttribute('aria-selected'),
        'true',
      );
      await page.keyboard.press('Enter');
      await page.waitForFunction(
        (id) => location.hash.startsWith(`#/sessions/${id}?`) || location.hash === `#/sessions/${id}`,
        next,
      );
    });

    test('a 5,000-event session: only a window of rows is loaded and rendered', async () => {
      await page.evaluate((id) => (location.hash = `#/sessions/${id}`), SEED.large);
      await page.getByText('5,001 rows', { exact: false }).waitFor();
      assert.ok((await page.locator('.tl-row').count()) < 120);
      await page.locator('.timeline-grid .vlist').evaluate((el) => (el.scrollTop = el.scrollHeight));
      await row('e-large-004999').waitFor();
      const held = await text('[data-testid="timeline-rows"]');
      const windows = Number(/(\d+) windows/.exec(held)?.[1]);
      assert.ok(windows >= 1 && windows <= 6, held);
      await row('e-large-004998').click();
      await detail().getByText('api.strain_lookup_0', { exact: false }).first().waitFor();
      await shot('timeline-large');
    });

    test('dark mode toggles, is remembered, and follows the system until chosen', async () => {
      const theme = () => page.evaluate(() => document.documentElement.dataset.theme);
      assert.equal(await theme(), 'light');
      await page.getByRole('button', { name: 'Switch to dark theme' }).click();
      assert.equal(await theme(), 'dark');
      await page.reload();
      await page.getByText('5,001 rows', { exact: false }).waitFor();
      assert.equal(await theme(), 'dark');
      await shot('timeline-dark');
      await page.evaluate((id) => (location.hash = `#/sessions/${id}?item=${'e-root-decision'}`), SEED.root);
      await detail().getByLabel('Branches').waitFor();
      await shot('timeline-decision-dark');
      await page.keyboard.press('g');
      await page.keyboard.press('s');
      await page.locator('.session-row').first().waitFor();
      await page.locator('[data-testid="sessions-summary"] svg').first().waitFor();
      await shot('sessions-dark');
      // A fresh page with no stored choice follows the system's scheme.
      const fresh = await browser.newContext({ colorScheme: 'dark' });
      const p2 = await fresh.newPage();
      await p2.goto(server.url);
      await p2.locator('.session-row').first().waitFor();
      assert.equal(await p2.evaluate(() => document.documentElement.dataset.theme), 'dark');
      await fresh.close();
    });

    test('requests without the token are refused', async () => {
      const base = `http://127.0.0.1:${server.port}`;
      const call = await fetch(`${base}/api/workspace/info`, { method: 'POST' });
      assert.equal(call.status, 401);
      const pageLoad = await fetch(`${base}/`);
      assert.equal(pageLoad.status, 401);
      const withToken = await fetch(`${base}/api/workspace/info`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${server.token}` },
      });
      assert.equal(withToken.status, 200);
    });

    test('no errors in the page console', () => {
      assert.deepEqual(errors, []);
    });
  },
);
