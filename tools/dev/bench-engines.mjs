// The directory's rows in every engine: Chromium, Firefox and WebKitGTK,
// each started by the test runner's own launchers (node/launchers.mjs:
// the same programs, flags and display as `npm test`), side by side with the
// plain-DOM baseline (the same markup with the directory's stylesheets) in
// the same engine. Playwright drives only Chromium and WebDriver has no
// frame timing, so the page measures itself (`measure` below, the same code
// in every engine) and posts its figures to the benchmark's server.
import {browsers, stopBrowsers} from '../../node/launchers.mjs';
import {requestedEngines} from '../../node/browsers.mjs';
import {median, ms} from './bench-figures.mjs';
import {StepFailed, within} from './bench-steps.mjs';

/** How long a WebDriver or DevTools command (opening or closing a page) may take: seconds, when it works. */
const COMMAND_LIMIT = 30_000;

/** Marks a run whose index the benchmark's server serves without logos (see `withoutLogos`). */
const NO_LOGOS = '-nologos';

/** Whether this request is the index of a run without logos: the server answers it through `withoutLogos`. */
export const leavesLogosOut = (/** @type {string} */ url) => url.includes(`${NO_LOGOS}/`) && /\/index\.json(\?|$)/.test(url);

/** The index's text with every partner's logo left out: cards with no logo, none asked for. */
export function withoutLogos(/** @type {string} */ text) {
  const index = /** @type {{partners: {logo?: unknown}[]}} */ (JSON.parse(text));
  return JSON.stringify({...index, partners: index.partners.map(({logo: _, ...partner}) => partner)});
}

/** The promise of README: a list is complete this long after its drawing starts, however slowly frames come. */
export const COMPLETE_WITHIN = 3000;

/** @typedef {{first: number, longest: number, frames: number, done: number, drawn: number, keys: {term: string, time: number, complete: number, shown: number}[], viewport: string, agent: string}} Figures */

/** Figures posted by pages, by key; a page's promise waits here. @type {Map<string, (figures: Figures | {error: string}) => void>} */
const waiting = new Map();

/**
 * The benchmark server's route for the pages' figures: POST /bench-figures/<key>.
 * Answers whether it handled the request.
 * @param {import('node:http').IncomingMessage} req @param {import('node:http').ServerResponse} res
 */
export function receiveFigures(req, res) {
  const key = /^\/bench-figures\/([\w-]+)$/.exec(req.url ?? '')?.[1];
  if (req.method !== 'POST' || !key) return false;
  let body = '';
  req.setEncoding('utf8');
  req.on('data', (/** @type {string} */ chunk) => (body += chunk));
  req.on('end', () => {
    res.writeHead(204).end();
    /** @type {Figures | {error: string}} */
    let figures;
    try {
      figures = JSON.parse(body);
    } catch {
      figures = {error: `its figures are not JSON: ${body.slice(0, 80)}`};
    }
    waiting.get(key)?.(figures);
  });
  return true;
}

/**
 * Runs in the page, in every engine: draws 1,000 partners from index.json
 * (the directory, or the plain-DOM baseline), stamping every animation frame
 * meanwhile, then types search terms, and posts what it saw.
 * @param {{kind: string, base: string, baselineUrl: string, key: string}} options
 */
