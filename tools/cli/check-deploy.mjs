// partner-card check-deploy <url of the deployed folder> [--timeout <ms>]
//
// Checks a deployed dist/ the way partners' pages will use it, from outside:
// each moving module (the card's and the directory's) and its versioned copy
// reachable, served as JavaScript,
// with Access-Control-Allow-Origin (a module from another origin is fetched
// in CORS mode), the versioned file's bytes matching the integrity hash its
// release.json publishes, index.json and every profile it lists reachable
// (with CORS) and valid, every logo reachable as an image, and caching that
// suits each file (warnings). One line per problem, in plain words, with the
// fix; exit code 1 on any error. Every request has a timeout, and at most
// four run at a time.
import {createHash} from 'node:crypto';
import {indexDifferences, indexOf} from '../../node/partner-index.mjs';
import {profileProblems} from '../../node/profile-files.mjs';
import {partOfCommand, readArgs, usageError} from '../../node/command-line.mjs';
import {say} from '../../node/terminal-text.mjs';
import {readSiteConfig} from '../../node/site-config.mjs';

/** Stands for a partner's page: a module or profile request from it carries this Origin. */
const PARTNER_ORIGIN = 'https://partner.example';
const YEAR = 31_536_000;
const DAY = 86_400;
const ID = /^[a-z0-9]+(-[a-z0-9]+)*$/;
/** Hops a request may take, as browsers follow at most 20; a folder that needs more than a few is misconfigured. */
const MAX_REDIRECTS = 5;
/** The largest answer read: no file of a published folder comes near it (the largest, a module's source map, is under 200 KB). */
const MAX_BODY = 16 * 1024 * 1024;

class TooLarge extends Error {}

/** The body, read until MAX_BODY; throws TooLarge past it, having stopped reading. @param {Response} response */
async function capped(response) {
  if (Number(response.headers.get('content-length') ?? 0) > MAX_BODY) {
    await response.body?.cancel();
    throw new TooLarge();
  }
  /** @type {Uint8Array[]} */
  const chunks = [];
  let size = 0;
  if (!response.body) return Buffer.alloc(0);
  const reader = response.body.getReader();
  for (let read = await reader.read(); !read.done; read = await reader.read()) {
    size += read.value.length;
    if (size > MAX_BODY) {
      // Nothing more is read.
      await reader.cancel();
      throw new TooLarge();
    }
    chunks.push(read.value);
  }
  return Buffer.concat(chunks);
}

/**
 * @typedef {{status: number, headers: Headers, body: Buffer}} Answer
 * @typedef {{level: 'error' | 'warning', where: string, problem: string, fix: string}} Finding
 * @typedef {{errors: string[], warnings: string[], findings: Finding[], checked: number}} Report
 */

/** Runs `tasks` at most `limit` at a time. @template T @param {(() => Promise<T>)[]} tasks @param {number} limit @returns {Promise<T[]>} */
async function pool(tasks, limit) {
  /** @type {T[]} */
  const results = [];
  let next = 0;
  const worker = async () => {
    while (next < tasks.length) {
      const i = next++;
      results[i] = await tasks[i]();
    }
  };
  await Promise.all(Array.from({length: Math.min(limit, tasks.length)}, worker));
  return results;
}

/** @param {string} header @returns {{maxAge?: number, immutable: boolean, revalidated: boolean}} */
function cacheControl(header) {
  const value = header.toLowerCase();
  const maxAge = /(?:^|[,\s])max-age=(\d+)/.exec(value);
  return {
    maxAge: maxAge ? Number(maxAge[1]) : undefined,
    immutable: /\bimmutable\b/.test(value),
    revalidated: /\bno-cache\b|\bno-store\b/.test(value),
  };
}

/**
 * @param {string} url the deployed folder
 * @param {{timeout?: number, concurrency?: number}} [options]
 * @returns {Promise<Report>}
 */
