import { setImmediate as yieldToLoop } from 'node:timers/promises';
import type { ProvenanceTracker } from '../../../../electron/tracker/tracker.js';

/** A concurrent, nested workload for the tracker (test helper, also run in child processes). */
export interface LoadOptions {
  /** Concurrent root sessions. */
  sessions: number;
  /** Records per root session (each child and grandchild records a tenth of it). */
  eventsPerSession: number;
  /** Prefix that makes markers unique across processes. */
  tag: string;
}

export interface LoadResult {
  /** Session ids, all levels. */
  sessionIds: string[];
  /** Events each session should hold (records + agent_start + agent_end). */
  expectedEvents: Record<string, number>;
}

/**
 * Each root records `eventsPerSession` logs, tool calls, decisions and entity links, yielding to
 * the event loop every few records so all sessions interleave; each root runs a child, which runs
 * a grandchild (3 levels), concurrently with its own records.
 */
export async function runLoad(tracker: ProvenanceTracker, o: LoadOptions): Promise<LoadResult> {
  const result: LoadResult = { sessionIds: [], expectedEvents: {} };
  const work = async (name: string, n: number, depth: number): Promise<void> => {
    await tracker.withSession(`LoadAgent${depth}`, `${o.tag} ${name}`, { tag: o.tag, name }, async (s) => {
      result.sessionIds.push(s.id);
      let events = 2;
      const nested =
        depth < 2 ? work(`${name}.${depth + 1}`, Math.ceil(n / 10), depth + 1) : Promise.resolve();
      for (let i = 0; i < n; i++) {
        const marker = `${o.tag}/${name}/${i}`;
        if (i % 10 === 3)
          tracker.recordToolCall(
            'api',
            'pubchem_lookup',
            { marker },
            { output: { i }, durationMs: 1, cacheHit: i % 20 === 3 },
          );
        else if (i % 50 === 7) tracker.recordDecision('route', 'branch', { marker }, 'a', ['a', 'b'], marker);
        else tracker.log(marker);
        events++;
        if (i % 100 === 5) tracker.linkEntity('load', marker, 'used');
        if (i % 7 === 0) await yieldToLoop();
      }
      await nested;
      result.expectedEvents[s.id] = events;
    });
  };
  await Promise.all(Array.from({ length: o.sessions }, (_, i) => work(`s${i}`, o.eventsPerSession, 0)));
  return result;
}
