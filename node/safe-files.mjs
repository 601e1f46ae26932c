// Reading and writing a user's files as the tools that write into partners' sites must:
// no symbolic link is followed out of what the user named, and a run writes every file
// or none, each through a temporary file renamed over the old one, so a reader, a crash
// or a full disk meets the old file or the new one, never half of one.
import {chmodSync, closeSync, fsyncSync, lstatSync, openSync, readdirSync, renameSync, rmSync, statSync, writeSync} from 'node:fs';
import {randomBytes} from 'node:crypto';
import {basename, dirname, join} from 'node:path';

export class FileRefused extends Error {}

/** Throws FileRefused when `path` is a symbolic link: a tool never writes through one. @param {string} path */
export function refuseLink(path) {
  let stat;
  try {
    stat = lstatSync(path);
  } catch {
    return;
  }
  if (stat.isSymbolicLink()) {
    throw new FileRefused(
      `${path} is a symbolic link: links are not followed (they may lead out of the folder); name the file it points to instead`,
    );
  }
}

/**
 * The files under `path` (itself when it is a file) that `keep` accepts, in name order, without
 * entering `node_modules` or hidden folders. A symbolic link anywhere is refused, naming it.
 * @param {string} path @param {(name: string) => boolean} keep @returns {string[]}
 */
export function filesUnder(path, keep) {
  refuseLink(path);
  if (!lstatSync(path).isDirectory()) return [path];
  return readdirSync(path, {withFileTypes: true})
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
    .flatMap((entry) => {
      const full = join(path, entry.name);
      if (entry.isSymbolicLink()) refuseLink(full);
      if (entry.isDirectory()) return entry.name === 'node_modules' || entry.name.startsWith('.') ? [] : filesUnder(full, keep);
      return entry.isFile() && keep(entry.name) ? [full] : [];
    });
}

/**
 * Writes every [path, text or bytes] or none. Each text goes to a temporary file beside its
 * target (same folder, so the rename cannot cross file systems), with the old file's
 * permissions; only when all are written are they renamed over their targets.
 * @param {[string, string | Uint8Array][]} changes
 */
export function writeAllOrNone(changes) {
  /** @type {[string, string][]} temporary file, target */
  const ready = [];
  try {
    for (const [path, text] of changes) {
      refuseLink(path);
      let mode = 0o644;
      try {
        mode = lstatSync(path).mode & 0o7777;
      } catch {
        // a new file
      }
      const folder = dirname(path);
      // Said of the user's own names: the temporary file is never one they chose.
      if (!statSync(folder, {throwIfNoEntry: false})?.isDirectory())
        throw new FileRefused(`${folder}: there is no such folder to write ${basename(path)} into`);
      const temp = join(folder, `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`);
      let fd;
      try {
        fd = openSync(temp, 'wx', mode);
      } catch (error) {
        throw new FileRefused(`${path} cannot be written (${/** @type {{code?: string}} */ (error).code ?? 'error'})`);
      }
      ready.push([temp, path]);
      try {
        writeSync(fd, typeof text === 'string' ? Buffer.from(text) : text);
        fsyncSync(fd);
      } finally {
        closeSync(fd);
      }
      // The process's umask narrowed the mode given to openSync.
      chmodSync(temp, mode);
    }
  } catch (error) {
    for (const [temp] of ready) rmSync(temp, {force: true});
    throw error;
  }
  for (const [temp, path] of ready) renameSync(temp, path);
}
