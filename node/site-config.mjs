// The site's own settings, given once and kept: the profiles folder, the public
// address of the published folder and (for `partner-card publish`) that folder. `npm run build -- --profiles <folder> --url <address>` writes them to
// partner-card.config.json in the project's folder; later builds (and `npm start`),
// `npm run prerender` and `npm run check-deploy` read them, and flags still override.
// Without a configured folder the demo's sample profile is published, and the build
// says so first and last, so a maintainer never uploads the demo over the real site
// by rebuilding without flags.
import {existsSync, readFileSync} from 'node:fs';
import {isAbsolute, join, relative, resolve} from 'node:path';
import {parseArgs} from 'node:util';
import {argumentProblem} from './command-line.mjs';
import {writeAllOrNone} from './safe-files.mjs';

const root = new URL('..', import.meta.url).pathname;
export const CONFIG_NAME = 'partner-card.config.json';
export const DEMO_PROFILES = join(root, 'demo/embed/partners');

export class ConfigProblem extends Error {}

/**
 * In a checkout of this project (not the installed package, which has no
 * demo): its dist/, which `npm run build` publishes, and the profiles it
 * publishes there (the kept folder, else the demo's).
 * @returns {{dist: string, profiles: string} | undefined}
 */
export function checkout() {
  if (!existsSync(DEMO_PROFILES)) return undefined;
  let kept;
  try {
    kept = readSiteConfig(root).profiles;
  } catch {
    // the build names a broken config
  }
  return {dist: join(root, 'dist'), profiles: kept ?? DEMO_PROFILES};
}

/** Where the profiles are published under the kept public address: its partners/ folder. @param {string} url */
export const publishedProfiles = (url) => new URL('partners/', url.replace(/\/?$/, '/')).href;

export const BUILD_USAGE = 'Usage: npm run build -- [--profiles <folder>] [--url <public address of dist/>]';

/**
 * The build's flags (build.mjs and its last step, publish.mjs, read the same ones).
 * @param {string[]} args @returns {{profiles?: string, url?: string, plan?: boolean}}
 * @throws ConfigProblem with the usage, for a flag not understood or a URL that is not http(s)
 */
export function buildFlags(args) {
  let values;
  // --plan: the build prints what it would do and runs nothing.
  const config = {args, options: /** @type {const} */ ({profiles: {type: 'string'}, url: {type: 'string'}, plan: {type: 'boolean'}})};
  try {
    ({values} = parseArgs(config));
  } catch (error) {
    throw new ConfigProblem(`${argumentProblem(/** @type {Error} */ (error), config)}\n${BUILD_USAGE}`);
  }
  if (values.url && !/^https?:\/\/[^/]/i.test(values.url)) {
    throw new ConfigProblem(`--url ${values.url}: give the http(s) address the folder will have, e.g. https://project.example/embed/`);
  }
  return values;
}

/**
 * The settings kept in the project's folder (`dir`, the project root by default), paths
 * resolved from there; `{}` when there is no file.
 * @param {string} [dir] @returns {{profiles?: string, url?: string, out?: string}}
 */
export function readSiteConfig(dir = root) {
  const file = join(dir, CONFIG_NAME);
  if (!existsSync(file)) return {};
  let data;
  try {
    data = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new ConfigProblem(
      `${CONFIG_NAME} is not valid JSON (${/** @type {Error} */ (error).message}): fix it, or delete it to start afresh`,
    );
  }
  if (!data || typeof data !== 'object' || Array.isArray(data))
    throw new ConfigProblem(
      `${CONFIG_NAME} must hold an object such as {"profiles": "../site/partners", "url": "https://project.example/embed/", "out": "public/embed"}`,
    );
  for (const key of ['profiles', 'url', 'out']) {
    if (data[key] !== undefined && typeof data[key] !== 'string') throw new ConfigProblem(`${CONFIG_NAME}: "${key}" must be a text`);
  }
  if (data.url !== undefined && !/^https?:\/\/[^/]/i.test(data.url))
    throw new ConfigProblem(`${CONFIG_NAME}: "url" ${JSON.stringify(data.url)} is not an http(s) address`);
  return {
    ...(data.profiles && {profiles: isAbsolute(data.profiles) ? data.profiles : join(dir, data.profiles)}),
    ...(data.url && {url: data.url}),
    ...(data.out && {out: isAbsolute(data.out) ? data.out : join(dir, data.out)}),
  };
}

/**
 * What a build or `publish` publishes: the flags given now, else the kept settings. Flags
 * given are kept for next time by `keep()`, called once the run succeeded (a failed run keeps
 * nothing), which says what it kept. `demo` says the demo's sample is published because no
 * folder is configured (only a checkout has it).
 * @param {{profiles?: string, url?: string, out?: string}} flags @param {string} [dir]
 * @returns {{profiles: string, url?: string, out?: string, demo: boolean, keep: () => string}}
 */
export function siteSettings(flags, dir = root) {
  const kept = readSiteConfig(dir);
  if (flags.url !== undefined && !/^https?:\/\/[^/]/i.test(flags.url))
    throw new ConfigProblem(`--url ${flags.url}: give the http(s) address the folder will have, e.g. https://project.example/embed/`);
  const given = flags.profiles && resolve(dir, flags.profiles);
  const givenOut = flags.out && resolve(dir, flags.out);
  const profiles = given ?? kept.profiles;
  const url = flags.url ?? kept.url;
  const out = givenOut ?? kept.out;
  /** A path as it is kept: relative to the project's folder when inside it. @param {string} path */
  const asKept = (path) => (isAbsolute(path) && !relative(dir, path).startsWith('..') ? relative(dir, path) || '.' : path);
  const changed = [
    given && given !== kept.profiles && `profiles ${asKept(given)}`,
    flags.url && flags.url !== kept.url && `url ${flags.url}`,
    givenOut && givenOut !== kept.out && `out ${asKept(givenOut)}`,
  ].filter(Boolean);
  const keep = () => {
    if (!changed.length) return '';
    const data = {
      ...(profiles && {profiles: asKept(profiles)}),
      ...(url && {url}),
      ...(out && {out: asKept(out)}),
    };
    writeAllOrNone([[join(dir, CONFIG_NAME), `${JSON.stringify(data, null, 2)}\n`]]);
    return changed.join(', ');
  };
  return {profiles: profiles ?? DEMO_PROFILES, ...(url && {url}), ...(out && {out}), demo: !profiles, keep};
}

/** The line a build starts and ends with when it publishes the demo's sample. */
export const DEMO_NOTICE = `Publishing the demo's sample profile: no profiles folder is configured. For your own, run npm run build -- --profiles <folder> [--url <public address of dist/>] once; ${CONFIG_NAME} keeps them.`;
