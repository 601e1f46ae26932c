// Which browsers the tests run in, where they are, and how to get them.
// Browsers come from Debian's packages only: no test tool downloads one.
import {execFileSync, spawnSync} from 'node:child_process';
import {existsSync} from 'node:fs';
import {own, say} from './terminal-text.mjs';

/** A command found on PATH, or undefined. @param {string} command */
export function which(command) {
  const found = spawnSync('sh', ['-c', `command -v ${command}`], {encoding: 'utf8'});
  return found.status === 0 ? found.stdout.trim() : undefined;
}

/** MiniBrowser is not on PATH; Debian ships it with the WebKitGTK library. */
export function miniBrowser() {
  const listed = spawnSync('dpkg-query', ['-L', 'libwebkit2gtk-4.1-0'], {encoding: 'utf8'});
  // No output at all when the command could not start (no dpkg).
  if (listed.error) return undefined;
  return listed.stdout.split('\n').find((path) => path.endsWith('/MiniBrowser') && existsSync(path));
}

/** What each engine needs: the programs to find and the Debian packages that provide them. */
export const ENGINES = {
  chromium: {find: () => which('chromium'), packages: ['chromium']},
  firefox: {find: () => which('firefox-esr'), packages: ['firefox-esr']},
  webkit: {
    find: () => which('WebKitWebDriver') && miniBrowser() && which('Xvfb') && which('WebKitWebDriver'),
    packages: ['webkit2gtk-driver', 'libwebkit2gtk-4.1-0', 'xvfb'],
  },
};

/**
 * Where an engine's program is; throws, naming the Debian packages, when it is missing.
 * @param {keyof typeof ENGINES} name
 * @returns {string}
 */
export function programOf(name) {
  const found = ENGINES[name].find();
  if (!found) throw new Error(`${name} is not installed; as root: apt-get install ${ENGINES[name].packages.join(' ')}`);
  return found;
}

/** Names of the engines a run asks for: all three, or those listed in BROWSERS (comma-separated). */
export function requestedEngines() {
  const wanted = (process.env.BROWSERS ?? 'chromium,firefox,webkit')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  const unknown = wanted.filter((name) => !(name in ENGINES));
  if (unknown.length) throw new Error(`Unknown browser(s) in BROWSERS: ${unknown.join(', ')}`);
  return /** @type {(keyof typeof ENGINES)[]} */ (wanted);
}

/**
 * Makes sure every requested engine is installed: as root, from Debian's
 * packages; otherwise it says exactly what to install and answers false.
 * @returns {boolean}
 */
export function ensureBrowsers() {
  const missing = requestedEngines().filter((name) => !ENGINES[name].find());
  if (!missing.length) return true;
  const packages = [...new Set(missing.flatMap((name) => ENGINES[name].packages))];
  const command = `apt-get update && apt-get install -y ${packages.join(' ')}`;
  if (process.getuid?.() !== 0) {
    own.error(`Missing browsers for the tests: ${missing.join(', ')}.\nInstall them as root with:\n  ${command}`);
    return false;
  }
  say.log(`Installing missing browsers (${missing.join(', ')}) from Debian's packages…`);
  execFileSync('sh', ['-c', command], {stdio: 'inherit', env: {...process.env, DEBIAN_FRONTEND: 'noninteractive'}});
  const still = missing.filter((name) => !ENGINES[name].find());
  if (still.length) throw new Error(`Still missing after install: ${still.join(', ')}`);
  return true;
}
