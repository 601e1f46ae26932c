// The tools that write into partners' sites (npm run prerender, i18n:import-profiles,
// partners) do not follow symbolic links out of what was named, write every file or
// none, each replaced whole with its permissions, answer a bad argument with one line
// and exit code 2, and show a profile's control characters escaped in the terminal.
import {test} from 'node:test';
import assert from 'node:assert/strict';
import {
  chmodSync,
  copyFileSync,
  existsSync,
  mkdirSync,
  openSync,
  readFileSync,
  readSync,
  readdirSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import {join} from 'node:path';
import {filesUnder, writeAllOrNone} from '../../node/safe-files.mjs';
import {printable} from '../../node/terminal-text.mjs';
import {main as prerender} from '../../tools/cli/prerender.mjs';
import {main as importProfiles} from '../../tools/cli/import-profiles.mjs';
import {main as exportProfiles} from '../../tools/cli/export-profiles.mjs';
import {tempFolder} from '../support/temp-folders.mjs';

const root = new URL('../../', import.meta.url).pathname;
const SAMPLE = join(root, 'demo/embed/partners/region-southern-denmark.json');
const CARD = '<partner-card partner="region-southern-denmark" base="/p/"></partner-card>';

/** Runs a command's main() with its console captured. @param {(args: string[]) => number | Promise<number>} main @param {string[]} args */
async function run(main, args) {
  /** @type {string[]} */
  const lines = [];
  const saved = {log: console.log, warn: console.warn, error: console.error};
  console.log = console.warn = console.error = (/** @type {unknown[]} */ ...parts) => void lines.push(parts.join(' '));
  try {
    return {code: await main(args), out: lines.join('\n')};
  } finally {
    Object.assign(console, saved);
  }
}

/** A site: pages/ with two pages, profiles/ with the sample, and a page outside both. */
function site() {
  const dir = tempFolder('files');
  mkdirSync(join(dir, 'pages/sub'), {recursive: true});
  mkdirSync(join(dir, 'profiles'));
  copyFileSync(SAMPLE, join(dir, 'profiles/region-southern-denmark.json'));
  writeFileSync(join(dir, 'pages/a.html'), `<p>${CARD}</p>`);
  writeFileSync(join(dir, 'pages/sub/b.html'), CARD);
  writeFileSync(join(dir, 'outside.html'), `<main>${CARD}</main>`);
  return dir;
}
const args = (/** @type {string} */ dir) => [join(dir, 'pages'), '--profiles', join(dir, 'profiles')];

test('a symbolic link to a page outside the folder: refused by name, nothing written anywhere', async () => {
  const dir = site();
  symlinkSync(join(dir, 'outside.html'), join(dir, 'pages/sub/linked.html'));
  const {code, out} = await run(prerender, args(dir));
  assert.equal(code, 1);
  assert.match(out, /pages\/sub\/linked\.html is a symbolic link: links are not followed/);
  assert.match(out, /no file was changed/);
  assert.equal(readFileSync(join(dir, 'outside.html'), 'utf8'), `<main>${CARD}</main>`);
  assert.equal(readFileSync(join(dir, 'pages/a.html'), 'utf8'), `<p>${CARD}</p>`);
});

test('a symbolic link to a folder, or a page named through a link: refused, not entered', async () => {
  const dir = site();
  mkdirSync(join(dir, 'elsewhere'));
  writeFileSync(join(dir, 'elsewhere/c.html'), CARD);
  symlinkSync(join(dir, 'elsewhere'), join(dir, 'pages/linked-folder'));
  const folder = await run(prerender, args(dir));
  assert.equal(folder.code, 1);
  assert.match(folder.out, /pages\/linked-folder is a symbolic link/);
  assert.equal(readFileSync(join(dir, 'elsewhere/c.html'), 'utf8'), CARD);
  symlinkSync(join(dir, 'outside.html'), join(dir, 'named.html'));
  const named = await run(prerender, [join(dir, 'named.html'), '--profiles', join(dir, 'profiles')]);
  assert.equal(named.code, 1);
  assert.match(named.out, /named\.html is a symbolic link/);
  assert.equal(readFileSync(join(dir, 'outside.html'), 'utf8'), `<main>${CARD}</main>`);
});

test('a profile that is a symbolic link is not read by the prerenderer nor written by the import', async () => {
  const dir = site();
  mkdirSync(join(dir, 'other'));
  copyFileSync(SAMPLE, join(dir, 'other/region-southern-denmark.json'));
  const linked = join(dir, 'linked');
  mkdirSync(linked);
  symlinkSync(join(dir, 'other/region-southern-denmark.json'), join(linked, 'region-southern-denmark.json'));
  const page = await run(prerender, [join(dir, 'pages'), '--profiles', linked]);
  assert.equal(page.code, 1);
  assert.match(page.out, /region-southern-denmark\.json is a symbolic link/);
  const xliff = join(dir, 'texts.xlf');
  assert.equal((await run(exportProfiles, [join(dir, 'profiles'), '--out', xliff])).code, 0);
  const before = readFileSync(join(dir, 'other/region-southern-denmark.json'), 'utf8');
  const imported = await run(importProfiles, [xliff, linked]);
  assert.equal(imported.code, 1);
  assert.match(imported.out, /region-southern-denmark\.json: is a symbolic link: links are not followed/);
  assert.equal(readFileSync(join(dir, 'other/region-southern-denmark.json'), 'utf8'), before);
});

test('every page is replaced whole: a reader holding the old file reads all of the old one; permissions stay', async () => {
  const dir = site();
  chmodSync(join(dir, 'pages/a.html'), 0o640);
  const reader = openSync(join(dir, 'pages/a.html'), 'r');
  const {code, out} = await run(prerender, args(dir));
  assert.equal(code, 0, out);
  const buffer = Buffer.alloc(1000);
  assert.equal(buffer.subarray(0, readSync(reader, buffer, 0, 1000, 0)).toString(), `<p>${CARD}</p>`, 'the old file, whole');
  assert.match(readFileSync(join(dir, 'pages/a.html'), 'utf8'), /shadowrootmode/);
  assert.equal(statSync(join(dir, 'pages/a.html')).mode & 0o777, 0o640);
  assert.deepEqual(
    readdirSync(join(dir, 'pages')).filter((name) => name.endsWith('.tmp')),
    [],
    'no temporary file left',
  );
});

test('writeAllOrNone: when one file cannot be written, none is, and no temporary file stays', () => {
  const dir = tempFolder('files');
  writeFileSync(join(dir, 'a.html'), 'old a');
  assert.throws(() => {
    writeAllOrNone([
      [join(dir, 'a.html'), 'new a'],
      [join(dir, 'missing/b.html'), 'new b'],
    ]);
  }, /missing: there is no such folder to write b\.html into$/);
  assert.equal(readFileSync(join(dir, 'a.html'), 'utf8'), 'old a');
  assert.deepEqual(readdirSync(dir), ['a.html']);
  writeAllOrNone([
    [join(dir, 'a.html'), 'new a'],
    [join(dir, 'b.html'), 'new b'],
  ]);
  assert.deepEqual(readdirSync(dir).sort(), ['a.html', 'b.html']);
  assert.equal(readFileSync(join(dir, 'a.html'), 'utf8'), 'new a');
});

test('filesUnder lists regular files by name order, leaving node_modules and hidden folders out', () => {
  const dir = tempFolder('files');
  for (const path of ['b.html', 'a.html', 'x.txt', 'node_modules/n.html', '.git/g.html', 'sub/c.html']) {
    mkdirSync(join(dir, path, '..'), {recursive: true});
    writeFileSync(join(dir, path), '');
  }
  assert.deepEqual(
    filesUnder(dir, (name) => name.endsWith('.html')).map((f) => f.slice(dir.length + 1)),
    ['a.html', 'b.html', 'sub/c.html'],
  );
});

test('a bad argument: one line and exit code 2', async () => {
  for (const bad of [[], ['--nope', 'x'], ['pages', '--base']]) {
    const {code, out} = await run(prerender, bad);
    assert.equal(code, 2, bad.join(' '));
    // What is wrong, then the usage.
    assert.equal(out.split('\n').length, 2, out);
    assert.match(out, /^(name at least one page or folder|unknown option --nope|--base needs a value)\nUsage: partner-card prerender/);
  }
});

test("a profile's or page's control characters reach the terminal escaped", async () => {
  assert.equal(printable('a\u001b[2Jb\rc\u0007\u009b\u202ed\u2028'), 'a\\x1b[2Jb\\x0dc\\x07\\x9b\\u202ed\\u2028');
  const dir = site();
  writeFileSync(join(dir, 'pages/a.html'), '<partner-card partner="\u001b[2J\u001b[31mred\r" base="/p/"></partner-card>');
  const {code, out} = await run(prerender, args(dir));
  assert.equal(code, 1);
  assert.ok(!/[\u0000-\u0009\u000b-\u001f]/.test(out), 'no control character printed');
  // The HTML parser reads the carriage return as a line feed; it stays on the message's line.
  assert.match(out, /partner="\\x1b\[2J\\x1b\[31mred\\x0a"/);
  assert.equal(out.split('\n').length, 2, out);
});

test('npm run partners does not write index.json through a link, and writes it where there is none', async () => {
  const {spawnSync} = await import('node:child_process');
  const dir = site();
  const outside = join(dir, 'outside.json');
  writeFileSync(outside, '{}');
  symlinkSync(outside, join(dir, 'profiles/index.json'));
  const linked = spawnSync('node', [join(root, 'tools/cli/partner-card.mjs'), 'index', join(dir, 'profiles')], {encoding: 'utf8'});
  assert.equal(linked.status, 1);
  assert.match(linked.stderr, /index\.json is a symbolic link/);
  assert.equal(readFileSync(outside, 'utf8'), '{}');
  const fresh = join(dir, 'fresh');
  mkdirSync(fresh);
  copyFileSync(SAMPLE, join(fresh, 'region-southern-denmark.json'));
  const plain = spawnSync('node', [join(root, 'tools/cli/partner-card.mjs'), 'index', fresh], {encoding: 'utf8'});
  assert.equal(plain.status, 0, plain.stderr);
  assert.ok(existsSync(join(fresh, 'index.json')));
});
