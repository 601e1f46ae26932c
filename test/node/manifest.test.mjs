// The custom-elements manifest (dist/custom-elements.json, the package's
// `customElements`), as editors and Storybook read it: each module a user
// imports defines its elements, each definition names a declared element with
// that tag, and the public API the JSDoc documents is in it.
import {test} from 'node:test';
import assert from 'node:assert/strict';
import {existsSync, readFileSync} from 'node:fs';
import {join} from 'node:path';

const root = new URL('../../', import.meta.url).pathname;
const manifest = JSON.parse(readFileSync(join(root, 'dist/custom-elements.json'), 'utf8'));
/** @type {any[]} */
const modules = manifest.modules;

test('the modules users import define the elements, each pointing to its declared class', () => {
  /** @type {Partial<Record<string, string[]>>} */
  const defined = {};
  for (const mod of modules) {
    for (const e of mod.exports ?? []) {
      if (e.kind !== 'custom-element-definition') continue;
      (defined[mod.path] ??= []).push(e.name);
      const declaration = modules
        .find((m) => m.path === e.declaration.module)
        ?.declarations?.find((/** @type {any} */ d) => d.name === e.declaration.name);
      assert.equal(declaration?.tagName, e.name, `${mod.path}: <${e.name}> is ${e.declaration.name} in ${e.declaration.module}`);
    }
  }
  assert.deepEqual(defined, {'dist/partner-card.js': ['partner-card'], 'dist/partner-directory.js': ['partner-card', 'partner-directory']});
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  for (const path of Object.keys(defined)) {
    assert.ok(existsSync(join(root, path)), `${path} is built`);
    assert.ok(pkg.files.includes(path), `${path} is in the package`);
  }
});

test("the card's documented attributes, events, parts and custom properties are in it", () => {
  const card = modules.flatMap((m) => m.declarations ?? []).find((d) => d.tagName === 'partner-card');
  const names = (/** @type {{name: string}[] | undefined} */ list) => (list ?? []).map((x) => x.name);
  for (const attribute of ['partner', 'base', 'lang', 'variant', 'heading-level', 'href', 'back-href', 'timeout']) {
    assert.ok(names(card.attributes).includes(attribute), `attribute ${attribute}`);
  }
  assert.deepEqual(names(card.events).sort(), ['partner-card-error', 'partner-card-load']);
  assert.ok(names(card.cssParts).includes('card'));
  assert.ok(names(card.cssProperties).some((n) => n.startsWith('--partner-card-')));
});
