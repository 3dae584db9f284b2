/**
 * The timeline's detail panel: the selected item (`timeline/item`), the session's own record
 * (`sessions/detail`: summary.md and manifest) and the sessions touching a chosen entity
 * (`entities/sessions`). Invariant: each field answers the id beside it; late answers for an id
 * that is no longer selected are dropped.
 */
import { create } from 'zustand';
import type { EventId, SessionId } from '../../../shared/model/ids.js';
import type { SessionDetail, SessionSummary } from '../../../shared/model/sessions.js';
import type { TimelineItemDetail } from '../../../shared/model/timeline.js';
import { api } from '../api/index.js';

export interface EntityRef {
  entity_table: string;
  entity_id: string;
}

interface TimelineItemStore {
  eventId: EventId | null;
  item: TimelineItemDetail | null;
  itemError: string | null;
  sessionId: SessionId | null;
  session: SessionDetail | null;
  entity: EntityRef | null;
  entitySessions: SessionSummary[] | null;
  select(eventId: EventId | null): Promise<void>;
  loadSession(sessionId: SessionId): Promise<void>;
  showEntity(ref: EntityRef | null): Promise<void>;
}

const sameEntity = (a: EntityRef | null, b: EntityRef | null) =>
  a !== null && b !== null && a.entity_table === b.entity_table && a.entity_id === b.entity_id;

export const useTimelineItemStore = create<TimelineItemStore>((set, get) => ({
  eventId: null,
  item: null,
  itemError: null,
  sessionId: null,
  session: null,
  entity: null,
  entitySessions: null,
  async select(eventId) {
    if (eventId === get().eventId && (get().item !== null || get().itemError !== null)) return;
    set({ eventId, item: null, itemError: null, entity: null, entitySessions: null });
    if (eventId === null) return;
    try {
      const item = await api.call('timeline/item', { event_id: eventId });
      if (get().eventId === eventId) set({ item, itemError: item ? null : `no event ${eventId}` });
    } catch (e) {
      if (get().eventId === eventId) set({ itemError: (e as Error).message });
    }
  },
  async loadSession(sessionId) {
    if (sessionId === get().sessionId && get().session !== null) return;
    set({ sessionId, session: null });
    try {
      const session = await api.call('sessions/detail', { session_id: sessionId });
      if (get().sessionId === sessionId) set({ session });
    } catch {
      if (get().sessionId === sessionId) set({ session: null });
    }
  },
  async showEntity(ref) {
    if (sameEntity(ref, get().entity)) return;
    set({ entity: ref, entitySessions: null });
    if (ref === null) return;
    const sessions = await api.call('entities/sessions', ref).catch(() => []);
    if (sameEntity(ref, get().entity)) set({ entitySessions: sessions });
  },
}));
