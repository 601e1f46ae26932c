import MagicString from 'magic-string';
import {litModuleRewrite} from './lit-module-rewrite.mjs';

/**
 * Each of Lit's three modules adds its version to an array on the page's
 * global object (`litHtmlVersions`, `litElementVersions`,
 * `reactiveElementVersions`), which Lit's development build reads to warn
 * "Multiple versions of Lit loaded". The card and the directory bundle their
 * own copy of Lit, used by nothing else: on a partner's page that is built
 * with Lit in development mode, those entries made that warning blame the
 * partner's page for our copy. The pushes are left out of our modules.
 */
const PUSH = /\([\w$]+\.(?:litHtml|litElement|reactiveElement)Versions\?\?=\[\]\)\.push\((["'`])[\d.]+\1\)/g;

/** Lit's own modules, as published (minified), that carry a push. */
const LIT_MODULE = /\/(?:lit-html\/lit-html|lit-element\/lit-element|@lit\/reactive-element\/reactive-element)\.js$/;

/** @param {string} code */
export function withoutVersionPushes(code) {
  const s = new MagicString(code);
  for (const match of code.matchAll(PUSH)) s.overwrite(match.index, match.index + match[0].length, 'void 0');
  return s.hasChanged() ? s : undefined;
}

/** @returns {import('vite').Plugin} */
export const noLitVersionGlobals = () => litModuleRewrite('no-lit-version-globals', LIT_MODULE, withoutVersionPushes);
