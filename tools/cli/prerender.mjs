// partner-card prerender <file.html|folder>… [--profiles <folder>] [--base <url>]
//
// Writes every <partner-card> and <partner-directory> in the given HTML files
// (folders: every .html in them, recursively) as declarative shadow DOM inside
// the tag, so the card or list shows at first paint, without JavaScript and
// when the project site is down. Directories list the profiles folder's
// profiles (an index.json there that says otherwise is a warning). The files are rewritten in place, and only inside
// the tags. Any problem (unknown partner, invalid profile, unclosed tag,
// unreadable file, a symbolic link) is named with its file and tag, the exit code
// is 1 and no file is changed; otherwise every changed page is replaced whole
// (safe-files.mjs). A bad argument: one line and exit code 2. Prints the CSP
// sources for the cards' and lists' <style>.
//
// Runs the package's Node API (partner-card/prerender, dist/prerender.js): in a
// checkout, `npm run build` makes it.
import {existsSync, lstatSync, readFileSync, statSync} from 'node:fs';
import {asciiOnly, readPage, spliceBytes} from '../../node/page-encoding.mjs';
import {FileRefused, filesUnder, writeAllOrNone} from '../../node/safe-files.mjs';
import {profileSource} from '../../node/profile-source.mjs';
import {say} from '../../node/terminal-text.mjs';
import {partOfCommand, readArgs, usageError} from '../../node/command-line.mjs';
import {DEMO_PROFILES, publishedProfiles, readSiteConfig} from '../../node/site-config.mjs';

export const HELP = `Usage: partner-card prerender <file.html|folder>… [--profiles <folder>] [--base <url>]

Writes every <partner-card> and <partner-directory> in the pages (a folder: every
.html in it) as declarative shadow DOM inside its tag, so it shows at first paint.
Only the tags' insides change; every changed page is replaced whole, and on any
problem (unknown partner, invalid profile, unclosed tag, a symbolic link) each one
is named with its file and line and no file changes.

Options:
  --profiles <folder>  the profiles (<id>.json; lists show every one of them);
                       default: "profiles" in partner-card.config.json
  --base <url>         where browsers find that folder, for logos and links: an
                       absolute URL or a path from the site root (/embed/partners/);
                       default: the "url" in partner-card.config.json + partners/`;
const USAGE = HELP.split('\n')[0];
/** A page larger than this is not a web page we prerender (and would hold the machine's memory). */
const MAX_PAGE = 64 * 1024 * 1024;

/**
 * The pages, the profiles' folder and the base, or undefined after a usage error.
 * @param {string[]} args
 */
function options(args) {
  const read = readArgs({args, allowPositionals: true, options: {profiles: {type: 'string'}, base: {type: 'string'}}}, USAGE);
  if (!read) return undefined;
  const {values, positionals} = read;
  if (!positionals.length) return void usageError('name at least one page or folder', USAGE);
  // The site's kept settings (partner-card.config.json in the folder the command runs in), unless flags say otherwise.
  let kept;
  try {
    kept = readSiteConfig(process.cwd());
  } catch (error) {
    return void usageError(/** @type {Error} */ (error).message, USAGE);
  }
  // Where the profiles are published, from the kept address: the default base, and a --base or tag base elsewhere is warned about.
  const published = kept.url && publishedProfiles(kept.url);
  const base = values.base ?? published;
  // The demo's sample only in a checkout of this project, where it is.
  const profiles = values.profiles ?? kept.profiles ?? (existsSync(DEMO_PROFILES) ? DEMO_PROFILES : undefined);
  if (!profiles)
    return void usageError('--profiles: name the folder of profiles (or keep it as "profiles" in partner-card.config.json)', USAGE);
  if (!statSync(profiles, {throwIfNoEntry: false})?.isDirectory()) {
    const from = values.profiles === undefined ? ' ("profiles" in partner-card.config.json)' : ' (--profiles)';
    return void usageError(`the profiles folder "${profiles}"${from} does not exist`, USAGE);
  }
  return {paths: positionals, profiles, base, published};
}

