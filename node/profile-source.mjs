// The profiles folder as the prerenderer reads it: profile(id) and index(),
// each file read once however many tags and pages name it. Used by
// `partner-card prerender` and the Eleventy plugin, so both refuse the same
// things (a symbolic link, a file that is not JSON, an id that is not one) and
// word a profile's problems as `partner-card index` does: its file, the JSON's
// line and column, and the fix.
import {existsSync, readdirSync, readFileSync, statSync} from 'node:fs';
import {join, relative} from 'node:path';
import {refuseLink} from './safe-files.mjs';
import {isProfileFile, profileProblems} from './profile-files.mjs';
import {parseProfile} from '../shared/profile-check.mjs';

const ID = /^[a-z0-9]+(-[a-z0-9]+)*$/;
/** A profile or index larger than this is not one (and would hold the machine's memory). */
const MAX_JSON = 16 * 1024 * 1024;

/** The file's name as the user knows it: from the folder the command runs in. @param {string} file */
const named = (file) => relative(process.cwd(), file) || file;

/** A profile's or index's text, refused (naming the file) when it is a link or too large to be one. @param {string} file */
function readText(file) {
  refuseLink(file);
  // Measured before reading, so a huge file is refused without being held in memory.
  if (statSync(file).size > MAX_JSON) throw new Error(`${named(file)} is larger than ${MAX_JSON / 1024 / 1024} MB: not a profile`);
  return readFileSync(file, 'utf8');
}

/** The parsed JSON; malformed JSON is named by file, line and column, as `index` says it. @param {string} file @param {string} text */
function parsed(file, text) {
  const {value, error} = parseProfile(text);
  if (error) throw new Error(`${named(file)}:${error.line}:${error.column}: ${error.message}`);
  return /** @type {unknown} */ (value);
}

/**
 * @param {string} folder the profiles: <id>.json, and index.json for directories
 * @returns {{profile: (id: string) => unknown, index: () => unknown, ids: () => string[], explain: (id: string) => string[]}}
 *   profile and index: undefined for what is not there; ids: the profiles there are; explain: a profile's
 *   problems, each naming its file and the fix
 */
export function profileSource(folder) {
  /** @type {Map<string, {value: unknown, problems: string[]} | undefined>} */
  const read = new Map();
  /** @type {unknown} */
  let partners;
  /** @type {string[] | undefined} */
  let ids;
  /** @param {string} id */
  const load = (id) => {
    if (!read.has(id)) {
      const file = join(folder, `${id}.json`);
      if (!ID.test(id) || !existsSync(file)) read.set(id, undefined);
      else {
        const text = readText(file);
        const value = parsed(file, text);
        read.set(id, {value, problems: profileProblems(text, `${id}.json`).map((problem) => `${named(file)}${problem}`)});
      }
    }
    return read.get(id);
  };
  return {
    profile: (id) => load(id)?.value,
    explain: (id) => load(id)?.problems ?? [],
    ids: () =>
      (ids ??= readdirSync(folder)
        .filter(isProfileFile)
        .map((name) => name.slice(0, -'.json'.length))
        .filter((id) => ID.test(id))),
    index() {
      const file = join(folder, 'index.json');
      if (partners === undefined && existsSync(file)) partners = parsed(file, readText(file));
      return partners;
    },
  };
}
