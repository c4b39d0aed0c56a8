// Tries to take the hub's data-folder lock on the folder given as argument, prints "won" or
// "lost", and, having won, holds the lock until its standard input closes.
import { lockDataDir } from '../../server/db/data-dir-lock';

try {
  const release = await lockDataDir(process.argv[2]);
  process.stdout.write('won\n');
  process.stdin.resume();
  process.stdin.on('end', () => void release());
} catch {
  process.stdout.write('lost\n');
}
