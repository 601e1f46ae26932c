// Launchers for @web/test-runner: Debian's Chromium and Firefox ESR through
// puppeteer-core (Firefox over WebDriver BiDi), and WebKitGTK's MiniBrowser
// through WebKitWebDriver, which needs a display: a private Xvfb.
import {spawn} from 'node:child_process';
import {createServer} from 'node:net';
import {chromeLauncher} from '@web/test-runner-chrome';
import {webdriverLauncher} from '@web/test-runner-webdriver';
import * as puppeteer from 'puppeteer-core';
import {ENGINES, miniBrowser, requestedEngines} from './browsers.mjs';

// As root (CI), Chromium refuses to start without --no-sandbox. The rest keep
// it from calling home: this machine has no network beyond the registries.
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
];

const children = [];
const stopChildren = () => children.forEach((child) => child.kill());
process.on('exit', stopChildren);
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    stopChildren();
    process.exit(1);
  });
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const {port} = server.address();
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

async function waitForPort(port, ms = 10_000) {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    try {
      await fetch(`http://127.0.0.1:${port}/status`);
      return;
    } catch {
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  throw new Error(`WebKitWebDriver did not start on port ${port}`);
}

async function webkit() {
  const display = `:${90 + Math.floor(Math.random() * 100)}`;
  children.push(spawn('Xvfb', [display, '-screen', '0', '1280x1024x24', '-nolisten', 'tcp'], {stdio: 'ignore'}));
  const port = await freePort();
  children.push(
    spawn(ENGINES.webkit.find(), [`--port=${port}`], {stdio: 'ignore', env: {...process.env, DISPLAY: display}}),
  );
  await waitForPort(port);
  return webdriverLauncher({
    automationProtocol: 'webdriver',
    hostname: '127.0.0.1',
    port,
    path: '/',
    logLevel: 'error',
    capabilities: {
      browserName: 'MiniBrowser',
      'wdio:enforceWebDriverClassic': true,
      'webkitgtk:browserOptions': {binary: miniBrowser(), args: ['--automation']},
    },
  });
}

const LAUNCHERS = {
  chromium: () =>
    chromeLauncher({launchOptions: {executablePath: ENGINES.chromium.find(), headless: true, args: CHROMIUM_ARGS}}),
  firefox: () =>
    chromeLauncher({
      puppeteer,
      launchOptions: {browser: 'firefox', executablePath: ENGINES.firefox.find(), headless: true},
    }),
  webkit,
};

export async function browsers() {
  return Promise.all(requestedEngines().map((name) => LAUNCHERS[name]()));
}
