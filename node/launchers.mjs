// Launchers for @web/test-runner: Debian's Chromium and Firefox ESR through
// puppeteer-core (Firefox over WebDriver BiDi), and WebKitGTK's MiniBrowser
// through WebKitWebDriver, which needs a display: a private Xvfb.
//
// The reader's settings (dark mode, reduced motion, forced colours) cannot be
// emulated at run time in Firefox (puppeteer's media emulation needs CDP) or
// WebKit (WebDriver has none), so those engines are launched a second time
// with the setting in force: Firefox through its preferences, WebKitGTK
// through GTK's theme and settings. Chromium emulates them through CDP.
import {mkdirSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {spawn} from 'node:child_process';
import {createServer} from 'node:net';
import {chromeLauncher} from '@web/test-runner-chrome';
import {webdriverLauncher} from '@web/test-runner-webdriver';
import * as puppeteer from 'puppeteer-core';
import {miniBrowser, programOf, requestedEngines} from './browsers.mjs';
import {own} from './terminal-text.mjs';

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

/** @typedef {{colorScheme?: string, reducedMotion?: string, forcedColors?: string}} ReaderSettings */

/** @type {import('node:child_process').ChildProcess[]} */
const children = [];
/** Folders made for the programs (WebKitGTK's settings): removed with them, so runs leave nothing behind. */
/** @type {string[]} */
const folders = [];
const stopChildren = () => {
  children.forEach((child) => child.kill());
  for (const folder of folders.splice(0)) rmSync(folder, {recursive: true, force: true});
};
/** Ends the programs the launchers started (Xvfb, WebKitWebDriver): a script that used them ends with them. */
export const stopBrowsers = stopChildren;
process.on('exit', stopChildren);
for (const signal of /** @type {const} */ (['SIGINT', 'SIGTERM'])) {
  process.once(signal, () => {
    // Said out loud: a run that ends on a signal otherwise ends without a word.
    own.error(`\nThe run received ${signal}: stopping the browsers.`);
    stopChildren();
    // The signal again, now without this handler: the process ends as the signal says.
    process.kill(process.pid, signal);
  });
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const {port} = /** @type {import('node:net').AddressInfo} */ (server.address());
      server.close(() => {
        resolve(port);
      });
    });
    server.on('error', reject);
  });
}

/** @param {number} port */
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

/** A GTK configuration folder for WebKitGTK: animations off is what it reports as prefers-reduced-motion. */
/** @param {Record<string, string | number>} settings */
function gtkConfig(settings) {
  const home = join(tmpdir(), `partner-card-gtk-${process.pid}-${Object.keys(settings).join('-')}`);
  mkdirSync(join(home, 'gtk-3.0'), {recursive: true});
  folders.push(home);
  const lines = Object.entries(settings).map(([key, value]) => `${key}=${value}`);
  writeFileSync(join(home, 'gtk-3.0', 'settings.ini'), ['[Settings]', ...lines, ''].join('\n'));
  return home;
}

/**
 * A display of its own. Xvfb picks a free number and writes it once it takes
 * connections (-displayfd). A number picked here at random could be one the
 * machine already has (xvfb-run's :99) or the other WebKitGTK launch's: that
 * Xvfb then failed, and MiniBrowser opened its window on the other display,
 * among windows it does not own.
 */
function startXvfb(ms = 10_000) {
  return new Promise((resolve, reject) => {
    const xvfb = spawn('Xvfb', ['-displayfd', '3', '-screen', '0', '1280x1024x24', '-nolisten', 'tcp'], {
      stdio: ['ignore', 'ignore', 'ignore', 'pipe'],
    });
    children.push(xvfb);
    const fail = (/** @type {string} */ why) => {
      clearTimeout(timer);
      reject(new Error(`Xvfb ${why}: WebKitGTK needs it for a display`));
    };
    const timer = setTimeout(() => {
      fail(`had no display after ${ms / 1000} s`);
    }, ms);
    let said = '';
    xvfb.stdio[3]?.on('data', (/** @type {Buffer} */ chunk) => {
      said += chunk.toString();
      if (!said.includes('\n')) return;
      clearTimeout(timer);
      resolve(`:${said.trim()}`);
    });
    xvfb.on('error', (error) => {
      fail(`did not start (${error.message})`);
    });
    xvfb.on('exit', (code, signal) => {
      fail(`ended (${signal ?? `exit code ${code}`}) before it had a display`);
    });
  });
}

