// npm run bench — builds the module and measures it in headless Chromium, and the
// directory in Firefox and WebKitGTK too (bench-engines.mjs).
// Prints a table and writes it to tools/dev/bench-results.md (linked from the
// README). Figures, not pass/fail: the goals are printed beside them.
import {execFileSync} from 'node:child_process';
import {mkdirSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {createServer as createHttpServer} from 'node:http';
import {extname, normalize} from 'node:path';
import {gzipSync} from 'node:zlib';
import {build} from 'vite';
import {chromium} from 'playwright-core';
import {programOf} from '../../node/browsers.mjs';
import {benchPrerender} from './bench-prerender.mjs';
import {closeWithin, StepFailed, watchBrowser} from './bench-steps.mjs';
import {median, ms} from './bench-figures.mjs';
import {profilePreload} from '../../shared/profile-preload.mjs';
import {floorCardModule} from './bench-floor-card.mjs';
import {CEILINGS, kb, sizesOf} from '../build/vite/size-budget.mjs';
import {enginePage, engineRows, leavesLogosOut, receiveFigures, withoutLogos} from './bench-engines.mjs';

/** A step's time limit: generous for a busy machine, and a hang still ends the run well within its 10 minutes. */
const STEP_LIMIT = 4 * 60 * 1000;

// 7: a whole run, with the directory in all three engines, within 10 minutes on a 2-core
// machine (15 took 10 min 50 s on 2026-12-03 in Chromium alone, 9 took 9 min 51 s).
const RUNS = Number(process.env.BENCH_RUNS ?? 7);
const WARMUP = 3;
/** Runs per engine of the directory's rows in every engine (each engine's first run, one more, warms it up). */
const ENGINE_RUNS = Number(process.env.BENCH_ENGINE_RUNS ?? 3);
/** Loads of each page for the "card name painted" rows, after a warm-up round (seven pages in turn: about 70 s). */
const PAINT_RUNS = Number(process.env.BENCH_PAINT_RUNS ?? 12);
/** The pages of the "card name painted" rows, written into demo/ for the run (and removed, whatever happens). */
const PAINT_PAGES = ['script-only', 'preloaded', 'prerendered', 'plain', 'floor', 'floor-intl', 'iframe'];
/** What those pages need besides: the iframe page's document. */
const PAINT_FILES = [...PAINT_PAGES, 'iframe-document'];
const root = new URL('../..', import.meta.url).pathname;
const work = `${root}node_modules/.cache/partner-bench/`;
const rel = (/** @type {string} */ path) => `/${path.slice(root.length)}`;
/** @type {string[][]} */
const rows = [];
/** A measured row, printed as it comes: a long run shows how far it got. */
const row = (/** @type {string} */ what, /** @type {string} */ value, goal = '', note = '') => {
  rows.push([what, value, goal, note]);
  console.log([what, value, goal, note].filter(Boolean).join(' | '));
};

// --- Build and sizes ----------------------------------------------------------
rmSync(work, {recursive: true, force: true});
mkdirSync(work, {recursive: true});
execFileSync('npm', ['run', 'build'], {cwd: root, stdio: ['ignore', 'ignore', 'inherit'], timeout: STEP_LIMIT});
const sizes = (/** @type {string} */ file) => sizesOf(readFileSync(file));
writeFileSync(
  `${work}bare-lit.ts`,
  `import {LitElement, html, css} from 'lit';
class BareElement extends LitElement {
  static override styles = css\`:host { display: block; }\`;
  static override properties = {name: {}};
  declare name: string;
  override render() { return html\`<p>Hello \${this.name}</p>\`; }
}
customElements.define('bare-element', BareElement);\n`,
);
await build({
  root,
  logLevel: 'silent',
  build: {outDir: `${work}bare`, emptyOutDir: true, lib: {entry: `${work}bare-lit.ts`, formats: ['es'], fileName: () => 'bare.js'}},
});
// The directory's search folding, for the baseline's own filter (bench-engines.mjs).
await build({
  root,
  logLevel: 'silent',
  build: {
    outDir: `${work}search`,
    emptyOutDir: true,
    lib: {entry: `${root}src/directory-search.ts`, formats: ['es'], fileName: () => 'search.js'},
  },
});
const module = sizes(`${root}dist/partner-card.js`);
const directoryModule = sizes(`${root}dist/partner-directory.js`);
const bare = sizes(`${work}bare/bare.js`);
row(
  "card's module (partner-card.js, what partners' pages load) size: min / gzip / brotli",
  `${kb(module.min)} / ${kb(module.gzip)} / ${kb(module.brotli)}`,
  `ceiling ${kb(CEILINGS.card)} gzip; goal 12 KB`,
  module.gzip <= 12 * 1024 ? 'goal met' : 'goal missed',
);
row(
  "directory's module (partner-directory.js, card included) size: min / gzip / brotli",
  `${kb(directoryModule.min)} / ${kb(directoryModule.gzip)} / ${kb(directoryModule.brotli)}`,
  `ceiling ${kb(CEILINGS.directory)} gzip`,
);
row('bare Lit element, same build: min / gzip / brotli', `${kb(bare.min)} / ${kb(bare.gzip)} / ${kb(bare.brotli)}`);
row("card's module ÷ bare Lit (gzip)", `${(module.gzip / bare.gzip).toFixed(2)}×`);

// --- Synthetic partners ---------------------------------------------------------
for (const n of [100, 1000]) {
  execFileSync('node', ['tools/dev/generate-partners.mjs', '--count', String(n), '--out', `${work}p${n}`], {cwd: root, stdio: 'ignore'});
}

// --- Pages ----------------------------------------------------------------------
// The plain-DOM baseline: the same data and the same markup as the
// directory's cards, written by hand as one string. Rendered twice: bare into
// the page (as the goal is defined), and into a shadow root with the
// directory's own stylesheets, so the styling costs the same on both sides.
writeFileSync(
  `${work}baseline.js`,
  `export {fold} from './search/search.js';
const esc = (s) => String(s).replace(/[&<>"]/g, (c) => ({'&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;'})[c]);
const text = (t) => (typeof t === 'string' ? t : t.en);
export async function renderBaseline(container, base, styled) {
  // The country names from the index, as the directory takes them: no Intl object (tens of ms the first).
  const {partners, countries} = await (await fetch(base + 'index.json')).json();
  const names = new Map(countries.en);
  const region = {of: (code) => names.get(code)};
  const folder = new URL(base, location.href);
  const html = '<ul class="list" part="list">' + partners.map((p) =>
    '<li part="item"><article class="card compact" part="card" lang="en">' +
    (p.logo ? '<img class="logo" part="logo" src="' + esc(new URL(p.logo.src, folder)) + '" alt="" width="' + p.logo.width + '" height="' + p.logo.height + '" loading="lazy">' : '') +
    '<div class="body"><div class="name" role="heading" aria-level="2" part="name"><a class="stretched" part="link" href="/p/' + esc(p.id) + '/">' + esc(text(p.name)) + '</a></div>' +
    '<p class="meta"><span part="country">' + esc(region.of(p.country)) + '</span></p><p class="summary" part="summary">' + esc(text(p.summary)) + '</p></div></article></li>').join('') + '</ul>';
  if (!styled) {
    container.innerHTML = html;
    return;
  }
  const host = container.appendChild(document.createElement('div'));
  const root = host.attachShadow({mode: 'open'});
  root.adoptedStyleSheets = customElements.get('partner-directory').elementStyles.map((s) => s.styleSheet);
  root.innerHTML = html;
}\n`,
);
writeFileSync(
  `${work}bench.html`,
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><script type="module" src="/dist/partner-directory.js"></script>
<script>
  // Every measurement shows the directory this way: resolves with it once its list is drawn.
  window.showDirectory = (base, href) => {
    const dir = document.createElement('partner-directory');
    dir.setAttribute('base', base);
    if (href) dir.setAttribute('href', href);
    const loaded = new Promise((resolve) => dir.addEventListener('partner-directory-load', () => resolve(dir), {once: true}));
    document.getElementById('stage').append(dir);
    return loaded;
  };
</script></head><body><main id="stage"></main></body></html>\n`,
);

writeFileSync(`${work}engines.html`, enginePage('/dist/partner-directory.js'));

// A plain static server: no file watching or transforms to skew (or stall)
// the runs. /alias/<key>/<path> serves <path>, so each run has a fresh URL;
// /slow150/<path> answers 150 ms late, as a distant project site would.
const TYPES = {'.html': 'text/html', '.js': 'text/javascript', '.json': 'application/json', '.svg': 'image/svg+xml', '.css': 'text/css'};
/** @param {import('node:http').IncomingMessage} req @param {import('node:http').ServerResponse} res */
async function serve(req, res) {
  if (receiveFigures(req, res)) return;
  let path = normalize(decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname).replace(/^\/alias\/[^/]+/, ''));
  if (path.startsWith('/slow150/')) {
    path = path.slice('/slow150'.length);
    await new Promise((r) => setTimeout(r, 150));
  }
  try {
    const file = readFileSync(`${root}${path.slice(1)}`);
    const body = leavesLogosOut(req.url ?? '') ? withoutLogos(file.toString()) : file;
    res.writeHead(200, {
      'content-type': /** @type {Partial<Record<string, string>>} */ (TYPES)[extname(path)] ?? 'application/octet-stream',
      'cache-control': 'no-cache',
    });
    res.end(body);
  } catch {
    res.writeHead(404).end();
  }
}
const server = createHttpServer((req, res) => void serve(req, res));
await new Promise((resolve) =>
  server.listen(0, '127.0.0.1', () => {
    resolve(undefined);
  }),
);
const {port} = /** @type {import('node:net').AddressInfo} */ (server.address());
const origin = `http://127.0.0.1:${port}`;
const browser = await chromium.launch({
  executablePath: programOf('chromium'),
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-dev-shm-usage',
    '--disable-background-networking',
    '--disable-component-update',
    '--enable-precise-memory-info',
    '--js-flags=--expose-gc',
  ],
});

const watch = watchBrowser(browser);
const {step} = watch;

try {
  const freshPage = async () => {
    const fresh = watch.page(await browser.newPage({viewport: {width: 1280, height: 900}}));
    fresh.on('pageerror', (e) => {
      console.error('page error:', e.message);
    });
    await fresh.goto(`${origin}${rel(work)}bench.html`);
    await fresh.waitForFunction(() => customElements.get('partner-directory'));
    // Loaded before timing, as the directory's module is: runs time rendering, not loading code.
    await fresh.evaluate((url) => import(url), `${rel(work)}baseline.js`);
    return fresh;
  };
  let page = await step('open the benchmark page', STEP_LIMIT, freshPage);

  for (const n of [100, 1000])
    await step(`render ${n} partners: directory and plain DOM`, STEP_LIMIT, async () => {
      /** @type {Record<string, number[]>} */
      const timings = {directory: [], baseline: [], styled: []};
      const kinds = Object.keys(timings);
      for (let run = 0; run < WARMUP + RUNS; run++) {
        // Each run starts with another kind, so none always runs first.
        for (const kind of [...kinds.slice(run % 3), ...kinds.slice(0, run % 3)]) {
          // A fresh page and URL for each measurement: nothing warmed by another
          // kind (Intl data, parsed stylesheets, compiled code), no heap left over.
          await page.close();
          page = await freshPage();
          const t = await page.evaluate(
            async ({kind, base, baselineUrl}) => {
              const stage = /** @type {HTMLElement} */ (document.getElementById('stage'));
              stage.replaceChildren();
              await new Promise(requestAnimationFrame);
              const start = performance.now();
              if (kind !== 'directory') {
                const {renderBaseline} = await import(baselineUrl);
                await renderBaseline(stage, base, kind === 'styled');
              } else {
                await showDirectory(base, '/p/{id}/');
              }
              document.body.getBoundingClientRect(); // style and layout included
              return performance.now() - start;
            },
            {kind, base: `/alias/run-${n}-${run}-${kind}${rel(work)}p${n}/`, baselineUrl: `${rel(work)}baseline.js`},
          );
          if (run >= WARMUP) timings[kind].push(t);
          if (process.env.BENCH_VERBOSE) console.error(`${n} partners, run ${run}, ${kind}: ${t.toFixed(1)} ms`);
        }
      }
      const d = median(timings.directory);
      const b = median(timings.baseline);
      const st = median(timings.styled);
      row(
        `render ${n} partners: directory / plain DOM (median of ${RUNS})`,
        `${ms(d)} / ${ms(b)}`,
        '≤ 1.5× baseline',
        `${(d / b).toFixed(2)}× ${d / b <= 1.5 ? 'met' : 'missed'}`,
      );
      row(
        `render ${n} partners: plain DOM with the directory's stylesheets (median of ${RUNS})`,
        ms(st),
        '',
        `directory ${(d / st).toFixed(2)}× this`,
      );
    });

  // Drawing 1,000 from index.json a frame at a time, and keystrokes right after, in every engine
  // (bench-engines.mjs: the page measures itself), each beside the styled plain DOM.
  const engines = {
    origin,
    page: `${rel(work)}engines.html`,
    base: `${rel(work)}p1000/`,
    baselineUrl: `${rel(work)}baseline.js`,
    runs: ENGINE_RUNS,
    limit: STEP_LIMIT,
    step,
    row,
  };
  await engineRows(engines);
  // Chromium again with the logos refused: the directory's own cost, and its keystrokes over a list without pictures.
  await engineRows({...engines, logos: false, only: 'chromium'});
  await page.close();
  page = await freshPage();
  await page.evaluate((base) => showDirectory(base).then(() => undefined), `${rel(work)}p1000/`);

  // Scrolling through all 1,000 cards, 300 px a frame (18,000 px/s, a hard
  // fling), measured as the time between frames; each frame styles, lays out
  // and paints the cards coming into view. The styled plain-DOM page scrolls
  // the same way on a fresh page, to tell the directory's cost from the cost
  // of the content (1,000 different SVG logos, drawn without a GPU here).
  const scrollFrames = (/** @type {import('playwright-core').Page} */ target) =>
    target.evaluate(async () => {
      const input = document.querySelector('partner-directory')?.shadowRoot?.querySelector('input');
      if (input) {
        input.value = '';
        input.dispatchEvent(new Event('input'));
      }
      await new Promise((r) => setTimeout(r, 300));
      scrollTo(0, 0);
      const gaps = [];
      let last = await new Promise(requestAnimationFrame);
      while (scrollY + innerHeight < document.documentElement.scrollHeight - 1) {
        scrollBy(0, 300);
        const now = await new Promise(requestAnimationFrame);
        gaps.push(now - last);
        last = now;
      }
      return gaps;
    });
  const frameRow = (/** @type {string} */ what, /** @type {number[]} */ gaps) => {
    const sorted = [...gaps].sort((a, b) => a - b);
    const p95 = sorted[Math.floor(sorted.length * 0.95)];
    row(
      `${what}: frame time median / 95th percentile (${gaps.length} frames)`,
      `${ms(median(gaps))} / ${ms(p95)}`,
      '≤ 16.7 ms',
      p95 <= 17.5 ? 'met' : median(gaps) <= 17.5 ? 'median met' : 'missed',
    );
  };
  frameRow(
    'scroll through 1,000 cards, 300 px a frame: directory',
    await step('scroll through 1,000 cards: directory', STEP_LIMIT, () => scrollFrames(page)),
  );
  const plain = await freshPage();
  await plain.evaluate(
    ({baselineUrl, base}) => import(baselineUrl).then(({renderBaseline}) => renderBaseline(document.getElementById('stage'), base, true)),
    {baselineUrl: `${rel(work)}baseline.js`, base: `${rel(work)}p1000/`},
  );
  frameRow(
    '… the same markup as plain DOM with the same stylesheets',
    await step('scroll through 1,000 cards: plain DOM', STEP_LIMIT, () => scrollFrames(plain)),
  );
  await plain.close();
  // A new directory with its logos hidden: what is left is the cards' own cost.
  const bare = await freshPage();
  await bare.evaluate(
    async (base) => {
      const dir = await showDirectory(base);
      const sheet = new CSSStyleSheet();
      sheet.replaceSync('.card img { display: none !important; }');
      const root = /** @type {ShadowRoot} */ (dir.shadowRoot);
      root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
    },
    `${rel(work)}p1000/`,
  );
  frameRow(
    '… the directory with its logos hidden',
    await step('scroll through 1,000 cards: logos hidden', STEP_LIMIT, () => scrollFrames(bare)),
  );
  await bare.close();

  // JS heap after rendering 1,000 cards (after garbage collection).
  const heap = await step('JS heap', STEP_LIMIT, () =>
    page.evaluate(async () => {
      globalThis.gc?.();
      await new Promise((r) => setTimeout(r, 200));
      return performance.memory.usedJSHeapSize;
    }),
  );
  const heapEmpty = await (async () => {
    const fresh = await browser.newPage();
    await fresh.goto(`${origin}${rel(work)}bench.html`);
    await fresh.waitForFunction(() => customElements.get('partner-directory'));
    const used = await fresh.evaluate(async () => {
      globalThis.gc?.();
      await new Promise((r) => setTimeout(r, 200));
      return performance.memory.usedJSHeapSize;
    });
    await fresh.close();
    return used;
  })();
  row(
    'JS heap with 1,000 cards rendered (page without cards)',
    `${(heap / 1048576).toFixed(1)} MB (${(heapEmpty / 1048576).toFixed(1)} MB)`,
    '',
    `${((heap - heapEmpty) / 1000 / 1024).toFixed(1)} KB per card`,
  );

  // Requests for a directory page of 100 partners.
  const counting = await browser.newPage({viewport: {width: 1280, height: 900}});
  /** @type {string[]} */
  const requests = [];
  counting.on('request', (r) => requests.push(r.url()));
  await counting.goto(`${origin}${rel(work)}bench.html`);
  await counting.waitForFunction(() => customElements.get('partner-directory'));
  await step('requests for a directory of 100', STEP_LIMIT, () =>
    counting.evaluate((base) => showDirectory(base).then(() => undefined), `${rel(work)}p100/`),
  );
  await counting.waitForLoadState('networkidle');
  const data = requests.filter((u) => u.endsWith('.json'));
  const images = requests.filter((u) => u.endsWith('.svg'));
  row(
    'requests, directory of 100: data / logos (those near the window, asked for by the directory) / all',
    `${data.length} / ${images.length} / ${requests.length}`,
    '1 data request',
    data.length === 1 ? 'met' : 'missed',
  );
  await counting.close();

  // Cumulative layout shift while demo pages load. The partner-site demo is
  // measured twice: as it is, and as a partner following the README would
  // serve it, with its card's height (measured once here) reserved in CSS.
  const layoutShift = async (/** @type {string} */ demo, /** @type {number} */ reserve = 0, folder = 'demo') => {
    const p = await browser.newPage({viewport: {width: 1280, height: 900}});
    await p.addInitScript(() => {
      window.__cls = 0;
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) if (!e.hadRecentInput) window.__cls += e.value ?? 0;
      }).observe({type: 'layout-shift', buffered: true});
    });
    if (reserve) {
      await p.route(`**/demo/${demo}`, async (route) => {
        const response = await route.fetch();
        const css = `<style>partner-card:not([variant='compact']) { display: block; min-height: ${reserve}px; }</style>`;
        await route.fulfill({response, body: (await response.text()).replace('</head>', `${css}</head>`)});
      });
    }
    await p.goto(`${origin}/${folder}/${demo}`);
    await p.waitForLoadState('networkidle');
    await p.waitForTimeout(1000);
    const result = await p.evaluate(() => ({
      cls: window.__cls,
      height: document.querySelector('partner-card')?.getBoundingClientRect().height ?? 0,
    }));
    await p.close();
    return result;
  };
  for (const demo of ['partners.html', 'partner-site.html', 'index.html']) {
    const {cls, height} = await step(`layout shift of demo/${demo}`, STEP_LIMIT, () => layoutShift(demo));
    row(`cumulative layout shift, demo/${demo}`, cls.toFixed(4), '0', cls === 0 ? 'met' : 'missed');
    if (demo !== 'partner-site.html') continue;
    const reserved = await step(`layout shift of demo/${demo}, height reserved`, STEP_LIMIT, () => layoutShift(demo, Math.ceil(height)));
    row(
      `… the same page with the card's height (${Math.ceil(height)} px) reserved in its CSS, as README shows`,
      reserved.cls.toFixed(4),
      '0',
      reserved.cls === 0 ? 'met' : 'missed',
    );
  }
  // The same pages prerendered by npm run build (demo/generated/), no height reserved.
  // demo/index.html shows error states on purpose (unknown ids): it cannot be prerendered.
  for (const demo of ['partner-site.html', 'partners.html']) {
    const {cls} = await step(`layout shift of demo/generated/${demo}`, STEP_LIMIT, () => layoutShift(demo, 0, 'demo/generated'));
    row(
      `cumulative layout shift, prerendered demo/generated/${demo} (no height reserved)`,
      cls.toFixed(4),
      '0',
      cls === 0 ? 'met' : 'missed',
    );
  }

  // --- Prerendered: first paint, take-over, bytes --------------------------------
  const {prerenderHTML} = await import(`${root}dist/prerender.js`);
  const sample = JSON.parse(readFileSync(`${root}demo/embed/partners/region-southern-denmark.json`, 'utf8'));
  // The partner's page, its module and profile 150 ms away (the project site).
  const partnerPage = readFileSync(`${root}demo/partner-site.html`, 'utf8')
    .replace('src="/dist/partner-card.js"', 'src="/slow150/dist/partner-card.js"')
    .replace('<partner-card partner=', '<partner-card base="/slow150/dist/partners/" partner=');
  const prerenderedPage = prerenderHTML(partnerPage, {profile: () => sample}).html;
  // Script-only as the embed builder now writes it: the profile preloaded beside the module.
  const preloadedPage = partnerPage.replace(
    '<script type="module"',
    `${profilePreload(`${origin}/slow150/dist/partners/region-southern-denmark.json`)}<script type="module"`,
  );
  // The plain static page: the card's markup and style in the page itself, no module.
  const template = /<template shadowrootmode="open"><style>([^]*?)<\/style>([^]*?)<\/template>/.exec(prerenderedPage);
  const plainPage = prerenderedPage
    .replace(/<script type="module"[^>]*><\/script>/, '')
    .replace('</head>', `<style>${template?.[1].replace(/:host/g, '.plain-host')}</style></head>`)
    .replace(/<partner-card[^>]*>[^]*?<\/partner-card>/, `<div class="plain-host">${template?.[2]}</div>`);
  // The floor under the preloaded page: the same page, its module replaced by the least a card can do.
  for (const intl of [false, true]) writeFileSync(`${work}floor-card${intl ? '-intl' : ''}.js`, floorCardModule({intl}));
  const floorPage = (/** @type {string} */ file) => preloadedPage.replace('/slow150/dist/partner-card.js', `/slow150${rel(work)}${file}`);
  // Another baseline for a script-only card, the older way to show another site's content: the same markup and
  // styles as the plain page, in an iframe whose document comes from the project site, as the card's module does.
  const iframeDocument = `<!doctype html><html lang="en"><head><meta charset="utf-8"><style>body{margin:0}${template?.[1].replace(/:host/g, '.plain-host')}</style></head><body><div class="plain-host">${template?.[2]}</div></body></html>`;
  const iframePage = partnerPage
    .replace(/<script type="module"[^>]*><\/script>/, '')
    .replace(
      /<partner-card[^>]*>[^]*?<\/partner-card>/,
      '<iframe src="/slow150/demo/.bench-iframe-document.html" title="Partner" style="display:block;width:100%;height:40rem;border:0"></iframe>',
    );
  for (const [name, html] of [
    ['script-only', partnerPage],
    ['preloaded', preloadedPage],
    ['prerendered', prerenderedPage],
    ['plain', plainPage],
    ['floor', floorPage('floor-card.js')],
    ['floor-intl', floorPage('floor-card-intl.js')],
    ['iframe', iframePage],
    ['iframe-document', iframeDocument],
  ]) {
    writeFileSync(`${root}demo/.bench-${name}.html`, html);
  }
  /**
   * Navigation to the start of the first frame that paints the card's name (the frame's callbacks run
   * before its style, layout and paint; the name has a box there), in a fresh page, and to the first
   * that paints the whole card (its country written: a card whose profile came before the page's first
   * Intl object writes its country and figures a frame after its name), the same event on every page;
   * for a page with the module, when its response ended and when it had run (DOMContentLoaded waits
   * for module scripts), the floor under a script-only card's paint; for every page, its first
   * contentful paint, which Chromium times when that frame is on the screen.
   *
   * Until 0.4.18 a page's figure was the later of the two, which compared a card's frame start with
   * the plain page's screen: the plain page's first frame reached the screen 87–122 ms after it
   * started (software compositing, 2 cores), so the card's rows read about half what they are.
   *
   * The page says when by a console message: waiting with `waitForFunction` after the load event ran
   * Playwright's own script in the page (20–30 ms on this machine) between a script-only card's module
   * and its profile's render, a cost the plain page, painted before its load event, never paid.
   */
  const namePainted = async (/** @type {string} */ name) => {
    const p = await browser.newPage({viewport: {width: 1280, height: 900}});
    await p.addInitScript(() => {
      // In the iframe page's document too: the page itself looks into it, on its own clock.
      if (window !== window.top) return;
      const part = (/** @type {string} */ name) => {
        const card = (document.querySelector('iframe')?.contentDocument ?? document).querySelector('partner-card, .plain-host');
        return (card?.shadowRoot ?? card)?.querySelector(`[part="${name}"]`);
      };
      const seen = () => (part('name')?.getBoundingClientRect().height ?? 0) > 0;
      // The floor's cards have no country part: whole once named. (A no-break space is not \S.)
      const whole = () => /\S/.test(part('country')?.textContent ?? 'x');
      const page = /** @type {Window & {__painted?: number, __whole?: number}} */ (window);
      const tick = () => {
        if (!seen()) return void requestAnimationFrame(tick);
        if (!page.__painted) {
          page.__painted = performance.now();
          console.info('bench: name painted');
        }
        if (!whole()) return void requestAnimationFrame(tick);
        page.__whole = performance.now();
        console.info('bench: card whole');
      };
      requestAnimationFrame(tick);
    });
    const said = p.waitForEvent('console', {predicate: (m) => m.text() === 'bench: name painted', timeout: 10000});
    const whole = p.waitForEvent('console', {predicate: (m) => m.text() === 'bench: card whole', timeout: 10000});
    // When the page cannot be opened, nothing awaits these promises: their rejections are not unhandled ones
    // (the `await`s below still throw them, when they are reached).
    said.catch(() => undefined);
    whole.catch(() => undefined);
    await p.goto(`${origin}/demo/.bench-${name}.html`, {waitUntil: 'commit'});
    await said;
    await whole;
    // The first contentful paint's entry comes once its frame is on the screen: waited for.
    const figures = await p.evaluate(async () => {
      const fcp = await new Promise((resolve) => {
        new PerformanceObserver((list, observer) => {
          const entry = list.getEntries().find((e) => e.name === 'first-contentful-paint');
          if (!entry) return;
          observer.disconnect();
          resolve(entry.startTime);
        }).observe({type: 'paint', buffered: true});
      });
      const entry = /** @type {PerformanceResourceTiming[]} */ (performance.getEntriesByType('resource')).find((e) =>
        e.name.endsWith('/partner-card.js'),
      );
      const navigation = /** @type {PerformanceNavigationTiming} */ (performance.getEntriesByType('navigation')[0]);
      return {
        painted: /** @type {any} */ (window).__painted,
        whole: /** @type {any} */ (window).__whole,
        fcp: /** @type {number} */ (fcp),
        module: entry?.responseEnd,
        domReady: navigation.domContentLoadedEventStart,
      };
    });
    await p.close();
    return figures;
  };
  // The pages alternated, each run starting with another: none always first, none measured
  // while the machine was in another state. Medians of PAINT_RUNS: these rows moved by 20% between runs
  // as medians of seven.
  const paintPages = PAINT_PAGES;
  /** @type {Record<string, {painted: number[], whole: number[], fcp: number[], onScreen: number[], arrived: number[], ran: number[]}>} */
  const paintFigures = Object.fromEntries(
    paintPages.map((name) => [name, {painted: [], whole: [], fcp: [], onScreen: [], arrived: [], ran: []}]),
  );
  await step(`card name painted: the ${paintPages.length} pages, alternated`, STEP_LIMIT, async () => {
    for (let run = 0; run < 1 + PAINT_RUNS; run++) {
      const first = run % paintPages.length;
      for (const name of [...paintPages.slice(first), ...paintPages.slice(0, first)]) {
        const {painted, whole, fcp, module, domReady} = await namePainted(name);
        // The first round warms up.
        if (run === 0) continue;
        paintFigures[name].painted.push(painted);
        paintFigures[name].whole.push(whole);
        paintFigures[name].fcp.push(fcp);
        // Each load's own lag: a difference of two medians is no load's.
        paintFigures[name].onScreen.push(fcp - painted);
        if (module !== undefined) {
          paintFigures[name].arrived.push(module);
          paintFigures[name].ran.push(domReady);
        }
      }
    }
  });
  const [scriptOnly, preloaded, prerendered, plainStatic, floor, floorIntl, iframe] = paintPages.map((name) => {
    const {painted, whole, fcp, onScreen, arrived, ran} = paintFigures[name];
    return {
      painted: median(painted),
      whole: median(whole),
      fcp: median(fcp),
      onScreen: median(onScreen),
      arrived: median(arrived),
      ran: median(ran),
    };
  });
  const [scriptOnlyPaint, preloadedPaint, prerenderedPaint, plainPaint] = [scriptOnly, preloaded, prerendered, plainStatic].map(
    (t) => t.painted,
  );
  row(
    `the frame that paints the card's name starts, after navigation, 150 ms per project-site response: prerendered / script-only / plain static HTML (median of ${PAINT_RUNS}, alternated)`,
    `${ms(prerenderedPaint)} / ${ms(scriptOnlyPaint)} / ${ms(plainPaint)}`,
    'prerendered ≤ 1.05× plain',
    `${(prerenderedPaint / plainPaint).toFixed(2)}× plain, ${(scriptOnlyPaint / plainPaint).toFixed(1)}× for script-only; ${prerenderedPaint / plainPaint <= 1.05 ? 'met' : 'missed'}`,
  );
  // What the rows of 0.4.18 and before divided by (see namePainted).
  row(
    `… the plain static page's first contentful paint: that frame on the screen (Chromium's timing; median of ${PAINT_RUNS})`,
    ms(plainStatic.fcp),
    '',
    `${ms(plainStatic.onScreen)} after its frame started (median of each load's)`,
  );
  row(
    `… script-only with the profile preloaded, as the embed builder writes it (median of ${PAINT_RUNS})`,
    ms(preloadedPaint),
    '≤ 1.3× plain',
    `${(preloadedPaint / plainPaint).toFixed(2)}× plain ${preloadedPaint / plainPaint <= 1.3 ? 'met' : 'missed'}`,
  );
  // Its profile there before the page's first Intl object, the card writes its country and figures a frame later.
  row(
    `… the same page: the whole card there, its country and key figures written, script-only / preloaded (median of ${PAINT_RUNS})`,
    `${ms(scriptOnly.whole)} / ${ms(preloaded.whole)}`,
    '',
    `${(scriptOnly.whole / plainPaint).toFixed(2)}× / ${(preloaded.whole / plainPaint).toFixed(2)}× plain`,
  );
  // The floor: the module is a second response after the page's, and must run before any card is drawn.
  row(
    `… the same page: the module's response ended / the module had run (DOMContentLoaded) (median of ${PAINT_RUNS})`,
    `${ms(preloaded.arrived)} / ${ms(preloaded.ran)}`,
    '',
    `${(preloaded.arrived / plainPaint).toFixed(2)}× / ${(preloaded.ran / plainPaint).toFixed(2)}× plain's frame`,
  );
  row(
    `… the same page with the least a card can do instead of the card's module (tools/dev/bench-floor-card.mjs): name and summary / and the country's name and one key figure through Intl (median of ${PAINT_RUNS})`,
    `${ms(floor.painted)} / ${ms(floorIntl.painted)}`,
    '',
    `${(floor.painted / plainPaint).toFixed(2)}× / ${(floorIntl.painted / plainPaint).toFixed(2)}× plain`,
  );
  row(
    `… the same page with the card's markup and styles in an iframe from the project site, 150 ms away as the module is (median of ${PAINT_RUNS})`,
    ms(iframe.painted),
    '',
    `${(iframe.painted / plainPaint).toFixed(2)}× plain; the preloaded card ${(preloadedPaint / iframe.painted).toFixed(2)}× this`,
  );
  // A card whose profile came first writes its country and figures a frame later: what moves then.
  const shifts = [];
  for (const name of ['script-only', 'preloaded'])
    shifts.push((await step(`layout shift of the ${name} page`, STEP_LIMIT, () => layoutShift(`.bench-${name}.html`))).cls);
  row(
    'cumulative layout shift of the same pages, 150 ms per project-site response, no height reserved: script-only / preloaded',
    shifts.map((cls) => cls.toFixed(4)).join(' / '),
    '0',
    shifts.map((cls) => (cls === 0 ? 'met' : 'missed')).join(' / '),
  );
  for (const name of PAINT_FILES) rmSync(`${root}demo/.bench-${name}.html`);

  // Module start to a searchable directory of 1,000: taking the prerendered list
  // over vs drawing it from index.json. The module is added by the test, timed from there.
  const index1000 = JSON.parse(readFileSync(`${work}p1000/index.json`, 'utf8'));
  const listPage = (/** @type {string} */ body) =>
    `<!doctype html><html lang="en"><head><meta charset="utf-8"></head><body>${body}</body></html>`;
  const tag = `<partner-directory base="${rel(work)}p1000/" href="/p/{id}/"></partner-directory>`;
  writeFileSync(`${work}list-script.html`, listPage(tag));
  const prerenderedList = prerenderHTML(listPage(tag), {profile: () => undefined, index: () => index1000});
  writeFileSync(`${work}list-prerendered.html`, prerenderedList.html);
  const searchable = async (/** @type {string} */ file) => {
    const times = [];
    for (let i = 0; i < Math.min(RUNS, 9); i++) {
      const p = await browser.newPage({viewport: {width: 1280, height: 900}});
      await p.goto(`${origin}${rel(work)}${file}`);
      await p.waitForLoadState('networkidle');
      times.push(
        await p.evaluate(async () => {
          const dir = /** @type {any} */ (document.querySelector('partner-directory'));
          const loaded = new Promise((r) => dir.addEventListener('partner-directory-load', r, {once: true}));
          const module = '/dist/partner-directory.js';
          const start = performance.now();
          await import(module);
          await loaded;
          await dir.updateComplete;
          document.body.getBoundingClientRect();
          return performance.now() - start;
        }),
      );
      await p.close();
    }
    return median(times);
  };
  const [takenOver, drawn] = [
    await step('directory of 1,000 searchable: prerendered', STEP_LIMIT, () => searchable('list-prerendered.html')),
    await step('directory of 1,000 searchable: drawn', STEP_LIMIT, () => searchable('list-script.html')),
  ];
  row(
    'module start to the whole directory of 1,000, searchable: prerendered taken over / drawn from index.json, a frame at a time (median)',
    `${ms(takenOver)} / ${ms(drawn)}`,
    '≤ 0.5×',
    `${(takenOver / drawn).toFixed(2)}× ${takenOver / drawn <= 0.5 ? 'met' : 'missed'}`,
  );

  // What prerendering adds to a page.
  const bytes = (/** @type {string} */ text) => `${kb(Buffer.byteLength(text))} raw / ${kb(gzipSync(text, {level: 9}).length)} gzip`;
  const cardOnly = /<partner-card[^>]*>([^]*?)<\/partner-card>/.exec(prerenderedPage)?.[1] ?? '';
  row('prerendered HTML per full card (with its style and JSON-LD)', bytes(cardOnly));
  const listOnly = /<partner-directory[^>]*>([^]*?)<\/partner-directory>/.exec(prerenderedList.html)?.[1] ?? '';
  row('prerendered HTML for a directory of 1,000 partners', bytes(listOnly));
} catch (error) {
  if (!(error instanceof StepFailed)) throw error;
  console.error(`bench: ${error.message}. Nothing was written to tools/dev/bench-results.md.`);
  process.exitCode = 1;
} finally {
  watch.stop();
  if (!(await closeWithin(browser))) console.error('bench: the browser did not close within 15 s');
  server.close();
  server.closeAllConnections();
  for (const name of PAINT_FILES) rmSync(`${root}demo/.bench-${name}.html`, {force: true});
}

