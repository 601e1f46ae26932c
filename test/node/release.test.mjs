// The release as `npm run build` publishes it: one version everywhere
// (package.json, release.json, the versioned file's name, CHANGELOG.md), and
// the published integrity is the versioned file's.
import {test} from 'node:test';
import assert from 'node:assert/strict';
import {createHash} from 'node:crypto';
import {readFileSync} from 'node:fs';
import {join} from 'node:path';
import {tempFolder} from '../support/temp-folders.mjs';

const root = new URL('../../', import.meta.url).pathname;
const {version} = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const release = JSON.parse(readFileSync(join(root, 'dist/release.json'), 'utf8'));
/** @type {typeof import('../../node/prerender.js')} */
const {STYLE_HASH, DIRECTORY_STYLE_HASH} = await import(join(root, 'dist/prerender.js'));

test("release.json names package.json's version, each module's versioned file and that file's sha384", () => {
  assert.equal(release.version, version);
  assert.equal(release.module, `partner-card-${version}.js`);
  assert.equal(release.directory.module, `partner-directory-${version}.js`);
  for (const {module, integrity} of [release, release.directory]) {
    const bytes = readFileSync(join(root, 'dist', module));
    assert.equal(integrity, `sha384-${createHash('sha384').update(bytes).digest('base64')}`);
  }
  assert.deepEqual(release.styleHashes, {card: STYLE_HASH, directory: DIRECTORY_STYLE_HASH});
});

test('each versioned file is its module, pointing at its own source map', () => {
  for (const [name, {module}] of [
    ['partner-card', release],
    ['partner-directory', release.directory],
  ]) {
    const moving = readFileSync(join(root, `dist/${name}.js`), 'utf8');
    const versioned = readFileSync(join(root, 'dist', module), 'utf8');
    assert.match(versioned, new RegExp(`//# sourceMappingURL=${module.replace(/\./g, '\\.')}\\.map\\n$`));
    const code = (/** @type {string} */ text) => text.replace(/\/\/# sourceMappingURL=\S+\s*$/, '');
    assert.equal(code(versioned), code(moving));
    assert.equal(JSON.parse(readFileSync(join(root, 'dist', `${module}.map`), 'utf8')).file, module);
  }
});

test("the modules add no Lit version to the page's globals (a partner's own Lit in development mode would warn of several)", () => {
  for (const name of ['partner-card', 'partner-directory']) {
    const code = readFileSync(join(root, `dist/${name}.js`), 'utf8');
    assert.doesNotMatch(code, /(litHtml|litElement|reactiveElement)Versions/, `dist/${name}.js`);
  }
});

test("the card's module defines <partner-card> alone; the directory's defines both", () => {
  const card = readFileSync(join(root, 'dist/partner-card.js'), 'utf8');
  const directory = readFileSync(join(root, 'dist/partner-directory.js'), 'utf8');
  assert.ok(!card.includes('partner-directory'), 'no trace of the directory in the card module');
  assert.match(directory, /"partner-card"|`partner-card`|'partner-card'/);
  assert.match(directory, /"partner-directory"|`partner-directory`|'partner-directory'/);
});

test("CHANGELOG.md has this version's entry, with this release's CSP hashes", () => {
  const changelog = readFileSync(join(root, 'CHANGELOG.md'), 'utf8');
  const entry = new RegExp(`^## ${version.replace(/\./g, '\\.')} — \\d{4}-\\d{2}-\\d{2}\\n([^]*?)(?=^## |$(?![^]))`, 'm').exec(changelog);
  assert.ok(entry, `CHANGELOG.md has no "## ${version} — <date>" entry`);
  assert.ok(entry[1].includes(STYLE_HASH) && entry[1].includes(DIRECTORY_STYLE_HASH), "the entry names this release's style hashes");
});

test('publish --url: ready-made embed code per partner and language, pinned to the versioned module at that address', async () => {
  const {cpSync, readdirSync} = await import('node:fs');
  const {spawnSync} = await import('node:child_process');
  const dir = tempFolder('snippets');
  cpSync(join(root, 'demo/embed/partners'), join(dir, 'profiles'), {recursive: true});
  const run = spawnSync(
    process.execPath,
    [join(root, 'tools/cli/partner-card.mjs'), 'publish', 'profiles', '--out', 'embed', '--url', 'https://project.example/embed'],
    {cwd: dir, encoding: 'utf8'},
  );
  assert.equal(run.status, 0, run.stderr);
  assert.deepEqual(
    readdirSync(join(dir, 'embed/partners')).filter((f) => f.endsWith('.html')),
    ['region-southern-denmark.da.html', 'region-southern-denmark.en.html'],
  );
  /** @type {typeof import('../../node/prerender.js')} */
  const {renderCard} = await import(join(root, 'dist/prerender.js'));
  const profile = JSON.parse(readFileSync(join(dir, 'embed/partners/region-southern-denmark.json'), 'utf8'));
  for (const lang of ['en', 'da']) {
    const code = readFileSync(join(dir, `embed/partners/region-southern-denmark.${lang}.html`), 'utf8');
    const {html} = renderCard({profile, partner: 'region-southern-denmark', base: 'https://project.example/embed/partners/', lang});
    assert.equal(
      code,
      `<script type="module" src="https://project.example/embed/${release.module}" integrity="${release.integrity}" crossorigin="anonymous"></script>\n` +
        `<partner-card partner="region-southern-denmark" lang="${lang}">${html}</partner-card>\n`,
    );
    assert.match(code, /<script type="application\/ld\+json">/);
  }
});
