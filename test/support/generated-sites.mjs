// The small site of test/fixtures/site, built by real site generators from npm
// into test/generated/<generator>/: the prerender corpus test
// (test/prerender-corpus.test.ts) holds their pages to the browsers, as a
// partner's site would be built and then prerendered. Built when missing or
// older than its sources.
import {existsSync, mkdirSync, readdirSync, rmSync, statSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';

const root = new URL('../../', import.meta.url).pathname;
const SOURCE = join(root, 'test/fixtures/site');
export const GENERATED = join(root, 'test/generated');
const STAMP = join(GENERATED, '.built');

/** The newest modification time under `path`. @param {string} path @returns {number} */
const newest = (path) =>
  statSync(path).isDirectory() ? Math.max(0, ...readdirSync(path).map((name) => newest(join(path, name)))) : statSync(path).mtimeMs;

async function eleventy() {
  const {default: Eleventy} = await import('@11ty/eleventy');
  const site = new Eleventy(join(SOURCE, 'eleventy'), join(GENERATED, 'eleventy'), {quietMode: true, configPath: false});
  await site.write();
}

async function astro() {
  // Nothing leaves this machine: Astro would otherwise report usage.
  process.env.ASTRO_TELEMETRY_DISABLED = '1';
  const {build} = await import('astro');
  const dir = join(SOURCE, 'astro');
  // Astro keeps a cache and its type stubs beside the site: both go to the generated folder.
  await build({root: dir, outDir: join(GENERATED, 'astro'), cacheDir: join(GENERATED, '.astro-cache'), logLevel: 'error'});
  rmSync(join(dir, '.astro'), {recursive: true, force: true});
  rmSync(join(dir, 'node_modules'), {recursive: true, force: true});
}

export async function buildSitesIfStale() {
  if (existsSync(STAMP) && statSync(STAMP).mtimeMs >= newest(SOURCE)) return;
  console.log('Building the test site with Eleventy and Astro (test/generated/).');
  rmSync(GENERATED, {recursive: true, force: true});
  mkdirSync(GENERATED, {recursive: true});
  await eleventy();
  await astro();
  writeFileSync(STAMP, '');
}

/** The generated pages, as paths from the project root. @returns {string[]} */
export function generatedPages() {
  /** @param {string} dir @returns {string[]} */
  const walk = (dir) =>
    readdirSync(dir, {withFileTypes: true}).flatMap((entry) => {
      if (entry.name.startsWith('.')) return [];
      const path = join(dir, entry.name);
      return entry.isDirectory() ? walk(path) : entry.name.endsWith('.html') ? [path.slice(root.length)] : [];
    });
  // The generators' folders only: test/generated/ also holds other tests' pages (encodings/).
  return ['eleventy', 'astro']
    .map((name) => join(GENERATED, name))
    .filter((dir) => existsSync(dir))
    .flatMap(walk)
    .sort();
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await buildSitesIfStale();
  console.log(generatedPages().join('\n'));
}