// --- Prerendering in Node: time against page size ------------------------------
// (Only after a browser part that finished: a failed step has said why, and the run ends with its exit code.)
if (!process.exitCode) {
  await benchPrerender(row);

  const version = execFileSync(programOf('chromium'), ['--version'], {encoding: 'utf8'}).trim();
  const firefox = execFileSync(programOf('firefox'), ['--version'], {encoding: 'utf8'}).trim();
  const webkit = execFileSync('dpkg-query', ['-W', '-f', '${Version}', 'libwebkit2gtk-4.1-0'], {encoding: 'utf8'}).trim();
  // The whole run, its build included (Node's clock starts with the process): the bench promises to finish in 10 minutes.
  const whole = Math.round(performance.now() / 1000);
  row(
    'the whole run, from its build to this table',
    `${Math.floor(whole / 60)} min ${whole % 60} s`,
    '≤ 10 min',
    whole <= 600 ? 'met' : 'missed',
  );
  const table = ['| measure | value | goal | |', '| --- | --- | --- | --- |', ...rows.map((r) => `| ${r.join(' | ')} |`)].join('\n');
  const text = `# Benchmark\n\nMeasured by \`npm run bench\` on ${new Date().toISOString().slice(0, 10)} in headless ${version}, on this project's 2-core machine; the rows named for an engine in it (through the test runner's launchers: ${firefox}, WebKitGTK ${webkit}'s MiniBrowser under Xvfb), medians of ${ENGINE_RUNS} runs after one warm-up run each. Other timings are medians of ${RUNS} runs after ${WARMUP} warm-up runs, each on a fresh page, directory and baselines alternated.\n\n${table}\n`;
  writeFileSync(new URL('bench-results.md', import.meta.url), text);
  console.log(`\n${table}\n\nwritten to tools/dev/bench-results.md`);
}
