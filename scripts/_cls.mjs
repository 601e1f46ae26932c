import {chromium} from 'playwright-core';
import {createServer} from 'node:http';
import {readFileSync} from 'node:fs';
import {extname, normalize} from 'node:path';
const root = new URL('..', import.meta.url).pathname;
const TYPES = {'.html': 'text/html', '.js': 'text/javascript', '.json': 'application/json', '.svg': 'image/svg+xml', '.css': 'text/css'};
const server = createServer((req, res) => {
  const path = normalize(decodeURIComponent(new URL(req.url, 'http://x').pathname));
  try { const b = readFileSync(root + path.slice(1)); res.writeHead(200, {'content-type': TYPES[extname(path)] ?? 'x', 'cache-control': 'no-cache'}); res.end(b);} catch { res.writeHead(404).end(); }
});
await new Promise((r) => server.listen(0, '127.0.0.1', r));
const origin = `http://127.0.0.1:${server.address().port}`;
const browser = await chromium.launch({executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu']});
for (const demo of process.argv.slice(2)) {
  const p = await browser.newPage({viewport: {width: 1280, height: 900}});
  await p.addInitScript(() => {
    window.__shifts = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) window.__shifts.push({t: Math.round(e.startTime), v: e.value.toFixed(4), src: e.sources.map((s) => `${s.node?.nodeName}${s.node?.id ? '#' + s.node.id : ''}.${s.node?.className ?? ''} ${JSON.stringify(s.previousRect)}→${JSON.stringify(s.currentRect)}`)});
    }).observe({type: 'layout-shift', buffered: true});
  });
  await p.goto(`${origin}/demo/${demo}`);
  await p.waitForLoadState('networkidle');
  await p.waitForTimeout(1000);
  console.log(demo, JSON.stringify(await p.evaluate(() => window.__shifts), null, 1));
  await p.close();
}
await browser.close(); server.close();
