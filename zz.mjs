import {startDevServer} from '@web/dev-server';
import {chromium} from 'playwright-core';
const server = await startDevServer({config: {rootDir: process.cwd(), port: 8935, hostname: '127.0.0.1'}, readCliArgs: false, readFileConfig: false, logStartMessage: false});
const browser = await chromium.launch({executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage']});
browser.on('disconnected', () => console.log('browser went away'));
const page = await browser.newPage({viewport: {width: 1280, height: 900}});
page.on('crash', () => console.log('CRASH'));
page.on('console', (m) => { if (!/translation|Lit is/.test(m.text())) console.log('console:', m.text().slice(0, 150)); });
await page.goto('http://127.0.0.1:8935/node_modules/.cache/partner-bench/bench.html');
await page.waitForFunction(() => customElements.get('partner-directory'));
for (const n of [100, 1000]) {
  const r = await page.evaluate(async (base) => {
    const stage = document.getElementById('stage'); stage.replaceChildren();
    const dir = document.createElement('partner-directory'); dir.setAttribute('base', base);
    const loaded = new Promise((r) => dir.addEventListener('partner-directory-load', r, {once: true}));
    stage.append(dir); await loaded; await dir.updateComplete;
    const input = dir.shadowRoot.querySelector('input');
    const out = [];
    for (const term of ['sonderborg', 'malmo', '']) {
      input.value = term; const s = performance.now(); input.dispatchEvent(new Event('input')); await dir.updateComplete; document.body.offsetHeight; out.push(term + ':' + (performance.now() - s).toFixed(1));
      await new Promise(r => setTimeout(r, 50));
    }
    return out.join(' ');
  }, `/node_modules/.cache/partner-bench/p${n}/`).catch(e => 'ERR ' + e.message.slice(0, 80));
  console.log(n, r);
}
await browser.close().catch(()=>{}); await server.stop();
