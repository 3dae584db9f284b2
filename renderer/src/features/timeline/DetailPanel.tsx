/** The right-hand panel: the selected item (with its record and entities) or the session itself. */
import type { SessionId } from '../../../../shared/model/ids.js';
import { JsonView } from '../../components/JsonView.js';
import { formatDateTime, formatDuration } from '../../components/format.js';
import { useRouteStore } from '../../stores/routeStore.js';
import { useTimelineItemStore } from '../../stores/timelineItemStore.js';
import { timelineRoute, type DetailTab } from '../../stores/urlState.js';
import { EntityLinks } from './EntityLinks.js';
import { DecisionRecord, ToolCallRecord, TransformationRecord } from './ItemRecords.js';
import { SessionPanel } from './SessionPanel.js';

function ItemPanel() {
  const eventId = useTimelineItemStore((s) => s.eventId);
  const item = useTimelineItemStore((s) => s.item);
  const error = useTimelineItemStore((s) => s.itemError);
  const entity = useTimelineItemStore((s) => s.entity);
  const entitySessions = useTimelineItemStore((s) => s.entitySessions);
  const showEntity = useTimelineItemStore((s) => s.showEntity);
  const navigate = useRouteStore((s) => s.navigate);

  if (eventId === null) {
    return (
      <section className="muted">
        Select an item: click a row, or step with <kbd>j</kbd> / <kbd>k</kbd>.
      </section>
    );
  }
  if (error) return <section className="fail">{error}</section>;
  if (!item) return <section className="muted">Loading…</section>;
  return (
    <>
      <section aria-label="Item">
        <h3>Item · {item.event_type.replace('_', ' ')}</h3>
        <div style={{ fontWeight: 600, marginBottom: 4 }} data-testid="item-name">
          {item.event_name}
        </div>
        <dl>
          <dt>time</dt>
          <dd>{formatDateTime(item.timestamp)}</dd>
          <dt>sequence</dt>
          <dd>#{item.sequence_number}</dd>
          <dt>duration</dt>
          <dd>{formatDuration(item.duration_ms)}</dd>
          <dt>event id</dt>
          <dd className="mono">{item.event_id}</dd>
        </dl>
      </section>
      <ToolCallRecord value={item.tool_call} />
      <DecisionRecord value={item.decision} />
      <TransformationRecord value={item.transformation} />
      <EntityLinks
        links={item.entity_links}
        current={item.session_id}
        open={entity}
        sessions={entitySessions}
        onShow={(ref) => void showEntity(ref)}
        onOpenSession={(id: SessionId) => navigate(timelineRoute(id))}
      />
      <section aria-label="Details">
        <h3>Details</h3>
        <JsonView value={item.details} label="details" />
      </section>
    </>
  );
}

export function DetailPanel({ tab }: { tab: DetailTab }) {
  const updateTimeline = useRouteStore((s) => s.updateTimeline);
  const session = useTimelineItemStore((s) => s.session);
  const tabs: [DetailTab, string][] = [
    ['item', 'Item'],
    ['session', 'Session'],
  ];
  return (
    <aside className="detail" aria-label="Details">
      <div className="tabs" role="tablist">
        {tabs.map(([id, label]) => (
          <button
            key={id}
            type="button"
            role="tab"
            aria-selected={tab === id}
            onClick={() => updateTimeline({ tab: id }, { replace: true })}
          >
            {label}
          </button>
        ))}
      </div>
      {tab === 'item' ? <ItemPanel /> : <SessionPanel session={session} />}
    </aside>
  );
}
