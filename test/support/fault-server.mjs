// Dev-server middleware that lets tests meet real HTTP behaviour instead of
// stubbing fetch. Routes (all prefixes combine with a path served as usual):
//
//   /status/<code>/<anything>    → that HTTP status, plain-text body
//   /cors/<path>                 → <path>, plus Access-Control-Allow-Origin: *
//   /flaky/<key>/<path>          → 503 the first time <key> is asked for, then <path>
//   /alias/<key>/<path>          → <path>: a fresh URL, so a test has its own cache entry
//   /slow/<ms>/<path>            → <path> after <ms> milliseconds (at most 20 s)
//   /redirect/<path>             → 302 to <path>
//   /type/<type>/<subtype>/<path> → <path> with that Content-Type
//   /body/<name>/<anything>      → a canned body: empty, html, truncated, text-json
//   /cut/<path>                  → half of <path>'s bytes, then the connection is dropped
//   /echo/<base64url>/<anything> → the decoded bytes as the body (JSON content type)
//   /csp/<path>                  → <path> with a strict Content-Security-Policy
//   /fault-log/<key>             → {seen, abandoned, served}: /slow/ requests under <key>, and
//                                  which of them the browser gave up on before the answer
//   /many/<n>/index.json         → a directory index of <n> (up to 99,999) synthetic partners (also
//                                  /many/<n>/<key>/index.json: a URL the page has not loaded yet);
//                                  /many-gaps/<n>/<key>/index.json: ten of them (the n/10th, the
//                                  2n/10th, …) without a summary
//   /many-logos/<n>/<key>/index.json → the same, each partner with its own SVG logo,
//                                  /many-logos/<n>/<key>/logo-<i>.svg, answered 60 ms late (the
//                                  first two 8 s late under a key starting "hang-");
//                                  /many-logos-log/<key> returns {asked, most}: how many logos
//                                  were asked for under <key>, and the most on their way at once
//   /count/<key>/<path>          → <path>, logging each request's Cache-Control and Pragma
//                                  headers under <key>; /count-log/<key> returns that log
//   /prerendered/<path>          → the HTML page <path> as `npm run prerender` writes it, with the
//                                  profiles of demo/embed/partners and test/fixtures/partners;
//                                  ?stale=1 prerenders an older summary than the live profile's
//                                  (and than the first partner's in the live index)
//   /prerendered-csp/<path>      → the same, under the strict policy plus the cards' style hash
//                                  (X-Prerendered-Tags: how many tags it filled; X-Left-Alone-Tags:
//                                  how many it left alone, named in a warning, where browsers differ)
//   /prerender-corpus/           → the pages of test/fixtures/prerender-corpus/ and those Eleventy and
//                                  Astro built into test/generated/ (generated-sites.mjs), from the root
//   /prerender-card?<attributes> → renderCard() for those attributes, as text
//   /csp-watched/<path>          → <path> under the strict policy; an HTML page gets the violation
//                                  recorder (test/fixtures/csp/listen.js) as its first script
//   /paste/<key> (POST)          → keeps the body: embed code as a partner pastes it
//   /pasted/<key>?csp=<policy>   → a partner's page with that code in its body, the watcher
//                                  test/fixtures/embed/watch.js first in its head, and the policy if given
//   /tampered/<path>             → <path> with one line added, and Access-Control-Allow-Origin: *
//   /missing/<name>/<path>       → <path>, but 404 for any file called <name> under it
//   /untranslated/<unit>/<path>  → <path>, but any .xlf under it without the target of trans-unit <unit>
//   /delay/<name>/<ms>/<path>    → <path>, but any file called <name> under it answered <ms> late
//   /partners-from/<fixture>/<path> → <path>, but any partners/<file> under it from test/fixtures/<fixture>/
//                                  (else test/fixtures/partners/, else the demo's profiles)
//   /check-profile (POST)        → the body saved as <its id>.json in a folder of its own and checked
//                                  by `npm run partners` there: {code, output}
//
// Files under /dist/ get the headers of README's `_headers` block (readmeHeaders below), as the
// project site would serve the uploaded folder: CORS, caching.
import {spawnSync} from 'node:child_process';
import {mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {text as streamText} from 'node:stream/consumers';
import {parseHeadersFile} from './static-host.mjs';
import {generatedPages} from './generated-sites.mjs';

const SAMPLE = new URL('../../demo/embed/partners/region-southern-denmark.json', import.meta.url);
const flakyKeys = new Set();
/** @type {{seen: string[], abandoned: string[], served: string[]}} */
const slowLog = {seen: [], abandoned: [], served: []};

/** The policy a partner page may send: see README "Content-Security-Policy". */
export const STRICT_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self'",
  "connect-src 'self'",
  "require-trusted-types-for 'script'",
  'trusted-types lit-html',
].join('; ');

