// `partner-card publish`: the whole folder a site uploads, made from a folder
// of profiles and the package's built files, in one run. `npm run build` in a
// checkout publishes dist/ through this same function.
//
// All or nothing: the folder is made beside `out` under a hidden name and
// swapped in with two renames once it is complete, so a failed publish leaves
// the previous folder whole, and a reader meets the old folder or the new
// one, never half of each.
import {randomBytes} from 'node:crypto';
import {
  copyFileSync,
  cpSync,
  existsSync,
  lstatSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import {basename, dirname, join, relative, resolve, sep} from 'node:path';
import {fileURLToPath, pathToFileURL} from 'node:url';
import {readProfiles} from './profile-files.mjs';
import {indexOf, indexText, TARGET_LANGS, untranslatedTexts} from './partner-index.mjs';
import {releaseOf} from './release.mjs';
import {headersFile, HTACCESS} from './host-headers.mjs';

export class PublishProblem extends Error {}

/**
 * The installed package's built files (its dist/, what publish copies from) and its version, found by the
 * package's own name: from the command, the Eleventy plugin, bundled or not, in any folder.
 */
export function installedPackage() {
  const from = fileURLToPath(new URL('.', import.meta.resolve('partner-card')));
  const {version} = /** @type {{version: string}} */ (
    JSON.parse(readFileSync(new URL(import.meta.resolve('partner-card/package.json')), 'utf8'))
  );
  return {from, version};
}

/** What the package's build leaves for the site's own pages, copied as they are (dist/pages/). */
const PAGES = ['embed.html', 'embed.js', 'embed.css', 'translate.html', 'translate.js', 'translate.css'];
const MODULES = ['partner-card.js', 'partner-card.js.map', 'partner-directory.js', 'partner-directory.js.map'];

/**
 * The top-level names a publish writes (with the versioned modules): a folder
 * holding anything else is not one publish made, and is never replaced.
 * @param {string} name
 */
export const isPublished = (name) =>
  [...PAGES, ...MODULES, 'partners', 'release.json', 'profile.schema.json', '_headers', '.htaccess'].includes(name) ||
  /^partner-(card|directory)-.+\.js(\.map)?$/.test(name);

/**
 * The logo files the profiles name, each checked: a path inside the profiles
 * folder, to a file that is there (an https:// logo is left to its host).
 * @param {string} profiles @param {{where: string, profile: any}[]} files
 * @returns {{logos: string[], errors: string[]}} logos relative to the folder
 */
function logosOf(profiles, files) {
  const logos = new Set();
  const errors = [];
  for (const {where, profile} of files) {
    const src = profile.logo?.src;
    if (typeof src !== 'string' || /^https?:\/\//i.test(src)) continue;
    const path = src.split(/[?#]/)[0];
    let decoded = path;
    try {
      decoded = decodeURI(path);
    } catch {
      // a stray % is part of the name
    }
    const file = resolve(profiles, decoded);
    const inside = relative(profiles, file);
    if (inside.startsWith('..') || inside.startsWith(sep) || !inside) {
      errors.push(`${where}: $.logo.src "${src}" points out of the profiles folder: put the logo beside the profile and name it there.`);
      continue;
    }
    const stat = lstatSync(file, {throwIfNoEntry: false});
    if (!stat) errors.push(`${where}: $.logo.src "${src}": there is no such file beside the profile; add it, or correct the name.`);
    else if (stat.isSymbolicLink()) errors.push(`${where}: $.logo.src "${src}" is a symbolic link: put the image itself in the folder.`);
    else if (!stat.isFile()) errors.push(`${where}: $.logo.src "${src}" is not a file.`);
    else logos.add(inside);
  }
  return {logos: [...logos].sort(), errors};
}

/** May `out` be replaced? It must not exist, be empty, be the package's own build folder, or hold only what a publish writes. */
/** @param {string} out @param {string} from */
function refuseForeignFolder(out, from) {
  const stat = lstatSync(out, {throwIfNoEntry: false});
  if (!stat) return;
  if (stat.isSymbolicLink()) throw new PublishProblem(`${out} is a symbolic link: name the folder itself as --out.`);
  if (!stat.isDirectory()) throw new PublishProblem(`${out} is a file, not a folder: name a folder (new, or one publish wrote) as --out.`);
  if (resolve(out) === resolve(from)) return;
  const foreign = readdirSync(out).filter((name) => !isPublished(name));
  if (foreign.length)
    throw new PublishProblem(
      `${out} holds files publish did not write (${foreign.slice(0, 3).join(', ')}${foreign.length > 3 ? ', …' : ''}), and publish replaces the whole folder: name a new folder, or one only publish writes.`,
    );
}

/** Bytes and files under `dir`. @param {string} dir @returns {{bytes: number, files: number}} */
function sizeOf(dir) {
  let bytes = 0;
  let files = 0;
  for (const entry of readdirSync(dir, {withFileTypes: true, recursive: true})) {
    if (entry.isFile()) {
      bytes += statSync(join(entry.parentPath, entry.name)).size;
      files++;
    }
  }
  return {bytes, files};
}

/**
 * @typedef {object} PublishOptions
 * @property {string} profiles the folder of profiles and their logos
 * @property {string} out the folder to write (replaced whole)
 * @property {string} from the package's built files (its dist/)
 * @property {string} version the package's version
 * @property {string} [url] the public address `out` will have: with it, ready-made embed code per partner and language
 * @property {(name: string, seconds: number) => void} [onStep] told as each step ends
 */

/**
 * @param {PublishOptions} options
 * @returns {Promise<{partners: number, languages: string[], untranslated: number, warnings: string[], bytes: number, files: number, snippets: number}>}
 * @throws PublishProblem naming each problem; nothing is written then
 */
export async function publish({profiles, out, from, version, url, onStep}) {
  /** @template T @param {string} name @param {() => T | Promise<T>} run @returns {Promise<T>} */
  const step = async (name, run) => {
    const start = performance.now();
    const result = await run();
    onStep?.(name, (performance.now() - start) / 1000);
    return result;
  };
  if (!statSync(profiles, {throwIfNoEntry: false})?.isDirectory())
    throw new PublishProblem(`${profiles}: there is no such folder of profiles.`);
  for (const name of [...MODULES, 'prerender.js', 'profile.schema.json', ...PAGES.map((p) => `pages/${p}`)]) {
    if (!existsSync(join(from, name)))
      throw new PublishProblem(`the package is missing ${name} (in ${from}): reinstall partner-card, or in a checkout run npm run build.`);
  }
  refuseForeignFolder(out, from);

  const {valid, logos, index, warnings} = await step('check the profiles and logos', () => {
    const read = readProfiles(profiles);
    if (!read.files.length && !read.errors.length)
      throw new PublishProblem(`${profiles}: there are no profiles (<id>.json files) in this folder: nothing to publish.`);
    const found = logosOf(profiles, read.files);
    const errors = [...read.errors, ...found.errors];
    if (errors.length)
      throw new PublishProblem(`${errors.join('\n')}\nNothing was published: fix the file(s) above and run publish again.`);
    const untranslated = untranslatedTexts(read.files).map(
      ({where, lang, path}) => `${where}: ${path} has no "${lang}" text (English is shown).`,
    );
    return {valid: read.files, logos: found.logos, index: indexOf(read.files.map((f) => f.profile)), warnings: untranslated};
  });

  mkdirSync(dirname(resolve(out)), {recursive: true});
  const next = join(dirname(resolve(out)), `.${basename(out)}.publish-${randomBytes(6).toString('hex')}`);
  mkdirSync(next);
  try {
    await step('copy the profiles, their logos and the index made from them', () => {
      mkdirSync(join(next, 'partners'));
      for (const {file, text} of valid) writeFileSync(join(next, 'partners', basename(file)), text);
      for (const logo of logos) {
        mkdirSync(dirname(join(next, 'partners', logo)), {recursive: true});
        copyFileSync(join(profiles, logo), join(next, 'partners', logo));
      }
      writeFileSync(join(next, 'partners/index.json'), indexText(index));
    });

    const release = await step('copy both modules and pin the release', async () => {
      for (const name of MODULES) copyFileSync(join(from, name), join(next, name));
      const made = await releaseOf(from, version);
      for (const copy of made.copies) {
        writeFileSync(join(next, copy.file), copy.code);
        writeFileSync(join(next, `${copy.file}.map`), copy.map);
      }
      writeFileSync(join(next, 'release.json'), `${JSON.stringify(made.release, null, 2)}\n`);
      return made.release;
    });

    const snippets = url
      ? await step('write the ready-made embed code', async () => {
          /** @type {typeof import('./prerender.js')} */
          const {renderCard} = await import(pathToFileURL(join(from, 'prerender.js')).href);
          const folder = new URL(url.replace(/\/?$/, '/'));
          const moduleUrl = new URL(release.module, folder).href;
          const base = new URL('partners/', folder).href;
          for (const {profile} of valid) {
            for (const lang of ['en', ...TARGET_LANGS]) {
              const {html} = renderCard({profile, partner: profile.id, base, lang});
              writeFileSync(
                join(next, 'partners', `${profile.id}.${lang}.html`),
                `<script type="module" src="${moduleUrl}" integrity="${release.integrity}" crossorigin="anonymous"></script>\n` +
                  `<partner-card partner="${profile.id}" lang="${lang}">${html}</partner-card>\n`,
              );
            }
          }
          return valid.length * (1 + TARGET_LANGS.length);
        })
      : 0;

    await step('copy the embed builder, the translator preview and the schema', () => {
      const builder = readFileSync(join(from, 'pages/embed.js'), 'utf8');
      // Its code pins the release it was bundled with: a package whose builder and modules disagree would give partners code that fails.
      if (!builder.includes(release.integrity))
        throw new PublishProblem(`the package's embed builder was built for other modules than ${release.module}: reinstall partner-card.`);
      for (const name of PAGES) copyFileSync(join(from, 'pages', name), join(next, name));
      copyFileSync(join(from, 'profile.schema.json'), join(next, 'profile.schema.json'));
      writeFileSync(join(next, '_headers'), headersFile(url ? new URL(url).pathname : '/embed/'));
      writeFileSync(join(next, '.htaccess'), HTACCESS);
    });

    const size = sizeOf(next);
    await step('swap the new folder in', () => {
      refuseForeignFolder(out, from);
      if (existsSync(out)) {
        for (const name of readdirSync(out)) {
          // Older releases' versioned modules stay: partners' pages pin them by name and integrity.
          const older = /^partner-(card|directory)-.+\.js(\.map)?$/.test(name) && !existsSync(join(next, name));
          // A checkout's dist/ is both the package's build and the published folder: the package's own files stay.
          const packageFile = resolve(out) === resolve(from) && !isPublished(name);
          if (older || packageFile) cpSync(join(out, name), join(next, name), {recursive: true, verbatimSymlinks: true});
        }
      }
      const old = `${next}.old`;
      if (existsSync(out)) renameSync(out, old);
      renameSync(next, out);
      rmSync(old, {recursive: true, force: true});
    });
    return {
      partners: valid.length,
      languages: ['en', ...TARGET_LANGS],
      untranslated: warnings.length,
      warnings,
      ...size,
      snippets,
    };
  } finally {
    rmSync(next, {recursive: true, force: true});
  }
}

/**
 * The published folders made from the profiles in `profiles` that a command
 * run in `cwd` can see, each with the one command that makes it current: the
 * `out` kept in partner-card.config.json (partner-card publish), and in a
 * checkout of this project, dist/ (npm run build). Only those whose kept
 * profiles folder is `profiles`.
 * @param {string} profiles @param {{profiles?: string, out?: string}} kept @param {{dist: string, profiles: string} | undefined} checkout
 * @returns {{out: string, command: string}[]}
 */
export function publishedCopies(profiles, kept, checkout) {
  const same = (/** @type {string | undefined} */ folder) => folder !== undefined && resolve(folder) === resolve(profiles);
  const copies = [];
  if (kept.out && same(kept.profiles) && existsSync(join(kept.out, 'release.json')))
    copies.push({out: kept.out, command: 'partner-card publish'});
  if (checkout && same(checkout.profiles) && existsSync(join(checkout.dist, 'release.json')))
    copies.push({out: checkout.dist, command: 'npm run build'});
  return copies;
}

/**
 * Which of `profiles` (id → the profile file's text) a published folder holds
 * another text of, or none of: those the folder shows stale.
 * @param {string} out @param {Map<string, string>} profiles
 */
export function staleIn(out, profiles) {
  return [...profiles]
    .filter(([id, text]) => {
      try {
        return readFileSync(join(out, 'partners', `${id}.json`), 'utf8') !== text;
      } catch {
        return true;
      }
    })
    .map(([id]) => id);
}
