import { existsSync } from 'node:fs';
import { createInterface } from 'node:readline/promises';
import { MIGRATIONS } from '../../store/migrations/index.js';
import { PROVENANCE_TABLES } from '../../store/provenanceDdl.js';
import { Workspace } from '../../store/workspace.js';
import { UserError, type Command } from '../command.js';

/** Tables that hold rows of, or about, the provenance tables: dropped by --recreate, children first. */
const RECREATED = [
  'provex_row_sources',
  'provex_session_info',
  ...PROVENANCE_TABLES.map((t) => t.name)
    .filter((n) => n !== 'provenance_sessions')
    .reverse(),
  'provenance_sessions',
];

async function objects(ws: Workspace): Promise<Set<string>> {
  const t = await ws.all(
    `SELECT 'table ' || table_name AS n FROM information_schema.tables WHERE table_schema = 'main'`,
  );
  const i = await ws.all(
    `SELECT 'index ' || index_name AS n FROM duckdb_indexes() WHERE schema_name = 'main'`,
  );
  const s = await ws.all(
    `SELECT 'sequence ' || sequence_name AS n FROM duckdb_sequences() WHERE schema_name = 'main'`,
  );
  return new Set([...t, ...i, ...s].map((r) => String(r.n)));
}

async function confirm(question: string): Promise<boolean> {
  const rl = createInterface({ input: process.stdin, output: process.stderr });
  try {
    return /^y(es)?$/i.test((await rl.question(question)).trim());
  } finally {
    rl.close();
  }
}

export const migrateCommand: Command = {
  name: 'migrate',
  summary:
    'Add the provenance tables and indexes (and the workspace tables) to an existing DuckDB file, leaving its other tables untouched. Idempotent.',
  usage: 'migrate <file.duckdb> [--recreate [--yes]]',
  options: { recreate: { type: 'boolean' }, yes: { type: 'boolean', short: 'y' } },
  optionHelp: {
    recreate: 'drop the provenance tables (and their rows) first, then create them again',
    yes: 'do not ask before --recreate drops tables',
  },
  async run({ values, positionals, stdout, isTTY }) {
    const [file, ...extra] = positionals;
    if (!file || extra.length) throw new UserError('migrate takes exactly one DuckDB file');
    if (!existsSync(file))
      throw new UserError(
        `${file}: no such file (migrate upgrades an existing DuckDB file; use 'provex init --db ${file}' to create one)`,
      );
    if (values.recreate && !values.yes) {
      if (!isTTY)
        throw new UserError('--recreate drops the provenance tables and their rows; add --yes to confirm');
      if (
        !(await confirm(`Drop and recreate the provenance tables in ${file}? Their rows are lost. [y/N] `))
      ) {
        throw new UserError('cancelled: nothing changed');
      }
    }
    const ws = await Workspace.open(file, { migrate: false });
    try {
      let before = await objects(ws);
      if (values.recreate) {
        await ws.transaction(async (tx) => {
          for (const t of RECREATED) await tx.exec(`DROP TABLE IF EXISTS ${t}`);
        });
        for (const t of RECREATED) if (before.has(`table ${t}`)) stdout(`dropped table ${t}\n`);
        before = await objects(ws);
        await ws.transaction(async (tx) => {
          for (const m of MIGRATIONS) for (const sql of m.statements) await tx.exec(sql);
        });
      }
      const applied = await ws.applyMigrations(await ws.schemaVersion());
      const after = await objects(ws);
      const created = [...after].filter((n) => !before.has(n)).sort();
      for (const n of created) stdout(`created ${n}\n`);
      for (const m of applied) stdout(`applied migration ${m}\n`);
      if (!created.length && !applied.length)
        stdout(`${file}: already up to date (schema version ${await ws.schemaVersion()})\n`);
      await ws.checkpoint();
    } finally {
      ws.close();
    }
  },
};
