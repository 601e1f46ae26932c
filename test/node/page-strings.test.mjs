// The project pages' own words (embed builder, translator preview) go through
// locales/pages.da.xlf as the card's go through locales/da.xlf: extracted from
// the code, translated in XLIFF tools, read back by the build and the preview,
// and checked by npm run i18n:check.
import {test} from 'node:test';
import assert from 'node:assert/strict';
import {spawnSync} from 'node:child_process';
import {cpSync, readFileSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {englishStrings, pagesXliff, translations, writePagesXliff} from '../../node/page-strings.mjs';
import {placeholderNames, readPagesXliff} from '../../shared/xliff.mjs';
import {tempFolder} from '../support/temp-folders.mjs';

const root = new URL('../../', import.meta.url).pathname;
const english = await englishStrings();

test('locales/pages.da.xlf has usable Danish for every English string of both pages', () => {
  assert.deepEqual(Object.keys(english).sort(), ['embed-builder', 'translator-preview']);
  for (const [page, strings] of Object.entries(english)) {
    assert.ok(Object.keys(strings).length > 20, `${page}: its strings were read from the code`);
    const danish = translations(page, 'da');
    for (const [key, text] of Object.entries(strings)) {
      assert.ok(key in danish && danish[key].trim(), `${page} ${key} has Danish`);
      assert.equal(placeholderNames(danish[key]), placeholderNames(text), `${page} ${key}: the same placeholders`);
    }
  }
});

test('npm run i18n:extract leaves a translated pages file as it is', () => {
  const file = pagesXliff('da');
  const read = readPagesXliff(readFileSync(file, 'utf8'));
  assert.ok('pages' in read);
  assert.equal(writePagesXliff(english, read.pages, 'da'), readFileSync(file, 'utf8'));
});

test('extract: new English without a target, translations kept, a changed English marked for review, strings gone from the code dropped, placeholders as <x/>', () => {
  const existing = {
    'embed-builder': {
      copy: {source: 'Copy code', target: 'Kopiér koden', review: false},
      noMatch: {source: 'Nothing matches “{query}”.', target: 'Intet passer til “{query}”.', review: false},
      gone: {source: 'Old words', target: 'Gamle ord', review: false},
    },
  };
  const pages = {
    'embed-builder': {copy: 'Copy code', noMatch: 'No organisation matches “{query}” & <more>.', title: 'Embed a partner card'},
  };
  const xml = writePagesXliff(pages, existing, 'da');
  assert.match(xml, /<source>No organisation matches “<x id="query"\/>” &amp; &lt;more&gt;\.<\/source>/);
  assert.match(xml, /<target state="needs-review-translation">Intet passer til “<x id="query"\/>”\.<\/target>/);
  assert.match(xml, /<note from="developer">[^<]*Placeholder query: what the person typed/);
  assert.doesNotMatch(xml, /gone|Gamle/);
  const read = readPagesXliff(xml);
  assert.ok('pages' in read);
  assert.deepEqual(read.pages['embed-builder'], {
    copy: {source: 'Copy code', target: 'Kopiér koden', review: false},
    noMatch: {source: 'No organisation matches “{query}” & <more>.', target: 'Intet passer til “{query}”.', review: true},
    title: {source: 'Embed a partner card', target: undefined, review: false},
  });
  // Marked once, it stays marked until a translator clears the state.
  assert.match(writePagesXliff(pages, read.pages, 'da'), /<target state="needs-review-translation">Intet/);
});

test('reads what translation tools write: attributes, equiv-text, <g> and <mrk> around words, entities, CDATA', () => {
  const read = readPagesXliff(`<?xml version="1.0"?>
<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2"><file original="embed-builder" source-language="en" target-language="da"><body><group id="g">
  <trans-unit id="noMatch" approved="yes"><source>No match for “<x id="query" equiv-text="{query}"/>”.</source>
    <target state="translated" xml:lang="da"><g id="1">Intet</g> passer til “<x  equiv-text="{query}" id="query" />” &amp; <mrk mtype="x">så</mrk> &#xE6;<![CDATA[ <ok> ]]></target></trans-unit>
</group></body></file></xliff>`);
  assert.ok('pages' in read);
  assert.deepEqual(read.pages['embed-builder']?.noMatch, {
    source: 'No match for “{query}”.',
    target: 'Intet passer til “{query}” & så æ <ok> ',
    review: false,
  });
  assert.match(/** @type {{error: string}} */ (readPagesXliff('<xliff><file>')).error, /line \d+, column \d+: not well-formed XML/);
});

/** A copy of locales/ in a temp folder, its pages file edited by `edit`; what i18n:check says of it. */
/** @param {(xml: string) => string} edit @param {string[]} args */
function checkWith(edit, ...args) {
  const dir = tempFolder('pages');
  cpSync(join(root, 'locales'), dir, {recursive: true});
  const file = join(dir, 'pages.da.xlf');
  writeFileSync(file, edit(readFileSync(file, 'utf8')));
  return spawnSync(process.execPath, ['tools/cli/i18n-check.mjs', '--locales', dir, ...args], {cwd: root, encoding: 'utf8'});
}

test('i18n:check fails on a page string without Danish, with a lost placeholder, or translated from an English that has changed; the build stops on all but the last', () => {
  const clean = checkWith((xml) => xml);
  assert.equal(clean.status, 0, clean.stdout);
  const cases = [
    [/<target>Kopiér koden<\/target>\n/, '', /page string .*embed-builder copy in .*Copy code/],
    [/(<target>Ingen organisation passer til )“<x id="query"\/>”/, '$1noget', /placeholder lost or added .*embed-builder noMatch/],
    [
      /<source>Download the profile \(<x id="file"\/>\)<\/source>/,
      '<source>Download the file (<x id="file"/>)</source>',
      /page string: English newer .*translator-preview downloadJson/,
    ],
    [
      /<target>Valg<\/target>/,
      '<target state="needs-review-translation">Valg</target>',
      /page string: English newer .*embed-builder options/,
    ],
    [/<trans-unit id="share">[^]*?<\/trans-unit>/, '', /not extracted yet .*embed-builder share/],
    [/<xliff[^>]*>/, '$&<oops>', /broken XML/],
  ];
  for (const [pattern, replacement, expected] of cases) {
    const edit = (/** @type {string} */ xml) => {
      assert.match(xml, /** @type {RegExp} */ (pattern));
      return xml.replace(/** @type {RegExp} */ (pattern), /** @type {string} */ (replacement));
    };
    const result = checkWith(edit);
    assert.equal(result.status, 1, `${expected}: fails\n${result.stdout}`);
    assert.match(result.stdout.replace(/ +/g, ' '), /** @type {RegExp} */ (expected));
    // The build's check: a translation to review is listed but lets the build go on.
    const build = checkWith(edit, '--interface-only');
    assert.match(build.stdout.replace(/ +/g, ' '), /** @type {RegExp} */ (expected));
    assert.equal(build.status, String(expected).includes('English newer') ? 0 : 1, `${expected}: the build's check\n${build.stdout}`);
  }
});

test('the build takes only Danish it can use: a target without its placeholder, or empty, is left out (the page shows the English)', () => {
  const dir = tempFolder('pages');
  const pages = {'embed-builder': {copy: 'Copy code', noMatch: 'No organisation matches “{query}”.', title: 'Embed a partner card'}};
  const existing = {
    'embed-builder': {
      copy: {source: 'Copy code', target: 'Kopiér koden', review: false},
      noMatch: {source: 'No organisation matches “{query}”.', target: 'Ingen organisation passer.', review: false},
      title: {source: 'Embed a partner card', target: ' ', review: false},
    },
  };
  writeFileSync(pagesXliff('da', dir), writePagesXliff(pages, existing, 'da'));
  assert.deepEqual(translations('embed-builder', 'da', dir), {copy: 'Kopiér koden'});
});
