// Vite plugin: emits a project page's HTML (and, for a page whose script is
// plain JavaScript that cannot import its style, its CSS) beside the bundled
// script, so dist/pages/ holds each page whole for `partner-card publish`.
import {readFileSync} from 'node:fs';
import {dirname, join} from 'node:path';

/**
 * A stylesheet with its `@import url('…')` lines inlined (one level, as the
 * pages' styles use them), kept as written otherwise (light-dark() and all).
 * @param {string} file
 */
export function inlineImports(file) {
  return readFileSync(file, 'utf8').replace(/^@import url\('([^']+)'\);\n/gm, (_, path) => readFileSync(join(dirname(file), path), 'utf8'));
}

/**
 * @param {{html: [template: string, name: string, replacements: [string, string][]], css?: [file: string, name: string]}} page
 * @returns {import('vite').Plugin}
 */
export function pageFiles({html: [template, name, replacements], css}) {
  return {
    name: 'partner-card:page-files',
    generateBundle() {
      let text = readFileSync(template, 'utf8');
      for (const [from, to] of replacements) {
        if (!text.includes(from)) this.error(`${template} no longer holds ${from}, which the published page replaces`);
        text = text.replaceAll(from, to);
      }
      this.emitFile({type: 'asset', fileName: name, source: text});
      if (css) this.emitFile({type: 'asset', fileName: css[1], source: inlineImports(css[0])});
    },
  };
}
