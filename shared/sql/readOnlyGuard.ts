/**
 * A first, textual line of defence for the read-only SQL console: it names what is refused in
 * words a user understands. The store then prepares each statement and accepts only SELECT-type
 * statements (electron/store/readOnlyQuery.ts), so this list need not be complete to be safe.
 */
const REFUSED_KEYWORDS: readonly [RegExp, string][] = [
  [/\b(INSERT|UPDATE|DELETE|MERGE|UPSERT|TRUNCATE)\b/i, 'writes'],
  [/\b(CREATE|DROP|ALTER|COMMENT\s+ON)\b/i, 'DDL'],
  [/\b(ATTACH|DETACH|USE)\b/i, 'ATTACH'],
  [/\b(COPY|EXPORT|IMPORT)\b/i, 'COPY'],
  [/\b(INSTALL|FORCE\s+INSTALL|UPDATE\s+EXTENSIONS)\b/i, 'INSTALL'],
  [/\b(LOAD)\b/i, 'LOAD'],
  [
    /\b(PRAGMA|SET|RESET|CALL|CHECKPOINT|VACUUM|BEGIN|COMMIT|ROLLBACK|ABORT|PREPARE|EXECUTE|DEALLOCATE)\b/i,
    'settings and transactions',
  ],
];

/** Table functions that read files or the network: the console only sees the workspace. */
const FILE_FUNCTIONS =
  /\b(read_\w+|parquet_\w+|glob|sniff_csv|query_table|iceberg_\w+|delta_scan|sqlite_scan|sqlite_attach|postgres_\w+|mysql_\w+|httpfs\w*|getenv|read_blob|read_text)\s*\(/i;

/** Removes comments and the contents of string literals and quoted identifiers, keeping positions irrelevant. */
export function stripSqlLiterals(sql: string): string {
  let out = '';
  let i = 0;
  while (i < sql.length) {
    const c = sql[i]!;
    const next = sql[i + 1];
    if (c === '-' && next === '-') {
      while (i < sql.length && sql[i] !== '\n') i++;
      out += ' ';
    } else if (c === '/' && next === '*') {
      const end = sql.indexOf('*/', i + 2);
      i = end < 0 ? sql.length : end + 2;
      out += ' ';
    } else if (c === "'" || c === '"') {
      let j = i + 1;
      while (j < sql.length) {
        if (sql[j] === c && sql[j + 1] === c) j += 2;
        else if (sql[j] === c) break;
        else j++;
      }
      out += c === "'" ? "''" : '"x"';
      i = j + 1;
    } else {
      out += c;
      i++;
    }
  }
  return out;
}

/** Null when the text may run; otherwise the reason it is refused, ready to show to the user. */
export function refuseNonReadOnlySql(sql: string): string | null {
  const bare = stripSqlLiterals(sql);
  if (!bare.trim()) return 'The query is empty.';
  // String literals may legitimately contain the words above ('INSERT' in a details text), so
  // only the bare SQL is checked. Identifiers quoted with "" are also skipped.
  for (const [re, what] of REFUSED_KEYWORDS) {
    const m = re.exec(bare);
    if (m) {
      return `The SQL console is read-only: ${what} (${m[1]!.toUpperCase()}) refused. Use SELECT, WITH … SELECT, or EXPLAIN.`;
    }
  }
  const f = FILE_FUNCTIONS.exec(bare);
  if (f) return `The SQL console reads the workspace only: ${f[1]}() reads files and is refused.`;
  return null;
}
