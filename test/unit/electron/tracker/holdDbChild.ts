/**
 * Child process that holds a workspace open (DuckDB's write lock) until its stdin closes.
 * argv: dbPath. Prints `HELD` once the file is open.
 */
import { Workspace } from '../../../../electron/store/workspace.js';

const ws = await Workspace.open(process.argv[2]!);
process.stdout.write('HELD\n');
process.stdin.resume();
process.stdin.on('end', () => {
  ws.close();
  process.exit(0);
});
