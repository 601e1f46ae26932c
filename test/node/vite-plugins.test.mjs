// The build's own Vite plugins (tools/build/vite/), each transform on the
// shapes of code it meets in src/ and in @lit/localize's generated templates.
import {test} from 'node:test';
import assert from 'node:assert/strict';
import {stripNotes} from '../../tools/build/vite/strip-translator-notes.mjs';
import {idCodes, shortenIds} from '../../tools/build/vite/short-msg-ids.mjs';
import {dropDirectoryStrings} from '../../tools/build/vite/without-directory-strings.mjs';
import {kb, sizesOf, weigh} from '../../tools/build/vite/size-budget.mjs';
import {minifyLiterals} from '../../tools/build/vite/minify-literals.mjs';
import {noRuntimeMsgIds, STUB} from '../../tools/build/vite/no-runtime-msg-ids.mjs';
import {shortenLitErrors} from '../../tools/build/vite/short-lit-errors.mjs';
import {withoutVersionPushes} from '../../tools/build/vite/no-lit-version-globals.mjs';
import {supportedBrowsersOnly} from '../../tools/build/vite/supported-browsers-only.mjs';

test('strip-translator-notes: the desc goes, escaped quotes and all; the id and the text stay', () => {
  const code = `msg(str\`about \${n}\`, {id: 'figure.about', desc: 'An "approximate" figure, e.g. \\'about 25,000\\'.'});\nmsg('Retry', {id: 'retry'});`;
  assert.equal(stripNotes(code)?.toString(), `msg(str\`about \${n}\`, {id: 'figure.about'});\nmsg('Retry', {id: 'retry'});`);
  assert.equal(stripNotes("msg('Retry', {id: 'retry'});"), undefined, 'nothing to strip: untouched');
});

test('short-msg-ids: ids numbered in sorted order; the same code in the source and the generated templates; unknown ids left', () => {
  const codes = idCodes(
    '<trans-unit id="retry"></trans-unit><trans-unit id="error.network"></trans-unit><trans-unit id="retry"></trans-unit>',
  );
  assert.deepEqual(
    [...codes],
    [
      ['error.network', '0'],
      ['retry', '1'],
    ],
  );
  const source = "msg('Retry', {id: 'retry'}); msg('x', {id: 'not.in.xliff'});";
  assert.equal(shortenIds(source, codes)?.toString(), "msg('Retry', {id: '1'}); msg('x', {id: 'not.in.xliff'});");
  const generated = "export const templates = {\n  'error.network': `Netværksfejl`,\n  'retry': `Prøv igen`,\n};";
  assert.equal(shortenIds(generated, codes)?.toString(), "export const templates = {\n  '0': `Netværksfejl`,\n  '1': `Prøv igen`,\n};");
  assert.equal(shortenIds("const id = 'retry';", codes), undefined, 'a string that is not an id stays');
});

test("without-directory-strings: the directory's entries go, escaped backticks and placeholders included; the card's stay", () => {
  const generated = [
    'export const templates = {',
    "  'card.title': `Partner`,",
    "  'directory.count': str`${0} partnere`,",
    "  'directory.quote': `Søg i \\`navn\\``,",
    "  'retry': `Prøv igen`,",
    '};',
    '',
  ].join('\n');
  assert.equal(
    dropDirectoryStrings(generated).toString(),
    ['export const templates = {', "  'card.title': `Partner`,", "  'retry': `Prøv igen`,", '};', ''].join('\n'),
  );
});

test('size-budget: sizes printed, a problem only above the gzip budget', () => {
  const code = new TextEncoder().encode('x'.repeat(10_000));
  const under = weigh('m.js', code, 1024);
  assert.match(under.line, /^m\.js: min 9\.77 KB \| gzip 0\.\d\d KB \| brotli 0\.\d\d KB \(budget: 1\.00 KB gzip\)$/);
  assert.equal(under.problem, undefined);
  // The bench's size rows weigh with the same function.
  const {min, gzip, brotli} = sizesOf(code);
  assert.equal(min, 10_000);
  assert.ok(under.line.includes(`gzip ${kb(gzip)} | brotli ${kb(brotli)}`), under.line);
  assert.match(String(weigh('m.js', code, 10).problem), /^m\.js is 0\.\d\d KB gzipped, over the 0\.01 KB budget$/);
});

test("minify-literals: Lit's html`` loses its indentation, in src/ only", async () => {
  const plugin = /** @type {{transform: (code: string, id: string) => Promise<{code: string} | null>}} */ (
    /** @type {unknown} */ (minifyLiterals())
  );
  const code = 'const t = html`\n    <p>\n      Hello\n    </p>\n  `;\n';
  const out = await plugin.transform(code, '/project/src/card.ts');
  assert.equal(out?.code, 'const t = html`<p>Hello</p>`;\n');
  assert.equal(await plugin.transform(code, '/project/pages/x.ts'), null);
});

