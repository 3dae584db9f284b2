/** Shared inputs of the CrucibleTrace tests: the sample chains and the diff inputs of the README. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Chain } from '../../shared/model/chains.js';
import { readChain } from '../../shared/chains/chainReader.js';
import { createEvent } from '../../shared/chains/event.js';
import { parseToChain } from '../../shared/chains/markup/parser.js';
import { ownFixtures, sharedFixtures } from './paths.js';

export const crucibleDir = join(sharedFixtures, 'crucible');
export const crucibleExports = join(crucibleDir, 'exports');

export const readCrucible = (name: string): string => readFileSync(join(crucibleDir, name), 'utf8');
export const readExport = (name: string): string => readFileSync(join(crucibleExports, name), 'utf8');
export const readOwn = (name: string): string => readFileSync(join(ownFixtures, 'chains', name), 'utf8');

export const golden = (): Chain => readChain(readCrucible('chain_golden_deterministic.json'));
export const emptyChain = (): Chain => readChain(readExport('empty.export.json'));
export const parserInput = (): string => readCrucible('parser_input_integration_test.txt');

/** Chain B of the README: e1 at 0.8, e2, e3 edited, e5 added. */
export function chainB(): Chain {
  const a = golden();
  const [e1, e2, e3] = a.events;
  const e5 = createEvent({
    id: 'e5f60718293a4b5c6d7e8f90a1b2c3d4',
    timestamp: '2025-01-15T11:00:00Z',
    type: 'pattern_applied',
    decision: 'Apply Supervisor pattern',
    reasoning: 'Fault tolerance',
    confidence: 0.85,
  });
  return {
    ...a,
    name: 'State Manager v2',
    events: [
      { ...e1!, confidence: 0.8 },
      e2!,
      { ...e3!, reasoning: 'ETS is not replicated', alternatives: ['ETS table', 'Mnesia'] },
      e5,
    ],
  };
}

/** Chain B' of the README: only e1, one minute later. */
export function chainBPrime(): Chain {
  const b = chainB();
  return { ...b, events: [{ ...b.events[0]!, confidence: 0.9, timestamp: '2025-01-15T10:31:00Z' }] };
}

/** Run A / Run B of the README (two parses; no shared ids). */
export function runs(): [Chain, Chain] {
  const input = parserInput();
  const edited = input
    .replace('<confidence>0.9</confidence>', '<confidence>0.7</confidence>')
    .replace('Prevent resource exhaustion', 'Avoid exhausting file descriptors')
    .replace(
      '<event type="constraint_evaluated">',
      '<event type="pattern_applied">\n  <decision>Use a Registry</decision>\n  <reasoning>Name lookup</reasoning>\n</event>\n\n<event type="constraint_evaluated">',
    );
  return [parseToChain(input, 'Run A'), parseToChain(edited, 'Run B')];
}

/** Text that breaks diagrams: quotes, `#`, `;`, markup, brackets, comments, directives, keywords. */
export const HOSTILE =
  'x"; end %% #35; &quot; <script>alert(1)</script> [a](b){c}|d` --> E1 ::: :colon & amp %%{init: {"theme":"dark"}}%%';

/**
 * A chain whose every imported string is hostile: labels (quotes, `#`, `;`, `<script>`, brackets,
 * newlines of every kind, control characters, unicode, very long text, statement keywords), event
 * ids that are not Mermaid ids (`end`, punctuation, colliding prefixes), unknown and keyword
 * types, alternatives and a chain name with markup.
 */
export function hostileChain(): Chain {
  const at = (i: number) => `2025-01-15T10:${String(i).padStart(2, '0')}:00Z`;
  const long = 'Ünïcødé 🧪 日本語 — '.repeat(400);
  const ev = (i: number, type: string, decision: string | null, id: string, alternatives: string[] = []) => ({
    ...createEvent({ id, timestamp: at(i), type, decision, reasoning: HOSTILE }),
    alternatives,
  });
  return {
    ...golden(),
    name: `Evil "name"; #1 <b>bold</b> : colon\nsection Injected\ntitle again`,
    events: [
      ev(0, 'hypothesis_formed', HOSTILE, 'end;--> x', [
        HOSTILE,
        'p99 < 10ms; best',
        '<img src=x onerror=alert(1)>',
      ]),
      ev(
        1,
        'alternative_rejected',
        `first line\nsecond line\r\nthird\rfourth\u2028fifth\u0000\ttab\u00a0no-break`,
        'abcdefgh-1',
      ),
      ev(2, 'constraint_evaluated', long, 'abcdefgh-2', [long]),
      ev(3, 'pattern_applied', null, 'style'),
      ev(4, 'end', 'section Evil', 'N3'),
      ev(5, 'stage start; x', 'title Evil : event', 'N5'),
      ev(6, '%%', 'timeline LR', 'a1b2c3d4-e5f6'),
      ev(7, 'class', 'accTitle: x', '"quoted"'),
      ev(8, 'hypothesis_formed', '   ', 'graph'),
      ev(9, 'ambiguity_flagged', '[[x]] ((y)) {{z}} >w] /v/ \\u\\', 'click'),
    ],
  };
}
