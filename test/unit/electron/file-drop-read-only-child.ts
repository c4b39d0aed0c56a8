// Runs observeReadOnlyFolder in the folder given as argument and prints what it saw as JSON.
// file-drop-folder.test.ts starts it as the user nobody when the test itself runs as root.
import { observeReadOnlyFolder } from './file-drop-scenarios';

process.stdout.write(JSON.stringify(await observeReadOnlyFolder(process.argv[2])));
