// npm run prerender -- <file.html|folder>… [--profiles <folder>] [--base <url>]
//
// Writes every <partner-card> and <partner-directory> in the given HTML files
// (folders: every .html in them, recursively) as declarative shadow DOM inside
// the tag, so the card or list shows at first paint, without JavaScript and
// when the project site is down. Directories take the profiles folder's
// index.json (npm run partners writes it). The files are rewritten in place, and only inside
// the tags. Any problem (unknown partner, invalid profile, unclosed tag,
// unreadable file) is named with its file and tag, the exit code is 1 and no
// file is changed. Prints the CSP sources for the cards' and lists' <style>.
//
// Needs dist/prerender.js: `npm run build` makes it.
import {existsSync, readFileSync, readdirSync, statSync, writeFileSync} from 'node:fs';
import {join, relative} from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const built = join(root, 'dist/prerender.js');

/** @param {string[]} args */
function parseArgs(args) {
  /** @type {{paths: string[], profiles: string, base?: string}} */
  const options = {paths: [], profiles: join(root, 'demo/embed/partners')};
  for (let i = 0; i < args.length; i++) {
    if (args[i] === '--profiles') options.profiles = args[++i];
    else if (args[i] === '--base') options.base = args[++i];
    else options.paths.push(args[i]);
  }
  return options;
}

/** @param {string} path @returns {string[]} */
function htmlFiles(path) {
  if (!statSync(path).isDirectory()) return [path];
  return readdirSync(path)
    .sort()
    .flatMap((name) => (name === 'node_modules' || name.startsWith('.') ? [] : htmlFiles(join(path, name))))
    .filter((file) => file.endsWith('.html'));
}

export async function main(args = process.argv.slice(2)) {
  const {paths, profiles, base} = parseArgs(args);
  if (!paths.length) {
    console.error('Usage: npm run prerender -- <file.html|folder>… [--profiles <folder>] [--base <url>]');
    return 1;
  }
  if (!existsSync(built)) {
    console.error('dist/prerender.js is missing: run `npm run build` first.');
    return 1;
  }
  /** @type {typeof import('../src/prerender.js')} */
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
    if (partners === undefined && existsSync(file)) partners = JSON.parse(readFileSync(file, 'utf8'));
    return partners;
  };
  /** @type {string[]} */
  const errors = [];
  /** @type {[string, string][]} */
  const changes = [];
  let cards = 0;
  for (const path of paths) {
    let files;
    try {
      files = htmlFiles(path);
    } catch {
      errors.push(`${path}: cannot be read`);
      continue;
    }
    for (const file of files) {
      let source;
      try {
        source = readFileSync(file, 'utf8');
      } catch {
        errors.push(`${file}: cannot be read`);
        continue;
      }
      const result = prerenderHTML(source, {profile, index, base});
      for (const warning of result.warnings) console.warn(`warning: ${file}: ${warning}`);
      errors.push(...result.errors.map((/** @type {string} */ error) => `${file}: ${error}`));
      cards += result.cards;
      if (result.html !== source) changes.push([file, result.html]);
    }
  }
  if (errors.length) {
    for (const error of errors) console.error(`error: ${error}`);
    console.error(`${errors.length} problem(s): no file was changed.`);
    return 1;
  }
  for (const [file, html] of changes) writeFileSync(file, html);
  console.log(`${cards} tag(s) prerendered; ${changes.length} file(s) changed.`);
  if (cards) {
    console.log(`A strict Content-Security-Policy needs in style-src: ${STYLE_HASH} (cards) ${DIRECTORY_STYLE_HASH} (directories)`);
  }
  return 0;
}

if (import.meta.url === `file://${process.argv[1]}`) process.exitCode = await main();
