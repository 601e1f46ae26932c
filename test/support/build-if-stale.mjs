// Tests that load dist/partner-card.js (the demo pages, the CSP page, the
// second copy of the script) must see the code under test. `npm test` builds
// first; `npm run test:browsers` and a bare `wtr` come here and build when any
// source is newer than the module.
import {execSync} from 'node:child_process';
import {existsSync, readdirSync, statSync} from 'node:fs';
import {join} from 'node:path';

const SOURCES = [
  'src',
  'shared',
  'node',
  'pages',
  'tools/build',
  'locales',
  'demo/embed',
  'vite.config.ts',
  'lit-localize.json',
  'package.json',
];
const BUILT = 'dist/partner-card.js';

/** The latest change under `path`, in ms. @param {string} path @returns {number} */
function newest(path) {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  // src/generated is written by the build itself.
  if (path === join('src', 'generated')) return 0;
  return Math.max(0, ...readdirSync(path).map((name) => newest(join(path, name))));
}

export function buildIfStale() {
  // release.json comes with the published folder, which appears whole (node/publish.mjs): without it the build did not finish.
  const built = existsSync(BUILT) && existsSync('dist/release.json') ? statSync(BUILT).mtimeMs : 0;
  if (built >= Math.max(...SOURCES.map(newest))) return;
  console.log(`${BUILT} is older than its sources: building it first (npm run build).`);
  execSync('npm run build', {stdio: 'inherit'});
}
