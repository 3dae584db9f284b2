/**
 * `npm run bench [-- --quick]`: writes the corpus (seeded) in a temp folder, measures, prints one
 * JSON line per figure and writes them, with the machine, to bench/results.json (--quick: a tenth
 * of the corpus, to bench/results.quick.json; for CI, where the figures are not judged).
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, totalmem, release, platform } from 'node:os';
import { join } from 'node:path';
import { importPaths } from '../../electron/importers/importPaths.js';
import { Service } from '../../electron/service.js';
import { Workspace } from '../../electron/store/workspace.js';
import { repoRoot, tempDir } from '../helpers/paths.js';
import { writeBigSession, writeClaudeCorpus } from './corpus/claudeCorpus.js';
import { chainPair, writeChainPair, writeTaskDb } from './corpus/taskChainCorpus.js';
import { Report } from './report.js';
import { browserFigures } from './stages/browserStage.js';
import { chainFigures, sessionListFigures, taskFigures, timelineFigures } from './stages/queryStage.js';

const quick = process.argv.includes('--quick');
const keep = process.argv.includes('--keep');
const scaleArg = process.argv.find((a) => a.startsWith('--scale='));
/** --scale=0.01 and the like: for trying the harness itself (results go to results.scaled.json). */
const scale = scaleArg ? Number(scaleArg.slice(8)) : quick ? 0.1 : 1;
const SIZES = {
  projects: 5,
  sessionsPerProject: 2000 * scale,
  actionsPerSession: 100,
  bigSessionEvents: 1_000_000 * scale,
  tasks: 5000,
  blockedBy: 10_000,
  chainEvents: 10_000,
};
const SEED = 20260301;

const report = new Report();
const tmp = tempDir('provex-bench-');
const started = performance.now();
const log = (msg: string) =>
  console.error(`[bench ${((performance.now() - started) / 1000).toFixed(0)} s] ${msg}`);

function child(mode: 'import' | 'read_json' | 'floor', db: string, paths: string[]) {
  const r = spawnSync(
    process.execPath,
    [join(import.meta.dirname, 'stages', 'importChild.js'), mode, db, ...paths],
    {
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    },
  );
  if (r.status !== 0) throw new Error(`${mode} failed: ${r.stderr}`);
  return JSON.parse(r.stdout.trim().split('\n').pop()!) as {
    wall_ms: number;
    rows: number;
    errors: number;
    peak_rss_mb: number;
  };
}

try {
  log(`writing the corpus in ${tmp.dir}${quick ? ' (quick: a tenth)' : ''}`);
  let t0 = performance.now();
  const corpusDir = join(tmp.dir, 'corpus');
  const corpus = writeClaudeCorpus(corpusDir, { ...SIZES, seed: SEED });
  const big = await writeBigSession(corpusDir, SIZES.bigSessionEvents, SEED + 1);
  const taskDb = await writeTaskDb(tmp.dir, SIZES.tasks, SIZES.blockedBy, SEED + 2);
  const chainFiles = writeChainPair(tmp.dir, SIZES.chainEvents, SEED + 3);
  report.add(
    'corpus written',
    (performance.now() - t0) / 1000,
    's',
    undefined,
    `${corpus.sessions} sessions, ${corpus.lines} action lines; 1 session of ${big.lines} events; ${SIZES.tasks} tasks; 2 chains`,
  );

  log('read_json baseline');
  const glob = join(corpusDir, 'project-[0-9]*', '.claude', 'provenance', 'sessions', '*', 'actions.jsonl');
  const base = child('read_json', join(tmp.dir, 'read_json.duckdb'), [glob]);
  if (base.rows !== corpus.lines)
    throw new Error(`read_json read ${base.rows} rows, expected ${corpus.lines}`);
  report.add(
    'read_json baseline',
    base.wall_ms / 1000,
    's',
    undefined,
    `${base.rows} rows into a bare table`,
  );

  log('schema floor (read_json into the workspace tables)');
  const floor = child('floor', join(tmp.dir, 'floor.duckdb'), [glob]);
  if (floor.rows !== corpus.lines)
    throw new Error(`floor stored ${floor.rows} rows, expected ${corpus.lines}`);
  report.add(
    'schema floor: read_json + insert into the workspace tables',
    floor.wall_ms / 1000,
    's',
    undefined,
    `${floor.rows} events with their keys, foreign key and claims; no parsing, attribution or manifests`,
  );
  report.add('schema floor / read_json ratio', floor.wall_ms / base.wall_ms, 'x');

  log('import of the corpus');
  const wsPath = join(tmp.dir, 'workspace.duckdb');
  const imp = child('import', wsPath, corpus.projectRoots);
  if (imp.rows !== corpus.lines || imp.errors)
    throw new Error(`import: ${imp.rows} events, ${imp.errors} errors`);
  report.add(
    'import wall time',
    imp.wall_ms / 1000,
    's',
    undefined,
    `${corpus.sessions} sessions, ${imp.rows} events`,
  );
  report.add('import events per second', imp.rows / (imp.wall_ms / 1000), 'events/s');
  report.add('import peak RSS', imp.peak_rss_mb, 'MB', 1536);
  report.add('import / read_json ratio', imp.wall_ms / base.wall_ms, 'x', 1.5);

  log('import of the big session');
  const bigImp = child('import', wsPath, [big.projectRoot]);
  report.add(`import of one ${big.lines}-event session`, bigImp.wall_ms / 1000, 's');
  report.add('big-session import peak RSS', bigImp.peak_rss_mb, 'MB', 1536);

  const ws = await Workspace.open(wsPath);
  try {
    t0 = performance.now();
    await importPaths(ws, [taskDb, ...chainFiles]);
    report.add('import of the task database and the two chains', performance.now() - t0, 'ms');
    const service = new Service(ws);
    log('sessions/list');
    await sessionListFigures(report, service, corpus.projectRoots[2]!);
    log('timeline/window');
    await timelineFigures(report, service, big.sessionId);
    log('tasks and chains');
    await taskFigures(report, service);
    await chainFigures(report, service, chainPair(SIZES.chainEvents, SEED + 3));
    log('Chromium');
    await browserFigures(report, ws, {
      bigSession: big.sessionId,
      bigEvents: big.lines,
      taskCount: SIZES.tasks,
    });
  } finally {
    ws.close();
  }

  const cpu = cpus();
  const results = {
    date: new Date().toISOString(),
    quick,
    scale,
    machine: {
      cpus: cpu.length,
      cpu_model: cpu[0]?.model ?? 'unknown',
      memory_gb: Math.round((totalmem() / 1024 ** 3) * 10) / 10,
      os: `${platform()} ${release()}`,
      node: process.version,
    },
    corpus: SIZES,
    seed: SEED,
    total_s: Math.round((performance.now() - started) / 1000),
    figures: report.figures,
  };
  mkdirSync(join(repoRoot, 'bench'), { recursive: true });
  const out = join(
    repoRoot,
    'bench',
    scaleArg ? 'results.scaled.json' : quick ? 'results.quick.json' : 'results.json',
  );
  writeFileSync(out, `${JSON.stringify(results, null, 2)}\n`);
  log(`done: ${out}`);
  const missed = report.figures.filter((f) => f.ok === false);
  if (missed.length) log(`missed targets: ${missed.map((f) => f.name).join('; ')}`);
} finally {
  if (keep) log(`kept ${tmp.dir}`);
  else tmp.cleanup();
}
