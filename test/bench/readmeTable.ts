/**
 * Prints bench/results.json as the Markdown table of the README's "Performance" section.
 * Run: node dist/test/bench/readmeTable.js [bench/results.json]
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '../helpers/paths.js';
import type { Figure } from './report.js';

const file = process.argv[2] ?? join(repoRoot, 'bench', 'results.json');
const r = JSON.parse(readFileSync(file, 'utf8')) as {
  date: string;
  machine: { cpus: number; cpu_model: string; memory_gb: number; os: string; node: string };
  total_s: number;
  figures: Figure[];
};
const m = r.machine;
console.log(
  `Measured ${r.date.slice(0, 10)} on ${m.cpus} × ${m.cpu_model}, ${m.memory_gb} GB, ${m.os}, Node ${m.node}; the run took ${r.total_s} s.\n`,
);
console.log('| figure | value | target | met |');
console.log('|---|---:|---:|:---:|');
for (const f of r.figures) {
  const target = f.target === undefined ? '' : `≤ ${f.target} ${f.unit}`;
  const met = f.ok === undefined ? '' : f.ok ? 'yes' : '**no**';
  const note = f.note ? ` (${f.note})` : '';
  console.log(`| ${f.name}${note} | ${f.value} ${f.unit} | ${target} | ${met} |`);
}
