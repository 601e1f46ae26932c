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
    {
      // The analyzer cannot follow define(tag, element) (a helper, so that a
      // second copy of the script stays quiet): it reported one element named
      // "tag". The package's two entries are the modules users import, and they
      // define the elements: say so, under the paths the package ships them at.
      name: 'partner-card:entries-define-the-elements',
      /** @param {{customElementsManifest: import('custom-elements-manifest/schema').Package}} context */
      packageLinkPhase({customElementsManifest}) {
        const {modules} = customElementsManifest;
        for (const mod of modules) mod.exports = mod.exports?.filter((e) => e.kind !== 'custom-element-definition');
        /** @type {import('custom-elements-manifest/schema').Export[]} */
        const card = [
          {kind: 'custom-element-definition', name: 'partner-card', declaration: {name: 'PartnerCard', module: 'src/partner-card.ts'}},
        ];
        for (const [source, published, defines] of /** @type {const} */ ([
          ['src/index.ts', 'dist/partner-card.js', card],
          [
            'src/directory.ts',
            'dist/partner-directory.js',
            [
              ...card,
              {
                kind: 'custom-element-definition',
                name: 'partner-directory',
                declaration: {name: 'PartnerDirectory', module: 'src/partner-directory.ts'},
              },
            ],
          ],
        ])) {
          const entry = modules.find((m) => m.path === source);
          if (!entry) throw new Error(`custom-elements manifest: no module ${source}`);
          entry.path = published;
          entry.exports = [...(entry.exports ?? []), ...defines];
        }
      },
    },
  ],
};
