// The index's countries: named in each language and sorted by that
// language's own order, and compared with a kept index by which countries,
// not by their names.
import {test} from 'node:test';
import assert from 'node:assert/strict';
import {countryNames, indexDifferences, indexOf} from '../../node/partner-index.mjs';

const partner = (/** @type {string} */ id, /** @type {string} */ country) => ({id, name: {en: id}, country, summary: {en: 'S.'}});

test("each country once, in every language, sorted by that language's order (Danish puts Ø and Å last)", () => {
  assert.deepEqual(countryNames(['SE', 'AT', 'DK', 'SE', 'AX']), {
    en: [
      ['AX', 'Åland Islands'],
      ['AT', 'Austria'],
      ['DK', 'Denmark'],
      ['SE', 'Sweden'],
    ],
    da: [
      ['DK', 'Danmark'],
      ['SE', 'Sverige'],
      ['AT', 'Østrig'],
      ['AX', 'Åland'],
    ],
  });
});

test('a kept index is compared by which countries it names, not by the names another Intl gave them', () => {
  const made = indexOf([partner('a', 'DK'), partner('b', 'TR')]);
  const renamed = structuredClone(made);
  renamed.countries.en = renamed.countries.en.map(([code]) => /** @type {[string, string]} */ ([code, `Old name of ${code}`])).reverse();
  assert.deepEqual(indexDifferences(renamed, made), []);
  const short = {...made, countries: {...made.countries, da: made.countries.da.filter(([code]) => code !== 'TR')}};
  assert.deepEqual(indexDifferences(short, made), ['its "countries" in "da" are not the profiles\' countries']);
  const none = {partners: made.partners};
  assert.deepEqual(indexDifferences(none, made), ['it has no "countries" (their names in each language)']);
  assert.deepEqual(indexDifferences({...made, countries: {en: 'Denmark'}}, made), [
    'its "countries" in "en" are not the profiles\' countries',
    'its "countries" in "da" are not the profiles\' countries',
  ]);
});
