/**
 * The task graph view end to end in Chromium, over the sample workspace opened from the first
 * start screen: select by search and by clicking a node, the ancestors and descendants highlighted
 * and the rest dimmed, the detail panel (and a linked session's timeline), a refused cycle with its
 * path, the keyboard along edges, and the task database exported from the browser and imported by
 * the compiled CLI into a fresh workspace. Cytoscape draws on a canvas: the view reports what it
 * drew in the hidden `graph-state` element (GraphStateProbe), which these tests read and click by.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { Service } from '../../electron/service.js';
import { Workspace } from '../../electron/store/workspace.js';
import type { TaskGraphId } from '../../shared/model/tasks.js';
import type { TaskGraphWire } from '../../shared/tasks/wire.js';
import { provex } from '../helpers/cli.js';
import { skipWithoutBuild, startSampleApp, type SampleApp } from '../helpers/sampleApp.js';

const FORMULATE = 'MediaFormulationAgent: emit Nd variants';
const KEGG = 'Cache KEGG pathway lookups';
const ELICIT = 'Collect XoxF-MDH growth conditions from the literature';
const LAND = 'Land and tag v0.4';
/** What FORMULATE transitively waits for, what waits for it, and the rest (sampleTasks.ts). */
const WAITS_FOR = [
  'Extend the media schema with trace metals',
  KEGG,
  'Retry PubChem on HTTP 503',
  'PathwayAnalysisAgent: check xoxF presence',
  'Review the rule with the wet lab',
  'Propose the Nd3+ supplementation rule',
  ELICIT,
  'Record provenance for every agent run',
];
const WAITED_ON_BY = [
  'GrowthPredictionAgent: score variants',
  'Code review of the formulation slice',
  'Run acceptance on the three variants',
  LAND,
  'EPIC: lanthanide-aware media recommendations',
  'Document trace-metal media in the README',
];
const UNRELATED = [
  'Plan acceptance: 3 AM-1 variants grow in MP + Nd',
  'Flaky growth-curve fit on CI',
  'PFAS: bioconcentration factor for PFOS',
];

type GraphState = Record<
  'selected' | 'focused' | 'ancestor' | 'descendant' | 'dimmed' | 'cycle',
  string[]
> & {
  nodes: { id: string; x: number; y: number }[];
};

/** The graph's tasks, edges, labels, comments, agents and activities, comparable across workspaces. */
function content(g: TaskGraphWire) {
  const sorted = <T>(xs: T[]) => xs.map((x) => JSON.stringify(x)).sort();
  return {
    tasks: sorted(g.tasks.map((t) => [t.id, t.title, t.status, t.priority, t.type, t.phase, t.description])),
    edges: sorted(g.edges.map((e) => [e.source_id, e.target_id, e.kind])),
    labels: sorted(g.labels.map((l) => [l.task_id, l.name])),
    comments: sorted(g.comments.map((c) => [c.task_id, c.author_id, c.body])),
    agents: sorted(g.agents.map((a) => a.id)),
    activities: sorted(g.activities.map((a) => [a.id, a.agent_id, a.phase, a.stage])),
  };
}