const CANNED = {
  empty: () => ['', 'application/json'],
  html: () => ['<!doctype html><title>Sign in</title><p>Please sign in.</p>', 'text/html'],
  truncated: () => [readFileSync(SAMPLE, 'utf8').slice(0, 900), 'application/json'],
  'text-json': () => [readFileSync(SAMPLE, 'utf8'), 'text/plain'],
};

const requestLog = new Map();

/**
 * An index of `n` small valid partners, "Partner 1" to "Partner n", for tests of long lists; with `logos`, each has
 * its own; with `gaps`, ten of them (the n/10th, the 2n/10th, …) have no summary, so the directory warns as it checks
 * each.
 */
/** @param {number} n */
function manyPartners(n, logos = false, gaps = false) {
  const partners = Array.from({length: n}, (_, i) => ({
    id: `partner-${i + 1}`,
    name: {en: `Partner ${i + 1}`, da: `Partner ${i + 1}`},
    country: ['DK', 'SE', 'DE', 'ES'][i % 4],
    ...((!gaps || (i + 1) % Math.ceil(n / 10)) && {
      summary: {en: `Synthetic partner number ${i + 1}.`, da: `Syntetisk partner nummer ${i + 1}.`},
    }),
    ...(logos && {logo: {src: `logo-${i + 1}.svg`, alt: {en: `Logo of partner ${i + 1}`}, width: 160, height: 64}}),
  }));
  return {version: 1, partners};
}

/** Logo requests of /many-logos/ by key: on their way now, asked for, and the most on their way at once. */
/** @type {Map<string, {now: number, asked: number, most: number}>} */
const logoFlights = new Map();

/** Partner i's logo: a badge with its number, as a partner's SVG logo draws text. @param {number} i */
const manyLogo = (i) =>
  `<svg xmlns="http://www.w3.org/2000/svg" width="160" height="64" viewBox="0 0 160 64"><rect width="64" height="64" rx="12" fill="hsl(${(i * 37) % 360} 60% 40%)"/><text x="32" y="41" text-anchor="middle" font-family="sans-serif" font-size="22" fill="#fff">${i}</text></svg>`;

// The built prerenderer (npm run build), typed by its source.
const PRERENDERER = new URL('../../dist/prerender.js', import.meta.url).href;
/** @returns {Promise<typeof import('../../node/prerender.js')>} */
const prerenderer = () => import(PRERENDERER);

/** @param {string} id */
function profileFor(id, stale = false) {
  for (const folder of ['../../demo/embed/partners/', '../fixtures/partners/', '../fixtures/hostile/']) {
    try {
      const profile = JSON.parse(readFileSync(new URL(`${folder}${id}.json`, import.meta.url), 'utf8'));
      return stale ? {...profile, summary: {en: 'An older summary.', da: 'Et ældre resumé.'}} : profile;
    } catch {
      // not in this folder
    }
  }
  return undefined;
}

/** @type {Map<string, string>} */
const pasted = new Map();

/** A partner's page, on whatever origin asks for it, with the code they pasted. */
const partnerPage = (/** @type {string} */ code) => `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <title>A partner's page</title>
    <script src="/test/fixtures/embed/watch.js"></script>
  </head>
  <body>
    <main>
      <h1>Our partners in the project</h1>
${code}
    </main>
  </body>
</html>
`;

/**
 * The dev server's middleware for the faults and fixtures the tests ask for by path.
 * @param {import('koa').Context} ctx @param {import('koa').Next} next
 */
