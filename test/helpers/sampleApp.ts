/**
 * The app in a real Chromium over the browser mode, with the sample workspace opened from the
 * first-start screen as a user would: a fresh empty workspace and a sample path in a temp folder,
 * `startServer`, then a click on "Open the sample workspace". Shared by the e2e tests of the views
 * that need the sample's task graph, sessions and chains.
 */
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { startServer, type RunningServer } from '../../electron/server/index.js';
import { Service } from '../../electron/service.js';
import { Workspace } from '../../electron/store/workspace.js';
import { repoRoot, tempDir } from './paths.js';

export const staticDir = join(repoRoot, 'dist', 'renderer');
export const shotsDir = join(repoRoot, 'test-output', 'screenshots');
/** Why the e2e suites are skipped when the renderer was not built. */
export const skipWithoutBuild = !existsSync(join(staticDir, 'index.html')) && 'run vite build first';

export interface SampleApp {
  dir: string;
  service: Service;
  server: RunningServer;
  browser: Browser;
  context: BrowserContext;
  page: Page;
  /** Page errors and console errors seen so far. */
  errors: string[];
  shot(name: string): Promise<void>;
  close(): Promise<void>;
}

export async function startSampleApp(prefix: string): Promise<SampleApp> {
  mkdirSync(shotsDir, { recursive: true });
  const tmp = tempDir(prefix);
  const ws = await Workspace.open(join(tmp.dir, 'empty.duckdb'));
  const service = new Service(ws, { samplePath: join(tmp.dir, 'sample', 'workspace.duckdb') });
  const server = await startServer({ service, staticDir });
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-background-networking', '--disable-gpu'],
  });
  const context = await browser.newContext({
    viewport: { width: 1280, height: 800 },
    colorScheme: 'light',
    acceptDownloads: true,
  });
  const page = await context.newPage();
  page.setDefaultTimeout(10_000);
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  await page.goto(server.url);
  await page.getByRole('button', { name: 'Open the sample workspace' }).click();
  // The shell leaves the first-start screen once the sample's rows are there.
  await page.getByRole('heading', { name: 'Welcome to Provenance Explorer' }).waitFor({ state: 'detached' });
  return {
    dir: tmp.dir,
    service,
    server,
    browser,
    context,
    page,
    errors,
    shot: async (name) => {
      await page.screenshot({ path: join(shotsDir, `${name}.png`) });
    },
    close: async () => {
      await browser.close();
      await server.close();
      await service.close();
      tmp.cleanup();
    },
  };
}

/** Goes to a route of the shell by its hash, as a link or a bookmark would. */
export async function go(page: Page, hash: string): Promise<void> {
  await page.evaluate((h) => (location.hash = h), hash);
}
