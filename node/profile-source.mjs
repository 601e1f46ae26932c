// The profiles folder as the prerenderer reads it: profile(id) and index(),
// each file read once however many tags and pages name it. The index is made
// from the profiles (as `index` and `publish` make it), never taken from a
// copy that may be older: an index.json in the folder that says otherwise is
// named, with each difference, by staleIndex(). Used by
// `partner-card prerender` and the Eleventy plugin, so both refuse the same
// things (a symbolic link, a file that is not JSON, an id that is not one) and
// word a profile's problems as `partner-card index` does: its file, the JSON's
// line and column, and the fix.
import {existsSync, readdirSync, readFileSync, statSync} from 'node:fs';
import {join, relative} from 'node:path';
import {refuseLink} from './safe-files.mjs';
import {isProfileFile, profileProblems, readProfiles} from './profile-files.mjs';
import {indexDifferences, indexOf} from './partner-index.mjs';
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
 * @returns {{profile: (id: string) => unknown, index: () => unknown, ids: () => string[], explain: (id: string) => string[], staleIndex: () => string | undefined}}
 *   profile: undefined for what is not there; index: made from the profiles (throws naming each invalid one);
 *   ids: the profiles there are; explain: a profile's problems, each naming its file and the fix;
 *   staleIndex: how the folder's index.json differs from the profiles, once index() was made; else undefined
 */
export function profileSource(folder) {
  /** @type {Map<string, {value: unknown, problems: string[]} | undefined>} */
  const read = new Map();
  /** @type {ReturnType<typeof indexOf> | undefined} */
  let made;
  /** @type {string | undefined} */
  let stale;
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
      if (made) return made;
      const {files, errors} = readProfiles(folder);
      if (errors.length) throw new Error(`a list is made from every profile in the folder, and ${errors.join('; ')}`);
      made = indexOf(files.map((f) => f.profile));
      // A hand-kept index.json is not read for the list; one that says otherwise is named.
      const file = join(folder, 'index.json');
      if (existsSync(file)) {
        const differences = indexDifferences(parsed(file, readText(file)), made);
        if (differences.length)
          stale = `${named(file)} is not what the profiles say (${differences.slice(0, 3).join('; ')}${differences.length > 3 ? `; ${differences.length - 3} more` : ''}): lists are drawn from the profiles; run partner-card index ${named(folder)} to bring it up to date, or delete it`;
      }
      return made;
    },
    staleIndex: () => stale,
  };
}
