// The profiles folder as the prerenderer reads it: profile(id) and index(),
// each file read once however many tags and pages name it. Used by
// `partner-card prerender` and the Eleventy plugin, so both refuse the same
// things: a symbolic link, a file that is not JSON, an id that is not one.
import {existsSync, readFileSync, statSync} from 'node:fs';
import {join, relative} from 'node:path';
import {refuseLink} from './safe-files.mjs';

const ID = /^[a-z0-9]+(-[a-z0-9]+)*$/;
/** A profile or index larger than this is not one (and would hold the machine's memory). */
const MAX_JSON = 16 * 1024 * 1024;

/** @param {string} file */
function readJson(file) {
  refuseLink(file);
  const name = relative(process.cwd(), file) || file;
  // Measured before reading, so a huge file is refused without being held in memory.
  if (statSync(file).size > MAX_JSON) throw new Error(`${name} is larger than ${MAX_JSON / 1024 / 1024} MB: not a profile`);
  const text = readFileSync(file, 'utf8');
  try {
    return /** @type {unknown} */ (JSON.parse(text));
  } catch (error) {
    throw new Error(`${name} is not valid JSON (${/** @type {Error} */ (error).message})`);
  }
}

/**
 * @param {string} folder the profiles: <id>.json, and index.json for directories
 * @returns {{profile: (id: string) => unknown, index: () => unknown}} undefined for what is not there
 */
export function profileSource(folder) {
  /** @type {Map<string, unknown>} */
  const read = new Map();
  /** @type {unknown} */
  let partners;
  return {
    profile(id) {
      if (!read.has(id)) {
        const file = join(folder, `${id}.json`);
        read.set(id, ID.test(id) && existsSync(file) ? readJson(file) : undefined);
      }
      return read.get(id);
    },
    index() {
      const file = join(folder, 'index.json');
      if (partners === undefined && existsSync(file)) partners = readJson(file);
      return partners;
    },
  };
}
