// The prerenderer against pages of real-world shapes (test/fixtures/prerender-corpus): each page
// says in <meta name="corpus-expect"> how many cards a browser makes of it, in which languages,
// and how many mentions of a card sit where a browser makes none. The browser test
// (test/prerender-corpus.test.ts) holds the same pages to all three engines.
import {test} from 'node:test';
import assert from 'node:assert/strict';
import {readFileSync, readdirSync} from 'node:fs';
import {join} from 'node:path';
import {parse} from 'parse5';
import {buildSitesIfStale, generatedPages} from '../support/generated-sites.mjs';

const root = new URL('../../', import.meta.url).pathname;
/** @type {typeof import('../../node/prerender.js')} */
const {prerenderHTML, MAX_DEPTH} = await import(join(root, 'dist/prerender.js'));
const corpus = join(root, 'test/fixtures/prerender-corpus');

/** @param {string} id */
function profile(id) {
  for (const folder of ['demo/embed/partners', 'test/fixtures/partners', 'test/fixtures/hostile']) {
    try {
      return JSON.parse(readFileSync(join(root, folder, `${id}.json`), 'utf8'));
    } catch {
      // not in this folder
    }
  }
  return undefined;
}

/** Every element of a parse5 tree, template contents included. @param {any} node @returns {any[]} */
const elements = (node) => [
  ...(node.tagName ? [node] : []),
  ...(node.childNodes ?? []).flatMap(elements),
  ...(node.content ? elements(node.content) : []),
];

for (const file of readdirSync(corpus)
  .filter((name) => name.endsWith('.html'))
  .sort()) {
  test(`corpus: ${file}`, () => {
    const source = readFileSync(join(corpus, file), 'utf8');
    const expect = Object.fromEntries(
      (/<meta name="corpus-expect" content="([^"]*)">/.exec(source)?.[1] ?? '').split(' ').map((pair) => pair.split('=')),
    );
    const result = prerenderHTML(source, {profile});
    assert.deepEqual(result.errors, []);
    assert.equal(result.cards, Number(expect.cards), 'cards filled');
    const langs = [...result.html.matchAll(/<article class="card [a-z]+" part="card" lang="([a-z]+)"/g)].map((m) => m[1]);
    assert.deepEqual(langs, expect.langs.split(','), 'each card in the language around it');
    assert.equal(result.warnings.length, Number(expect.warnings), result.warnings.join('\n'));
    // Read back as a browser would: every filled card holds one shadow root, and nothing else has one.
    const hosts = elements(parse(result.html, {scriptingEnabled: true})).filter((el) =>
      el.childNodes?.some(
        (/** @type {any} */ child) =>
          child.tagName === 'template' &&
          child.attrs.some((/** @type {any} */ a) => a.name === 'shadowrootmode' && a.value === 'open') &&
          child.content.childNodes[0]?.tagName === 'style',
      ),
    );
    assert.equal(hosts.length, result.cards);
    assert.ok(hosts.every((el) => el.tagName === 'partner-card'));
    assert.equal(prerenderHTML(result.html, {profile}).html, result.html, 'a second run changes nothing');
  });
}

test('warnings name the line of a card a browser does not make', () => {
  const page =
    '<p>\n<!-- <partner-card partner="x"></partner-card> -->\n<script>\n"<partner-directory>"</script>\n<svg><partner-card partner="x"></partner-card></svg>';
  const {warnings, cards} = prerenderHTML(page, {profile});
  assert.equal(cards, 0);
  assert.deepEqual(warnings, [
    'line 2: partner-card in a comment is not an element a browser makes; left as it is',
    'line 4: partner-directory in the text of <script> is not an element a browser makes; left as it is',
    'line 5: partner-card inside <svg> or <math> is not an element a browser makes; left as it is',
  ]);
});

test('what a page keeps inside a card (its light DOM, which the card does not show) is left as it is, cards in it too', () => {
  const inner = '<partner-card partner="region-southern-denmark" base="/p/"></partner-card>';
  const page = `<partner-card partner="region-southern-denmark" base="/p/"><p>Fallback ${inner}</p><!-- ${inner} --></partner-card>`;
  const result = prerenderHTML(page, {profile});
  assert.deepEqual([result.errors, result.warnings, result.cards], [[], [], 1]);
  assert.equal(result.html.match(/shadowrootmode/g)?.length, 1);
  assert.ok(result.html.endsWith(`<p>Fallback ${inner}</p><!-- ${inner} --></partner-card>`));
  assert.equal(prerenderHTML(result.html, {profile}).html, result.html, 'a second run changes nothing');
});

test(`more than ${MAX_DEPTH} open elements: the page is refused, naming the line`, () => {
  const card = '<partner-card partner="region-southern-denmark" base="/p/"></partner-card>';
  const ok = prerenderHTML('<div>'.repeat(MAX_DEPTH - 3) + card, {profile});
  assert.deepEqual(ok.errors, []);
  assert.equal(ok.cards, 1);
  const deep = prerenderHTML(`<p>\n${'<div>'.repeat(MAX_DEPTH)}\n${card}`, {profile});
  assert.equal(deep.cards, 0);
  assert.deepEqual(deep.errors, [
    `line 2: more than ${MAX_DEPTH} elements are open here (tags never closed?): browsers do not agree on such a tree, so nothing in this page is prerendered`,
  ]);
  assert.equal(deep.html.length, `<p>\n${'<div>'.repeat(MAX_DEPTH)}\n${card}`.length);
});

test('a page string with lone surrogates (only code can make one) is read, not thrown on; the card gets U+FFFD', () => {
  const page = `<p>\udfff\udfff</p><partner-card partner="region-southern-denmark" base="/p/"></partner-card>`;
  const result = prerenderHTML(page, {profile: () => ({...profile('region-southern-denmark'), shortName: 'R\ud800S'})});
  assert.deepEqual(result.errors, []);
  assert.equal(result.cards, 1);
  assert.ok(result.html.startsWith('<p>\udfff\udfff</p>'), 'the page outside the tag as it was');
  assert.ok(!/[\ud800-\udfff]/.test(result.html.slice(page.indexOf('<partner-card'))), 'no lone surrogate written into the card');
});

test('pages Eleventy and Astro built from the test site: every card filled, the mentions in code, comments and scripts left with a warning', async () => {
  await buildSitesIfStale();
  const pages = generatedPages();
  assert.ok(pages.length >= 4, pages.join(', '));
  /** What each page holds, as the test site's sources write it: [cards, warnings]. */
  const expected = {
    'test/generated/eleventy/index.html': [2, 0],
    'test/generated/eleventy/en/about/index.html': [2, 1],
    'test/generated/astro/index.html': [2, 1],
    'test/generated/astro/en/partner.html': [1, 1],
  };
  for (const page of pages) {
    const source = readFileSync(join(root, page), 'utf8');
    const result = prerenderHTML(source, {profile});
    assert.deepEqual(result.errors, [], page);
    assert.deepEqual(
      [result.cards, result.warnings.length],
      expected[/** @type {keyof typeof expected} */ (page)],
      `${page}: ${result.warnings.join('; ')}`,
    );
    assert.equal(prerenderHTML(result.html, {profile}).html, result.html, `${page}: a second run changes nothing`);
  }
});
