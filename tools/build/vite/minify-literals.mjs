import {minifyHTMLLiterals} from 'minify-literals';

/**
 * Lit's html`` and css`` literals keep their indentation otherwise.
 * @returns {import('vite').Plugin}
 */
export function minifyLiterals() {
  return {
    name: 'partner-card:minify-literals',
    apply: 'build',
    enforce: 'pre',
    async transform(code, id) {
      if (!/\/src\/.*\.ts$/.test(id)) return null;
      const minified = await minifyHTMLLiterals(code, {fileName: id});
      return minified ? {code: minified.code, map: minified.map?.toString()} : null;
    },
  };
}
