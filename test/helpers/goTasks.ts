import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadSqlJs } from '../../electron/importers/goTasks/sqlJs.js';
import { sharedFixtures } from './paths.js';

export const SMALL_SQL = join(sharedFixtures, 'go-provenance', 'small.sql');

/** The shared example database, built from small.sql with sql.js; `extra` SQL runs afterwards. */
export async function buildSmallDb(extra = ''): Promise<Uint8Array> {
  const SQL = await loadSqlJs();
  const db = new SQL.Database();
  try {
    db.exec(readFileSync(SMALL_SQL, 'utf8'));
    if (extra) db.exec(extra);
    return db.export();
  } finally {
    db.close();
  }
}

const NS = 'https://github.com/example/widget-service--';
/** Handles of small.sql (fixtures/go-provenance/README.md). */
export const H = {
  A: `${NS}019df23b-d3fd-703a-9d26-137ca74152e6`,
  B: `${NS}019df240-669f-7520-9ad6-93465bfcc464`,
  C: `${NS}019df241-51a5-7ad1-bbb3-0ba15a0ec8cf`,
  D: `${NS}019df242-3cfc-71c6-bb6f-fc27e85120d9`,
  E: `${NS}019df243-2869-73bb-ac5c-bbee13d7153e`,
  F: `${NS}019df2a6-0966-7556-8d8c-06e9db11b4b3`,
  H: 'example--019df237-3f09-766e-b64e-2ec636ec8a8f',
  S: 'ci--bots--019df237-3f09-77ac-bc02-559b3c42acdd',
  ACT_PLAN: 'example--019df23b-d3fc-7d81-93a9-aed857efb7f0',
  ACT_CI: 'ci--bots--019df2a5-1baf-71e0-85e1-f702790d60de',
  COMMENT: `${NS}019df28a-90b2-7e32-a40a-c8f79c01ee0e`,
} as const;

export type Handle = keyof typeof H;

/** Handle letter of a task id (for readable assertions). */
export function handleOf(id: string): string {
  const found = (Object.keys(H) as Handle[]).find((k) => H[k] === id);
  return found ?? id;
}
