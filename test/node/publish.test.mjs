// `partner-card publish`: the whole folder a site uploads, from a folder of
// profiles and the package's built files (npm test builds dist/ first), all or
// nothing. The installed package is tried end to end in consumer.test.mjs.
import {test} from 'node:test';
import assert from 'node:assert/strict';
import {spawnSync} from 'node:child_process';
import {cpSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {headersFile, HTACCESS} from '../../node/host-headers.mjs';
import {tempFolder} from '../support/temp-folders.mjs';

const root = new URL('../../', import.meta.url).pathname;
const SAMPLE = readFileSync(join(root, 'demo/embed/partners/region-southern-denmark.json'), 'utf8');
const release = JSON.parse(readFileSync(join(root, 'dist/release.json'), 'utf8'));
const readme = readFileSync(join(root, 'README.md'), 'utf8');

/** A site's folder with two profiles (one with its logo), where the command runs. */
function site() {
  const dir = tempFolder('publish');
  mkdirSync(join(dir, 'profiles'));
  cpSync(join(root, 'demo/embed/partners/region-southern-denmark.svg'), join(dir, 'profiles/region-southern-denmark.svg'));
  writeFileSync(join(dir, 'profiles/region-southern-denmark.json'), SAMPLE);
  const kiel = {...JSON.parse(SAMPLE), id: 'kiel-maritime-cluster', name: 'Kiel Maritime Cluster', shortName: 'KMC', country: 'DE'};
  delete kiel.logo;
  kiel.summary = {en: 'A maritime research cluster.'};
  writeFileSync(join(dir, 'profiles/kiel-maritime-cluster.json'), JSON.stringify(kiel, null, 2));
  // Not for the site: notes beside the profiles are not published.
  writeFileSync(join(dir, 'profiles/NOTES.txt'), 'internal');
  return dir;
}
/** @param {string} cwd @param {string[]} args */
const publish = (cwd, ...args) => {
  const run = spawnSync(process.execPath, [join(root, 'tools/cli/partner-card.mjs'), 'publish', ...args], {cwd, encoding: 'utf8'});
  return {code: run.status, out: `${run.stdout}${run.stderr}`, stdout: run.stdout};
};
/** @param {string} text */
const literally = (text) => new RegExp(text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&'));
/** Every file under `dir`, relative, sorted. @param {string} dir */
const files = (dir) =>
  readdirSync(dir, {recursive: true, withFileTypes: true})
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name).slice(dir.length + 1))
    .sort();
/** Every file's bytes under `dir`, to see that nothing changed. @param {string} dir */
const snapshot = (dir) => Object.fromEntries(files(dir).map((f) => [f, readFileSync(join(dir, f), 'utf8')]));

