/**
 * A build-only Vite plugin that rewrites some of Lit's published modules,
 * picked by their path, and keeps the source map: the two things our bundle
 * trims from Lit (short-lit-errors.mjs, no-lit-version-globals.mjs,
 * supported-browsers-only.mjs).
 * @param {string} name
 * @param {RegExp} modules the paths of the modules to rewrite
 * @param {(code: string, id: string) => import('magic-string').default | undefined} rewrite undefined when there is nothing to change
 * @returns {import('vite').Plugin}
 */
export const litModuleRewrite = (name, modules, rewrite) => ({
  name: `partner-card:${name}`,
  apply: 'build',
  transform(code, id) {
    if (!modules.test(id)) return null;
    const s = rewrite(code, id);
    return s ? {code: s.toString(), map: s.generateMap({hires: true})} : null;
  },
});