async function measure({kind, base, baselineUrl, key}) {
  const post = (/** @type {unknown} */ figures) =>
    fetch(`/bench-figures/${key}`, {method: 'POST', body: JSON.stringify(figures)}).catch(() => undefined);
  addEventListener('error', (event) => void post({error: event.message}));
  addEventListener('unhandledrejection', (event) => void post({error: String(event.reason)}));
  await customElements.whenDefined('partner-directory');
  const {renderBaseline, fold} = await import(baselineUrl);
  const stage = /** @type {HTMLElement} */ (document.getElementById('stage'));
  /** @type {number[]} */
  const stamps = [];
  let first = 0;
  let drawn = 0;
  let watching = true;
  /** @returns {ShadowRoot | Document} */
  const rootOf = () => stage.firstElementChild?.shadowRoot ?? document;
  const frame = () => {
    stamps.push(performance.now());
    if (!first && rootOf().querySelector('li')) first = performance.now();
    if (watching) requestAnimationFrame(frame);
  };
  await new Promise(requestAnimationFrame);
  requestAnimationFrame(frame);
  const start = performance.now();
  /** @type {any} */
  let dir;
  if (kind === 'directory') {
    dir = document.createElement('partner-directory');
    dir.setAttribute('base', base);
    dir.setAttribute('href', '/p/{id}/');
    const loaded = new Promise((resolve) => dir.addEventListener('partner-directory-load', resolve, {once: true}));
    stage.append(dir);
    // The drawing starts with its first item: the list's bound (COMPLETE_WITHIN) counts from there.
    new MutationObserver((_, observer) => {
      if (dir.shadowRoot.querySelector('li')) {
        drawn = performance.now();
        observer.disconnect();
      }
    }).observe(dir.shadowRoot, {childList: true, subtree: true});
    await loaded;
  } else {
    await renderBaseline(stage, base, true);
  }
  document.body.getBoundingClientRect();
  const done = performance.now();
  await new Promise((r) => setTimeout(r, 300));
  watching = false;
  const index = /** @type {PerformanceResourceTiming[]} */ (performance.getEntriesByType('resource')).find((e) =>
    e.name.endsWith('index.json'),
  );
  const arrived = index?.responseEnd ?? start;
  const gaps = stamps.slice(1).map((t, i) => t - stamps[i]);

  // Keystrokes: each one's frame (input, update, style and layout, forced
  // at once), and until the list is complete. The baseline filters as plain
  // code would: `hidden` on each item whose text does not hold the term,
  // folded by the directory's own `fold` (the baseline module passes it on),
  // so both hide and show the same cards: unfolded, "sonderborg" and "malmo"
  // found none of the "Sønderborg" and "Malmö" partners, and the baseline had
  // less to do. Shown counts the cards that can be seen (`checkVisibility`),
  // whatever hides them.
  const root = rootOf();
  const items = /** @type {HTMLElement[]} */ ([...root.querySelectorAll('li')]);
  const hay = items.map((item) => fold(item.textContent));
  const input = /** @type {HTMLInputElement | null} */ (root.querySelector('input'));
  const keys = [];
  const terms = ['sonderborg', 'malmo', 'synthetic', 'xyz', ''];
  for (let i = 0; i < terms.length * 4; i++) {
    const term = terms[i % terms.length];
    const begin = performance.now();
    if (dir && input) {
      input.value = term;
      input.dispatchEvent(new Event('input'));
      dir.performUpdate();
    } else {
      items.forEach((item, n) => (item.hidden = !hay[n].includes(term)));
    }
    document.body.getBoundingClientRect();
    const time = performance.now() - begin;
    await dir?.updateComplete;
    document.body.getBoundingClientRect();
    const complete = performance.now() - begin;
    // The first round warms up.
    if (i >= terms.length) keys.push({term, time, complete, shown: items.filter((item) => item.checkVisibility()).length});
    await new Promise((r) => setTimeout(r, 20));
  }
  await post({
    first: first - arrived,
    longest: Math.max(...gaps),
    frames: gaps.length,
    done: done - start,
    // No first item seen: NaN, which no bound holds.
    drawn: drawn ? done - drawn : NaN,
    keys,
    viewport: `${innerWidth}×${innerHeight}`,
    agent: navigator.userAgent,
  });
}

