// @custom-elements-manifest/analyzer settings for `npm run build`.
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
      packageLinkPhase({customElementsManifest}) {
        for (const mod of customElementsManifest.modules) {
          for (const decl of mod.declarations ?? []) {
            if (!decl.customElement) continue;
            const hidden = new Set(
              (decl.members ?? []).filter((m) => m.privacy === 'private' || m.privacy === 'protected').map((m) => m.name),
            );
            decl.attributes = decl.attributes?.filter((a) => !hidden.has(a.fieldName));
            decl.members = decl.members?.map((m) => (hidden.has(m.name) ? {...m, attribute: undefined} : m));
            decl.events = decl.events?.filter((e) => e.name.includes('-'));
          }
        }
      },
    },
  ],
};
