// A test-runner command the standard ones lack: emulate `forced-colors`
// (Windows high contrast). Chromium can, through the DevTools protocol; other
// engines answer false and the test says it was not checked there.
export function forcedColorsPlugin() {
  const sessions = new WeakMap();
  return {
    name: 'partner-card:forced-colors',
    async executeCommand({command, payload, session}) {
      if (command !== 'emulate-forced-colors') return undefined;
      const page = session.browser.getPage?.(session.id);
      if (session.browser.type !== 'puppeteer' || !page || session.browser.name === 'Firefox') return false;
      // Puppeteer's emulateMediaFeatures refuses forced-colors; the protocol itself
      // does not. The emulation lasts as long as its protocol session: keep it.
      const cdp = sessions.get(page) ?? (await page.createCDPSession());
      sessions.set(page, cdp);
      await cdp.send('Emulation.setEmulatedMedia', {
        features: [{name: 'forced-colors', value: payload.active ? 'active' : 'none'}],
      });
      return true;
    },
  };
}
