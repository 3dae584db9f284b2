/**
 * Exports in a real Chromium: every Mermaid generator's output parses and renders with the built
 * mermaid (the package's browser bundle, served from loopback), and the app's SQL console and
 * Export panel work against the browser mode. Build first (see ui.test.ts).
 */
import assert from 'node:assert/strict';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { join, normalize } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { chromium, type Browser, type Page } from 'playwright-core';
import { startServer, type RunningServer } from '../../electron/server/index.js';
import { Service } from '../../electron/service.js';
import { ExportService } from '../../electron/exportService.js';
import { importClaudePaths } from '../../electron/importers/claude/importClaude.js';
import { importPaths } from '../../electron/importers/importPaths.js';
import { Workspace } from '../../electron/store/workspace.js';
import { getSessionTrace } from '../../electron/store/sessionRepository.js';
import { alignChains } from '../../shared/chains/diff/alignChains.js';
import { compareChains } from '../../shared/chains/diff/compareChains.js';
import { asSessionId } from '../../shared/model/ids.js';
import { asTaskGraphId } from '../../shared/model/tasks.js';
import type { SessionTrace } from '../../shared/model/sessions.js';
import type { Mermaid as MermaidApi } from 'mermaid';
import { toAlignmentFlowchart, toDiffResultFlowchart } from '../../shared/export/mermaidDiff.js';
import { toSessionGantt, toSessionSequence } from '../../shared/export/mermaidSession.js';
import {
  toMermaidFlowchart,
  toMermaidGraph,
  toMermaidSequence,
  toMermaidTimeline,
} from '../../shared/export/mermaidChains.js';
import { chainB, emptyChain, golden, hostileChain } from '../helpers/crucible.js';
import { buildSmallDb } from '../helpers/goTasks.js';
import { repoRoot, sharedFixtures, tempDir } from '../helpers/paths.js';
import { rendererJs } from '../helpers/rendererModule.js';
import type * as SvgText from '../../renderer/src/features/export/svgText.js';
import { SEED, seedSessions } from '../helpers/seedSessions.js';

const staticDir = join(repoRoot, 'dist', 'renderer');
const { xmlSafeSvg } = (await import(rendererJs('features/export/svgText.js'))) as typeof SvgText;
const mermaidDist = join(repoRoot, 'node_modules', 'mermaid', 'dist');

/** Serves the mermaid package's dist folder and an empty page on loopback. */
function serveMermaid(): Promise<{ server: Server; url: string }> {
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    if (path === '/') {
      res.writeHead(200, { 'content-type': 'text/html' }).end('<!doctype html><html><body></body></html>');
      return;
    }
    const file = normalize(join(mermaidDist, path));
    if (!file.startsWith(mermaidDist) || !existsSync(file)) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': 'text/javascript' }).end(readFileSync(file));
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => {
      const a = server.address();
      resolve({ server, url: `http://127.0.0.1:${typeof a === 'object' && a ? a.port : 0}/` });
    }),
  );
}

/** A session whose labels hold everything that can break a diagram. */
function hostileTrace(base: SessionTrace): SessionTrace {
  const nasty = 'x"; end %% #35; <script>alert(1)</script> [a](b){c}|d` \n second line : colon & amp';
  return {
    ...base,
    session: { ...base.session, query: nasty, agent_type: `Agent ${nasty}` },
    events: base.events.map((e) => ({ ...e, event_name: `${e.event_name} ${nasty}` })),
    tool_calls: base.tool_calls.map((c) => ({
      ...c,
      tool_name: `${c.tool_name}${nasty}`,
      error_message: nasty,
    })),
    decisions: base.decisions.map((d) => ({ ...d, decision_point: nasty, branch_taken: nasty })),
  };
}