test("no-runtime-msg-ids: @lit/localize's id generator resolves to a stub that throws; other imports are left alone", async () => {
  const plugin = /** @type {{resolveId: (s: string, i?: string) => string | null, load: (id: string) => string | null}} */ (
    /** @type {unknown} */ (noRuntimeMsgIds())
  );
  const stub = plugin.resolveId('./id-generation.js', '/project/node_modules/@lit/localize/internal/runtime-msg.js');
  assert.ok(stub);
  assert.equal(plugin.load(stub), STUB);
  assert.equal(plugin.resolveId('./id-generation.js', '/project/src/x.ts'), null);
  assert.equal(plugin.load('/project/src/x.ts'), null);
  const {generateMsgId} = await import(`data:text/javascript,${encodeURIComponent(STUB)}`);
  assert.throws(() => generateMsgId(), /msg\(\) without an id/);
});

test("short-lit-errors: both of Lit's long css-tag messages are found in the installed Lit and shortened, the rest kept", async () => {
  const {readFileSync} = await import('node:fs');
  const file = new URL('../../node_modules/@lit/reactive-element/css-tag.js', import.meta.url);
  const code = readFileSync(file, 'utf8');
  const shortened = shortenLitErrors(code)?.toString() ?? '';
  // A later Lit that words them otherwise would make this a no-op: the test says so before the size budget does.
  assert.doesNotMatch(shortened, /CSSResult is not constructable|take care to ensure page security/);
  assert.match(shortened, /lit: use css or unsafeCSS/);
  assert.match(shortened, /lit: css`` takes css results only: "\+t/);
  assert.equal(shortened.replace(/Error\([^)]*\)/g, ''), code.replace(/Error\([^)]*\)/g, ''), 'nothing else changes');
});

test("no-lit-version-globals: each of Lit's modules loses its push to the page's version array, and nothing else", async () => {
  const {readFileSync} = await import('node:fs');
  for (const [path, name] of [
    ['lit-html/lit-html.js', 'litHtmlVersions'],
    ['lit-element/lit-element.js', 'litElementVersions'],
    ['@lit/reactive-element/reactive-element.js', 'reactiveElementVersions'],
  ]) {
    const code = readFileSync(new URL(`../../node_modules/${path}`, import.meta.url), 'utf8');
    // A later Lit that writes it otherwise would make this a no-op: the test says so.
    const push = new RegExp(`\\(\\w+\\.${name}\\?\\?=\\[\\]\\)\\.push\\("[\\d.]+"\\)`).exec(code)?.[0];
    assert.ok(push, `${path} pushes its version to ${name}`);
    assert.equal(withoutVersionPushes(code)?.toString(), code.replace(push, 'void 0'), path);
  }
  assert.equal(withoutVersionPushes('globalThis.litHtmlVersions;'), undefined, 'a read is not a push: untouched');
});

test("supported-browsers-only: the installed Lit's test for adoptable style sheets is answered true, its polyfill hooks read as absent, nothing else changes", async () => {
  const {readFileSync} = await import('node:fs');
  const read = (/** @type {string} */ path) => {
    const id = new URL(`../../node_modules/${path}`, import.meta.url).pathname;
    return {id, code: readFileSync(id, 'utf8')};
  };
  const css = read('@lit/reactive-element/css-tag.js');
  const test = /(\w+)=\w+\.ShadowRoot&&[^,]*"replace"in CSSStyleSheet\.prototype/.exec(css.code);
  assert.ok(test, "Lit's css-tag.js tests for adoptable style sheets where the rewrite expects it");
  assert.equal(supportedBrowsersOnly(css.code, css.id).toString(), css.code.replace(test[0], `${test[1]}=!0`));
  for (const [path, hook] of [
    ['lit-html/lit-html.js', 'litHtmlPolyfillSupport'],
    ['lit-element/lit-element.js', 'litElementPolyfillSupport'],
    ['@lit/reactive-element/reactive-element.js', 'reactiveElementPolyfillSupport'],
  ]) {
    const {id, code} = read(path);
    const reads = code.match(new RegExp(`\\w+\\.${hook}\\b`, 'g'));
    assert.equal(reads?.length, 1, `${path} reads ${hook} once`);
    assert.equal(supportedBrowsersOnly(code, id).toString(), code.replace(reads[0], 'void 0'), path);
  }
  // A later Lit that tests otherwise stops the build rather than ship the other way unnoticed.
  assert.throws(() => supportedBrowsersOnly('const e="adoptedStyleSheets"in Document.prototype;', '/x/css-tag.js'), /no longer tests/);
  assert.throws(() => supportedBrowsersOnly('const e=1;', '/x/lit-html.js'), /no longer reads a polyfill hook/);
});
