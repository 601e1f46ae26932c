import {readFileSync} from 'node:fs';
import {join} from 'node:path';
import {esbuildPlugin} from '@web/dev-server-esbuild';
import {defaultReporter} from '@web/test-runner';
import {browsers, browsersWith} from './node/launchers.mjs';
import {browserCommandsPlugin} from './test/support/browser-commands.mjs';
import {buildIfStale} from './test/support/build-if-stale.mjs';
import {buildSitesIfStale} from './test/support/generated-sites.mjs';
import {ENCODED, writeEncodedPages} from './test/support/encoded-pages.mjs';
import {faultServer, readmeHeaders} from './test/support/fault-server.mjs';
import {readmeHeadersFile} from './test/support/static-host.mjs';
import {summaryReporter} from './test/support/summary-reporter.mjs';
import {translations} from './node/page-strings.mjs';

/**
 * With a target set, the esbuild plugin rewrites every .js file it serves:
 * the built files in dist/ must reach the browser byte for byte as a site
 * serves them (their integrity hashes are checked, and it is that code the
 * demo and CSP tests mean to run).
 */
/** @param {import('@web/dev-server-core').Plugin} plugin */
function untouchedDist(plugin) {
  const transform = plugin.transform?.bind(plugin);
  if (!transform) return plugin;
  plugin.transform = (context) => (/^\/(tampered\/)?dist\//.test(context.path) ? undefined : transform(context));
  return plugin;
}

// Some tests load the built module (dist/): `wtr` on its own must not test an old build.
buildIfStale();
// The prerender corpus includes pages that Eleventy and Astro build from the test site.
await buildSitesIfStale();
// Partners' pages in single-byte encodings, prerendered by the command (test/encodings.test.ts).
writeEncodedPages();

/**
 * The encoded pages go out as a site in that encoding serves them: their bytes
 * as they are (the dev server reads HTML as UTF-8 text, which would turn every
 * other byte into U+FFFD), with Content-Type but no charset, so the page's own
 * <meta charset> decides.
 * @type {import('koa').Middleware}
 */
const declaredByThePage = async (context, next) => {
  const name = /^\/test\/generated\/encodings\/([\w-]+\.html)$/.exec(context.path)?.[1];
  if (!name) return next();
  context.set('content-type', 'text/html');
  context.body = readFileSync(join(ENCODED, name));
};

export default {
  files: ['test/**/*.test.ts', '!test/reader-settings/**'],
  // Each reader setting needs its own launch of Firefox and WebKit (launchers.mjs).
  // `wtr --files …` runs just those files; the groups run with everything else.
  groups: process.argv.includes('--files')
    ? []
    : [
        {
          name: 'dark-reduced-motion',
          files: 'test/reader-settings/dark-reduced-motion.test.ts',
          browsers: await browsersWith({colorScheme: 'dark', reducedMotion: 'reduce'}),
        },
        {
          name: 'forced-colors',
          files: 'test/reader-settings/forced-colors.test.ts',
          browsers: await browsersWith({forcedColors: 'active'}),
        },
      ],
  nodeResolve: true,
  // Three engines on two cores: one test file at a time per browser keeps timings honest.
  concurrency: 1,
  concurrentBrowsers: 3,
  browsers: await browsers(),
  plugins: [
    untouchedDist(
      esbuildPlugin({
        ts: true,
        tsconfig: './tsconfig.json',
        target: 'es2022',
        define: {
          PARTNER_CARD_VERSION: JSON.stringify(JSON.parse(readFileSync('package.json', 'utf8')).version),
          // The embed builder's Danish, as vite.config.ts (mode builder) bundles it.
          BUILDER_DANISH: JSON.stringify(translations('embed-builder', 'da')),
        },
      }),
    ),
    browserCommandsPlugin(),
  ],
  middleware: [declaredByThePage, readmeHeaders(await readmeHeadersFile()), faultServer],
  testFramework: {config: {timeout: 10000}},
  testsFinishTimeout: 300000,
  reporters: [defaultReporter(), summaryReporter()],
};
