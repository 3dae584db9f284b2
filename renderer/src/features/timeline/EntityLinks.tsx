/** The entities an item's session links, each expandable into the other sessions that touch it. */
import type { SessionId } from '../../../../shared/model/ids.js';
import type { SessionSummary } from '../../../../shared/model/sessions.js';
import type { TimelineItemDetail } from '../../../../shared/model/timeline.js';
import { formatDateTime } from '../../components/format.js';
import type { EntityRef } from '../../stores/timelineItemStore.js';

export interface EntityLinksProps {
  links: TimelineItemDetail['entity_links'];
  current: SessionId;
  open: EntityRef | null;
  sessions: SessionSummary[] | null;
  onShow(ref: EntityRef | null): void;
  onOpenSession(id: SessionId): void;
}

export function EntityLinks({ links, current, open, sessions, onShow, onOpenSession }: EntityLinksProps) {
  if (!links.length) return null;
  return (
    <section aria-label="Entity links">
      <h3>Entities of this session</h3>
      <ul className="entity-list">
        {links.map((l) => {
          const isOpen = open?.entity_table === l.entity_table && open.entity_id === l.entity_id;
          return (
            <li key={`${l.entity_table}\u0000${l.entity_id}\u0000${l.link_type}`}>
              <button
                type="button"
                className="link-button"
                aria-expanded={isOpen}
                onClick={() =>
                  onShow(isOpen ? null : { entity_table: l.entity_table, entity_id: l.entity_id })
                }
              >
                {l.entity_table}:{l.entity_id}
              </button>{' '}
              <span className="muted">
                {l.link_type} · {l.other_sessions.length} other session
                {l.other_sessions.length === 1 ? '' : 's'}
              </span>
              {isOpen && (
                <ul
                  className="entity-list"
                  style={{ marginLeft: 12 }}
                  aria-label={`Sessions touching ${l.entity_id}`}
                >
                  {sessions === null && <li className="muted">Loading…</li>}
                  {sessions?.map((s) => (
                    <li key={s.session_id}>
                      {s.session_id === current ? (
                        <span className="muted">this session</span>
                      ) : (
                        <button
                          type="button"
                          className="link-button"
                          onClick={() => onOpenSession(s.session_id)}
                        >
                          {s.agent_type}: {s.query}
                        </button>
                      )}{' '}
                      <span className="muted">{formatDateTime(s.start_time)}</span>
                    </li>
                  ))}
                </ul>
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
