// npm run partners: plain-words errors with file and JSON path, exit codes,
// warnings for missing Danish, and the index it writes.
import {test} from 'node:test';
import assert from 'node:assert/strict';
import {spawnSync} from 'node:child_process';
import {cpSync, readFileSync, existsSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {tempFolder} from '../support/temp-folders.mjs';

const root = new URL('../../', import.meta.url).pathname;
const run = (/** @type {string[]} */ ...args) => {
  const result = spawnSync('node', ['tools/cli/partner-card.mjs', 'index', ...args], {cwd: root, encoding: 'utf8'});
  return {code: result.status, out: `${result.stdout}${result.stderr}`};
};

test('broken profiles: each problem names the file, the JSON path and what is wrong; exit 1; no index', () => {
  const out = join(tempFolder('index'), 'index.json');
  const result = run('test/fixtures/partners', '--out', out);
  assert.equal(result.code, 1);
  assert.match(
    result.out,
    /error: test\/fixtures\/partners\/broken-json\.json:1:64: The file is not valid JSON: a text is not closed with "/,
  );
  assert.match(result.out, /error: test\/fixtures\/partners\/missing-summary\.json: \$\.summary is missing: add "summary"\./);
  assert.match(
    result.out,
    /error: test\/fixtures\/partners\/wrong-id\.json: \$\.id is "someone-else", but the file is called wrong-id\.json: they must match\./,
  );
  assert.match(
    result.out,
    /error: test\/fixtures\/partners\/english-only\.json: \$\.logo\.src is "javascript:alert\(1\)", which does not fit\./,
  );
  assert.match(result.out, /4 of 4 profile\(s\) invalid/);
  assert.equal(existsSync(out), false);
});

test('valid profiles: an index of compact entries, sorted, with a warning per text without Danish', () => {
  const dir = tempFolder('partners');
  cpSync(join(root, 'demo/embed/partners/region-southern-denmark.json'), join(dir, 'region-southern-denmark.json'));
  writeFileSync(
    join(dir, 'aarhus-lab.json'),
    JSON.stringify({
      id: 'aarhus-lab',
      name: 'Aarhus Lab',
      country: 'DK',
      summary: {en: 'Only English.'},
      facts: [{label: {en: 'Staff'}, value: 3}],
    }),
  );
  const result = run(dir);
  assert.equal(result.code, 0, result.out);
  assert.match(result.out, /aarhus-lab\.json: \$\.summary has no "da" text/);
  assert.match(result.out, /aarhus-lab\.json: \$\.facts\[0\]\.label has no "da" text/);
  assert.match(result.out, /2 profile\(s\) valid, 2 warning\(s\); wrote .*index\.json with 2 partner\(s\)/);
  const text = readFileSync(join(dir, 'index.json'), 'utf8');
  const index = JSON.parse(text);
  assert.deepEqual(
    index.partners.map((/** @type {{id: string}} */ p) => p.id),
    ['aarhus-lab', 'region-southern-denmark'],
  );
  assert.deepEqual(Object.keys(index.partners[1]), ['id', 'name', 'shortName', 'country', 'summary', 'logo']);
  // One partner a line, no indentation: a changed profile is a changed line, and browsers read no padding.
  assert.deepEqual(
    text.split('\n').slice(1, -2),
    index.partners.map(
      (/** @type {unknown} */ p, /** @type {number} */ i) => `${JSON.stringify(p)}${i < index.partners.length - 1 ? ',' : ''}`,
    ),
  );
  // The countries named in each language, for the directory to draw without an Intl object of its own.
  assert.deepEqual(index.countries, {en: [['DK', 'Denmark']], da: [['DK', 'Danmark']]});
  assert.equal(
    text,
    `{"version":1,"countries":${JSON.stringify(index.countries)},"partners":[\n${text.split('\n').slice(1, -2).join('\n')}\n]}\n`,
  );
});

test('a folder with no profiles is an error naming it, and no index is written (an empty one would empty every list)', () => {
  const dir = tempFolder('partners');
  writeFileSync(join(dir, 'notes.txt'), 'not a profile');
  const result = run(dir);
  assert.equal(result.code, 1, result.out);
  assert.match(
    result.out,
    /error: .*partners-\w+: there are no profiles \(<id>\.json files\) in this folder, so no index was written\. Name the folder that holds them\./,
  );
  assert.equal(existsSync(join(dir, 'index.json')), false);
});

test('a control character in any text (an ESC, NUL, DEL or C1) is an error naming the field; tab and line breaks are fine', () => {
  const dir = tempFolder('partners');
  const sample = JSON.parse(readFileSync(join(root, 'demo/embed/partners/region-southern-denmark.json'), 'utf8'));
  writeFileSync(
    join(dir, 'region-southern-denmark.json'),
    JSON.stringify({...sample, name: {en: 'Region\tof Southern\nDenmark', da: 'Logo \u001b$B'}}),
  );
  const result = run(dir);
  assert.equal(result.code, 1, result.out);
  assert.match(
    result.out,
    /error: .*region-southern-denmark\.json: \$\.name\.da is "Logo \\u001b\$B", which does not fit\. Text that is not empty, without control characters/,
  );
  assert.doesNotMatch(result.out, /\$\.name\.en/, 'a tab and a line break are text');
});
