// Nothing can escape a tag: random profile texts over a hostile alphabet, in cards put in
// every context a page can give them, prerendered and read back with parse5 (the HTML
// standard's parser). Outside the filled tags the page's tree is exactly the input's (no
// element, attribute, comment or script text added or changed); inside them, the tree has
// the shape the card's template gives any texts, and the JSON-LD reads back as the texts.
import {test} from 'node:test';
import assert from 'node:assert/strict';
import {readFileSync} from 'node:fs';
import {join} from 'node:path';
import fc from 'fast-check';
import {parse} from 'parse5';

const root = new URL('../../', import.meta.url).pathname;
/** @type {typeof import('../../node/prerender.js')} */
const {prerenderHTML} = await import(join(root, 'dist/prerender.js'));
const sample = JSON.parse(readFileSync(join(root, 'demo/embed/partners/region-southern-denmark.json'), 'utf8'));
const ID = 'region-southern-denmark';

const HOSTILE = [
  '<',
  '>',
  '&',
  '"',
  "'",
  '`',
  '${',
  '}',
  '</script',
  '</script>',
  '<script>',
  '<!--',
  '-->',
  '--!>',
  ']]>',
  '</template>',
  '</style>',
  '</partner-card>',
  '<partner-card partner="x">',
  '\u2028',
  '\u2029',
  // (A control character such as NUL makes the profile invalid: it never reaches a card. hostile-data and index test that.)
  '\u00a0',
  '\ud800',
  '\udfff',
  'a',
  ' ',
  '&amp;',
  '&lt;',
];
const text = fc.array(fc.constantFrom(...HOSTILE), {minLength: 1, maxLength: 12}).map((parts) => `x${parts.join('')}`);

/** The sample with every text a profile can show replaced by one of `texts` (in turn). @param {string[]} texts */
function profileWith(texts) {
  let i = 0;
  const next = () => texts[i++ % texts.length];
  const p = structuredClone(sample);
  p.name = {en: next(), da: next()};
  p.shortName = next();
  p.summary = {en: next(), da: next()};
  p.description = {en: [next(), next()], da: [next()]};
  p.logo.alt = {en: next(), da: next()};
  for (const fact of p.facts) fact.label = {en: next(), da: next()};
  p.facts.push({label: next(), text: {en: next(), da: next()}});
  for (const organisation of p.organisations) organisation.name = {en: next(), da: next()};
  return p;
}

/** Where a card can stand: the page around it, `%` for the card (each context closes what it opens). */
const CONTEXTS = [
  '%',
  '<p>%</p>',
  '<p lang="da">text %</p>',
  '<div lang="da"><section>%</section></div>',
  '<table><tr><td>%</td></tr></table>',
  '<table><tr><td>x</td></tr>%</table>',
  '<ul><li>%<li>next</ul>',
  '<a href="/x">%</a>',
  '<site-panel lang="da"><template shadowrootmode="open">%</template></site-panel>',
  '<math><mi>%</mi></math>',
  '<pre>%</pre>',
  '<button>%</button>',
];
/** Where a card is only text or inert: left alone, and must stay byte for byte. */
const INERT = [
  '<!-- % -->',
  '<script>var s = "%";</script>',
  '<script>"<!--<script>"; %</script> --></script>',
  '<template>%</template>',
  '<textarea>%</textarea>',
  '<svg>%</svg>',
  '<noscript>%</noscript>',
];
const CARD = (/** @type {string} */ attrs) => `<partner-card partner="${ID}" base="/p/" ${attrs}></partner-card>`;
const VARIANTS = ['', 'variant="compact" href="/partners/rsd/"', 'lang="da" back-href="/"', 'heading-level="4"'];

/** A node as a line: element with attributes, text, comment. @param {any} node */
const describe = (node) =>
  node.tagName
    ? `<${node.namespaceURI === 'http://www.w3.org/1999/xhtml' ? '' : `${node.namespaceURI} `}${node.tagName}${node.attrs.map((/** @type {any} */ a) => ` ${a.name}=${JSON.stringify(a.value)}`).join('')}>`
    : node.nodeName === '#comment'
      ? `<!--${node.data}-->`
      : node.nodeName === '#text'
        ? JSON.stringify(node.value)
        : node.nodeName;

const isShadowRoot = (/** @type {any} */ node) =>
  node.tagName === 'template' &&
  node.attrs.some((/** @type {any} */ a) => a.name === 'shadowrootmode' && a.value === 'open') &&
  node.content.childNodes[0]?.tagName === 'style';