/**
 * The prerenderer, through the package's own export (in a checkout, the built
 * dist/prerender.js), or undefined after saying why not.
 * @returns {Promise<typeof import('../../node/prerender.js') | undefined>}
 */
async function loadPrerenderer() {
  try {
    return /** @type {typeof import('../../node/prerender.js')} */ (await import('partner-card/prerender'));
  } catch (error) {
    const missing = /** @type {{code?: string}} */ (error).code === 'ERR_MODULE_NOT_FOUND';
    say.error(missing ? 'dist/prerender.js is missing: run `npm run build` first.' : `error: ${/** @type {Error} */ (error).message}`);
    return undefined;
  }
}

/** @param {string[]} args @returns {Promise<number>} exit code */
export async function main(args) {
  const parsed = options(args);
  if (!parsed) return 2;
  const {paths, profiles, base, published} = parsed;
  const prerenderer = await loadPrerenderer();
  if (!prerenderer) return 1;
  const {prerenderHTML, STYLE_HASH, DIRECTORY_STYLE_HASH} = prerenderer;
  const profilesRead = profileSource(profiles);
  /** @type {string[]} */
  const errors = [];
  /** @type {[string, string | Uint8Array][]} */
  const changes = [];
  let cards = 0;
  /** Cards without partner, each as `file: line N: <partner-card>`. @type {string[]} */
  const left = [];
  for (const path of paths) {
    let files;
    try {
      files = filesUnder(path, (name) => name.endsWith('.html'));
    } catch (error) {
      errors.push(error instanceof FileRefused ? error.message : `${path}: cannot be read`);
      continue;
    }
    for (const file of files) {
      let bytes;
      try {
        if (lstatSync(file).size > MAX_PAGE) {
          errors.push(`${file}: larger than ${MAX_PAGE / 1024 / 1024} MB: not prerendered`);
          continue;
        }
        bytes = readFileSync(file);
      } catch {
        errors.push(`${file}: cannot be read`);
        continue;
      }
      // Read in the encoding a browser reads it in; a page this cannot write into is refused, naming its encoding.
      const page = readPage(bytes);
      if ('problem' in page) {
        // Only a page with a tag to fill: a page in Shift_JIS with no card is nothing to do with this run.
        if (/<partner-(card|directory)/i.test(page.text ?? bytes.toString('latin1')))
          errors.push(`${file}: ${page.problem}; nothing was written`);
        continue;
      }
      const source = page.text;
      let result;
      try {
        result = prerenderHTML(source, {...profilesRead, base, published});
      } catch (error) {
        // A profile file that is a link, or an index.json that is not JSON.
        errors.push(`${file}: ${/** @type {Error} */ (error).message}`);
        continue;
      }
      for (const warning of result.warnings) say.warn(`warning: ${file}: ${warning}`);
      errors.push(...result.errors.map((/** @type {string} */ error) => `${file}: ${error}`));
      cards += result.cards;
      left.push(...result.left.map((/** @type {string} */ tag) => `${file}: ${tag}`));
      if (result.html === source) continue;
      // A single-byte page keeps every byte outside the tags; what goes inside them is ASCII, read alike by all such encodings.
      if ('singleByte' in page)
        changes.push([
          file,
          spliceBytes(
            bytes,
            result.edits.map((edit) => ({...edit, text: asciiOnly(edit.text)})),
          ),
        ]);
      else changes.push([file, result.html]);
    }
  }
  const stale = profilesRead.staleIndex();
  if (stale) say.warn(`warning: ${stale}`);
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
  // Each named: a tag meant for a page's script and one whose partner was forgotten look alike.
  for (const tag of left) say.log(`note: ${tag}: no partner attribute, left for its page's script to set`);
  const waiting = left.length ? `; ${left.length} <partner-card> without partner left for its page's script (above)` : '';
  say.log(`${cards} tag(s) prerendered${waiting}; ${changes.length} file(s) changed.`);
  if (cards) {
    say.log(`A strict Content-Security-Policy needs in style-src: ${STYLE_HASH} (cards) ${DIRECTORY_STYLE_HASH} (directories)`);
  }
  return 0;
}

partOfCommand(import.meta, 'prerender.mjs', 'prerender');
