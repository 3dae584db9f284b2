// Child process for the watcher test: appends N numbered lines to a file in bursts, some split
// across two writes so the watcher sees half-written lines.
import { appendFileSync } from 'node:fs';

const [file, countText, prefix] = process.argv.slice(2);
const count = Number(countText);
let i = 0;
while (i < count) {
  const burst = Math.min(count - i, 1 + ((i * 7) % 23));
  let text = '';
  for (let k = 0; k < burst; k++, i++) text += JSON.stringify({ prefix, n: i }) + '\n';
  if (i % 3 === 0) {
    const cut = Math.floor(text.length / 2);
    appendFileSync(file!, text.slice(0, cut));
    const until = Date.now() + 2;
    while (Date.now() < until) {
      /* a short pause mid-line */
    }
    appendFileSync(file!, text.slice(cut));
  } else {
    appendFileSync(file!, text);
  }
  if (i % 50 === 0) Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 3);
}
