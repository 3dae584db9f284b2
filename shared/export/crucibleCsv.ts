/** CSV export of a chain (§6.1), exact; code_section / spec_reference escaped too (§12). */
import type { Chain } from '../model/chains.js';
import { formatFloat } from '../chains/numberText.js';

const HEADER = 'id,timestamp,type,decision,alternatives,reasoning,confidence,code_section,spec_reference';

/** Quotes a field holding `,`, `"`, LF or CR, doubling quotes. */
export function csvField(v: string): string {
  return /[,"\n\r]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}

/** Header line, then one row per event with no newline after the last (empty chain: header line only). */
export function toCrucibleCsv(chain: Chain): string {
  const rows = chain.events.map((e) =>
    [
      e.id,
      e.timestamp,
      e.type,
      csvField(e.decision ?? ''),
      csvField(e.alternatives.join('; ')),
      csvField(e.reasoning ?? ''),
      formatFloat(e.confidence),
      csvField(e.code_section ?? ''),
      csvField(e.spec_reference ?? ''),
    ].join(','),
  );
  return `${HEADER}\n${rows.join('\n')}`;
}
