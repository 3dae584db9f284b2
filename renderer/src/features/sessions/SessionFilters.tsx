/** Filter bar: project, agent type, outcome, date range and the debounced full-text search. */
import { useEffect, useRef, useState } from 'react';
import type { Project } from '../../../../shared/model/sessions.js';
import type { SessionListState } from '../../stores/urlState.js';

const SEARCH_DEBOUNCE_MS = 250;

export interface SessionFiltersProps {
  list: SessionListState;
  projects: Project[];
  agents: string[];
  focusSignal: number;
  onChange(patch: Partial<SessionListState>, replace: boolean): void;
}

export function SessionFilters({ list, projects, agents, focusSignal, onChange }: SessionFiltersProps) {
  const [text, setText] = useState(list.search);
  const search = useRef<HTMLInputElement>(null);

  // The URL can change the search (back button, Esc): show it.
  useEffect(() => setText(list.search), [list.search]);
  useEffect(() => {
    if (text === list.search) return;
    const timer = setTimeout(() => onChange({ search: text, selected: null }, true), SEARCH_DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [text, list.search, onChange]);
  useEffect(() => {
    if (focusSignal > 0) search.current?.focus();
  }, [focusSignal]);

  const outcome = list.success === null ? '' : String(list.success);
  return (
    <div className="filters" role="search">
      <input
        ref={search}
        type="search"
        placeholder="Search queries, agents, events…  ( / )"
        aria-label="Search sessions"
        value={text}
        onChange={(e) => setText(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Escape') {
            if (text) setText('');
            e.currentTarget.blur();
          }
        }}
      />
      <label>
        Project
        <select
          aria-label="Project"
          value={list.project ?? ''}
          onChange={(e) => onChange({ project: e.target.value || null, selected: null }, false)}
        >
          <option value="">all</option>
          {projects.map((p) => (
            <option key={p.project_id} value={p.name}>
              {p.name} ({p.session_count})
            </option>
          ))}
        </select>
      </label>
      <label>
        Agent
        <select
          aria-label="Agent type"
          value={list.agent ?? ''}
          onChange={(e) => onChange({ agent: e.target.value || null, selected: null }, false)}
        >
          <option value="">all</option>
          {agents.map((a) => (
            <option key={a} value={a}>
              {a}
            </option>
          ))}
        </select>
      </label>
      <label>
        Outcome
        <select
          aria-label="Outcome"
          value={outcome}
          onChange={(e) =>
            onChange(
              { success: e.target.value === '' ? null : e.target.value === 'true', selected: null },
              false,
            )
          }
        >
          <option value="">any</option>
          <option value="true">succeeded</option>
          <option value="false">failed</option>
        </select>
      </label>
      <label>
        From
        <input
          type="date"
          aria-label="Started on or after"
          value={list.since ?? ''}
          onChange={(e) => onChange({ since: e.target.value || null }, false)}
        />
      </label>
      <label>
        To
        <input
          type="date"
          aria-label="Started on or before"
          value={list.until ?? ''}
          onChange={(e) => onChange({ until: e.target.value || null }, false)}
        />
      </label>
    </div>
  );
}