/** The page each run opens: `measure` with its options. */
export function enginePage(/** @type {string} */ moduleUrl) {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><script type="module" src="${moduleUrl}"></script>
<script type="module">
  const options = Object.fromEntries(new URLSearchParams(location.search));
  (${measure.toString()})(options);
</script></head><body><main id="stage"></main></body></html>\n`;
}

/**
 * Measures each engine in turn (never two at once: they would share the two
 * cores), the directory and the baseline alternated, each run a fresh page.
 * @param {{origin: string, page: string, base: string, baselineUrl: string, runs: number, limit: number,
 *   step: <T>(name: string, limit: number, work: () => Promise<T>) => Promise<T>,
 *   row: (what: string, value: string, goal?: string, note?: string) => void, logos?: boolean, only?: string,
 *   launch?: typeof browsers, commandLimit?: number}} options
 * Without `logos`, the benchmark's server leaves the logos out of the index (`leavesLogosOut`);
 * `only` names the one engine to measure. A step that fails says what it was
 * doing (opening a page, waiting for its figures, closing it) and how long
 * each page before took; opening or closing a page may take `commandLimit` ms.
 * `launch` starts the engines (the test runner's launchers).
 */
export async function engineRows({
  origin,
  page,
  base,
  baselineUrl,
  runs,
  limit,
  step,
  row,
  logos = true,
  only,
  launch = browsers,
  commandLimit = COMMAND_LIMIT,
}) {
  const names = requestedEngines().filter((name) => !only || name === only);
  const launchers = await launch(names);
  try {
    for (const [i, name] of names.entries()) {
      const launcher = launchers[i];
      await launcher.initialize(/** @type {any} */ ({concurrency: 1, coverage: false}), []);
      /** @type {Record<string, Figures[]>} */
      const figures = {directory: [], styled: []};
      // What the step was doing and how long each page took: a step that runs out of time says whether a
      // WebDriver command hung or the engine was slow throughout.
      let doing = 'starting';
      /** @type {number[]} */
      const pageTimes = [];
      const pages = (runs + 1) * 2;
      const stepName = `the directory and plain DOM in ${name}${logos ? '' : ', logos left out'}`;
      try {
        await step(stepName, limit, async () => {
          for (let run = 0; run < runs + 1; run++) {
            for (const kind of run % 2 ? ['styled', 'directory'] : ['directory', 'styled']) {
              const began = performance.now();
              const which = `page ${pageTimes.length + 1} of ${pages} (${kind}, run ${run + 1})`;
              const key = `${name}-${kind}-${run}${logos ? '' : NO_LOGOS}`;
              /** @type {ReturnType<typeof setTimeout> | undefined} */
              let timer;
              const posted = new Promise((resolve, reject) => {
                timer = setTimeout(() => {
                  reject(new Error(`no figures from ${name} within ${limit / 4000} s (${kind}, run ${run + 1})`));
                }, limit / 4);
                waiting.set(key, (result) => {
                  if ('error' in result) reject(new Error(`${name}, ${kind}: ${result.error}`));
                  else resolve(result);
                });
              });
              // When the page cannot be opened, nothing awaits this promise; its rejection is not an unhandled one
              // (the `await posted` below still throws it).
              posted.catch(() => undefined);
              const query = new URLSearchParams({kind, base: base.replace(/^\//, `/alias/${key}/`), baselineUrl, key});
              /** @type {Figures} */
              let result;
              try {
                doing = `opening ${which}`;
                await within(commandLimit, launcher.startSession(key, `${origin}${page}?${query}`));
                doing = `waiting for ${which}'s figures`;
                result = /** @type {Figures} */ (await posted);
              } finally {
                // Also when the session could not start: no timer left to keep the run alive, or to reject later.
                clearTimeout(timer);
                waiting.delete(key);
              }
              doing = `closing ${which}`;
              await within(commandLimit, launcher.stopSession(key));
              pageTimes.push(performance.now() - began);
              // The first run of each warms the engine up.
              if (run) figures[kind].push(result);
            }
          }
        });
      } catch (error) {
        const times = pageTimes.map((t) => `${(t / 1000).toFixed(0)} s`).join(', ') || 'none';
        throw new StepFailed(`${/** @type {Error} */ (error).message}; it was ${doing} (pages done: ${times})`);
      }
      report(name, figures, runs, row, logos);
    }
  } finally {
    await Promise.all(launchers.map((launcher) => launcher.stop()));
    stopBrowsers();
  }
}

