// Child process for the workspace-sink tests: appends tracker-like action lines (lines
// `first`..`first + count - 1` of one session) to a file, as another program would.
//   burst:  groups of 1-23 lines per write, every third group split mid-line across two writes;
//   paced:  one line every `paceMs`, each stamped with `details.written_at` (ms since the epoch)
//           just before its write, to measure the latency to the workspace.
import { appendFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { trackerLine } from './trackerLines.js';

const [file, countText, firstText, mode, paceText] = process.argv.slice(2);
const count = Number(countText);
const first = Number(firstText ?? 1);
const paceMs = Number(paceText ?? 5);
const now = (): number => performance.timeOrigin + performance.now();
const sleep = (ms: number): void => {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
};

let i = 0;
if (mode === 'paced') {
  for (; i < count; i++) {
    appendFileSync(file!, trackerLine(first + i, undefined, { extra: { written_at: now() } }) + '\n');
    sleep(paceMs);
  }
} else {
  while (i < count) {
    const burst = Math.min(count - i, 1 + ((i * 7) % 23));
    let text = '';
    for (let k = 0; k < burst; k++, i++) text += trackerLine(first + i) + '\n';
    if (i % 3 === 0) {
      const cut = Math.floor(text.length / 2);
      appendFileSync(file!, text.slice(0, cut));
      sleep(3);
      appendFileSync(file!, text.slice(cut));
    } else {
      appendFileSync(file!, text);
    }
    if (i % 40 === 0) sleep(5);
  }
}
