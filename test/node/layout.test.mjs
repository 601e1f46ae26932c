// The tree's folders are runtimes and roles (README "Layout"); this test keeps
// their imports pointing the right way, so that the layout stays true as code
// moves: the browser's folders never reach for Node or the tools, the shared
// library stands on its own, and nothing but the tests imports the tests.
import {test} from 'node:test';
import assert from 'node:assert/strict';
import {readdirSync, readFileSync} from 'node:fs';
import {dirname, join, normalize, relative} from 'node:path';

const root = new URL('../..', import.meta.url).pathname;

/**
 * For each folder: the project folders its code may import (besides itself),
 * and whether it may import Node's built-in modules.
 * @type {Record<string, {may: string[], node: boolean}>}
 */
export const RULES = {
  src: {may: ['shared'], node: false},
  shared: {may: [], node: false},
  pages: {may: ['src', 'shared'], node: false},
  demo: {may: ['src', 'shared'], node: false},
  node: {may: ['src', 'shared'], node: true},
  tools: {may: ['node', 'src', 'shared'], node: true},
};

/**
 * The shared library names the module's language codes, which lit-localize
 * generates into src/generated/ from lit-localize.json: a type, erased from
 * the code, and not the browser module's code.
 */
const ALLOWED = [{from: 'shared/profile-types.ts', to: 'src/generated/locale-codes.js', typeOnly: true}];

/** @param {string} dir @returns {string[]} */
function codeFiles(dir) {
  return readdirSync(join(root, dir), {withFileTypes: true, recursive: true})
    .filter((e) => e.isFile() && /\.(m?js|ts)$/.test(e.name) && !e.name.endsWith('.d.ts'))
    .map((e) => relative(root, join(e.parentPath, e.name)))
    .filter((f) => !f.startsWith('src/generated/') && !f.includes('/generated/') && !f.startsWith('demo/generated'));
}

/**
 * Every module a file's code loads (static imports, re-exports, dynamic
 * imports with a literal), and whether the statement is `import type`.
 * JSDoc `import()` types are in comments, which are left out first.
 * @param {string} text
 */
export function importsOf(text) {
  const code = text.replace(/\/\*[^]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');
  /** @type {{specifier: string, typeOnly: boolean}[]} */
  const found = [];
  for (const m of code.matchAll(/^\s*(import|export)\s+(type\s+)?(?:[^'"]*?\sfrom\s+)?['"]([^'"]+)['"]/gm)) {
    found.push({specifier: m[3], typeOnly: Boolean(m[2])});
  }
  for (const m of code.matchAll(/\bimport\(\s*['"]([^'"]+)['"]\s*\)/g)) found.push({specifier: m[1], typeOnly: false});
  return found;
}

/** What `file` imports that its folder's rule forbids, one line each. @param {string} file @param {string} text */
export function wrongImports(file, text) {
  const folder = file.split('/')[0];
  const rule = RULES[folder];
  /** @type {string[]} */
  const wrong = [];
  for (const {specifier, typeOnly} of importsOf(text)) {
    if (specifier.startsWith('node:')) {
      if (!rule.node) wrong.push(`${file} imports ${specifier}: ${folder}/ runs in the browser`);
      continue;
    }
    if (!specifier.startsWith('.')) continue;
    const target = normalize(join(dirname(file), specifier));
    const top = target.split('/')[0];
    if (top === folder || rule.may.includes(top)) continue;
    // The project's own settings (package.json's version, lit-localize.json's languages) are data, read by Node's code.
    if (rule.node && !target.includes('/') && target.endsWith('.json')) continue;
    if (ALLOWED.some((a) => a.from === file && a.to === target && (!a.typeOnly || typeOnly))) continue;
    wrong.push(`${file} imports ${target}: ${folder}/ may import ${[folder, ...rule.may].join(', ')}/ only`);
  }
  return wrong;
}

test('no file imports across runtimes or roles the wrong way (README "Layout")', () => {
  const wrong = Object.keys(RULES).flatMap((folder) =>
    codeFiles(folder).flatMap((f) => wrongImports(f, readFileSync(join(root, f), 'utf8'))),
  );
  assert.deepEqual(wrong, []);
});

test('nothing outside test/ imports the tests', () => {
  const wrong = Object.keys(RULES)
    .flatMap((folder) => codeFiles(folder).map((f) => ({f, imports: importsOf(readFileSync(join(root, f), 'utf8'))})))
    .flatMap(({f, imports}) =>
      imports.filter((i) => normalize(join(dirname(f), i.specifier)).startsWith('test/')).map((i) => `${f} imports ${i.specifier}`),
    );
  assert.deepEqual(wrong, []);
});

test('the rule catches what it is for', () => {
  assert.deepEqual(wrongImports('shared/x.mjs', "import {readFileSync} from 'node:fs';"), [
    'shared/x.mjs imports node:fs: shared/ runs in the browser',
  ]);
  assert.deepEqual(wrongImports('src/x.ts', "export {prerender} from '../node/prerender.js';"), [
    'src/x.ts imports node/prerender.js: src/ may import src, shared/ only',
  ]);
  assert.deepEqual(wrongImports('shared/x.ts', "import {pick} from '../src/format.js';"), [
    'shared/x.ts imports src/format.js: shared/ may import shared/ only',
  ]);
  assert.deepEqual(wrongImports('pages/p/x.js', "const m = await import('../../tools/cli/prerender.mjs');"), [
    'pages/p/x.js imports tools/cli/prerender.mjs: pages/ may import pages, src, shared/ only',
  ]);
  // The one allowance is for a type: the same import as code is wrong.
  assert.deepEqual(wrongImports('shared/profile-types.ts', "import type {allLocales} from '../src/generated/locale-codes.js';"), []);
  assert.equal(wrongImports('shared/profile-types.ts', "import {allLocales} from '../src/generated/locale-codes.js';").length, 1);
  // Comments (JSDoc types) are not imports.
  assert.deepEqual(wrongImports('shared/x.mjs', "/** @type {typeof import('../node/prerender.js')} */\nlet x;"), []);
});
