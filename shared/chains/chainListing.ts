/** Chain search over a storage listing (§3.1); all bounds inclusive, name match case-insensitive. */
import type { ChainFileSummary, IsoTimestamp } from '../model/chains.js';
import { compareInstants } from './timestamps.js';

export interface ChainSearch {
  name_contains?: string | null;
  created_after?: IsoTimestamp | null;
  created_before?: IsoTimestamp | null;
  min_events?: number | null;
  max_events?: number | null;
}

export function searchChainSummaries(list: readonly ChainFileSummary[], q: ChainSearch): ChainFileSummary[] {
  const needle = q.name_contains?.toLowerCase();
  return list.filter(
    (c) =>
      (needle == null || (c.name ?? '').toLowerCase().includes(needle)) &&
      (q.created_after == null || compareInstants(c.created_at, q.created_after) >= 0) &&
      (q.created_before == null || compareInstants(c.created_at, q.created_before) <= 0) &&
      (q.min_events == null || c.event_count >= q.min_events) &&
      (q.max_events == null || c.event_count <= q.max_events),
  );
}
