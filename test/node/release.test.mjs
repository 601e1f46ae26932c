// The release as `npm run build` publishes it: one version everywhere
// (package.json, release.json, the versioned file's name, CHANGELOG.md), and
// the published integrity is the versioned file's.
import {test} from 'node:test';
import assert from 'node:assert/strict';
import {createHash} from 'node:crypto';
import {readFileSync} from 'node:fs';
import {join} from 'node:path';

const root = new URL('../../', import.meta.url).pathname;
const {version} = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const release = JSON.parse(readFileSync(join(root, 'dist/release.json'), 'utf8'));
/** @type {typeof import('../../src/prerender.js')} */
const {STYLE_HASH, DIRECTORY_STYLE_HASH} = await import(join(root, 'dist/prerender.js'));

test("release.json names package.json's version, its versioned file and that file's sha384", () => {
  assert.equal(release.version, version);
  assert.equal(release.module, `partner-card-${version}.js`);
  const bytes = readFileSync(join(root, 'dist', release.module));
  assert.equal(release.integrity, `sha384-${createHash('sha384').update(bytes).digest('base64')}`);
  assert.deepEqual(release.styleHashes, {card: STYLE_HASH, directory: DIRECTORY_STYLE_HASH});
});

test('the versioned file is the module, pointing at its own source map', () => {
  const moving = readFileSync(join(root, 'dist/partner-card.js'), 'utf8');
  const versioned = readFileSync(join(root, 'dist', release.module), 'utf8');
  assert.match(versioned, new RegExp(`//# sourceMappingURL=${release.module.replace(/\./g, '\\.')}\\.map\\n$`));
  const code = (/** @type {string} */ text) => text.replace(/\/\/# sourceMappingURL=\S+\s*$/, '');
  assert.equal(code(versioned), code(moving));
  assert.equal(JSON.parse(readFileSync(join(root, 'dist', `${release.module}.map`), 'utf8')).file, release.module);
});

test("CHANGELOG.md has this version's entry, with this release's CSP hashes", () => {
  const changelog = readFileSync(join(root, 'CHANGELOG.md'), 'utf8');
  const entry = new RegExp(`^## ${version.replace(/\./g, '\\.')} — \\d{4}-\\d{2}-\\d{2}\\n([^]*?)(?=^## |$(?![^]))`, 'm').exec(changelog);
  assert.ok(entry, `CHANGELOG.md has no "## ${version} — <date>" entry`);
  assert.ok(entry[1].includes(STYLE_HASH) && entry[1].includes(DIRECTORY_STYLE_HASH), "the entry names this release's style hashes");
});
