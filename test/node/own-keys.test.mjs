// Keys and ids that are also the names of Object.prototype's properties
// (__proto__, constructor, prototype, toString, hasOwnProperty, valueOf) read
// as any other: the profile checker (what `index`, `publish` and the
// translator preview use) gives ajv's verdict on a profile holding them as
// keys anywhere, and a partner whose id is one of them keeps its translation
// record, so its stale Danish is found.
import {test} from 'node:test';
import assert from 'node:assert/strict';
import {spawnSync} from 'node:child_process';
import {readFileSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import Ajv2020 from 'ajv/dist/2020.js';
import fc from 'fast-check';
import {checkProfile, parseProfile} from '../../shared/profile-check.mjs';
import {readRecord, staleTexts} from '../../node/translation-record.mjs';
import {tempFolder} from '../support/temp-folders.mjs';

const root = new URL('../../', import.meta.url).pathname;
const schema = JSON.parse(readFileSync(join(root, 'src/profile.schema.json'), 'utf8'));
const ajv = new Ajv2020({allErrors: true, strict: true}).compile(schema);
const SAMPLE = readFileSync(join(root, 'demo/embed/partners/region-southern-denmark.json'), 'utf8');
const KEYS = ['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', 'valueOf'];

/** Where in a profile a key goes: the JSON text of the object at that place, with the key added. */
const PLACES = [
  '',
  '.name',
  '.summary',
  '.logo',
  '.logo.alt',
  '.facts[0]',
  '.facts[0].label',
  '.organisations[0]',
  '.organisations[0].name',
];

/**
 * The sample's text with `"key": value` added to the object at `place`, as text: JSON.parse then makes
 * `__proto__` an own key, as it does for a file on disk.
 * @param {string} place @param {string} key @param {string} value JSON
 */
function withKey(place, key, value) {
  const profile = JSON.parse(SAMPLE);
  const marker = '"__marker__"';
  /** @type {any} */
  let at = profile;
  for (const step of place.split(/\.|\[(\d+)\]/).filter(Boolean)) at = at[step];
  at.__marker__ = 1;
  return JSON.stringify(profile).replace(`${marker}:1`, `${JSON.stringify(key)}:${value}`);
}

test("the profile checker gives ajv's verdict on keys named as Object.prototype's properties, anywhere in a profile", () => {
  fc.assert(
    fc.property(
      fc.constantFrom(...PLACES),
      fc.constantFrom(...KEYS),
      fc.constantFrom('"Tekst"', '{"x": 1}', '[1, 2]', '42', 'null'),
      (place, key, value) => {
        const text = withKey(place, key, value);
        const parsed = parseProfile(text).value;
        const checker = checkProfile(parsed, schema).length === 0;
        assert.equal(checker, ajv(parsed), `${place} "${key}": ${value}: the checker says ${checker ? 'valid' : 'invalid'}, ajv does not`);
      },
    ),
    {numRuns: 300},
  );
});

test('a partner whose id is a name of Object.prototype keeps its translation record: its stale Danish is found', () => {
  for (const id of ['constructor', 'prototype', 'valueof', 'tostring', 'hasownproperty']) {
    const dir = tempFolder('own-keys');
    const profile = {...JSON.parse(SAMPLE), id, summary: {en: 'A lab.'}};
    delete profile.logo;
    writeFileSync(join(dir, `${id}.json`), JSON.stringify(profile, null, 2));
    const cli = (/** @type {string[]} */ ...args) =>
      spawnSync(process.execPath, [join(root, 'tools/cli/partner-card.mjs'), ...args], {cwd: dir, encoding: 'utf8'});
    assert.equal(cli('xliff', 'export', '.', '--out', 'da.xlf').status, 0);
    const xliff = readFileSync(join(dir, 'da.xlf'), 'utf8').replace(
      /(<trans-unit id="[a-z]+:\$\.summary"[^>]*>\s*<source>A lab\.<\/source>)/,
      '$1\n        <target>Et laboratorium.</target>',
    );
    writeFileSync(join(dir, 'da.xlf'), xliff);
    const imported = cli('xliff', 'import', 'da.xlf', '.');
    assert.equal(imported.status, 0, imported.stderr);
    const record = readRecord(dir);
    assert.deepEqual({...record[id]}, {'$.summary': 'A lab.'}, `${id}: the record holds what its Danish was made from`);
    const changed = {...profile, summary: {en: 'A new lab.', da: 'Et laboratorium.'}};
    assert.equal(staleTexts(record, changed).length, 1, `${id}: the English changed since, and that is found`);
  }
});
