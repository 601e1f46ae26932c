// The translators' tools: extraction keeps their work, the build refuses a
// missing translation, and i18n:check finds every kind of gap.
import {test} from 'node:test';
import assert from 'node:assert/strict';
import {spawnSync} from 'node:child_process';
import {cpSync, readFileSync, symlinkSync, writeFileSync, readdirSync} from 'node:fs';
import {join} from 'node:path';
import {tempFolder} from '../support/temp-folders.mjs';

const root = new URL('../../', import.meta.url).pathname;
/** How many interface strings there are: the test follows the XLIFF, not a number written here. */
const STRINGS = (readFileSync(join(root, 'locales/da.xlf'), 'utf8').match(/<trans-unit /g) ?? []).length;

/** A copy of the project (without node_modules, dist and .git) to break things in. */
function copyProject() {
  const dir = tempFolder('i18n');
  for (const entry of readdirSync(root)) {
    if (['node_modules', 'dist', '.git'].includes(entry)) continue;
    cpSync(join(root, entry), join(dir, entry), {recursive: true});
  }
  symlinkSync(join(root, 'node_modules'), join(dir, 'node_modules'), 'dir');
  return dir;
}

const run = (/** @type {string} */ cwd, /** @type {string} */ command, /** @type {string[]} */ ...args) => {
  const result = spawnSync(command, args, {cwd, encoding: 'utf8'});
  return {code: result.status, out: `${result.stdout}${result.stderr}`};
};

/** id → target text of every trans-unit in an XLIFF file. */
const targets = (/** @type {string} */ xml) =>
  Object.fromEntries(
    [...xml.matchAll(/<trans-unit id="([^"]+)">[\s\S]*?(?:<target>([\s\S]*?)<\/target>)?[\s\S]*?<\/trans-unit>/g)].map((m) => [m[1], m[2]]),
  );

test('i18n:check passes on the repository: every interface string and demo profile text has Danish', () => {
  const {code, out} = run(root, 'node', 'tools/cli/i18n-check.mjs');
  assert.equal(code, 0, out);
  assert.ok(STRINGS >= 12);
  assert.match(
    out,
    new RegExp(
      `${STRINGS} interface strings and \\d+ page strings, 0 interface problem\\(s\\); 1 profile file\\(s\\), 0 text\\(s\\) without translation`,
    ),
  );
  assert.match(out, /\nNothing to translate or fix: exit code 0\.\n$/);
});

test('extraction keeps existing translations and adds new strings untranslated', () => {
  const dir = copyProject();
  const before = targets(readFileSync(join(dir, 'locales/da.xlf'), 'utf8'));
  const file = join(dir, 'src/card-templates.ts');
  writeFileSync(
    file,
    readFileSync(file, 'utf8') + "\nexport const extra = () => msg('A brand-new string', {id: 'test.new', desc: 'Only in this test.'});\n",
  );
  const {code, out} = run(dir, 'npx', 'lit-localize', 'extract');
  assert.equal(code, 0, out);
  const after = targets(readFileSync(join(dir, 'locales/da.xlf'), 'utf8'));
  for (const [id, target] of Object.entries(before)) assert.equal(after[id], target, id);
  assert.ok('test.new' in after);
  assert.equal(after['test.new'], undefined);
  const check = run(dir, 'node', 'tools/cli/i18n-check.mjs');
  assert.equal(check.code, 1);
  assert.match(check.out, /interface string\s+locales\/da\.xlf test\.new\s+A brand-new string/);
});

test('the build fails when a Danish target is missing, naming the string', () => {
  const dir = copyProject();
  const xlf = join(dir, 'locales/da.xlf');
  writeFileSync(xlf, readFileSync(xlf, 'utf8').replace(/<target>Prøv igen<\/target>\s*/, ''));
  const {code, out} = run(dir, 'npm', 'run', 'build');
  assert.notEqual(code, 0);
  assert.match(out, /button\.retry\s+Try again/);
});

test('i18n:check finds each kind of gap and exits right', () => {
  const dir = copyProject();
  const xlf = join(dir, 'locales/da.xlf');
  let xml = readFileSync(xlf, 'utf8');
  xml = xml.replace(/<target>Nøgletal<\/target>/, '<target>  </target>'); // empty target
  xml = xml.replace(/<target>ca\. <x id="0" equiv-text="\$\{text\}"\/><\/target>/, '<target>ca.</target>'); // placeholder lost
  xml = xml.replace(/(<trans-unit id="heading.organisations">[\s\S]*?)<note[^>]*>[\s\S]*?<\/note>/, '$1'); // note gone
  writeFileSync(xlf, xml);
  const {code, out} = run(dir, 'node', 'tools/cli/i18n-check.mjs', 'test/fixtures/partners');
  assert.equal(code, 1, out);
  assert.match(out, /interface string\s+locales\/da\.xlf heading\.key-figures\s+Key figures/);
  assert.match(out, /placeholder lost or added\s+locales\/da\.xlf figure\.about/);
  assert.match(out, /no translator note\s+locales\/da\.xlf heading\.organisations/);
  assert.match(out, /profile text\s+test\/fixtures\/partners\/english-only\.json \$\.summary\s+A fictitious/);
  assert.match(out, /profile text\s+test\/fixtures\/partners\/english-only\.json \$\.facts\[2\]\.text\s+Best small lab/);
  assert.match(out, /profile is not JSON\s+test\/fixtures\/partners\/broken-json\.json/);
  assert.match(
    out,
    new RegExp(
      `${STRINGS} interface strings and \\d+ page strings, 3 interface problem\\(s\\); 4 profile file\\(s\\), 7 text\\(s\\) without translation`,
    ),
  );

  const report = run(dir, 'node', 'tools/cli/i18n-check.mjs', '--warn', 'test/fixtures/partners');
  assert.equal(report.code, 0);
  // The last line agrees with the exit code: 12 rows (3 interface, 7 profile texts, 1 broken profile, 1 test page string).
  assert.match(out, /\n\d+ row\(s\) above to fix: exit code 1\. Translate them/);
  assert.match(report.out, /\n\d+ row\(s\) above reported; nothing stops the build: exit code 0\.\n$/);
  assert.equal(report.out.replace(/[^\n]*exit code 0\.\n$/, ''), out.replace(/[^\n]*exit code 1\.[^\n]*\n$/, ''), 'the same report');

  writeFileSync(xlf, '<xliff><file><body><trans-unit id="x"></body></file></xliff>');
  const broken = run(dir, 'node', 'tools/cli/i18n-check.mjs', '--interface-only');
  assert.equal(broken.code, 1);
  assert.match(broken.out, /broken XML\s+locales\/da\.xlf:1/);
});