describe(
  'exports in Chromium',
  { skip: !existsSync(join(staticDir, 'index.html')) && 'run vite build first' },
  () => {
    const tmp = tempDir('provex-e2e-export-');
    let ws: Workspace;
    let browser: Browser;
    let mermaidServer: { server: Server; url: string };
    let app: RunningServer;
    let page: Page;
    const diagrams: Record<string, string> = {};
    const errors: string[] = [];

    before(async () => {
      // Fixtures in one workspace (only for generating diagrams), the seeded sessions in the app's.
      const fx = await Workspace.open(join(tmp.dir, 'fixtures.duckdb'));
      await importClaudePaths(fx, [join(sharedFixtures, 'claude-provenance', 'project')]);
      const tasks = join(tmp.dir, 'small.sqlite');
      writeFileSync(tasks, await buildSmallDb());
      await importPaths(fx, [tasks]);
      const s1605 = (await getSessionTrace(fx, '79443331-9357-4ae6-8378-b0e622fae3c8'))!;
      diagrams['task flowchart'] = (
        await new ExportService(fx).taskGraph({ graph_id: asTaskGraphId(1), format: 'mermaid-flowchart' })
      ).content;
      fx.close();
      ws = await Workspace.open(join(tmp.dir, 'ws.duckdb'));
      await seedSessions(ws);
      const trace = (id: string) => getSessionTrace(ws, id).then((t) => t!);
      const root = await trace(SEED.root);
      const tree = [await trace(SEED.child), await trace(SEED.grand)];
      diagrams['session sequence (fixture)'] = toSessionSequence(s1605);
      diagrams['session gantt (fixture)'] = toSessionGantt(s1605);
      diagrams['session sequence (tree)'] = toSessionSequence(root, tree);
      diagrams['session gantt (tree)'] = toSessionGantt(root, tree);
      diagrams['session sequence (hostile labels)'] = toSessionSequence(hostileTrace(root), tree);
      diagrams['session gantt (hostile labels)'] = toSessionGantt(hostileTrace(root), tree);
      diagrams['session sequence (large, cut)'] = toSessionSequence(await trace(SEED.large));
      const a = golden();
      const b = chainB();
      diagrams['chain diff (aligned)'] = toAlignmentFlowchart(a, b, alignChains(a, b));
      diagrams['chain diff (aligned, changes only)'] = toAlignmentFlowchart(a, b, alignChains(a, b), {
        changesOnly: true,
      });
      diagrams['chain diff (reference)'] = toDiffResultFlowchart(compareChains(a, b));
      // The chain diagrams as the app shows them (`compat: 'mermaid'`): the reference's own bytes
      // are not all Mermaid (its sequence ends statements at `&quot;`, its timeline leaves `: `).
      const safe = { compat: 'mermaid' } as const;
      for (const [name, chain] of [
        ['golden', a],
        ['empty', emptyChain()],
        ['hostile labels', hostileChain()],
      ] as const) {
        diagrams[`chain flowchart (${name})`] = toMermaidFlowchart(chain, safe);
        diagrams[`chain flowchart with confidence (${name})`] = toMermaidFlowchart(chain, {
          ...safe,
          includeConfidence: true,
        });
        diagrams[`chain sequence (${name})`] = toMermaidSequence(chain, safe);
        diagrams[`chain timeline (${name})`] = toMermaidTimeline(chain, safe);
        diagrams[`chain graph (${name})`] = toMermaidGraph(chain, safe);
      }
      diagrams['chain timeline (no title)'] = toMermaidTimeline({ ...a, name: null }, safe);
      diagrams['chain flowchart (reference bytes)'] = toMermaidFlowchart(a);
      diagrams['chain graph (reference bytes)'] = toMermaidGraph(a);
      void asSessionId;

      mermaidServer = await serveMermaid();
      app = await startServer({ service: new Service(ws), staticDir });
      browser = await chromium.launch({
        executablePath: '/usr/bin/chromium',
        headless: true,
        args: ['--no-sandbox', '--disable-background-networking', '--disable-gpu'],
      });
      page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
      page.on('pageerror', (e) => errors.push(String(e)));
    });

    after(async () => {
      await browser?.close();
      await app?.close();
      mermaidServer?.server.close();
      ws?.close();
      tmp.cleanup();
    });

    test('every generated diagram parses and renders with the built mermaid (strict)', async () => {
      await page.goto(mermaidServer.url);
      // The app's own pass over Mermaid's SVG (HTML serialization) before it is shown as an image.
      await page.exposeFunction('xmlSafeSvg', xmlSafeSvg);
      const rendered = await page.evaluate(async (texts: Record<string, string>) => {
        const toXml = (window as unknown as { xmlSafeSvg: (svg: string) => Promise<string> }).xmlSafeSvg;
        (window as { alert: (m?: string) => void; alerted?: boolean }).alert = () => {
          (window as { alerted?: boolean }).alerted = true;
        };
        const bundle = '/mermaid.esm.min.mjs';
        const m = (await import(bundle)) as { default: MermaidApi };
        const mermaid = m.default;
        mermaid.initialize({ startOnLoad: false, securityLevel: 'strict', maxTextSize: 500000 });
        const out: Record<string, string> = {};
        const text: Record<string, string> = {};
        let n = 0;
        for (const [name, source] of Object.entries(texts)) {
          try {
            await mermaid.parse(source);
            const svg = await toXml((await mermaid.render(`d${n++}`, source)).svg);
            const doc = new DOMParser().parseFromString(svg, 'image/svg+xml');
            // Labels are text: no element or handler from the data may reach the SVG.
            const injected = doc.querySelector('script, img, iframe, [onerror], [onload], [onclick]');
            // The app shows the SVG as an image, which must be well-formed XML.
            const notXml = doc.querySelector('parsererror')?.textContent;
            doc.querySelectorAll('style').forEach((el) => el.remove());
            // Without whitespace: wrapped labels are split over lines at any space.
            text[name] = (doc.documentElement.textContent ?? '').replace(/\s+/g, '');
            out[name] =
              !svg.includes('<svg') || svg.includes('Syntax error')
                ? 'no svg'
                : notXml
                  ? `not XML: ${notXml.slice(0, 200)}`
                  : injected
                    ? `markup injected: <${injected.tagName}>`
                    : 'ok';
          } catch (e) {
            out[name] = String((e as Error).message ?? e).slice(0, 300);
          }
        }
        return { out, text };
      }, diagrams);
      const results = rendered.out;
      const failed = Object.keys(diagrams)
        .filter((name) => results[name] !== 'ok')
        .map((name) => `${name}: ${results[name]}`);
      assert.deepEqual(failed, []);
      assert.equal(Object.keys(results).length, Object.keys(diagrams).length);
      // The codes are decoded when drawn: the labels read as the data says (spaces aside).
      for (const kind of ['flowchart', 'sequence', 'timeline', 'graph']) {
        assert.ok(
          rendered.text[`chain ${kind} (golden)`]!.includes('Specsays"fast"<unclear>#1'),
          `${kind}: ${rendered.text[`chain ${kind} (golden)`]}`,
        );
      }
      assert.match(rendered.text['chain sequence (golden)']!, /Alternatives:p99<10ms,p50<5ms;besteffort/);
      assert.match(
        rendered.text['chain sequence (hostile labels)']!,
        /<script>alert\(1\)<\/script>\[a\]\(b\)\{c\}\|d`/,
      );
      assert.match(rendered.text['chain timeline (hostile labels)']!, /sectionEvil[\s\S]*titleEvil:event/);
      assert.equal(await page.evaluate(() => (window as { alerted?: boolean }).alerted ?? false), false);
    });

    test('SQL console: a query shows typed columns; a write is refused with the guard message', async () => {
      await page.goto(`${app.url}#/sql`);
      const editor = page.getByLabel('SQL', { exact: true });
      await editor.fill(
        'SELECT session_id, duration_ms, success FROM provenance_sessions ORDER BY session_id',
      );
      await editor.press('Control+Enter');
      const grid = page.getByRole('table', { name: 'Query result' });
      await grid.getByText('BIGINT').or(grid.getByText('INTEGER')).first().waitFor();
      assert.match(await grid.locator('[role=columnheader]').first().innerText(), /session_id\s+VARCHAR/);
      assert.match(await grid.locator('[role=columnheader]').nth(2).innerText(), /success\s+BOOLEAN/);
      await page
        .screenshot({ path: join(repoRoot, 'test-output', 'screenshots', 'sql-console.png') })
        .catch(() => undefined);

      await editor.fill('DELETE FROM provenance_sessions');
      await editor.press('Control+Enter');
      const alert = page.getByRole('alert');
      await alert.waitFor();
      assert.match(await alert.innerText(), /read-only: writes \(DELETE\) refused/);
    });

    test('SQL console: saved reference queries fill their parameters; a session id opens its timeline', async () => {
      await page.getByRole('button', { name: 'get_session_hierarchy' }).click();
      await page.getByLabel('Parameter session_id').fill(SEED.root);
      await page.getByRole('button', { name: /^Run/ }).click();
      const cell = page.locator(`[role=cell] button[data-session-id="${SEED.child}"]`).first();
      await cell.waitFor();
      await cell.click();
      await page.waitForFunction((id) => location.hash.startsWith(`#/sessions/${id}`), SEED.child);
    });

    test('Export panel on the timeline renders the session as a diagram and offers the saves', async () => {
      await page.goto(`${app.url}#/sessions/${SEED.root}`);
      await page.getByRole('button', { name: 'Export…' }).click();
      const dialog = page.getByRole('dialog', { name: 'Export' });
      await dialog.getByRole('img', { name: 'mermaid-sequence diagram' }).waitFor({ timeout: 30_000 });
      for (const name of [
        'Copy source',
        'Save .mmd',
        'Save SVG',
        'Save PNG',
        'Save PNG 2x',
        'Copy as Markdown',
      ]) {
        await dialog.getByRole('button', { name, exact: true }).waitFor();
      }
      const download = page.waitForEvent('download');
      await dialog.getByRole('button', { name: 'Save PNG 2x' }).click();
      assert.match((await download).suggestedFilename(), /\.sequence@2x\.png$/);
      await dialog.getByLabel('Export format').selectOption('mermaid-gantt');
      await dialog.getByRole('img', { name: 'mermaid-gantt diagram' }).waitFor({ timeout: 30_000 });
      await page
        .screenshot({ path: join(repoRoot, 'test-output', 'screenshots', 'export-gantt.png') })
        .catch(() => undefined);
      assert.deepEqual(errors, []);
    });
  },
);
