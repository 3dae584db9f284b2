/**
 * The renderer in Chromium against the browser mode (`startServer` + a fresh `Service`, so no
 * timeline is cached): time from opening the big session until its first timeline rows are
 * painted, the p95 frame time while it scrolls for 3 s, the time until the task graph is laid out
 * and drawn, and the renderer's JS heap (after a GC) after each.
 */
import { chromium, type CDPSession, type Page } from 'playwright-core';
import { startServer } from '../../../electron/server/index.js';
import { Service } from '../../../electron/service.js';
import type { Workspace } from '../../../electron/store/workspace.js';
import { staticDir } from '../../helpers/sampleApp.js';
import { quantile, type Report } from '../report.js';

async function heapMb(cdp: CDPSession): Promise<number> {
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  return usedSize / 1024 / 1024;
}

/**
 * Sets the hash and resolves, in the page, once a painted frame shows the view (ms since the set).
 * The checks are written out here: the app's CSP forbids building them from text in the page.
 */
function timeToPaint(page: Page, hash: string, ready: 'timeline' | 'tasks'): Promise<number> {
  return page.evaluate(
    ({ hash, ready }) =>
      new Promise<number>((resolve, reject) => {
        const t0 = performance.now();
        const check = () => {
          const shown =
            ready === 'timeline'
              ? document.querySelectorAll('[aria-label="Timeline rows"] .tl-row:not(.muted)').length > 10
              : (() => {
                  const p = document.querySelector('[data-testid="graph-state"]');
                  const s = document.querySelector('.tasks-status')?.textContent ?? '';
                  return (
                    !!p &&
                    Number(p.getAttribute('data-node-count')) > 0 &&
                    /layout \d+ ms/.test(s) &&
                    !/Laying out/.test(s) &&
                    p.getAttribute('data-animating') !== 'true'
                  );
                })();
          if (shown) {
            // The frame after the one that had the rows in the DOM has painted them.
            requestAnimationFrame(() => setTimeout(() => resolve(performance.now() - t0)));
            return;
          }
          if (performance.now() - t0 > 120_000) reject(new Error(`not shown in 120 s: ${ready}`));
          else requestAnimationFrame(check);
        };
        location.hash = hash;
        requestAnimationFrame(check);
      }),
    { hash, ready },
  );
}

/** Polls (from Node: the page's CSP forbids more) until the graph draws `count` task nodes, laid out. */
async function pollUntil(page: Page, count: number): Promise<void> {
  const deadline = performance.now() + 30_000;
  for (;;) {
    const done = await page.evaluate((count) => {
      const p = document.querySelector('[data-testid="graph-state"]');
      const s = document.querySelector('.tasks-status')?.textContent ?? '';
      return (
        !!p &&
        Number(p.getAttribute('data-node-count')) >= count &&
        !/Laying out/.test(s) &&
        p.getAttribute('data-animating') !== 'true'
      );
    }, count);
    if (done) return;
    if (performance.now() > deadline) {
      const probe = page.locator('[data-testid="graph-state"]');
      const state = `${await probe.getAttribute('data-node-count')} nodes, animating ${await probe.getAttribute('data-animating')}`;
      throw new Error(
        `the task graph did not show ${count} nodes in 120 s: ${state}; ${await page.locator('.tasks-status').innerText()}`,
      );
    }
    await new Promise((r) => setTimeout(r, 10));
  }
}

/** Scrolls the timeline down for `ms`, a step per frame; returns each frame's duration. */
function scrollFrames(page: Page, ms: number): Promise<number[]> {
  return page.evaluate(
    (ms) =>
      new Promise<number[]>((resolve) => {
        const list = document.querySelector('[aria-label="Timeline rows"]') as HTMLElement;
        const frames: number[] = [];
        const t0 = performance.now();
        let last = t0;
        const step = (now: number) => {
          frames.push(now - last);
          last = now;
          list.scrollTop += 240;
          if (now - t0 < ms) requestAnimationFrame(step);
          else resolve(frames.slice(1));
        };
        requestAnimationFrame((now) => {
          last = now;
          requestAnimationFrame(step);
        });
      }),
    ms,
  );
}

export async function browserFigures(
  report: Report,
  ws: Workspace,
  o: { bigSession: string; bigEvents: number; taskCount: number },
): Promise<void> {
  const service = new Service(ws);
  const server = await startServer({ service, staticDir });
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-background-networking', '--disable-gpu'],
  });
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    const cdp = await page.context().newCDPSession(page);
    await page.goto(server.url);
    await page.locator('.vrow').first().waitFor({ timeout: 60_000 });
    report.add('renderer JS heap, sessions list', await heapMb(cdp), 'MB', 300);

    const painted = await timeToPaint(page, `#/sessions/${o.bigSession}`, 'timeline');
    report.add('first timeline paint, big session', painted, 'ms', 1000, `${o.bigEvents} events`);
    report.add('renderer JS heap after the timeline', await heapMb(cdp), 'MB', 300);
    const frames = await scrollFrames(page, 3000);
    report.add(
      'timeline scroll frame p95 (3 s)',
      quantile(frames, 0.95),
      'ms',
      20,
      `${frames.length} frames`,
    );
    report.add('renderer JS heap after scrolling', await heapMb(cdp), 'MB', 300);

    const shown = await timeToPaint(page, '#/tasks', 'tasks');
    const status = await page.locator('.tasks-status').innerText();
    report.add(`${o.taskCount}-task graph shown (as it opens: grouped)`, shown, 'ms', 3000, status);
    // Beyond its node budget (2,000) the view opens as groups, one per phase, and draws at most
    // 2,000 tasks: open the 'propose' group (2,000 tasks) to measure the largest drawing it makes.
    const nodes = JSON.parse(
      (await page.locator('[data-testid="graph-state"]').getAttribute('data-nodes')) ?? '[]',
    ) as {
      id: string;
      x: number;
      y: number;
    }[];
    const group = nodes.find((n) => n.id.endsWith(':propose'));
    if (!group) throw new Error(`no 'propose' group among ${nodes.map((n) => n.id).join(', ')}`);
    const box = (await page.locator('.tasks-graph').boundingBox())!;
    const t0 = performance.now();
    await page.mouse.click(box.x + group.x, box.y + group.y);
    await pollUntil(page, 2000);
    const all = performance.now() - t0;
    report.add(
      'task graph: a 2,000-task group opened, laid out and shown',
      all,
      'ms',
      3000,
      await page.locator('.tasks-status').innerText(),
    );
    report.add('renderer JS heap after the task graph', await heapMb(cdp), 'MB', 300);
    if (errors.length) console.error('page errors:', errors.slice(0, 5));
  } finally {
    await browser.close();
    await server.close();
  }
}