test('publish writes the whole folder: modules pinned, profiles and logos, the index made from them, embed code, builder, preview, headers', () => {
  const dir = site();
  const result = publish(dir, 'profiles', '--out', 'public/embed', '--url', 'https://project.example/embed/');
  assert.equal(result.code, 0, result.out);
  const out = join(dir, 'public/embed');
  assert.deepEqual(
    files(out),
    [
      '.htaccess',
      '_headers',
      'embed.css',
      'embed.html',
      'embed.js',
      release.module,
      `${release.module}.map`,
      'partner-card.js',
      'partner-card.js.map',
      release.directory.module,
      `${release.directory.module}.map`,
      'partner-directory.js',
      'partner-directory.js.map',
      'partners/index.json',
      'partners/kiel-maritime-cluster.da.html',
      'partners/kiel-maritime-cluster.en.html',
      'partners/kiel-maritime-cluster.json',
      'partners/region-southern-denmark.da.html',
      'partners/region-southern-denmark.en.html',
      'partners/region-southern-denmark.json',
      'partners/region-southern-denmark.svg',
      'profile.schema.json',
      'release.json',
      'translate.css',
      'translate.html',
      'translate.js',
    ].sort(),
  );
  // The same release as the checkout's build, the same bytes for what is copied.
  assert.deepEqual(JSON.parse(readFileSync(join(out, 'release.json'), 'utf8')), release);
  for (const file of ['partner-card.js', release.module, 'embed.js', 'translate.js'])
    assert.equal(readFileSync(join(out, file), 'utf8'), readFileSync(join(root, 'dist', file), 'utf8'), file);
  assert.equal(readFileSync(join(out, 'partners/region-southern-denmark.json'), 'utf8'), SAMPLE, 'a profile is published as written');
  const index = JSON.parse(readFileSync(join(out, 'partners/index.json'), 'utf8'));
  assert.deepEqual(
    index.partners.map((/** @type {{id: string}} */ p) => p.id),
    ['kiel-maritime-cluster', 'region-southern-denmark'],
  );
  assert.match(
    readFileSync(join(out, 'partners/kiel-maritime-cluster.da.html'), 'utf8'),
    literally(`src="https://project.example/embed/${release.module}" integrity="${release.integrity}"`),
  );
  // The pages load the pinned module the release names, beside them.
  for (const page of ['embed.html', 'translate.html'])
    assert.match(
      readFileSync(join(out, page), 'utf8'),
      literally(`<script type="module" src="${release.module}" integrity="${release.integrity}"`),
      page,
    );
  assert.equal(readFileSync(join(out, '_headers'), 'utf8'), headersFile('/embed/'));
  assert.equal(readFileSync(join(out, '.htaccess'), 'utf8'), HTACCESS);
  // A progress line per step with its time, and the summary.
  assert.match(result.stdout, /^✓ check the profiles and logos: \d+\.\d\d s$/m);
  assert.match(result.stdout, /^✓ swap the new folder in: \d+\.\d\d s$/m);
  assert.match(
    result.stdout,
    /Published public\/embed\/ in \d+\.\d s: 2 partner\(s\) in en and da, 1 text\(s\) not yet translated \(shown in English\), 26 files, [\d.]+ KB, 4 ready-made embed code file\(s\)/,
  );
  assert.match(result.out, /warning: profiles\/kiel-maritime-cluster\.json: \$\.summary has no "da" text/);
  // Given once, kept: a second run needs no arguments.
  assert.deepEqual(JSON.parse(readFileSync(join(dir, 'partner-card.config.json'), 'utf8')), {
    profiles: 'profiles',
    url: 'https://project.example/embed/',
    out: 'public/embed',
  });
  rmSync(join(dir, 'profiles/kiel-maritime-cluster.json'));
  const again = publish(dir);
  assert.equal(again.code, 0, again.out);
  assert.ok(!existsSync(join(out, 'partners/kiel-maritime-cluster.json')), 'a removed profile is gone from the folder');
  assert.ok(!existsSync(join(out, 'partners/kiel-maritime-cluster.en.html')), 'and its embed code');
  assert.deepEqual(
    JSON.parse(readFileSync(join(out, 'partners/index.json'), 'utf8')).partners.map((/** @type {{id: string}} */ p) => p.id),
    ['region-southern-denmark'],
  );
  assert.deepEqual(readdirSync(dir).sort(), ['partner-card.config.json', 'profiles', 'public'], 'no temporary folder is left');
  assert.deepEqual(readdirSync(join(dir, 'public')), ['embed']);
});

test("README's _headers and .htaccess blocks are the files publish writes", () => {
  const block = /```text\n(# _headers[^]*?)```/.exec(readme)?.[1];
  assert.equal(block, headersFile('/embed/'));
  const apache = /```apache\n([^]*?)```/.exec(readme)?.[1];
  assert.equal(apache, HTACCESS);
});

