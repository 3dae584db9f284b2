/** The session's own record: fields, summary.md as plain text (never HTML) and the manifest as a tree. */
import type { SessionDetail } from '../../../../shared/model/sessions.js';
import { JsonTree } from '../../components/JsonTree.js';
import { JsonView } from '../../components/JsonView.js';
import { formatDateTime, formatDuration, formatSuccess } from '../../components/format.js';

export function SessionPanel({ session }: { session: SessionDetail | null }) {
  if (!session) return <section className="muted">Loading the session…</section>;
  return (
    <>
      <section aria-label="Session">
        <h3>Session</h3>
        <dl>
          <dt>agent</dt>
          <dd>
            {session.agent_type}{' '}
            {session.agent_version && <span className="muted">{session.agent_version}</span>}
          </dd>
          <dt>project</dt>
          <dd>{session.project ?? '—'}</dd>
          <dt>query</dt>
          <dd>{session.query}</dd>
          <dt>started</dt>
          <dd>{formatDateTime(session.start_time)}</dd>
          <dt>duration</dt>
          <dd>{formatDuration(session.duration_ms)}</dd>
          <dt>result</dt>
          <dd className={session.success === false ? 'fail' : session.success ? 'ok' : 'muted'}>
            {formatSuccess(session.success)}
            {session.error_message && `: ${session.error_message}`}
          </dd>
          <dt>id</dt>
          <dd className="mono">{session.session_id}</dd>
          {session.folder && (
            <>
              <dt>folder</dt>
              <dd className="mono">{session.folder}</dd>
            </>
          )}
        </dl>
      </section>
      <section aria-label="Summary">
        <h3>summary.md</h3>
        {session.summary_md ? (
          <pre className="summary-md" data-testid="summary-md">
            {session.summary_md}
          </pre>
        ) : (
          <p className="muted">No summary.md for this session.</p>
        )}
      </section>
      <section aria-label="Manifest">
        <h3>Manifest</h3>
        {session.manifest !== null ? (
          <JsonTree value={session.manifest} label="manifest" />
        ) : (
          <p className="muted">No manifest.</p>
        )}
      </section>
      <section aria-label="Result summary">
        <h3>Result summary</h3>
        <JsonView value={session.result_summary} label="result summary" />
      </section>
    </>
  );
}
