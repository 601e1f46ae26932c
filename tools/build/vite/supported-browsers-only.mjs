import MagicString from 'magic-string';
import {litModuleRewrite} from './lit-module-rewrite.mjs';

/**
 * Lit keeps a second way for browsers without native shadow DOM or adoptable
 * style sheets: a `<style>` per element when the page cannot adopt constructed
 * sheets, and a hook in each of its modules for the web components polyfills.
 * Every browser the card supports (README, "Browser support": from 2024 on)
 * has both natively, so the test is answered at build time, the hooks are read
 * as absent, and the minifier leaves the other way out: about 0.2 KB of the
 * card's 13.
 */
const ADOPTS =
  /([\w$]+)=([\w$]+)\.ShadowRoot&&\(void 0===\2\.ShadyCSS\|\|\2\.ShadyCSS\.nativeShadow\)&&"adoptedStyleSheets"in Document\.prototype&&"replace"in CSSStyleSheet\.prototype/;
const HOOK = /[\w$]+\.(?:litHtml|litElement|reactiveElement)PolyfillSupport\b/g;

/** Lit's own modules, as published (minified): the hooks' and the style sheets' test. */
const LIT_MODULE = /\/(?:lit-html\/lit-html|lit-element\/lit-element|@lit\/reactive-element\/(?:reactive-element|css-tag))\.js$/;

/**
 * @param {string} code one of LIT_MODULE's modules
 * @param {string} id its path
 */
export function supportedBrowsersOnly(code, id) {
  const s = new MagicString(code);
  if (id.endsWith('/css-tag.js')) {
    const test = ADOPTS.exec(code);
    // Lit changed how it tests: the build says so rather than ship the other way unnoticed.
    if (!test) throw new Error(`supported-browsers-only: ${id} no longer tests for adoptable style sheets as expected`);
    s.overwrite(test.index, test.index + test[0].length, `${test[1]}=!0`);
    return s;
  }
  for (const hook of code.matchAll(HOOK)) s.overwrite(hook.index, hook.index + hook[0].length, 'void 0');
  if (!s.hasChanged()) throw new Error(`supported-browsers-only: ${id} no longer reads a polyfill hook as expected`);
  return s;
}

/** @returns {import('vite').Plugin} */
export const supportedBrowsers = () => litModuleRewrite('supported-browsers-only', LIT_MODULE, supportedBrowsersOnly);
