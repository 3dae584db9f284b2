/**
 * The chains and diff views end to end in Chromium, over the sample workspace opened from the
 * first start screen: the list, a chain's events with confidence bars and its relationship graph,
 * the training chain's loss chart with the checkpoint and the early stop, then two chains ticked
 * and compared: the first divergence, n / p, "changes only" and the match modes, each checked
 * against what the service answers for the same pair. Both themes are photographed. The Export
 * panel on a chain (its four diagrams rendered, the Markdown block copied, the .mmd and SVG saved,
 * the CrucibleTrace files and PROV) and on the diff (the flowchart, JSON; a session's decisions).
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import { diffText } from '../../shared/export/exportText.js';
import type { Chain, MatchBy } from '../../shared/model/chains.js';
import type { ChainAlignment } from '../../shared/model/chainWorkspace.js';
import { asChainId } from '../../shared/model/ids.js';
import { go, skipWithoutBuild, startSampleApp, type SampleApp } from '../helpers/sampleApp.js';

const RUN_1 = 'sample-media-run-1';
const RUN_2 = 'sample-media-run-2';
const TRAINING = 'sample-training-gp-v2';
const A = { kind: 'chain', id: asChainId(RUN_1) } as const;
const B = { kind: 'chain', id: asChainId(RUN_2) } as const;

describe('the chains and diff views in Chromium', { skip: skipWithoutBuild }, () => {
  let app: SampleApp;
  let aligned: ChainAlignment;
  const chainRow = (id: string) => app.page.locator(`[data-chain-id="${id}"]`);
  const eventDetail = () => app.page.getByRole('region', { name: 'Event detail' });
  const hash = () => app.page.evaluate(() => location.hash);
  const summary = () => app.page.getByTestId('diff-summary').innerText();
  const position = () => app.page.getByTestId('change-position').innerText();
  const current = () => app.page.locator('[data-row][aria-current="true"]').getAttribute('data-row');

  before(async () => {
    app = await startSampleApp('provex-e2e-chains-');
    aligned = await app.service['chains/align']({ a: A, b: B });
  });
  after(async () => {
    await app?.close();
  });

  test('the list shows the sample chains', async () => {
    await app.page.getByRole('link', { name: /Chains/ }).click();
    await app.page.getByText('3 chains', { exact: true }).waitFor();
    assert.deepEqual(
      (
        await app.page
          .locator('[data-chain-id]')
          .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-chain-id')))
      ).sort(),
      [RUN_1, RUN_2, TRAINING].sort(),
    );
    await app.shot('chains-list');
  });

  test('a chain: its events with confidence bars, one event in full', async () => {
    await chainRow(RUN_1).click();
    assert.equal(await hash(), `#/chains/${RUN_1}`);
    const chain = app.page.getByRole('region', { name: 'Chain' });
    await chain.getByRole('heading', { name: 'Media design, run 1' }).waitFor();
    // The mean is rounded for people (0.74, not 0.7400000000000001).
    assert.match(await chain.locator('header').innerText(), /5 events · mean confidence 0\.74 · 480 s/);
    const rows = app.page.locator('[data-event-index]');
    await rows.first().waitFor();
    assert.equal(await rows.count(), 5);
    assert.deepEqual(
      await rows
        .locator('[title^="confidence"]')
        .evaluateAll((bars) => bars.map((b) => b.getAttribute('title'))),
      ['confidence 0.8', 'confidence 0.9', 'confidence 0.7', 'confidence 0.85', 'confidence 0.45'],
    );
    await rows.nth(2).click();
    assert.equal(await rows.nth(2).getAttribute('aria-selected'), 'true');
    const text = await eventDetail().innerText();
    assert.match(text, /3\. alternative_rejected/);
    assert.match(text, /Reject Ce3\+ supplementation/);
    assert.match(text, /CeCl3 · LaCl3/);
    await app.shot('chain-events');
  });

  test('the relationship graph: every event a node, parents linked; a click opens the event', async () => {
    await app.page.getByRole('tab', { name: 'Relationships' }).click();
    const probe = app.page.getByTestId('chain-graph-state');
    await app.page.waitForFunction(() => {
      const el = document.querySelector<HTMLElement>('[data-testid="chain-graph-state"]');
      if (el?.dataset.nodeCount !== '5' || el.dataset.animating !== 'false') return false;
      // Laid out: until the layout worker answers, every node sits at the origin.
      const at = JSON.parse(el.dataset.nodes!) as { x: number; y: number }[];
      return new Set(at.map((p) => `${p.x},${p.y}`)).size === 5;
    });
    assert.equal(await probe.getAttribute('data-edge-count'), '4');
    const nodes = JSON.parse((await probe.getAttribute('data-nodes'))!) as {
      id: string;
      x: number;
      y: number;
    }[];
    const box = (await app.page.locator('.chain-graph').boundingBox())!;
    const e4 = nodes.find((n) => n.id === 'e4')!;
    await app.page.mouse.click(box.x + e4.x, box.y + e4.y);
    await eventDetail().getByText('5. ambiguity_flagged').waitFor();
    await app.page.waitForFunction(
      () =>
        document.querySelector<HTMLElement>('[data-testid="chain-graph-state"]')?.dataset.selected === 'e4',
    );
    await app.shot('chain-graph');
  });

  test('Export on a chain: its four diagrams render, the Markdown block is copied, the .mmd saved', async () => {
    await app.context.grantPermissions(['clipboard-read', 'clipboard-write'], {
      origin: new URL(app.server.url).origin,
    });
    const chain = app.page.getByRole('region', { name: 'Chain' });
    await chain.getByRole('button', { name: 'Export…' }).click();
    const dialog = app.page.getByRole('dialog', { name: 'Export' });
    const flowchart = dialog.getByRole('img', { name: 'mermaid-flowchart diagram' });
    await flowchart.waitFor({ timeout: 30_000 });
    // The preview is an <img> of the SVG Mermaid drew: it loads (so the SVG is well-formed XML).
    assert.ok(
      await flowchart.evaluate(async (img: HTMLImageElement) => (await img.decode(), img.naturalWidth > 0)),
    );
    assert.match((await flowchart.getAttribute('src'))!, /^blob:/);
    // The same SVG, saved: Mermaid's drawing of the chain's labels.
    const svgSaved = app.page.waitForEvent('download');
    await dialog.getByRole('button', { name: 'Save SVG' }).click();
    const svgFile = await svgSaved;
    assert.equal(svgFile.suggestedFilename(), 'Media-design-run-1.flowchart.svg');
    const svg = readFileSync((await svgFile.path())!, 'utf8');
    assert.match(svg, /^<svg[\s\S]*<\/svg>$/);
    assert.match(svg, /Reject Ce3\+ supplementation/);
    await app.shot('chain-export');

    const expected = await app.service['export/chain']({
      chain_id: asChainId(RUN_1),
      format: 'mermaid-flowchart',
    });
    await dialog.getByRole('button', { name: 'Copy as Markdown' }).click();
    await dialog.getByText('Markdown block copied').waitFor();
    assert.equal(
      await app.page.evaluate(() => navigator.clipboard.readText()),
      '```mermaid\n' + expected.content.replace(/\n$/, '') + '\n```\n',
    );
    const download = app.page.waitForEvent('download');
    await dialog.getByRole('button', { name: 'Save .mmd' }).click();
    const mmd = await download;
    assert.equal(mmd.suggestedFilename(), 'Media-design-run-1.flowchart.mmd');
    assert.equal(readFileSync((await mmd.path())!, 'utf8'), expected.content);

    for (const format of ['mermaid-sequence', 'mermaid-timeline', 'mermaid-graph']) {
      await dialog.getByLabel('Export format').selectOption(format);
      await dialog.getByRole('img', { name: `${format} diagram` }).waitFor({ timeout: 30_000 });
    }
    for (const [format, file] of [
      ['crucible-json', 'Media-design-run-1.json'],
      ['crucible-markdown', 'Media-design-run-1.md'],
      ['crucible-csv', 'Media-design-run-1.csv'],
      ['html', 'Media-design-run-1.html'],
      ['prov-json', 'Media-design-run-1.prov.json'],
    ] as const) {
      await dialog.getByLabel('Export format').selectOption(format);
      await dialog.getByRole('button', { name: `Download ${file}` }).waitFor();
    }
    const markdown = app.page.waitForEvent('download');
    await dialog.getByLabel('Export format').selectOption('crucible-markdown');
    await dialog.getByRole('button', { name: 'Download Media-design-run-1.md' }).click();
    assert.equal(
      readFileSync((await (await markdown).path())!, 'utf8'),
      (await app.service['export/chain']({ chain_id: asChainId(RUN_1), format: 'crucible-markdown' }))
        .content,
    );
    assert.deepEqual(app.errors, []);
    await dialog.getByRole('button', { name: 'Close export' }).click();
    await dialog.waitFor({ state: 'detached' });
  });

  test('the training chain: loss over epochs with the checkpoint and the early stop marked', async () => {
    await chainRow(TRAINING).click();
    await app.page.getByRole('heading', { name: 'Training gp-v2' }).waitFor();
    await app.page.getByRole('tab', { name: 'Training' }).click();
    const loss = app.page.getByRole('img', { name: 'loss over epochs' });
    await loss.waitFor();
    assert.equal(await loss.locator('circle').count(), 6);
    assert.equal(await loss.locator('[data-marker="checkpoint"]').getAttribute('data-epoch'), '3');
    assert.equal(await loss.locator('[data-marker="early-stop"]').getAttribute('data-epoch'), '6');
    assert.match((await loss.textContent())!, /checkpoint[\s\S]*early stop/);
    assert.match(
      await app.page.getByLabel('Chart legend').innerText(),
      /checkpoint at epoch 3 · │ early stop at epoch 6 \(best epoch 5\)/,
    );
    await loss.locator('circle[data-epoch="3"]').click();
    assert.match(
      await eventDetail().innerText(),
      /epoch_completed[\s\S]*Epoch 3 completed[\s\S]*"loss": 0\.62/,
    );
    await app.shot('chain-training');
  });

  test('two ticked chains open the aligned diff at the first divergence; n and p step', async () => {
    await app.page.getByRole('checkbox', { name: 'Mark Media design, run 1 for comparison' }).check();
    await app.page.getByRole('checkbox', { name: 'Mark Media design, run 2 for comparison' }).check();
    await app.page.getByRole('button', { name: 'Compare the two ticked chains' }).click();
    await app.page.waitForFunction(() => location.hash.startsWith('#/diff'));
    const q = new URLSearchParams((await hash()).split('?')[1]);
    assert.deepEqual([q.get('a'), q.get('b')], [`chain:${RUN_1}`, `chain:${RUN_2}`]);
    const { rows, changeIndices, firstDivergence } = aligned.alignment;
    await app.page.locator('[data-row]').first().waitFor();
    assert.equal(await app.page.locator('[data-row]').count(), rows.length);
    assert.equal(await position(), `change 1 of ${changeIndices.length}`);
    assert.equal(await current(), String(firstDivergence));
    assert.equal(
      await app.page.locator('[data-first-divergence]').getAttribute('data-row'),
      String(firstDivergence),
    );
    await app.shot('diff');

    await app.page.keyboard.press('n');
    assert.equal(await position(), `change 2 of ${changeIndices.length}`);
    assert.equal(await current(), String(changeIndices[1]));
    await app.page.keyboard.press('n');
    await app.page.keyboard.press('p');
    assert.equal(await current(), String(changeIndices[1]));
    await app.page.keyboard.press('n');
    await app.page.keyboard.press('n');
    assert.equal(await position(), `change ${Math.min(4, changeIndices.length)} of ${changeIndices.length}`);
    await app.page.getByRole('button', { name: /First divergence/ }).click();
    assert.equal(await position(), `change 1 of ${changeIndices.length}`);
    assert.equal(await current(), String(firstDivergence));
  });

  test('"changes only" keeps the changed rows', async () => {
    const box = app.page.getByRole('checkbox', { name: 'Changes only' });
    await box.check();
    const kinds = () =>
      app.page.locator('[data-row]').evaluateAll((r) => r.map((x) => x.getAttribute('data-kind')));
    const expected = aligned.alignment.changeIndices.map((i) => aligned.alignment.rows[i]!.kind);
    assert.deepEqual(await kinds(), expected);
    assert.ok(!expected.includes('same'));
    await box.uncheck();
    assert.equal((await kinds()).length, aligned.alignment.rows.length);
  });

  test('the match mode changes the reference summary, as the service computes it', async () => {
    const seen = new Set<string>();
    for (const mode of ['id', 'content', 'position'] as MatchBy[]) {
      await app.page.getByRole('radio', { name: mode, exact: true }).check();
      const r = (await app.service['chains/diff']({ a: A, b: B, match_by: mode })).result;
      const similarity = (r.similarity * 100).toFixed(1);
      await app.page.getByText(`Matched by ${mode} · ${r.summary} · similarity ${similarity}%`).waitFor();
      seen.add(await summary());
    }
    assert.equal(seen.size, 3, [...seen].join('\n'));
    await app.page.getByRole('radio', { name: 'auto', exact: true }).check();
    await app.page.getByText(/^Matched by id ·/).waitFor();
  });

  test("Export on the diff: the aligned flowchart renders; JSON and the .mmd are the service's", async () => {
    await app.page.getByRole('button', { name: 'Export diff…' }).click();
    const dialog = app.page.getByRole('dialog', { name: 'Export' });
    const img = dialog.getByRole('img', { name: 'mermaid-flowchart diagram' });
    await img.waitFor({ timeout: 30_000 });
    assert.ok(await img.evaluate(async (el: HTMLImageElement) => (await el.decode(), el.naturalWidth > 0)));
    const pair = { a: RUN_1, b: RUN_2 };
    const flow = await app.service['export/diff']({ ...pair, format: 'mermaid-flowchart' });
    const download = app.page.waitForEvent('download');
    await dialog.getByRole('button', { name: 'Save .mmd' }).click();
    const mmd = await download;
    assert.equal(mmd.suggestedFilename(), 'diff-Media-design-run-1-vs-Media-design-run-2.flowchart.mmd');
    assert.equal(readFileSync((await mmd.path())!, 'utf8'), flow.content);
    // Keys typed in the panel are not the diff's n / p.
    const before = await position();
    await dialog.getByLabel('Export format').selectOption('json');
    const json = await app.service['export/diff']({ ...pair, format: 'json' });
    await dialog.getByRole('button', { name: `Download ${json.file_name}` }).waitFor();
    assert.deepEqual(JSON.parse(await dialog.locator('pre').innerText()), JSON.parse(json.content));
    const saved = app.page.waitForEvent('download');
    await dialog.getByRole('button', { name: `Download ${json.file_name}` }).click();
    assert.equal(readFileSync((await (await saved).path())!, 'utf8'), json.content);
    await app.shot('diff-export');
    await dialog.getByRole('button', { name: 'Close export' }).click();
    assert.equal(await position(), before);
  });

  test('dark mode: the diff and the chain use the theme colours', async () => {
    await app.page.getByRole('button', { name: 'Switch to dark theme' }).click();
    const removed = app.page.locator('[data-row][data-kind="removed"]').first();
    const [text, body] = await removed.evaluate((el) => [
      getComputedStyle(el).color,
      getComputedStyle(document.body).color,
    ]);
    assert.equal(text, body);
    await app.shot('diff-dark');
    await app.page.goBack();
    await app.page.getByRole('heading', { name: 'Training gp-v2' }).waitFor();
    await chainRow(RUN_1).click();
    await app.page.locator('[data-event-index]').first().waitFor();
    const selected = chainRow(RUN_1);
    const [bg, fg] = await selected.evaluate((el) => [
      getComputedStyle(el).backgroundColor,
      getComputedStyle(el).color,
    ]);
    assert.notEqual(bg, 'rgb(227, 242, 253)', 'not the light theme selection colour');
    assert.equal(fg, await app.page.evaluate(() => getComputedStyle(document.body).color));
    await app.shot('chain-events-dark');
    await app.page.getByRole('button', { name: 'Switch to light theme' }).click();
  });

  test("Export on a diff with a session's decisions: made from the two sides, the same generators", async () => {
    // export/diff takes chain ids; the panel makes a session side's file from chains/align.
    const sessions = (await app.service['sessions/list']({ limit: 100 })).rows;
    let session: { id: string; chain: Chain } | null = null;
    for (const row of sessions) {
      const chain = await app.service['chains/sessionDecisions']({ session_id: row.session_id });
      if (chain && chain.events.length > 0) session = { id: row.session_id, chain };
      if (session) break;
    }
    assert.ok(session, 'the sample has a session with decisions');
    await go(app.page, `#/diff?a=session:${encodeURIComponent(session.id)}&b=chain:${RUN_1}`);
    await app.page.locator('[data-row]').first().waitFor();
    await app.page.getByRole('button', { name: 'Export diff…' }).click();
    const dialog = app.page.getByRole('dialog', { name: 'Export' });
    await dialog.getByRole('img', { name: 'mermaid-flowchart diagram' }).waitFor({ timeout: 30_000 });
    const download = app.page.waitForEvent('download');
    await dialog.getByRole('button', { name: 'Save .mmd' }).click();
    const mmd = await download;
    const run1 = (await app.service['chains/get']({ chain_id: asChainId(RUN_1) }))!.chain;
    assert.equal(
      readFileSync((await mmd.path())!, 'utf8'),
      diffText(session.chain, run1, 'mermaid-flowchart'),
    );
    assert.match(mmd.suggestedFilename(), /^diff-session-.+-vs-Media-design-run-1\.flowchart\.mmd$/);
    await dialog.getByRole('button', { name: 'Close export' }).click();
  });

  test('no errors in the page console', () => {
    assert.deepEqual(app.errors, []);
  });
});
