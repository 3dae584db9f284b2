/**
 * The SQL console: a read-only editor (Ctrl+Enter runs), the saved queries (the reference
 * ProvenanceQueries, then the user's), results in a virtualized grid with column types, errors
 * shown as the service words them (a write is refused with the guard's message), the result
 * exported as CSV / JSON / Parquet, and session ids that open the session's timeline.
 */
import { useCallback, useEffect, useState, type CSSProperties } from 'react';
import type { QueryResult } from '../../../../shared/model/queries.js';
import type { SavedQuery } from '../../../../shared/model/savedQueries.js';
import type { TableExportFormat } from '../../../../shared/model/exports.js';
import { asSessionId } from '../../../../shared/model/ids.js';
import { bindParams } from '../../../../shared/sql/referenceQueries.js';
import { api } from '../../api/index.js';
import { VirtualList } from '../../components/VirtualList.js';
import { useRouteStore } from '../../stores/routeStore.js';
import { timelineRoute } from '../../stores/urlState.js';
import { saveFile } from '../export/index.js';
import { cellText, sessionColumns } from './sqlCells.js';

const ROW_HEIGHT = 26;
const LIMIT = 10_000;

export function SqlConsole() {
  const [sql, setSql] = useState(
    'SELECT session_id, agent_type, query, duration_ms, success\nFROM provenance_sessions\nORDER BY start_time DESC',
  );
  const [params, setParams] = useState<string[]>([]);
  const [paramNames, setParamNames] = useState<string[]>([]);
  const [result, setResult] = useState<QueryResult | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [running, setRunning] = useState(false);
  const [saved, setSaved] = useState<SavedQuery[]>([]);
  const [ranSql, setRanSql] = useState('');

  const loadSaved = useCallback(() => {
    api.call('sql/saved').then(setSaved, (e: Error) => setError(e.message));
  }, []);
  useEffect(loadSaved, [loadSaved]);

  const run = useCallback(async () => {
    setRunning(true);
    setError(null);
    try {
      const text = paramNames.length ? bindParams(sql, params) : sql;
      setRanSql(text);
      setResult(await api.call('query/run', { sql: text, limit: LIMIT }));
    } catch (e) {
      setResult(null);
      setError((e as Error).message);
    } finally {
      setRunning(false);
    }
  }, [sql, params, paramNames]);

  const pick = (q: SavedQuery) => {
    setSql(q.sql);
    setParamNames(q.params.map((p) => p.name));
    setParams(q.params.map((p) => p.example));
  };

  const save = async () => {
    const name = window.prompt('Save this query as:');
    if (!name) return;
    try {
      await api.call('sql/save', { name, sql });
      loadSaved();
    } catch (e) {
      setError((e as Error).message);
    }
  };

  const remove = async (q: SavedQuery) => {
    await api.call('sql/delete', { id: q.id });
    loadSaved();
  };

  const exportAs = async (format: TableExportFormat) => {
    try {
      saveFile(await api.call('export/table', { sql: ranSql, format }));
    } catch (e) {
      setError((e as Error).message);
    }
  };

  return (
    <div className="sql">
      <aside className="sql-saved" aria-label="Saved queries">
        <h3>Saved queries</h3>
        <ul>
          {saved.map((q) => (
            <li key={q.id}>
              <button type="button" className="link" title={q.description || q.sql} onClick={() => pick(q)}>
                {q.name}
              </button>
              {!q.builtin && (
                <button type="button" aria-label={`Delete ${q.name}`} onClick={() => void remove(q)}>
                  ×
                </button>
              )}
            </li>
          ))}
        </ul>
      </aside>
      <section className="sql-main">
        <textarea
          className="sql-editor"
          aria-label="SQL"
          spellCheck={false}
          value={sql}
          onChange={(e) => {
            setSql(e.target.value);
            if (paramNames.length && !e.target.value.includes('?')) setParamNames([]);
          }}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
              e.preventDefault();
              void run();
            }
          }}
        />
        {paramNames.length > 0 && (
          <div className="sql-params">
            {paramNames.map((n, i) => (
              <label key={`${n}-${i}`}>
                {n}{' '}
                <input
                  aria-label={`Parameter ${n}`}
                  value={params[i] ?? ''}
                  onChange={(e) => setParams((p) => p.map((v, j) => (j === i ? e.target.value : v)))}
                />
              </label>
            ))}
          </div>
        )}
        <div className="sql-toolbar">
          <button type="button" onClick={() => void run()} disabled={running}>
            Run (Ctrl+Enter)
          </button>
          <button type="button" onClick={() => void save()}>
            Save query
          </button>
          {result && (
            <>
              <span className="muted">
                {result.rows.length} rows{result.truncated ? ` (first ${LIMIT})` : ''}
              </span>
              <button type="button" onClick={() => void exportAs('csv')}>
                Export CSV
              </button>
              <button type="button" onClick={() => void exportAs('json')}>
                Export JSON
              </button>
              <button type="button" onClick={() => void exportAs('parquet')}>
                Export Parquet
              </button>
            </>
          )}
        </div>
        {error && (
          <p className="fail sql-error" role="alert">
            {error}
          </p>
        )}
        {result && <ResultGrid result={result} />}
      </section>
    </div>
  );
}

function ResultGrid({ result }: { result: QueryResult }) {
  const sessions = sessionColumns(result);
  const template = `repeat(${result.columns.length}, minmax(120px, 1fr))`;
  const open = (id: string) => useRouteStore.getState().navigate(timelineRoute(asSessionId(id)));
  return (
    <div className="sql-grid" role="table" aria-label="Query result">
      <div className="sql-row sql-head" role="row" style={{ gridTemplateColumns: template }}>
        {result.columns.map((c, i) => (
          <div key={i} role="columnheader" className="sql-cell">
            <span className="sql-col">{c.name}</span> <span className="sql-type">{c.type}</span>
          </div>
        ))}
      </div>
      <VirtualList
        label="Result rows"
        role="rowgroup"
        rowCount={result.rows.length}
        rowHeight={ROW_HEIGHT}
        renderRow={(i, style: CSSProperties) => {
          const row = result.rows[i]!;
          return (
            <div
              key={i}
              role="row"
              className="sql-row"
              style={{ ...style, position: 'absolute', left: 0, right: 0, gridTemplateColumns: template }}
            >
              {row.map((v, j) => (
                <div key={j} role="cell" className="sql-cell" title={cellText(v)}>
                  {sessions.has(j) && typeof v === 'string' ? (
                    <button type="button" className="link" data-session-id={v} onClick={() => open(v)}>
                      {v}
                    </button>
                  ) : (
                    cellText(v)
                  )}
                </div>
              ))}
            </div>
          );
        }}
      />
    </div>
  );
}