/**
 * The rows of one engine.
 * @param {string} name @param {Record<string, Figures[]>} figures @param {number} runs
 * @param {(what: string, value: string, goal?: string, note?: string) => void} row @param {boolean} logos
 */
function report(name, {directory, styled}, runs, row, logos) {
  const at = (/** @type {Figures[]} */ list, /** @type {(f: Figures) => number} */ pick) => median(list.map(pick));
  const [d, s] = [directory, styled];
  const engine = `${name} (${d[0].viewport})`;
  const longest = at(d, (f) => f.longest);
  row(
    `${engine}, 1,000 partners ${logos ? 'with logos' : 'without logos (left out of index.json)'}: first screen of cards after the index arrives, directory / plain DOM (median of ${runs})`,
    `${ms(at(d, (f) => f.first))} / ${ms(at(s, (f) => f.first))}`,
    '≤ 100 ms',
    at(d, (f) => f.first) <= 100 ? 'met' : 'missed',
  );
  row(
    `… longest frame while drawing, directory / plain DOM`,
    `${ms(longest)} / ${ms(at(s, (f) => f.longest))}`,
    name === 'chromium' ? '≤ 50 ms' : 'reported',
    name === 'chromium' ? (longest <= 50 ? 'met' : 'missed') : '',
  );
  const slowest = Math.max(...d.map((f) => f.drawn));
  row(
    `… the whole list there after the directory is added, directory / plain DOM; from its first item drawn, slowest of ${runs}`,
    `${ms(at(d, (f) => f.done))} / ${ms(at(s, (f) => f.done))}; ${ms(slowest)}`,
    `complete ≤ ${COMPLETE_WITHIN / 1000} s after its first item`,
    slowest <= COMPLETE_WITHIN ? 'held' : 'broken',
  );
  const keys = (/** @type {Figures[]} */ list, /** @type {(k: Figures['keys'][number]) => boolean} */ which) =>
    median(list.flatMap((f) => f.keys.filter(which).map((k) => k.time)));
  const narrowing = (/** @type {Figures['keys'][number]} */ k) => k.shown < 1000;
  const all = (/** @type {Figures['keys'][number]} */ k) => k.shown === 1000;
  const [dn, sn, da, sa] = [keys(d, narrowing), keys(s, narrowing), keys(d, all), keys(s, all)];
  row(
    `… a keystroke's frame, narrowing / showing all 1,000 again: directory; plain DOM (median)`,
    `${ms(dn)} / ${ms(da)}; ${ms(sn)} / ${ms(sa)}`,
    '≤ 16.7 / ≤ 50 ms',
    name === 'chromium' ? (dn <= 16.7 && da <= 50 ? 'met' : 'missed') : '',
  );
  const every = d.flatMap((f) => f.keys.map((k) => k.time)).sort((a, b) => a - b);
  const [middle, p95] = [median(every), every[Math.floor(every.length * 0.95)]];
  row(
    `… a keystroke's frame, the directory, all ${every.length} keystrokes: median / 95th percentile`,
    `${ms(middle)} / ${ms(p95)}`,
    '≤ 16.7 / ≤ 33 ms',
    name === 'chromium' ? (middle <= 16.7 && p95 <= 33 ? 'met' : 'missed') : '',
  );
  // Past the keystroke's frame, the rest is shown or hidden a frame at a time: until the list is complete.
  const until = (/** @type {(k: Figures['keys'][number]) => boolean} */ which) =>
    d.flatMap((f) => f.keys.filter(which).map((k) => k.complete));
  const [narrowed, shownAll] = [until(narrowing), until(all)];
  const latest = Math.max(...narrowed, ...shownAll);
  row(
    `… until the list is complete after a keystroke, narrowing / showing all 1,000 again: medians; slowest`,
    `${ms(median(narrowed))} / ${ms(median(shownAll))}; ${ms(Math.max(...narrowed))} / ${ms(Math.max(...shownAll))}`,
    `≤ ${COMPLETE_WITHIN / 1000} s`,
    latest <= COMPLETE_WITHIN ? 'held' : 'broken',
  );
}