export async function checkDeploy(url, {timeout = 10_000, concurrency = 4} = {}) {
  /** @type {Report} */
  const report = {errors: [], warnings: [], findings: [], checked: 0};
  const folder = new URL(url.replace(/\/?$/, '/'));
  /** @param {URL} u */
  const name = (u) => (u.href.startsWith(folder.href) ? u.href.slice(folder.href.length) : u.href);
  /** A finding, kept as data and as the line with its fix. @param {'error' | 'warning'} level */
  const finding =
    (level) =>
    /** @param {URL} u @param {string} problem @param {string} fix */
    (u, problem, fix) => {
      report.findings.push({level, where: name(u), problem, fix});
      report[level === 'error' ? 'errors' : 'warnings'].push(`${name(u)}: ${problem}. Fix: ${fix}`);
    };
  const error = finding('error');
  const warning = finding('warning');

  /**
   * One request, as a partner's page makes it: redirects followed hop by hop, each checked as a
   * browser checks it (a CORS load, `cors`, stops at a hop without Access-Control-Allow-Origin; no
   * scheme but http(s); no step down from https to http), at most MAX_REDIRECTS of them, and the
   * answer read up to MAX_BODY bytes within the timeout. Undefined (with an error said) when there
   * is no usable answer.
   * @param {URL} u @param {{cors?: boolean}} [how] @returns {Promise<Answer | undefined>}
   */
  const get = async (u, {cors = true} = {}) => {
    report.checked++;
    const signal = AbortSignal.timeout(timeout);
    let at = u;
    try {
      for (let hop = 0; ; hop++) {
        const response = await fetch(at, {headers: {origin: PARTNER_ORIGIN}, signal, redirect: 'manual'});
        const location = response.headers.get('location');
        if (![301, 302, 303, 307, 308].includes(response.status) || location === null) {
          return {status: response.status, headers: response.headers, body: await capped(response)};
        }
        await response.body?.cancel();
        const next = new URL(location, at);
        const allowed = response.headers.get('access-control-allow-origin');
        if (cors && allowed !== '*' && allowed !== PARTNER_ORIGIN) {
          error(
            u,
            `redirects (HTTP ${response.status} at ${at.href}) to ${next.href} without Access-Control-Allow-Origin on the redirect, so browsers stop there`,
            'link the file where it is, or send "Access-Control-Allow-Origin: *" on the redirect too',
          );
          return undefined;
        }
        if (!/^https?:$/.test(next.protocol) || (at.protocol === 'https:' && next.protocol === 'http:')) {
          error(
            u,
            `redirects to ${next.href}, which browsers do not follow from an https page`,
            'serve the file over https where it is linked',
          );
          return undefined;
        }
        if (hop === MAX_REDIRECTS) {
          error(u, `redirects more than ${MAX_REDIRECTS} times`, 'link the file where it is');
          return undefined;
        }
        at = next;
      }
    } catch (e) {
      if (e instanceof TooLarge) {
        error(u, `answers more than ${MAX_BODY / 1024 / 1024} MB: not a file of this folder`, 'check what the server sends for it');
        return undefined;
      }
      const cause = /** @type {Error & {cause?: {code?: string}}} */ (e);
      const why =
        cause.name === 'TimeoutError'
          ? `no answer within ${timeout / 1000} s`
          : `cannot be reached (${cause.cause?.code ?? cause.message})`;
      error(
        u,
        why,
        'check that the server is up and the URL is the folder partner-card publish wrote was uploaded to; a slow server makes every partner page wait',
      );
      return undefined;
    }
  };
  /**
   * Answer, with an error said for any status but 200.
   * @param {URL} u @param {string} what @param {string} fix404 @param {{cors?: boolean}} [how]
   */
  const fetchOk = async (u, what, fix404, how) => {
    const answer = await get(u, how);
    if (!answer) return undefined;
    if (answer.status === 404 || answer.status === 410) {
      error(u, `${what} is missing (HTTP ${answer.status})`, fix404);
      return undefined;
    }
    if (answer.status !== 200) {
      error(
        u,
        `${what} answers HTTP ${answer.status}`,
        `the server must answer 200 for it${answer.status >= 500 ? ' (a server error: see its log)' : ''}`,
      );
      return undefined;
    }
    return answer;
  };
  /** @param {URL} u @param {Answer} answer */
  const needsCors = (u, answer) => {
    const allowed = answer.headers.get('access-control-allow-origin');
    if (allowed !== '*' && allowed !== PARTNER_ORIGIN) {
      error(
        u,
        allowed
          ? `Access-Control-Allow-Origin is "${allowed}", so partners' pages may not use it`
          : "no Access-Control-Allow-Origin header, so browsers refuse it to partners' pages",
        'send "Access-Control-Allow-Origin: *" for every file of the folder (README, "Hosting the card"). ' +
          'If your configuration already sends it, something else answers for this file: in nginx, a regex location ' +
          '(such as location ~* \\.(css|js|svg)$) wins over a plain "location /embed/" (write "location ^~ /embed/"); ' +
          'in Apache, the .htaccess is ignored without "AllowOverride FileInfo" or mod_headers; ' +
          'behind a CDN, a cache or page rule may drop the header (purge it after fixing)',
      );
    }
  };
  /** @param {URL} u @param {Answer} answer */
  const isJavaScript = (u, answer) => {
    const type = answer.headers.get('content-type') ?? '';
    if (!/^(text|application)\/(javascript|ecmascript|x-javascript)\b/i.test(type)) {
      error(
        u,
        `served as "${type || 'no Content-Type'}", and browsers run module scripts only when they are JavaScript`,
        'serve .js files as text/javascript',
      );
    }
  };
  /** Short-lived or revalidated: profiles and the moving module change. @param {URL} u @param {Answer} answer @param {string} what */
  const changeable = (u, answer, what) => {
    const header = answer.headers.get('cache-control');
    const fix = 'send "Cache-Control: public, max-age=300, must-revalidate"';
    if (!header) {
      warning(u, `no Cache-Control header: browsers and proxies guess how long to keep ${what}`, fix);
      return;
    }
    const {maxAge = 0, immutable, revalidated} = cacheControl(header);
    if (immutable || (!revalidated && maxAge > DAY)) {
      warning(
        u,
        `Cache-Control "${header}" keeps ${what} too long: a change reaches partners' pages only after ${immutable ? 'the cache is cleared' : `${Math.round(maxAge / 3600)} hours`}`,
        fix,
      );
    }
  };

  const release = new URL('release.json', folder);
  const index = new URL('partners/index.json', folder);
  const upload = 'upload the whole folder `partner-card publish` wrote';
  const [releaseAnswer, indexAnswer, builder] = await pool(
    [
      // The project site's own pages read release.json and open embed.html: no CORS load.
      () => fetchOk(release, 'release.json (the version and integrity of the versioned modules)', upload, {cors: false}),
      () => fetchOk(index, 'The index of partners', `${upload}; it holds your profiles and their index`),
      () => get(new URL('embed.html', folder), {cors: false}),
    ],
    concurrency,
  );
  if (builder && builder.status !== 200)
    warning(new URL('embed.html', folder), `the embed builder answers HTTP ${builder.status}`, `${upload}: partners get their code there`);

  /** @typedef {{module?: unknown, integrity?: unknown}} Pinned */
  /** @type {(Pinned & {version?: string, directory?: Pinned}) | undefined} */
  let releaseInfo;
  if (releaseAnswer) {
    try {
      releaseInfo = JSON.parse(releaseAnswer.body.toString('utf8'));
    } catch {
      error(release, 'is not JSON', upload);
    }
  }
  /** A release entry's versioned file and integrity, when it names `name`-<version>.js and a sha384. @param {Pinned | undefined} pinned @param {string} name */
  const pinnedFile = (pinned, name) =>
    typeof pinned?.module === 'string' &&
    new RegExp(`^${name}-[\\w.+-]+\\.js$`).test(pinned.module) &&
    /^sha384-/.test(String(pinned.integrity))
      ? {module: pinned.module, integrity: String(pinned.integrity)}
      : undefined;
  const modules = [
    {name: 'partner-card', what: "the card's module", pinned: releaseInfo && pinnedFile(releaseInfo, 'partner-card')},
    {
      name: 'partner-directory',
      what: "the directory's module",
      pinned: releaseInfo && pinnedFile(releaseInfo.directory, 'partner-directory'),
    },
  ];
  for (const {name, what, pinned} of modules) {
    if (releaseInfo && !pinned) error(release, `does not name ${what} (${name}-<version>.js) and its sha384 integrity`, upload);
  }
  await pool(
    modules.map(
      ({name, what, pinned}) =>
        () =>
          checkModule(name, what, pinned),
    ),
    concurrency,
  );

  /**
   * The moving module (`name`.js) and its versioned copy: JavaScript, with
   * CORS, cached as each should be, the copy's bytes those its integrity pins.
   * @param {string} name @param {string} what @param {{module: string, integrity: string} | undefined} pinned
   */
  async function checkModule(name, what, pinned) {
    const moving = new URL(`${name}.js`, folder);
    const movingAnswer = await fetchOk(moving, `${what[0].toUpperCase()}${what.slice(1)}`, upload);
    if (movingAnswer) {
      isJavaScript(moving, movingAnswer);
      needsCors(moving, movingAnswer);
      changeable(moving, movingAnswer, `the newest ${what.replace(/^the /, '')}`);
    }
    if (!pinned) return;
    const versioned = new URL(pinned.module, folder);
    const answer = await fetchOk(
      versioned,
      `The versioned copy of ${what}, release ${releaseInfo?.version}`,
      `${upload}; partners' pinned code loads this file`,
    );
    if (!answer) return;
    isJavaScript(versioned, answer);
    needsCors(versioned, answer);
    const actual = `sha384-${createHash('sha384').update(answer.body).digest('base64')}`;
    if (actual !== pinned.integrity) {
      error(
        versioned,
        `its bytes do not match the published integrity (${actual}, not ${pinned.integrity}): browsers refuse to run it on every page that pinned it`,
        'upload the file exactly as `partner-card publish` wrote it (no minifier, no compression on disk, no changed line ends); never change a released file, release a new version',
      );
    }
    const header = answer.headers.get('cache-control');
    const {maxAge, immutable} = cacheControl(header ?? '');
    if (!immutable || (maxAge ?? 0) < YEAR) {
      warning(
        versioned,
        header
          ? `Cache-Control "${header}" makes browsers ask again for a file that never changes`
          : 'no Cache-Control header: a file that never changes can be kept for good',
        `send "Cache-Control: public, max-age=31536000, immutable" for ${name}-<version>.js`,
      );
    }
    if (movingAnswer) {
      const strip = (/** @type {Buffer} */ b) => b.toString('utf8').replace(/\/\/# sourceMappingURL=\S+\s*$/, '');
      if (strip(movingAnswer.body) !== strip(answer.body)) {
        warning(
          moving,
          `is not the same code as ${pinned.module}: an upload is half done, or a cache still serves an older ${name}.js`,
          `upload all of dist/ again, and purge ${name}.js from any CDN cache`,
        );
      }
    }
  }

  if (!indexAnswer) return report;
  needsCors(index, indexAnswer);
  changeable(index, indexAnswer, 'the list of partners');
  /** @type {unknown} */
  let parsed;
  try {
    parsed = JSON.parse(indexAnswer.body.toString('utf8'));
  } catch (e) {
    error(index, `is not JSON (${/** @type {Error} */ (e).message})`, 'upload the index.json that `partner-card publish` wrote');
    return report;
  }
  const listed = /** @type {{partners?: unknown}} */ (parsed)?.partners;
  if (!Array.isArray(listed)) {
    error(index, 'has no "partners" list', 'upload the index.json that `partner-card publish` wrote');
    return report;
  }
  const ids = listed.map((p) => /** @type {{id?: unknown}} */ (p)?.id);
  for (const id of ids.filter((id) => typeof id !== 'string' || !ID.test(id))) {
    error(index, `lists a partner with the id ${JSON.stringify(id)}, which is not a partner id`, 'rebuild it with `partner-card index`');
  }
  /** Same warning for many profiles: said once, with how many. @type {Map<string, {first: URL, fix: string, count: number}>} */
  const profileWarnings = new Map();
  /** The deployed profiles that are valid, for the index to be compared with. @type {any[]} */
  const deployed = [];
  const profiles = ids
    .filter((id) => typeof id === 'string' && ID.test(id))
    .map((id) => async () => {
      if (typeof id !== 'string') return;
      await checkProfileFile(id);
    });
  /** @param {string} id */
  const checkProfileFile = async (id) => {
    const u = new URL(`partners/${id}.json`, folder);
    const answer = await fetchOk(
      u,
      `The profile of "${id}", listed in index.json,`,
      'upload every profile that index.json lists (or rebuild the index)',
    );
    if (!answer) return;
    needsCors(u, answer);
    const header = answer.headers.get('cache-control');
    const {maxAge, immutable, revalidated} = cacheControl(header ?? '');
    const stale = !header
      ? 'no Cache-Control header'
      : immutable || (!revalidated && (maxAge ?? 0) > DAY)
        ? `Cache-Control "${header}" keeps it too long`
        : '';
    if (stale) {
      const seen = profileWarnings.get(stale) ?? {
        first: u,
        fix: 'send "Cache-Control: public, max-age=300, must-revalidate" for partners/',
        count: 0,
      };
      seen.count++;
      profileWarnings.set(stale, seen);
    }
    /** @type {any} */
    let profile;
    try {
      profile = JSON.parse(answer.body.toString('utf8'));
    } catch (e) {
      error(u, `is not JSON (${/** @type {Error} */ (e).message})`, 'check the file with `partner-card index` and upload it again');
      return;
    }
    // Checked as `partner-card index` checks a profile file, its name included.
    const problems = profileProblems(answer.body.toString('utf8'), `${id}.json`).map((p) => p.replace(/^: /, ''));
    for (const p of problems.slice(0, 3)) error(u, p.replace(/\.$/, ''), 'check it with `partner-card index` and upload it again');
    if (problems.length > 3) error(u, `${problems.length - 3} more problem(s)`, 'check it with `partner-card index`');
    if (!problems.length) deployed.push(profile);
    const src = profile?.logo?.src;
    if (typeof src !== 'string') return;
    const logo = new URL(src, u);
    if (!/^https?:$/.test(logo.protocol)) return;
    // Named, not requested: partners' visitors would request it from there, and this command asks only the folder checked.
    if (!logo.href.startsWith(new URL('partners/', folder).href)) {
      error(
        u,
        `its logo ${logo.href} is not in the folder's partners/: every visitor's browser would request it from there`,
        'put the logo beside the profile and name it by its file name (README, "Privacy")',
      );
      return;
    }
    // An <img> loads it without CORS: a redirect needs no header.
    const image = await fetchOk(logo, `The logo of "${id}"`, 'upload the logo next to its profile, as the profile names it', {cors: false});
    const type = image?.headers.get('content-type') ?? '';
    if (image && !/^image\//i.test(type))
      error(
        logo,
        `served as "${type || 'no Content-Type'}", and browsers show only images in <img>`,
        'serve logos with their image type (image/svg+xml, image/png…)',
      );
  };
  await pool(profiles, concurrency);
  // The directory and the builder show the index's names and summaries: they must be the deployed profiles'.
  const loaded = new Set(deployed.map((p) => p.id));
  const made = indexOf(deployed);
  // Its countries are compared when every profile it lists was there: one missing is an error of its own.
  const kept = /** @type {{countries?: unknown}} */ (parsed);
  const differences = indexDifferences(
    {partners: listed.filter((p) => loaded.has(p?.id)), countries: loaded.size === listed.length ? kept.countries : made.countries},
    made,
  );
  for (const difference of differences)
    error(
      index,
      `is not what the deployed profiles say: ${difference}`,
      'publish again (`partner-card publish`) and upload the whole folder',
    );
  for (const [problem, {first, fix, count}] of profileWarnings) {
    warning(first, `${problem}${count > 1 ? ` (and ${count - 1} more profile(s) alike)` : ''}`, fix);
  }
  return report;
}

export const HELP = `Usage: partner-card check-deploy [<https://your.site/embed/>] [--timeout <ms>]

Checks a deployed folder from outside, as partners' pages load it: both modules
and their versioned copies (JavaScript, CORS, the integrity hash release.json
publishes), index.json and every profile it lists (reachable, with CORS, valid),
every logo, and caching (warnings). One line per problem; each fix once, after the files it is for.

Arguments:
  <url>           the folder's public address; default: "url" in partner-card.config.json
Options:
  --timeout <ms>  how long each request may take (default 10000)`;
const USAGE = HELP.split('\n')[0];

/**
 * What is wrong with the address to check, or undefined: an http(s) URL of the folder.
 * @param {string} url
 */
function addressProblem(url) {
  let parsed;
  try {
    parsed = new URL(url);
  } catch {
    // "project.example/embed/": an address without its scheme.
    const bare = /^[a-z0-9-]+(\.[a-z0-9-]+)+(:\d+)?(\/|$)/i.test(url);
    return bare
      ? `"${url}" has no scheme: did you mean https://${url}?`
      : `"${url}" is not an address: give the folder's public address, such as https://project.example/embed/`;
  }
  if (!/^https?:$/.test(parsed.protocol))
    return `"${url}" is not an http(s) address: give the folder's public address, such as https://project.example/embed/`;
  return undefined;
}

/**
 * The findings as lines, errors first: a fix that several files need (a server
 * without CORS fails every file alike) is said once, after the files it is for.
 * @param {Finding[]} findings @returns {string[]}
 */
export function findingLines(findings) {
  /** @type {Map<string, Finding[]>} */
  const byFix = new Map();
  for (const level of ['error', 'warning']) {
    for (const finding of findings.filter((f) => f.level === level)) {
      const key = `${level}\n${finding.fix}`;
      byFix.set(key, [...(byFix.get(key) ?? []), finding]);
    }
  }
  return [...byFix.values()].flatMap((group) => [
    ...group.map(({level, where, problem}) => `${level}: ${where}: ${problem}.`),
    `  Fix${group.length > 1 ? ` (the ${group.length} above)` : ''}: ${group[0].fix}`,
  ]);
}

/** @param {string[]} args @returns {Promise<number>} */
export async function main(args) {
  const read = readArgs({args, options: {timeout: {type: 'string'}}, allowPositionals: true}, USAGE);
  if (!read) return 2;
  const {timeout: given} = read.values;
  const timeout = given === undefined ? undefined : Number(given);
  if (timeout !== undefined && !(timeout > 0 && Number.isFinite(timeout))) {
    return usageError(`--timeout "${given}" is not a number of milliseconds (such as 10000)`, USAGE);
  }
  const urls = read.positionals;
  if (urls.length > 1) return usageError(`one address at a time: got ${urls.length} (${urls.map((u) => `"${u}"`).join(', ')})`, USAGE);
  // Without an address, the one kept by npm run build -- --url ….
  if (!urls.length) {
    let kept;
    try {
      kept = readSiteConfig(process.cwd()).url;
    } catch (error) {
      return usageError(/** @type {Error} */ (error).message, USAGE);
    }
    if (!kept) return usageError('name the deployed folder\'s address (or keep it as "url" in partner-card.config.json)', USAGE);
    urls.push(kept);
    say.log(`Checking ${kept} (the address kept in partner-card.config.json).`);
  }
  const url = urls[0];
  const problem = addressProblem(url);
  if (problem) return usageError(problem, USAGE);
  const started = Date.now();
  const {errors, warnings, findings, checked} = await checkDeploy(url, {timeout});
  // What a server answered is data: its control characters are shown escaped.
  for (const line of findingLines(findings)) say.log(line);
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  say.log(`${checked} request(s) in ${seconds} s: ${errors.length} error(s), ${warnings.length} warning(s).`);
  if (!errors.length) say.log(`Partners' pages can load the card from ${url}.`);
  return errors.length ? 1 : 0;
}

partOfCommand(import.meta, 'check-deploy.mjs', 'check-deploy');