async function webkit(/** @type {ReaderSettings} */ settings = {}) {
  const display = await startXvfb();
  const port = await freePort();
  /** @type {NodeJS.ProcessEnv} */
  const env = {...process.env, DISPLAY: display};
  if (settings.colorScheme === 'dark') env.GTK_THEME = 'Adwaita:dark';
  if (settings.reducedMotion === 'reduce') env.XDG_CONFIG_HOME = gtkConfig({'gtk-enable-animations': 0});
  // MiniBrowser inherits the driver's environment.
  children.push(spawn(programOf('webkit'), [`--port=${port}`], {stdio: 'ignore', env}));
  await waitForPort(port);
  return webdriverLauncher({
    automationProtocol: 'webdriver',
    hostname: '127.0.0.1',
    port,
    path: '/',
    logLevel: 'error',
    // WebKitGTK's own capability, unknown to webdriverio's types.
    capabilities: /** @type {any} */ ({
      browserName: 'MiniBrowser',
      'wdio:enforceWebDriverClassic': true,
      'webkitgtk:browserOptions': {binary: miniBrowser(), args: ['--automation']},
    }),
  });
}

/** Firefox preferences for each reader setting (checked: each makes its media query match). */
/** @type {Partial<Record<string, Partial<Record<string, Record<string, number>>>>>} */
const FIREFOX_PREFS = {
  colorScheme: {dark: {'ui.systemUsesDarkTheme': 1}},
  reducedMotion: {reduce: {'ui.prefersReducedMotion': 1}},
  forcedColors: {active: {'browser.display.document_color_use': 2}},
};

const LAUNCHERS = {
  chromium: () => chromeLauncher({launchOptions: {executablePath: programOf('chromium'), headless: true, args: CHROMIUM_ARGS}}),
  firefox: (/** @type {ReaderSettings} */ settings = {}) =>
    chromeLauncher({
      puppeteer,
      launchOptions: {
        browser: 'firefox',
        executablePath: programOf('firefox'),
        headless: true,
        extraPrefsFirefox: Object.assign({}, ...Object.entries(settings).map(([key, value]) => FIREFOX_PREFS[key]?.[value])),
      },
    }),
  webkit,
};

/** A launcher for each engine asked for (BROWSERS), or for each of `names`. */
export async function browsers(names = requestedEngines()) {
  return Promise.all(names.map(async (name) => LAUNCHERS[name]()));
}

/**
 * The engines again for tests of a reader setting, e.g. `{colorScheme: 'dark',
 * reducedMotion: 'reduce'}`. Firefox and WebKit start with the setting in
 * force; Chromium emulates it when the test asks (see reader-settings-plugin).
 * `launcher.readerSettings` says what was set at launch; the name shows it in
 * the report. An engine that cannot have a setting at all (WebKitGTK has no
 * forced colours) starts plain, and its tests skip, visibly.
 */
/** @param {ReaderSettings} settings */
export async function browsersWith(settings) {
  return Promise.all(
    requestedEngines().map(async (name) => {
      const atLaunch = name === 'chromium' ? {} : name === 'webkit' ? pick(settings, ['colorScheme', 'reducedMotion']) : settings;
      const possible = name === 'chromium' ? settings : atLaunch;
      const label = Object.entries(settings)
        .map(([key, value]) => `${key} ${value}${key in possible ? '' : ': not available'}`)
        .join(', ');
      /** @type {import('@web/test-runner-core').BrowserLauncher & {readerSettings?: ReaderSettings}} */
      const launcher = await LAUNCHERS[name](atLaunch);
      launcher.readerSettings = atLaunch;
      // Chrome's launcher names itself at once, the WebDriver one when it starts.
      const rename = () => (launcher.name = `${launcher.name.replace(/ \(.*/, '')} (${label})`);
      rename();
      const initialize = launcher.initialize?.bind(launcher);
      launcher.initialize = async (config, testFiles) => {
        await initialize?.(config, testFiles);
        rename();
      };
      return launcher;
    }),
  );
}

/** @param {ReaderSettings} object @param {string[]} keys @returns {ReaderSettings} */
const pick = (object, keys) => Object.fromEntries(Object.entries(object).filter(([key]) => keys.includes(key)));
