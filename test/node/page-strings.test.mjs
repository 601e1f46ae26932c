// The translator preview's own words (demo/translate-strings.js, plain
// JavaScript that no type-check covers): Danish for every English string, with
// the same placeholders. (The embed builder's are checked by TypeScript.)
import {test} from 'node:test';
import assert from 'node:assert/strict';
import {strings} from '../../demo/translate-strings.js';

const placeholders = (/** @type {string} */ text) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

test('the translator preview has Danish for every English string, with the same placeholders', () => {
  assert.deepEqual(Object.keys(strings.da).sort(), Object.keys(strings.en).sort());
  for (const [key, english] of Object.entries(strings.en)) {
    const danish = /** @type {Record<string, string>} */ (strings.da)[key];
    assert.ok(danish.trim(), `${key} has Danish`);
    assert.deepEqual(placeholders(danish), placeholders(english), `${key}: the same placeholders`);
  }
});