export async function faultServer(ctx, next) {
  const paste = ctx.path.match(/^\/paste\/([\w-]+)$/);
  if (paste && ctx.method === 'POST') {
    let body = '';
    for await (const chunk of ctx.req) body += String(chunk);
    pasted.set(paste[1], body);
    ctx.body = 'kept';
    return;
  }
  const page = ctx.path.match(/^\/pasted\/([\w-]+)$/);
  if (page) {
    ctx.set('Cache-Control', 'no-store');
    if (ctx.query.csp) ctx.set('Content-Security-Policy', String(ctx.query.csp));
    ctx.type = 'text/html';
    ctx.body = partnerPage(pasted.get(page[1]) ?? '');
    return;
  }
  const tampered = ctx.path.match(/^\/tampered(\/.*)$/);
  if (tampered) {
    ctx.set('Access-Control-Allow-Origin', '*');
    ctx.type = 'text/javascript';
    ctx.body = `${readFileSync(new URL(`../..${tampered[1]}`, import.meta.url), 'utf8')}\n// one line more than was published\n`;
    return;
  }
  if (ctx.path === '/check-profile' && ctx.method === 'POST') {
    let body = '';
    for await (const chunk of ctx.req) body += String(chunk);
    const dir = mkdtempSync(join(tmpdir(), 'partner-card-check-'));
    let id = 'profile';
    try {
      id = String(JSON.parse(body).id);
    } catch {
      // not JSON: the check says so
    }
    writeFileSync(join(dir, `${/^[a-z0-9-]+$/.test(id) ? id : 'profile'}.json`), body);
    const run = spawnSync(process.execPath, [new URL('../../tools/cli/partner-card.mjs', import.meta.url).pathname, 'index', dir], {
      encoding: 'utf8',
    });
    rmSync(dir, {recursive: true, force: true});
    ctx.body = {code: run.status, output: `${run.stdout}${run.stderr}`};
    return;
  }
  const missing = ctx.path.match(/^\/missing\/([^/]+)(\/.*)$/);
  if (missing) {
    if (missing[2].endsWith(`/${missing[1]}`)) {
      fail(ctx, 404);
      return;
    }
    ctx.url = ctx.url.slice(`/missing/${missing[1]}`.length);
    return next();
  }
  const partnersFrom = ctx.path.match(/^\/partners-from\/([\w-]+)(\/.*)$/);
  if (partnersFrom) {
    const file = /\/partners\/([\w.-]+)$/.exec(partnersFrom[2])?.[1];
    if (!file) {
      ctx.url = ctx.url.slice(`/partners-from/${partnersFrom[1]}`.length);
      return next();
    }
    for (const folder of [`../fixtures/${partnersFrom[1]}/`, '../fixtures/partners/', '../../demo/embed/partners/']) {
      try {
        ctx.body = readFileSync(new URL(`${folder}${file}`, import.meta.url));
        ctx.type = file.endsWith('.svg') ? 'image/svg+xml' : 'application/json';
        return;
      } catch {
        // not in this folder
      }
    }
    fail(ctx, 404);
    return;
  }
  const delayed = ctx.path.match(/^\/delay\/([^/]+)\/(\d+)(\/.*)$/);
  if (delayed) {
    ctx.url = ctx.url.slice(`/delay/${delayed[1]}/${delayed[2]}`.length);
    if (delayed[3].endsWith(`/${delayed[1]}`)) await new Promise((resolve) => setTimeout(resolve, Math.min(Number(delayed[2]), 20_000)));
    return next();
  }
  const untranslated = ctx.path.match(/^\/untranslated\/([^/]+)(\/.*)$/);
  if (untranslated) {
    if (!untranslated[2].endsWith('.xlf')) {
      ctx.url = ctx.url.slice(`/untranslated/${untranslated[1]}`.length);
      return next();
    }
    const xml = readFileSync(new URL(`../..${untranslated[2]}`, import.meta.url), 'utf8');
    const unit = new RegExp(`(<trans-unit id="${untranslated[1]}">[^]*?)<target[^>]*>[^]*?</target>`, 'g');
    ctx.type = 'application/xml';
    ctx.body = xml.replace(unit, '$1');
    return;
  }
  if (ctx.path.startsWith('/csp-watched/')) {
    ctx.url = ctx.url.slice('/csp-watched'.length);
    await next();
    ctx.set('Content-Security-Policy', STRICT_CSP);
    if (ctx.response.is('html')) {
      let text = '';
      if (typeof ctx.body === 'string' || Buffer.isBuffer(ctx.body)) text = String(ctx.body);
      // Otherwise the static files' stream.
      else text = await streamText(/** @type {import('node:stream').Readable} */ (ctx.body));
      ctx.body = text.replace(/<head>/i, '<head><script src="/test/fixtures/csp/listen.js"></script>');
    }
    return;
  }
  const prerendered = ctx.path.match(/^\/prerendered(-csp)?(\/.*\.html)$/);
  if (prerendered) {
    const {prerenderHTML, STYLE_HASH, DIRECTORY_STYLE_HASH} = await prerenderer();
    const source = readFileSync(new URL(`../..${prerendered[2]}`, import.meta.url), 'utf8');
    const stale = ctx.query.stale === '1';
    const result = prerenderHTML(source, {
      profile: (id) => profileFor(id, stale),
      index: () => {
        const index = JSON.parse(readFileSync(new URL('../../demo/generated/partners/index.json', import.meta.url), 'utf8'));
        if (stale) index.partners[0].summary = {en: 'An older summary.', da: 'Et ældre resumé.'};
        return index;
      },
    });
    if (result.errors.length) throw new Error(result.errors.join('; '));
    ctx.set('Cache-Control', 'no-store');
    // How many tags the prerenderer filled: the corpus test holds each page's browser to it.
    ctx.set('X-Prerendered-Tags', String(result.cards));
    // Tags left alone where browsers do not agree (a <select> holding more than options), each warned about.
    ctx.set('X-Left-Alone-Tags', String(result.warnings.filter((w) => w.includes('not prerendered, left as it is')).length));
    if (prerendered[1])
      ctx.set('Content-Security-Policy', STRICT_CSP.replace("style-src 'self'", `style-src 'self' ${STYLE_HASH} ${DIRECTORY_STYLE_HASH}`));
    ctx.type = 'text/html';
    ctx.body = result.html;
    return;
  }
  if (ctx.path === '/prerender-corpus/') {
    ctx.set('Cache-Control', 'no-store');
    const corpus = readdirSync(new URL('../fixtures/prerender-corpus/', import.meta.url))
      .filter((name) => name.endsWith('.html'))
      .sort();
    ctx.body = [...corpus.map((name) => `test/fixtures/prerender-corpus/${name}`), ...generatedPages()];
    return;
  }
  if (ctx.path === '/prerender-card') {
    const {renderCard} = await prerenderer();
    /** The query parameter `name` (the first, when it is given twice). @param {string} name */
    const query = (name) => [ctx.query[name]].flat()[0];
    const [partner = '', lang, variant, base = '/demo/embed/partners/', href] = ['partner', 'lang', 'variant', 'base', 'href'].map(query);
    ctx.set('Cache-Control', 'no-store');
    ctx.type = 'text/html';
    ctx.body = renderCard({
      profile: profileFor(partner),
      partner,
      base,
      lang,
      variant,
      headingLevel: query('heading-level'),
      href,
      backHref: query('back-href'),
    }).html;
    return;
  }
  const manyLogos = ctx.path.match(/^\/many-logos\/(\d{1,4})\/([\w-]+)\/(?:index\.json|logo-(\d{1,4})\.svg)$/);
  if (manyLogos) {
    ctx.set('Cache-Control', 'no-store');
    if (!manyLogos[3]) {
      ctx.body = manyPartners(Number(manyLogos[1]), true);
      return;
    }
    const flights = logoFlights.get(manyLogos[2]) ?? {now: 0, asked: 0, most: 0};
    logoFlights.set(manyLogos[2], flights);
    flights.now++;
    flights.asked++;
    flights.most = Math.max(flights.most, flights.now);
    ctx.res.once('close', () => flights.now--);
    // Under a key starting "hang-", the first two logos take 8 s: a partner's logo server that hangs.
    const hangs = manyLogos[2].startsWith('hang-') && Number(manyLogos[3]) <= 2;
    await new Promise((resolve) => setTimeout(resolve, hangs ? 8000 : 60));
    ctx.type = 'image/svg+xml';
    ctx.body = manyLogo(Number(manyLogos[3]));
    return;
  }
  const logoLog = ctx.path.match(/^\/many-logos-log\/([\w-]+)$/);
  if (logoLog) {
    ctx.set('Cache-Control', 'no-store');
    const {asked = 0, most = 0} = logoFlights.get(logoLog[1]) ?? {};
    ctx.body = {asked, most};
    return;
  }
  const many = ctx.path.match(/^\/many(-gaps)?\/(\d{1,5})\/(?:[\w-]+\/)?index\.json$/);
  if (many) {
    ctx.set('Cache-Control', 'no-store');
    ctx.body = manyPartners(Number(many[2]), false, Boolean(many[1]));
    return;
  }
  const countLog = ctx.path.match(/^\/count-log\/([^/]+)$/);
  if (countLog) {
    ctx.set('Cache-Control', 'no-store');
    ctx.body = requestLog.get(countLog[1]) ?? [];
    return;
  }
  const counted = ctx.path.match(/^\/count\/([^/]+)(\/.*)$/);
  if (counted) {
    const log = requestLog.get(counted[1]) ?? [];
    requestLog.set(counted[1], log);
    log.push({path: counted[2], cacheControl: ctx.get('cache-control'), pragma: ctx.get('pragma')});
    ctx.url = counted[2];
  }
  const log = ctx.path.match(/^\/fault-log\/([^/]+)$/);
  if (log) {
    const mine = (/** @type {string[]} */ list) => list.filter((path) => path.includes(log[1]));
    ctx.body = {seen: mine(slowLog.seen), abandoned: mine(slowLog.abandoned), served: mine(slowLog.served)};
    return;
  }
  const flaky = ctx.path.match(/^\/flaky\/([^/]+)(\/.*)$/);
  if (flaky) {
    if (!flakyKeys.has(flaky[1])) {
      flakyKeys.add(flaky[1]);
      fail(ctx, 503);
      return;
    }
    ctx.url = flaky[2];
  }
  const slow = ctx.path.match(/^\/slow\/(\d+)(\/.*)$/);
  if (slow) {
    const path = ctx.path;
    slowLog.seen.push(path);
    // Set by the close event, which the type checker cannot follow.
    let gone = /** @type {boolean} */ (false);
    ctx.req.on('close', () => {
      if (!ctx.res.writableEnded) gone = true;
    });
    await new Promise((resolve) => setTimeout(resolve, Math.min(Number(slow[1]), 20_000)));
    if (gone) {
      slowLog.abandoned.push(path);
      return;
    }
    slowLog.served.push(path);
    ctx.url = slow[2];
  }
  const alias = ctx.path.match(/^\/alias\/[^/]+(\/.*)$/);
  if (alias) ctx.url = alias[1];
  const status = ctx.path.match(/^\/status\/(\d{3})\//);
  if (status) {
    fail(ctx, Number(status[1]));
    return;
  }
  const redirect = ctx.path.match(/^\/redirect(\/.*)$/);
  if (redirect) {
    ctx.redirect(redirect[1]);
    return;
  }
  const body = ctx.path.match(/^\/body\/([a-z-]+)\//);
  const canned = body && /** @type {Partial<Record<string, () => string[]>>} */ (CANNED)[body[1]];
  if (canned) {
    const [text, type] = canned();
    ctx.set('Cache-Control', 'no-store');
    ctx.type = type;
    ctx.body = text;
    return;
  }
  const echo = ctx.path.match(/^\/echo\/([A-Za-z0-9_-]*)\//);
  if (echo) {
    ctx.set('Cache-Control', 'no-store');
    ctx.type = 'application/json';
    ctx.body = Buffer.from(echo[1], 'base64url');
    return;
  }
  const cut = ctx.path.match(/^\/cut(\/.*)$/);
  if (cut) {
    const bytes = readFileSync(new URL(`../..${cut[1]}`, import.meta.url));
    ctx.respond = false;
    ctx.res.writeHead(200, {'content-type': 'application/json', 'content-length': bytes.length, 'cache-control': 'no-store'});
    ctx.res.write(bytes.subarray(0, bytes.length >> 1));
    setTimeout(() => ctx.res.destroy(), 50);
    return;
  }
  const type = ctx.path.match(/^\/type\/([a-z]+)\/([a-z+-]+)(\/.*)$/);
  if (type) {
    ctx.url = type[3];
    await next();
    ctx.type = `${type[1]}/${type[2]}`;
    return;
  }
  if (ctx.path.startsWith('/csp/')) {
    ctx.url = ctx.url.slice('/csp'.length);
    await next();
    ctx.set('Content-Security-Policy', STRICT_CSP);
    return;
  }
  if (ctx.path.startsWith('/cors/')) {
    ctx.url = ctx.url.slice('/cors'.length);
    await next();
    ctx.set('Access-Control-Allow-Origin', '*');
    return;
  }
  await next();
}

/** @param {import('koa').Context} ctx @param {number} code */
function fail(ctx, code) {
  ctx.status = code;
  ctx.set('Access-Control-Allow-Origin', '*');
  // Asked for, though the test runner may still mark responses cacheable:
  // the card's own retry bypasses the HTTP cache for that reason.
  ctx.set('Cache-Control', 'no-store');
  ctx.body = `status ${code}`;
}

/**
 * Files under /dist/ with the headers README's `_headers` block gives the
 * uploaded folder (there `/embed/`): what a partner's page on another origin
 * meets. The bytes are not touched: integrity hashes must match.
 */
/** @param {string} headersFile @returns {import('koa').Middleware} */
export function readmeHeaders(headersFile) {
  const rules = parseHeadersFile(headersFile);
  return async function (ctx, next) {
    await next();
    if (!ctx.path.startsWith('/dist/') || ctx.status !== 200) return;
    const published = ctx.path.replace(/^\/dist\//, '/embed/');
    for (const rule of rules) if (rule.pattern.test(published)) for (const [name, value] of rule.headers) ctx.set(name, value);
  };
}