describe('the task graph view in Chromium', { skip: skipWithoutBuild }, () => {
  let app: SampleApp;
  let graph: TaskGraphWire;
  let graphId: TaskGraphId;
  const id = (title: string) => graph.tasks.find((t) => t.title === title)!.id;
  const ids = (titles: string[]) => titles.map(id).sort();

  const state = () =>
    app.page.locator('[data-testid="graph-state"]').evaluate((el: HTMLElement): GraphState => {
      const list = (k: string) => (el.dataset[k] ?? '').split(' ').filter(Boolean).sort();
      return {
        selected: list('selected'),
        focused: list('focused'),
        ancestor: list('ancestor'),
        descendant: list('descendant'),
        dimmed: list('dimmed'),
        cycle: list('cycle'),
        nodes: JSON.parse(el.dataset.nodes ?? '[]') as GraphState['nodes'],
      };
    });
  /** Waits until the drawn graph shows `value` for one overlay class. */
  const until = (key: string, value: string) =>
    app.page.waitForFunction(
      ([k, v]) => document.querySelector<HTMLElement>('[data-testid="graph-state"]')?.dataset[k!] === v,
      [key, value],
    );
  const clickNode = async (taskId: string) => {
    await until('animating', 'false');
    const box = (await app.page.locator('.tasks-graph').boundingBox())!;
    const node = (await state()).nodes.find((n) => n.id === taskId)!;
    await app.page.mouse.click(box.x + node.x, box.y + node.y);
  };
  const detail = () => app.page.getByRole('complementary', { name: 'Task details' });

  before(async () => {
    app = await startSampleApp('provex-e2e-tasks-');
    const [summary] = await app.service['tasks/graphs']();
    graphId = summary!.graph_id;
    graph = (await app.service['tasks/graph']({ graph_id: graphId }))!;
  });
  after(async () => {
    await app?.close();
  });

  test('the sample graph is drawn: every task a node, ready and blocked counted', async () => {
    await app.page.getByRole('link', { name: /Tasks/ }).click();
    await app.page.getByText('18 of 18 tasks · 5 ready · 7 blocked').waitFor();
    await until('nodeCount', '18');
    const s = await state();
    assert.deepEqual(s.nodes.map((n) => n.id).sort(), ids(graph.tasks.map((t) => t.title)));
    const box = (await app.page.locator('.tasks-graph').boundingBox())!;
    for (const n of s.nodes) assert.ok(n.x > 0 && n.y > 0 && n.x < box.width && n.y < box.height, n.id);
    await app.shot('tasks-graph');
  });

  test('search selects a task: what it waits for and what waits for it are lit, the rest dimmed', async () => {
    await app.page.getByLabel('Find a task').fill('mediaformulation');
    await app.page.getByLabel('Find a task').press('Enter');
    await until('selected', id(FORMULATE));
    const s = await state();
    assert.deepEqual(s.ancestor, ids(WAITS_FOR));
    assert.deepEqual(s.descendant, ids(WAITED_ON_BY));
    assert.deepEqual(s.dimmed, ids(UNRELATED));
    await app.shot('tasks-selected');

    const panel = detail();
    await panel.getByRole('heading', { name: FORMULATE }).waitFor();
    const text = await panel.innerText();
    assert.match(text, /emit Nd variants\. Part of the lanthanide media release\./);
    assert.match(text, /Blocked/);
    assert.match(await panel.getByRole('region', { name: 'Labels' }).innerText(), /area:media/);
    assert.match(
      await panel.getByRole('region', { name: 'Comments' }).innerText(),
      /Keep Ca-free variants: XoxF needs Nd3\+ only when Ca is absent\.\s+Ada Example/,
    );
    const edges = await panel.getByRole('region', { name: 'Edges' }).innerText();
    for (const t of [KEGG, 'Retry PubChem on HTTP 503']) assert.match(edges, new RegExp(`waits for ${t}`));
    assert.match(edges, /needed by Code review of the formulation slice/);
    const sessions = panel.getByRole('region', { name: 'Sessions' }).getByRole('button');
    await sessions.first().waitFor();
    assert.equal(await sessions.count(), 4);
    assert.match(await sessions.first().innerText(), /^Recommend MP medium variant for .+ with Nd3\+$/);
  });

  test('a linked session opens its timeline; back returns to the graph', async () => {
    const first = detail().getByRole('region', { name: 'Sessions' }).locator('li').first();
    const sessionId = await first.getAttribute('data-session-id');
    await first.getByRole('button').click();
    await app.page.waitForFunction((sid) => location.hash.startsWith(`#/sessions/${sid}`), sessionId);
    await app.page.locator('.tl-row').first().waitFor();
    assert.match(await app.page.locator('.timeline').innerText(), /MediaFormulationAgent/);
    await app.page.goBack();
    await until('selected', id(FORMULATE));
  });

  test('an edge in the panel leads to its task; its activity is listed', async () => {
    await detail().getByRole('button', { name: KEGG, exact: true }).click();
    await until('selected', id(KEGG));
    const activities = detail().getByRole('region', { name: 'Activities' });
    assert.match(
      await activities.innerText(),
      /ci-bot 1\.2\.0\s+worker_slices\s+in_progress\s+.+\s+—\s+running/,
    );
  });

  test('clicking a node selects it; an edge that would close a cycle is refused with the path', async () => {
    await clickNode(id(ELICIT));
    await until('selected', id(ELICIT));
    await detail().getByRole('heading', { name: ELICIT }).waitFor();
    await detail().getByLabel('Edge kind').selectOption('blocked_by');
    await detail()
      .getByRole('button', { name: /Add edge/ })
      .click();
    await app.page.getByText('pick the task that it waits for').waitFor();
    await clickNode(id(LAND));
    const alert = app.page.getByRole('alert');
    await alert.getByRole('list', { name: 'Cycle' }).waitFor();
    const path = await alert
      .locator('li')
      .evaluateAll((lis) => lis.map((li) => li.getAttribute('data-task-id')!));
    assert.equal(path[0], id(ELICIT));
    assert.equal(path[1], id(LAND));
    assert.equal(path.at(-1), id(ELICIT));
    // Past the proposed edge, every step is an existing "waits for" edge back to the start.
    for (let i = 1; i + 1 < path.length; i++)
      assert.ok(
        graph.edges.some(
          (e) => e.kind === 'blocked_by' && e.source_id === path[i] && e.target_id === path[i + 1],
        ),
        `${path[i]} waits for ${path[i + 1]}`,
      );
    assert.match(await alert.innerText(), new RegExp(`“${ELICIT}” would wait for “${LAND}”`));
    const s = await state();
    assert.deepEqual(s.cycle, [...new Set(path)].sort());
    await app.shot('tasks-cycle-refused');
    // Nothing was stored; dismissing the notice clears the red path.
    const after = (await app.service['tasks/graph']({ graph_id: graphId }))!;
    assert.equal(after.edges.length, graph.edges.length);
    await alert.getByRole('button', { name: 'Dismiss' }).click();
    await until('cycle', '');
    assert.equal(await app.page.getByRole('alert').count(), 0);
  });

  test('the keyboard walks along edges: up to a blocker, down to a dependent, Enter selects', async () => {
    const blockers = (t: string) =>
      graph.edges.filter((e) => e.kind === 'blocked_by' && e.source_id === t).map((e) => String(e.target_id));
    const dependents = (t: string) =>
      graph.edges.filter((e) => e.kind === 'blocked_by' && e.target_id === t).map((e) => String(e.source_id));
    await clickNode(id(FORMULATE));
    await until('selected', id(FORMULATE));
    await app.page.keyboard.press('ArrowUp');
    await app.page.waitForFunction(
      (f) => document.querySelector<HTMLElement>('[data-testid="graph-state"]')?.dataset.focused !== f,
      id(FORMULATE),
    );
    const up = (await state()).focused[0]!;
    assert.ok(blockers(id(FORMULATE)).includes(up), 'ArrowUp went to a task it waits for');
    await app.page.keyboard.press('j');
    await app.page.waitForFunction(
      (u) => document.querySelector<HTMLElement>('[data-testid="graph-state"]')?.dataset.focused !== u,
      up,
    );
    const down = (await state()).focused[0]!;
    assert.ok(dependents(up).includes(down), 'j went to a task waiting for it');
    await app.page.keyboard.press('k');
    await until('focused', up);
    await app.page.keyboard.press('Enter');
    await until('selected', up);
    const title = graph.tasks.find((t) => t.id === up)!.title;
    await detail().getByRole('heading', { name: title }).waitFor();
    await app.page.keyboard.press('Escape');
    await until('selected', '');
    assert.deepEqual((await state()).dimmed, []);
  });

  test('the task database downloads and the CLI imports it into a fresh workspace unchanged', async () => {
    // An edit made in the view travels with the export.
    await clickNode(id(KEGG));
    await until('selected', id(KEGG));
    await detail().getByLabel('New label').fill('e2e:exported');
    await detail().getByRole('button', { name: 'Add label' }).click();
    await detail().getByText('e2e:exported').waitFor();
    const [download] = await Promise.all([
      app.page.waitForEvent('download'),
      app.page.getByRole('button', { name: 'Export as task database' }).click(),
    ]);
    assert.match(download.suggestedFilename(), /\.(db|sqlite3?)$/);
    const file = join(app.dir, download.suggestedFilename());
    await download.saveAs(file);
    assert.equal(readFileSync(file).subarray(0, 16).toString('latin1'), 'SQLite format 3\0');

    const fresh = join(app.dir, 'fresh.duckdb');
    const r = provex(['import', file, '--db', fresh], app.dir);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /imported: 1/);
    const ws = await Workspace.open(fresh);
    const other = new Service(ws);
    try {
      const [imported] = await other['tasks/graphs']();
      const copy = (await other['tasks/graph']({ graph_id: imported!.graph_id }))!;
      const edited = (await app.service['tasks/graph']({ graph_id: graphId }))!;
      assert.ok(edited.labels.some((l) => l.name === 'e2e:exported'));
      assert.deepEqual(content(copy), content(edited));
    } finally {
      await other.close();
    }
  });

  test('dark mode: the canvas takes its colours from the theme', async () => {
    await clickNode(id(FORMULATE));
    await until('selected', id(FORMULATE));
    // The page's text colour, written as Cytoscape writes colours ("rgb(r,g,b)").
    const fg = () => app.page.evaluate(() => getComputedStyle(document.body).color.replace(/\s/g, ''));
    await until('labelColor', await fg());
    await app.page.getByRole('button', { name: 'Switch to dark theme' }).click();
    const dark = await fg();
    assert.notEqual(dark, 'rgb(28, 34, 48)');
    await until('labelColor', dark);
    await app.shot('tasks-selected-dark');
    await app.page.getByRole('button', { name: 'Switch to light theme' }).click();
  });

  test('no errors in the page console', () => {
    assert.deepEqual(app.errors, []);
  });
});
