import MagicString from 'magic-string';
import {litModuleRewrite} from './lit-module-rewrite.mjs';

/**
 * Lit's production build still carries two long messages for misuse of its css
 * tag (a CSSResult built by hand, a non-css value interpolated into css``),
 * which the partner card's own styles never trigger: their sense is kept in a
 * short message, which leaves room in the card's 13 KB for its own checks.
 */
const MESSAGES = [
  ['"CSSResult is not constructable. Use `unsafeCSS` or `css` instead."', '"lit: use css or unsafeCSS"'],
  [
    `"Value passed to 'css' function must be a 'css' function result: "+t+". Use 'unsafeCSS' to pass non-literal values, but take care to ensure page security."`,
    `"lit: css\`\` takes css results only: "+t`,
  ],
];

/** @param {string} code */
export function shortenLitErrors(code) {
  const s = new MagicString(code);
  for (const [long, short] of MESSAGES) {
    const at = code.indexOf(long);
    if (at >= 0) s.overwrite(at, at + long.length, short);
  }
  return s.hasChanged() ? s : undefined;
}

/** @returns {import('vite').Plugin} */
export const shortLitErrors = () => litModuleRewrite('short-lit-errors', /\/@lit\/reactive-element\/css-tag\.js/, shortenLitErrors);
