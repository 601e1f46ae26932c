// The site's settings given once and kept (partner-card.config.json): a build with the
// maintainer's folder, then a plain build, publishes that folder again, never the demo's
// sample; without a folder the build says first and last that it publishes the demo's;
// npm run prerender and check-deploy take the kept folder and address.
import {test} from 'node:test';
import assert from 'node:assert/strict';
import {spawnSync} from 'node:child_process';
import {cpSync, mkdirSync, readFileSync, readdirSync, symlinkSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {tempFolder} from '../support/temp-folders.mjs';

const root = new URL('../../', import.meta.url).pathname;
const SAMPLE = JSON.parse(readFileSync(join(root, 'demo/embed/partners/region-southern-denmark.json'), 'utf8'));
const {DEMO_NOTICE, CONFIG_NAME} = await import(join(root, 'node/site-config.mjs'));

/** The project with its built dist/, in a folder of its own (no config of this checkout's), and a site with two profiles. */
function project() {
  const dir = tempFolder('site');
  for (const entry of readdirSync(root)) {
    if (['node_modules', '.git', CONFIG_NAME, 'test'].includes(entry)) continue;
    cpSync(join(root, entry), join(dir, entry), {recursive: true});
  }
  symlinkSync(join(root, 'node_modules'), join(dir, 'node_modules'), 'dir');
  const site = join(dir, 'site-partners');
  mkdirSync(site);
  cpSync(join(root, 'demo/embed/partners/region-southern-denmark.svg'), join(site, 'region-southern-denmark.svg'));
  writeFileSync(join(site, 'region-southern-denmark.json'), JSON.stringify(SAMPLE));
  writeFileSync(
    join(site, 'kiel-maritime-cluster.json'),
    JSON.stringify({
      ...SAMPLE,
      id: 'kiel-maritime-cluster',
      name: 'Kiel Maritime Cluster',
      shortName: 'KMC',
      country: 'DE',
      logo: undefined,
    }),
  );
  return {dir, site};
}
const node = (/** @type {string} */ cwd, /** @type {string[]} */ args) => {
  const run = spawnSync(process.execPath, args, {cwd, encoding: 'utf8'});
  return {code: run.status, out: `${run.stdout}${run.stderr}`};
};
const published = (/** @type {string} */ dir) =>
  readdirSync(join(dir, 'dist/partners'))
    .filter((f) => f.endsWith('.json') && f !== 'index.json')
    .sort();

test('a build with the site folder, then a plain build: the folder is published both times, and kept in the config', () => {
  const {dir} = project();
  const first = node(dir, ['tools/build/publish-dist.mjs', '--profiles', 'site-partners', '--url', 'https://project.example/embed/']);
  assert.equal(first.code, 0, first.out);
  assert.deepEqual(published(dir), ['kiel-maritime-cluster.json', 'region-southern-denmark.json']);
  assert.match(
    first.out,
    /Kept in partner-card\.config\.json for the next builds: profiles site-partners, url https:\/\/project\.example\/embed\/\./,
  );
  assert.deepEqual(JSON.parse(readFileSync(join(dir, CONFIG_NAME), 'utf8')), {
    profiles: 'site-partners',
    url: 'https://project.example/embed/',
  });
  const plain = node(dir, ['tools/build/publish-dist.mjs']);
  assert.equal(plain.code, 0, plain.out);
  assert.deepEqual(
    published(dir),
    ['kiel-maritime-cluster.json', 'region-southern-denmark.json'],
    'the real profiles, not the demo sample',
  );
  assert.ok(!plain.out.includes(DEMO_NOTICE));
  assert.match(plain.out, /4 ready-made embed code file\(s\) for https:\/\/project\.example\/embed\//, 'the kept address too');
  // The build plans with the kept folder: no word of the demo.
  assert.ok(!node(dir, ['tools/build/build.mjs', '--plan']).out.includes(DEMO_NOTICE));
});

test("no folder configured: the build says first and last that it publishes the demo's sample", () => {
  const {dir} = project();
  const plan = node(dir, ['tools/build/build.mjs', '--plan']);
  assert.equal(plan.code, 0, plan.out);
  assert.equal(plan.out.split('\n')[0], DEMO_NOTICE);
  const publish = node(dir, ['tools/build/publish-dist.mjs']);
  assert.equal(publish.code, 0, publish.out);
  assert.equal(publish.out.trimEnd().split('\n').pop(), DEMO_NOTICE);
  assert.deepEqual(published(dir), ['region-southern-denmark.json']);
});

test('prerender and check-deploy take the kept folder and address; a broken config is one line and exit 2', () => {
  const {dir} = project();
  writeFileSync(join(dir, CONFIG_NAME), JSON.stringify({profiles: 'site-partners', url: 'http://127.0.0.1:9/embed/'}));
  writeFileSync(join(dir, 'page.html'), '<partner-card partner="kiel-maritime-cluster" variant="compact" href="/kmc/"></partner-card>');
  const prerender = node(dir, ['tools/cli/partner-card.mjs', 'prerender', 'page.html']);
  assert.equal(prerender.code, 0, prerender.out);
  assert.match(readFileSync(join(dir, 'page.html'), 'utf8'), /Kiel Maritime Cluster/);
  const check = node(dir, ['tools/cli/partner-card.mjs', 'check-deploy', '--timeout', '2000']);
  assert.match(check.out, /http:\/\/127\.0\.0\.1:9\/embed\//, 'check-deploy checks the kept address');
  // A flag not understood, or an address that is not http(s): one line, exit 2, from the build and its last step alike.
  for (const args of [
    ['tools/build/build.mjs', '--nope'],
    ['tools/build/publish-dist.mjs', '--url', 'ftp://project.example/'],
  ]) {
    const bad = node(dir, args);
    assert.equal(bad.code, 2, `${args.join(' ')}: ${bad.out}`);
    // One line says what is wrong (the usage may follow it).
    assert.match(
      bad.out.trim().split('\n')[0],
      /^(unknown option --nope|--url ftp:\/\/project\.example\/: give the http\(s\) address)/,
      bad.out,
    );
    assert.ok(bad.out.trim().split('\n').length <= 2, bad.out);
  }
  writeFileSync(join(dir, CONFIG_NAME), '{"profiles": 3}');
  for (const args of [
    ['tools/build/build.mjs', '--plan'],
    ['tools/build/publish-dist.mjs'],
    ['tools/cli/partner-card.mjs', 'prerender', 'page.html'],
  ]) {
    const broken = node(dir, args);
    assert.equal(broken.code, 2, `${args.join(' ')}: ${broken.out}`);
    assert.match(broken.out, /partner-card\.config\.json: "profiles" must be a text/);
  }
});
