// @custom-elements-manifest/analyzer settings for `npm run build`.
/** @typedef {import('custom-elements-manifest/schema').ClassDeclaration & import('custom-elements-manifest/schema').CustomElement} ElementDeclaration */

export default {
  globs: ['src/**/*.ts'],
  exclude: ['src/generated/**'],
  outdir: 'dist',
  litelement: true,
  plugins: [
    {
      // Lit's internal reactive state (`{state: true}` in static properties) is
      // not an attribute, and events dispatched through a helper show up under
      // the helper's parameter name: keep the manifest to the public contract,
      // which the JSDoc tags on the class document.
      name: 'partner-card:public-api-only',
      /** @param {{customElementsManifest: import('custom-elements-manifest/schema').Package}} context */
      packageLinkPhase({customElementsManifest}) {
        for (const mod of customElementsManifest.modules) {
          for (const declaration of mod.declarations ?? []) {
            if (!('customElement' in declaration)) continue;
            const decl = /** @type {ElementDeclaration} */ (/** @type {unknown} */ (declaration));
            const hidden = new Set(
              (decl.members ?? []).filter((m) => m.privacy === 'private' || m.privacy === 'protected').map((m) => m.name),
            );
            decl.attributes = decl.attributes?.filter((a) => !a.fieldName || !hidden.has(a.fieldName));
            decl.members = decl.members?.map((m) => (hidden.has(m.name) ? {...m, attribute: undefined} : m));
            decl.events = decl.events?.filter((e) => e.name.includes('-'));
          }
        }
      },
    },
  ],
};
