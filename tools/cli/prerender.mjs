// npm run prerender -- <file.html|folder>… [--profiles <folder>] [--base <url>]
//
// Writes every <partner-card> and <partner-directory> in the given HTML files
// (folders: every .html in them, recursively) as declarative shadow DOM inside
// the tag, so the card or list shows at first paint, without JavaScript and
// when the project site is down. Directories take the profiles folder's
// index.json (npm run partners writes it). The files are rewritten in place, and only inside
// the tags. Any problem (unknown partner, invalid profile, unclosed tag,
// unreadable file, a symbolic link) is named with its file and tag, the exit code
// is 1 and no file is changed; otherwise every changed page is replaced whole
// (safe-files.mjs). A bad argument: one line and exit code 2. Prints the CSP
// sources for the cards' and lists' <style>.
//
// Needs dist/prerender.js: `npm run build` makes it.
import {existsSync, lstatSync, readFileSync} from 'node:fs';
import {join, relative} from 'node:path';
import {parseArgs} from 'node:util';
import {FileRefused, filesUnder, refuseLink, writeAllOrNone} from '../../node/safe-files.mjs';
import {runAsCommand} from '../../node/command-line.mjs';
import {say} from '../../node/terminal-text.mjs';
import {DEMO_PROFILES, readSiteConfig} from '../../node/site-config.mjs';

const root = new URL('../..', import.meta.url).pathname;
const built = join(root, 'dist/prerender.js');
const USAGE = 'Usage: npm run prerender -- <file.html|folder>… [--profiles <folder>] [--base <url>]';
/** A page larger than this is not a web page we prerender (and would hold the machine's memory). */
const MAX_PAGE = 64 * 1024 * 1024;

/** @param {string[]} args */
function options(args) {
  const {values, positionals} = parseArgs({args, allowPositionals: true, options: {profiles: {type: 'string'}, base: {type: 'string'}}});
  if (!positionals.length) throw new Error('name at least one page or folder');
  // The site's kept settings (npm run build -- --profiles … --url …), unless flags say otherwise.
  const kept = readSiteConfig();
  const base = values.base ?? (kept.url && new URL('partners/', kept.url.replace(/\/?$/, '/')).href);
  return {paths: positionals, profiles: values.profiles ?? kept.profiles ?? DEMO_PROFILES, base};
}

/** @param {string[]} args @returns {Promise<number>} exit code */
export async function main(args) {
  let parsed;
  try {
    parsed = options(args);
  } catch (error) {
    say.error(`${/** @type {Error} */ (error).message}. ${USAGE}`);
    return 2;
  }
  const {paths, profiles, base} = parsed;
  if (!existsSync(built)) {
    console.error('dist/prerender.js is missing: run `npm run build` first.');
    return 1;
  }
  /** @type {typeof import('../../node/prerender.js')} */
  const {prerenderHTML, STYLE_HASH, DIRECTORY_STYLE_HASH} = await import(built);
  // Read once each, however many tags and pages name them.
  /** @type {Map<string, unknown>} */
  const read = new Map();
  /** @param {string} id */
  const profile = (id) => {
    if (!read.has(id)) read.set(id, readProfile(id));
    return read.get(id);
  };
  /** @param {string} id */
  const readProfile = (id) => {
    const file = join(profiles, `${id}.json`);
    if (!/^[a-z0-9]+(-[a-z0-9]+)*$/.test(id) || !existsSync(file)) return undefined;
    refuseLink(file);
    const text = readFileSync(file, 'utf8');
    try {
      return JSON.parse(text);
    } catch (error) {
      throw new Error(`${relative(process.cwd(), file)} is not valid JSON (${/** @type {Error} */ (error).message})`);
    }
  };
  /** @type {unknown} */
  let partners;
  const index = () => {
    const file = join(profiles, 'index.json');
    if (partners === undefined && existsSync(file)) {
      refuseLink(file);
      partners = JSON.parse(readFileSync(file, 'utf8'));
    }
    return partners;
  };
  /** @type {string[]} */
  const errors = [];
  /** @type {[string, string][]} */
  const changes = [];
  let cards = 0;
  let left = 0;
  for (const path of paths) {
    let files;
    try {
      files = filesUnder(path, (name) => name.endsWith('.html'));
    } catch (error) {
      errors.push(error instanceof FileRefused ? error.message : `${path}: cannot be read`);
      continue;
    }
    for (const file of files) {
      let source;
      try {
        if (lstatSync(file).size > MAX_PAGE) {
          errors.push(`${file}: larger than ${MAX_PAGE / 1024 / 1024} MB: not prerendered`);
          continue;
        }
        source = readFileSync(file, 'utf8');
      } catch {
        errors.push(`${file}: cannot be read`);
        continue;
      }
      let result;
      try {
        result = prerenderHTML(source, {profile, index, base});
      } catch (error) {
        // A profile file that is a link, or an index.json that is not JSON.
        errors.push(`${file}: ${/** @type {Error} */ (error).message}`);
        continue;
      }
      for (const warning of result.warnings) say.warn(`warning: ${file}: ${warning}`);
      errors.push(...result.errors.map((/** @type {string} */ error) => `${file}: ${error}`));
      cards += result.cards;
      left += result.left.length;
      if (result.html !== source) changes.push([file, result.html]);
    }
  }
  if (errors.length) {
    for (const error of errors) say.error(`error: ${error}`);
    say.error(`${errors.length} problem(s): no file was changed.`);
    return 1;
  }
  try {
    writeAllOrNone(changes);
  } catch (error) {
    say.error(`error: ${/** @type {Error} */ (error).message}`);
    say.error('no file was changed.');
    return 1;
  }
  const waiting = left ? `; ${left} <partner-card> without partner left for its page's script` : '';
  console.log(`${cards} tag(s) prerendered${waiting}; ${changes.length} file(s) changed.`);
  if (cards) {
    console.log(`A strict Content-Security-Policy needs in style-src: ${STYLE_HASH} (cards) ${DIRECTORY_STYLE_HASH} (directories)`);
  }
  return 0;
}

await runAsCommand(import.meta, main);
