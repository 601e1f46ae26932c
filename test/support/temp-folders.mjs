// Folders the Node tests write into, under the system's temporary folder.
// Each is removed when the test file's process exits, whatever the test's
// outcome: a test that fails half-way leaves nothing behind either, and a
// machine that runs `npm test` every day does not fill up with them.
import {mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';

/** @type {string[]} */
const made = [];
process.on('exit', () => {
  for (const folder of made) rmSync(folder, {recursive: true, force: true});
});

/** A new empty folder named `partner-card-<name>-…`, removed when the process exits. */
export function tempFolder(/** @type {string} */ name) {
  const folder = mkdtempSync(join(tmpdir(), `partner-card-${name}-`));
  made.push(folder);
  return folder;
}
