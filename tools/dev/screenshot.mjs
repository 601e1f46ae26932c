// Screenshots of the demo pages in Debian's Chromium, for the README and for
// looking at what we build. Run `npm run build` first.
//   node tools/dev/screenshot.mjs [page.html …]   → demo/screenshots/<page>.png
//   node tools/dev/screenshot.mjs ../dist/embed.html?partner=…  → demo/screenshots/embed-builder-<scheme>.png
//   (pages are found from demo/; a query string and a #hash are kept; --light or --dark for one scheme only)
import {startDevServer} from '@web/dev-server';
import {chromium} from 'playwright-core';
import {mkdirSync} from 'node:fs';
import {createServer} from 'node:net';
import {programOf} from '../../node/browsers.mjs';
import {readArgs, runAsCommand} from '../../node/command-line.mjs';

const USAGE = 'Usage: node tools/dev/screenshot.mjs [--viewport] [--light | --dark] [<demo page>…]';

/** @param {string[]} args @returns {Promise<number>} exit code */
async function main(args) {
  const read = readArgs(
    {args, options: {viewport: {type: 'boolean'}, light: {type: 'boolean'}, dark: {type: 'boolean'}}, allowPositionals: true},
    USAGE,
  );
  if (!read) return 2;
  // --viewport: the first screen only (the README picture), else the whole page.
  const fullPage = !read.values.viewport;
  // --light / --dark: that scheme only (else both).
  const schemes = /** @type {const} */ (['light', 'dark']).filter((s) => !read.values[s === 'light' ? 'dark' : 'light']);
  const pages = read.positionals;
  if (!pages.length) pages.push('index.html', 'partner-site.html');
  const outDir = new URL('../../demo/screenshots/', import.meta.url);
  mkdirSync(outDir, {recursive: true});

  const port = await new Promise((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const {port} = /** @type {import('node:net').AddressInfo} */ (probe.address());
      probe.close(() => {
        resolve(port);
      });
    });
  });
  const server = await startDevServer({
    config: {rootDir: new URL('../..', import.meta.url).pathname, port, hostname: '127.0.0.1'},
    readCliArgs: false,
    readFileConfig: false,
    logStartMessage: false,
  });
  const browser = await chromium.launch({
    executablePath: programOf('chromium'),
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'],
  });
  try {
    for (const scheme of schemes) {
      const context = await browser.newContext({viewport: {width: 1280, height: 900}, colorScheme: scheme});
      const page = await context.newPage();
      for (const name of pages) {
        await page.goto(`http://127.0.0.1:${port}/demo/${name}`);
        // Wait for every card to finish (loaded or error), then for images.
        await page.waitForFunction(
          () => [...document.querySelectorAll('partner-card')].every((c) => !c.shadowRoot?.querySelector('[aria-busy="true"]')),
          null,
          {timeout: 15000},
        );
        await page.waitForLoadState('networkidle');
        // The embed builder: until its code carries the card.
        await page.waitForFunction(
          () =>
            !document.querySelector('#embed-code') ||
            /<template shadowrootmode[^]*<\/partner-card>/.test(
              /** @type {HTMLTextAreaElement} */ (document.querySelector('#embed-code')).value,
            ),
          null,
          {timeout: 15000},
        );
        const base = name
          .replace(/[?#].*$/, '')
          .split('/')
          .pop()
          ?.replace(/\.html$/, '');
        const file = new URL(`${base === 'embed' ? 'embed-builder' : base}-${scheme}.png`, outDir);
        await page.screenshot({path: file.pathname, fullPage});
        console.log(`wrote ${file.pathname.replace(process.cwd() + '/', '')}`);
      }
      await context.close();
    }
  } finally {
    await browser.close();
    await server.stop();
  }
  return 0;
}

await runAsCommand(import.meta, main);
