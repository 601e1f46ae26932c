import {chromium} from 'playwright-core';
import {createServer} from 'node:http';
import {readFileSync} from 'node:fs';
import {extname, normalize} from 'node:path';
const root = new URL('..', import.meta.url).pathname;
const TYPES = {'.html': 'text/html', '.js': 'text/javascript', '.json': 'application/json', '.svg': 'image/svg+xml'};
const server = createServer((req, res) => {
  const path = normalize(decodeURIComponent(new URL(req.url, 'http://x').pathname).replace(/^\/alias\/[^/]+/, ''));
  try { const b = readFileSync(root + path.slice(1)); res.writeHead(200, {'content-type': TYPES[extname(path)] ?? 'x', 'cache-control': 'no-cache'}); res.end(b);} catch { res.writeHead(404).end(); }
});
await new Promise((r) => server.listen(0, '127.0.0.1', r));
const origin = `http://127.0.0.1:${server.address().port}`;
const browser = await chromium.launch({executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu']});
const N = process.argv[2] ?? '1000';
const all = [];
for (let run = 0; run < 15; run++) {
  const page = await browser.newPage({viewport: {width: 1280, height: 900}});
  await page.goto(`${origin}/node_modules/.cache/partner-bench/bench.html`);
  await page.waitForFunction(() => customElements.get('partner-directory'));
  const r = await page.evaluate(async ({N, run}) => {
    const stage = document.getElementById('stage');
    await new Promise(requestAnimationFrame);
    performance.clearMarks();
    const start = performance.now();
    const dir = document.createElement('partner-directory');
    dir.setAttribute('base', `/alias/r${run}/node_modules/.cache/partner-bench/p${N}/`);
    dir.setAttribute('href', '/p/{id}/');
    const loaded = new Promise((r) => dir.addEventListener('partner-directory-load', r, {once: true}));
    stage.append(dir);
    await loaded;
    const t0 = performance.now();
    document.body.offsetHeight;
    const end = performance.now();
    const m = Object.fromEntries(performance.getEntriesByType('mark').map((e) => [e.name, e.startTime - start]));
    return {...m, beforeLayout: t0 - start, total: end - start};
  }, {N, run});
  all.push(r);
  await page.close();
}
const med = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const keys = Object.keys(all[0]);
let prev = 0;
console.log(keys.map((k) => { const m = med(all.map((r) => r[k])); const out = `${k} ${m.toFixed(0)} (+${(m - prev).toFixed(0)})`; prev = m; return out; }).join(' | '));
await browser.close(); server.close();
