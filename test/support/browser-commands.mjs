// Test-runner commands the standard ones lack, in every engine we test.
//
// `reader-settings` {colorScheme, reducedMotion, forcedColors}: puts the
// reader's settings in force. Chromium emulates them through the DevTools
// protocol (puppeteer's own emulateMediaFeatures refuses forced-colors);
// Firefox and WebKit were launched with them (node/launchers.mjs, browsersWith).
// Answers true when every setting asked for is in force, false when this
// engine cannot have one: the test then skips, and says why.
//
// `screenshot`: the viewport as a base64 PNG, so a test can check what a
// reader sees (a focus ring) by its pixels rather than by computed styles.
//
// `accessibility-tree`: Chromium's own accessibility tree (what a screen
// reader gets), as [role, name] pairs; false in engines whose automation has
// no access to it.
//
// `page-visibility` {hidden}: hides the test's page (hidden: true) or shows it
// again, as a reader does who switches tabs or minimises the window: Chromium
// and Firefox put another tab in front, WebKitGTK's window is minimised (its
// WebDriver opens a new tab as a window of its own, which hides nothing). The
// page's visibilityState follows.
//
// `clipboard-access` {origin}: lets pages of `origin` read and write the
// clipboard without asking, where the automation can grant it (Chromium);
// false elsewhere, where a test that reads the clipboard back must skip.
/**
 * The launchers these commands meet: Chromium through puppeteer, Firefox and
 * WebKit through WebDriver, with the reader settings they were launched with.
 * @typedef {{type: string, name: string, readerSettings?: Partial<Record<string, string>>,
 *   getPage(id: string): import('puppeteer-core').Page,
 *   driver: {takeScreenshot(): Promise<string>, minimizeWindow(): Promise<unknown>, getWindowRect(): Promise<Rect>,
 *     setWindowRect(x: number, y: number, width: number, height: number): Promise<unknown>}}} Launcher
 * @typedef {{x: number, y: number, width: number, height: number}} Rect
 * @typedef {{colorScheme?: string, reducedMotion?: string, forcedColors?: string, origin?: string, hidden?: boolean}} Payload
 */

/** @returns {import('@web/test-runner-core').TestRunnerPlugin<Payload>} */
export function browserCommandsPlugin() {
  /** @type {WeakMap<import('puppeteer-core').Page, import('puppeteer-core').CDPSession>} */
  const cdpSessions = new WeakMap();
  /** The tab in front of a test's page while it is hidden. @type {WeakMap<import('puppeteer-core').Page, import('puppeteer-core').Page>} */
  const covers = new WeakMap();
  /** WebDriver: where a minimised test window was, by session. @type {Map<string, Rect>} */
  const windowRects = new Map();
  // Named "Chrome" by the launcher, whatever the binary.
  const isChromium = (/** @type {Launcher} */ browser) => browser.type === 'puppeteer' && /^Chrom/.test(browser.name);

  /** @param {import('puppeteer-core').Page} page @param {Payload} settings */
  async function emulate(page, settings) {
    const cdp = cdpSessions.get(page) ?? (await page.createCDPSession());
    // The emulation lasts as long as its protocol session: keep it.
    cdpSessions.set(page, cdp);
    const features = [
      {name: 'prefers-color-scheme', value: settings.colorScheme ?? ''},
      {name: 'prefers-reduced-motion', value: settings.reducedMotion ?? ''},
      {name: 'forced-colors', value: settings.forcedColors ?? ''},
    ];
    await cdp.send('Emulation.setEmulatedMedia', {features});
  }

  return {
    name: 'partner-card:browser-commands',
    async executeCommand({command, payload = {}, session}) {
      const browser = /** @type {Launcher} */ (/** @type {unknown} */ (session.browser));
      if (command === 'reader-settings') {
        if (isChromium(browser)) {
          await emulate(browser.getPage(session.id), payload);
          return true;
        }
        const atLaunch = browser.readerSettings ?? {};
        return Object.entries(payload).every(([key, value]) => atLaunch[key] === value);
      }
      if (command === 'accessibility-tree') {
        // (null would read as "no such command" to the test runner.)
        if (!isChromium(browser)) return false;
        const cdp = await browser.getPage(session.id).createCDPSession();
        try {
          const {nodes} = await cdp.send('Accessibility.getFullAXTree');
          return nodes.filter((node) => !node.ignored).map((node) => [node.role?.value, node.name?.value ?? '']);
        } finally {
          await cdp.detach();
        }
      }
      if (command === 'clipboard-access') {
        if (!isChromium(browser)) return false;
        await browser
          .getPage(session.id)
          .browserContext()
          // setPermission(), its replacement, has no descriptor for clipboard-sanitized-write, which copying needs here.
          // eslint-disable-next-line @typescript-eslint/no-deprecated
          .overridePermissions(String(payload.origin), ['clipboard-read', 'clipboard-write', 'clipboard-sanitized-write']);
        return true;
      }
      if (command === 'page-visibility') {
        if (browser.type === 'puppeteer') {
          const page = browser.getPage(session.id);
          if (payload.hidden) {
            const cover = await page.browser().newPage();
            covers.set(page, cover);
            await cover.bringToFront();
          } else {
            await covers.get(page)?.close();
            covers.delete(page);
            await page.bringToFront();
          }
          return true;
        }
        if (browser.type === 'webdriver') {
          const {driver} = browser;
          if (payload.hidden) {
            windowRects.set(session.id, await driver.getWindowRect());
            await driver.minimizeWindow();
          } else {
            const rect = windowRects.get(session.id);
            windowRects.delete(session.id);
            if (rect) await driver.setWindowRect(rect.x, rect.y, rect.width, rect.height);
          }
          return true;
        }
        return false;
      }
      if (command === 'screenshot') {
        if (browser.type === 'puppeteer') return browser.getPage(session.id).screenshot({encoding: 'base64'});
        if (browser.type === 'webdriver') return browser.driver.takeScreenshot();
        throw new Error(`screenshot: no way to take one in ${browser.name}`);
      }
      return undefined;
    },
  };
}
