import {defineConfig, type UserConfig} from 'vite';
import {readFileSync} from 'node:fs';
import {sizeBudget} from './tools/build/vite/size-budget.mjs';
import {stripTranslatorNotes} from './tools/build/vite/strip-translator-notes.mjs';
import {noRuntimeMsgIds} from './tools/build/vite/no-runtime-msg-ids.mjs';
import {shortMsgIds} from './tools/build/vite/short-msg-ids.mjs';
import {minifyLiterals} from './tools/build/vite/minify-literals.mjs';
import {withoutDirectoryStrings} from './tools/build/vite/without-directory-strings.mjs';
import {releaseOf} from './node/release.mjs';
import {translations} from './node/page-strings.mjs';

/**
 * Each module, Lit, @lit/localize and its Danish strings included, must stay
 * below its gzip ceiling. The card's is what every partner page loads (goal
 * 12 KB; tools/dev/bench-results.md weighs what it holds). The directory's,
 * loaded by the project site, defines the card too.
 */
const MODULES = {
  card: {entry: 'src/index.ts', file: 'partner-card.js', budget: 13 * 1024},
  directory: {entry: 'src/directory.ts', file: 'partner-directory.js', budget: 16.25 * 1024},
} as const;

/** The module's version is package.json's (src/version.ts). */
const {version} = JSON.parse(readFileSync('package.json', 'utf8')) as {version: string};
const define = {PARTNER_CARD_VERSION: JSON.stringify(version)};

const literalsAndIds = () => [noRuntimeMsgIds(), stripTranslatorNotes(), shortMsgIds('locales/da.xlf'), minifyLiterals()];

/**
 * `vite build --mode node`: what the package gives Node. The prerenderer
 * (node/prerender.ts → dist/prerender.js, `partner-card/prerender`) is built
 * with the same transforms as the module, so its cards are byte for byte what
 * the browser draws. The command (dist/cli.js, package.json "bin") and the
 * Eleventy plugin (dist/eleventy.js) load the prerenderer as the package's own
 * export, so there is one copy of it; what they share besides is a chunk in
 * dist/node/. Packages (Lit, its server renderer, parse5, the XML parser) stay
 * imports, resolved from node_modules with Node's export conditions.
 */
const node = defineConfig({
  publicDir: false,
  define,
  build: {
    ssr: true,
    outDir: 'dist',
    emptyOutDir: false,
    target: 'node20',
    minify: false,
    rolldownOptions: {
      input: {prerender: 'node/prerender.ts', eleventy: 'node/eleventy.mjs', cli: 'tools/cli/partner-card.mjs'},
      external: ['partner-card/prerender'],
      output: {entryFileNames: '[name].js', chunkFileNames: 'node/[name]-[hash].js'},
    },
  },
  plugins: literalsAndIds(),
});

/**
 * `vite build --mode builder`: the embed builder's script and style (dist/embed.js, dist/embed.css),
 * after both modules and the prerenderer are built, since it carries the
 * release they make (node/release.mjs) and the builder's Danish words.
 */
async function builder(): Promise<UserConfig> {
  return {
    publicDir: false,
    define: {
      ...define,
      PARTNER_CARD_RELEASE: JSON.stringify((await releaseOf('dist', version)).release),
      BUILDER_DANISH: JSON.stringify(translations('embed-builder', 'da')),
    },
    build: {
      target: 'es2022',
      lib: {entry: 'pages/embed-builder/embed-builder.ts', formats: ['es'], fileName: () => 'embed.js', cssFileName: 'embed'},
      // The page's style as written (light-dark() and all), its @import inlined.
      cssMinify: false,
      emptyOutDir: false,
      rolldownOptions: {output: {codeSplitting: false, minify: true, comments: false}},
      minify: true,
      reportCompressedSize: false,
    },
  };
}

/**
 * `vite build` bundles the card's module, `vite build --mode directory` the
 * directory's: two builds, so that each file is self-contained (one build with
 * two entries would share a chunk between them).
 */
export default defineConfig(async ({mode}): Promise<UserConfig> => {
  if (mode === 'node') return node;
  if (mode === 'builder') return builder();
  const module = mode === 'directory' ? MODULES.directory : MODULES.card;
  return {
    // The profiles are published by tools/build/assemble-dist.mjs: the demo's or the operator's own.
    publicDir: false,
    define,
    build: {
      target: 'es2022',
      lib: {entry: module.entry, formats: ['es'], fileName: () => module.file},
      // The card's build comes first and starts dist/ afresh; the directory's adds to it.
      emptyOutDir: module === MODULES.card,
      // One self-contained file: nothing is external, nothing is split off.
      rolldownOptions: {
        // No comments: the /* @__PURE__ */ marks are for bundlers, and nobody bundles this file again.
        output: {codeSplitting: false, minify: true, comments: false},
        // @lit/localize's index imports its other runtime modes for their side
        // effects; the reentrant mode used here needs none of them.
        treeshake: {moduleSideEffects: (id: string) => !id.includes('/@lit/localize/')},
      },
      minify: true,
      sourcemap: true,
      reportCompressedSize: false,
    },
    plugins: [...(module === MODULES.card ? [withoutDirectoryStrings()] : []), ...literalsAndIds(), sizeBudget(module.budget)],
  };
});