const isJsonLd = (/** @type {any} */ node) =>
  node?.tagName === 'script' && node.attrs.some((/** @type {any} */ a) => a.name === 'type' && a.value === 'application/ld+json');

/**
 * The tree as lines, depth first, template contents included; what the prerenderer wrote
 * first in a card (its shadow root, then its JSON-LD) handed to `inserted` instead.
 * @param {any} node @param {(card: any, parts: any[]) => void} inserted @param {string[]} lines
 */
function walk(node, inserted, lines = [], depth = 0) {
  const children = [...(node.childNodes ?? [])];
  if (node.tagName === 'partner-card' && children[0] && isShadowRoot(children[0])) {
    const parts = [children.shift()];
    if (isJsonLd(children[0])) parts.push(children.shift());
    inserted(node, parts);
  }
  for (const child of children) {
    lines.push(`${' '.repeat(depth)}${describe(child)}`);
    walk(child, inserted, lines, depth + 1);
  }
  if (node.content) walk(node.content, inserted, lines, depth + 1);
  return lines;
}

/** The shape of what a card holds: its elements and attribute names, no texts or values. @param {any} node @returns {string} */
const shape = (node) =>
  [...(node.childNodes ?? []), ...(node.content ? [node.content] : [])]
    .filter((child) => child.tagName || child.nodeName === '#document-fragment')
    .map((child) => `${child.tagName ?? ''}(${(child.attrs ?? []).map((/** @type {any} */ a) => a.name).join(',')})[${shape(child)}]`)
    .join('');

test('random hostile texts in cards in every context: nothing outside the tags changes, nothing inside but the template', () => {
  const plain = profileWith(['plain']);
  /** The shape each variant's content has for plain texts. */
  const expected = new Map();
  fc.assert(
    fc.property(
      fc.array(text, {minLength: 4, maxLength: 8}),
      fc.array(fc.tuple(fc.nat(CONTEXTS.length + INERT.length - 1), fc.nat(VARIANTS.length - 1)), {minLength: 1, maxLength: 6}),
      (texts, places) => {
        const profile = profileWith(texts);
        const page = `<!doctype html><html lang="en"><head><title>t</title></head><body>${places
          .map(([context, variant]) => [...CONTEXTS, ...INERT][context].replace('%', CARD(VARIANTS[variant])))
          .join('\n')}</body></html>`;
        const result = prerenderHTML(page, {profile: (id) => (id === ID ? profile : undefined)});
        assert.deepEqual(result.errors, []);
        const filled = places.filter(([context]) => context < CONTEXTS.length).length;
        assert.equal(result.cards, filled);
        /** @type {[any, any[]][]} */
        const cards = [];
        const outside = walk(parse(result.html, {scriptingEnabled: true}), (card, parts) => cards.push([card, parts]));
        assert.deepEqual(
          outside,
          walk(parse(page, {scriptingEnabled: true}), () => assert.fail('the input has no prerendered card')),
          'the page outside the tags',
        );
        assert.equal(cards.length, filled);
        for (const [card, [shadow, jsonLd]] of cards) {
          // The card in the language it resolved (its own, or the one around it), with plain texts.
          const lang = shadow.content.childNodes
            .find((/** @type {any} */ n) => n.tagName === 'article')
            ?.attrs.find((/** @type {any} */ a) => a.name === 'lang')?.value;
          const attrs = `lang="${lang}" ${card.attrs.map((/** @type {any} */ a) => `${a.name}="${a.value}"`).join(' ')}`;
          if (!expected.has(attrs)) {
            const reference = prerenderHTML(`<partner-card ${attrs}></partner-card>`, {profile: () => plain});
            walk(parse(reference.html), (_, [refShadow, refJsonLd]) => expected.set(attrs, [shape(refShadow), !!refJsonLd]));
          }
          const [referenceShape, hasJsonLd] = expected.get(attrs);
          assert.equal(shape(shadow), referenceShape, `the content of <partner-card ${attrs}>`);
          assert.equal(!!jsonLd, hasJsonLd);
          if (jsonLd) {
            // Read back as the very text (a lone surrogate cannot be written as UTF-8: U+FFFD in a file).
            const data = JSON.parse(jsonLd.childNodes.map((/** @type {any} */ t) => t.value).join(''));
            assert.equal(data.name, lang === 'da' ? profile.name.da : profile.name.en);
          }
        }
      },
    ),
    {numRuns: 150},
  );
});