test('any problem: each named, exit 1, and the folder published before is left whole, with no temporary folder', () => {
  const dir = site();
  assert.equal(publish(dir, 'profiles', '--out', 'public/embed').code, 0);
  const before = snapshot(join(dir, 'public/embed'));
  const broken = (/** @type {string} */ name, /** @type {string} */ text) => {
    writeFileSync(join(dir, 'profiles', name), text);
  };

  broken('kiel-maritime-cluster.json', '{"id": "kiel-maritime-cluster",');
  let result = publish(dir);
  assert.equal(result.code, 1, result.out);
  assert.match(result.out, /error: profiles\/kiel-maritime-cluster\.json:1:\d+: /);
  assert.match(result.out, /Nothing was published/);

  const rsd = JSON.parse(SAMPLE);
  rmSync(join(dir, 'profiles/kiel-maritime-cluster.json'));
  broken('region-southern-denmark.json', JSON.stringify({...rsd, logo: {...rsd.logo, src: 'rsd-logo.svg'}}));
  result = publish(dir);
  assert.equal(result.code, 1, result.out);
  assert.match(
    result.out,
    /error: profiles\/region-southern-denmark\.json: \$\.logo\.src "rsd-logo\.svg": there is no such file beside the profile/,
  );
  broken('region-southern-denmark.json', JSON.stringify({...rsd, logo: {...rsd.logo, src: '../secret.svg'}}));
  result = publish(dir);
  // The schema refuses it first; publish's own check stands behind it.
  assert.match(
    result.out,
    /\$\.logo\.src (is "\.\.\/secret\.svg", which does not fit|"\.\.\/secret\.svg" points out of the profiles folder)/,
  );

  // A folder with no profiles publishes nothing (an empty directory would empty every list).
  const empty = publish(dir, join(dir, 'public'), '--out', 'public/embed');
  assert.equal(empty.code, 1, empty.out);
  assert.match(empty.out, /public: there are no profiles \(<id>\.json files\) in this folder: nothing to publish/);

  assert.deepEqual(snapshot(join(dir, 'public/embed')), before);
  assert.deepEqual(readdirSync(join(dir, 'public')), ['embed']);
});

test('a folder that publish did not write is never replaced; a bad argument is one line and exit 2', () => {
  const dir = site();
  mkdirSync(join(dir, 'www'));
  writeFileSync(join(dir, 'www/index.html'), '<h1>The site</h1>');
  const result = publish(dir, 'profiles', '--out', 'www');
  assert.equal(result.code, 1, result.out);
  assert.match(result.out, /www holds files publish did not write \(index\.html\), and publish replaces the whole folder/);
  assert.equal(readFileSync(join(dir, 'www/index.html'), 'utf8'), '<h1>The site</h1>');

  for (const [args, problem] of [
    [['profiles'], /^--out: name the folder to write/],
    [['--out', 'x'], /^name the folder of profiles/],
    [['profiles', '--out', 'x', '--url', 'ftp://x/'], /^--url ftp:\/\/x\/: give the http\(s\) address/],
    [['profiles', '--outt', 'x'], /^unknown option --outt \(did you mean --out\?\)/],
    [['a', 'b', '--out', 'x'], /^one profiles folder at a time/],
  ]) {
    const bad = publish(dir, .../** @type {string[]} */ (args));
    assert.equal(bad.code, 2, bad.out);
    assert.match(bad.out.split('\n')[0], /** @type {RegExp} */ (problem), bad.out);
  }
  assert.ok(!existsSync(join(dir, 'x')));
});

test('a reader meets the old folder or the new one: the new one is made aside and renamed in, older pinned modules kept', () => {
  const dir = site();
  assert.equal(publish(dir, 'profiles', '--out', 'public/embed').code, 0);
  const inode = statSync(join(dir, 'public/embed/release.json')).ino;
  // An older release's pinned module, published before: partners' pages still load it.
  writeFileSync(join(dir, 'public/embed/partner-card-0.0.1.js'), '// 0.0.1');
  // While a second run works, the folder in place is the first one, whole (its files are not rewritten in place).
  assert.equal(publish(dir).code, 0);
  assert.notEqual(statSync(join(dir, 'public/embed/release.json')).ino, inode, 'the folder was swapped, not written into');
  assert.equal(readFileSync(join(dir, 'public/embed/partner-card-0.0.1.js'), 'utf8'), '// 0.0.1', 'older versioned modules stay');
});
