// Put in from package.json by the build (vite.config.ts) and by the test
// runner (web-test-runner.config.mjs), so there is one place to change it.
declare const PARTNER_CARD_VERSION: string;

/** This release's version, as in package.json and CHANGELOG.md. */
export const version: string = PARTNER_CARD_VERSION;
