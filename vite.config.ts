import {defineConfig, type UserConfig} from 'vite';
import {readFileSync} from 'node:fs';
import {CEILINGS, sizeBudget} from './tools/build/vite/size-budget.mjs';
import {stripTranslatorNotes} from './tools/build/vite/strip-translator-notes.mjs';
import {noRuntimeMsgIds} from './tools/build/vite/no-runtime-msg-ids.mjs';
import {shortMsgIds} from './tools/build/vite/short-msg-ids.mjs';
import {minifyLiterals} from './tools/build/vite/minify-literals.mjs';
import {shortLitErrors} from './tools/build/vite/short-lit-errors.mjs';
import {supportedBrowsers} from './tools/build/vite/supported-browsers-only.mjs';
import {noLitVersionGlobals} from './tools/build/vite/no-lit-version-globals.mjs';
import {withoutDirectoryStrings} from './tools/build/vite/without-directory-strings.mjs';
import {releaseOf} from './node/release.mjs';
import {translations} from './node/page-strings.mjs';
import {pageFiles} from './tools/build/vite/page-files.mjs';

/**
 * Each module, Lit, @lit/localize and its Danish strings included, must stay
 * below its gzip ceiling (tools/dev/bench-results.md weighs what it holds).
 */
const MODULES = {
  card: {entry: 'src/index.ts', file: 'partner-card.js', budget: CEILINGS.card},
  directory: {entry: 'src/directory.ts', file: 'partner-directory.js', budget: CEILINGS.directory},
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
 * `vite build --mode builder` and `--mode preview`: the project's own pages as
 * `partner-card publish` copies them into the published folder, each whole in
 * dist/pages/: the embed builder (embed.html, embed.js, embed.css) and the
 * translator preview (translate.html, .js, .css). Built after both modules and
 * the prerenderer, since each page loads the pinned module the release names
 * (node/release.mjs), and each carries its Danish words.
 */
async function pages(page: 'builder' | 'preview'): Promise<UserConfig> {
  const {release} = await releaseOf('dist', version);
  const pinned = `<script type="module" src="${release.module}" integrity="${release.integrity}" crossorigin="anonymous"></script>`;
  const shared = {
    publicDir: false as const,
    build: {
      target: 'es2022',
      outDir: 'dist/pages',
      // The page's style as written (light-dark() and all), its @import inlined.
      cssMinify: false,
      emptyOutDir: false,
      rolldownOptions: {output: {codeSplitting: false, minify: true, comments: false}},
      minify: true,
      reportCompressedSize: false,
    },
  };
  if (page === 'builder')
    return {
      ...shared,
      define: {
        ...define,
        PARTNER_CARD_RELEASE: JSON.stringify(release),
        BUILDER_DANISH: JSON.stringify(translations('embed-builder', 'da')),
      },
      build: {
        ...shared.build,
        lib: {entry: 'pages/embed-builder/embed-builder.ts', formats: ['es'], fileName: () => 'embed.js', cssFileName: 'embed'},
      },
      plugins: [
        pageFiles({
          html: [
            'pages/embed-builder/embed.html',
            'embed.html',
            [
              ['%MODULE%', release.module],
              ['%INTEGRITY%', release.integrity],
            ],
          ],
        }),
      ],
    };
  return {
    ...shared,
    define: {PREVIEW_DANISH: JSON.stringify(translations('translator-preview', 'da'))},
    build: {
      ...shared.build,
      lib: {entry: 'pages/translate/translate.js', formats: ['es'], fileName: () => 'translate.js'},
    },
    plugins: [
      pageFiles({
        // The checkout's page loads dist/'s moving module; published, it pins the release's, as the builder does.
        html: [
          'pages/translate/translate.html',
          'translate.html',
          [['<script type="module" src="../../dist/partner-card.js"></script>', pinned]],
        ],
        css: ['pages/translate/translate.css', 'translate.css'],
      }),
    ],
  };
}

/**
 * `vite build` bundles the card's module, `vite build --mode directory` the
 * directory's: two builds, so that each file is self-contained (one build with
 * two entries would share a chunk between them).
 */
export default defineConfig(async ({mode}): Promise<UserConfig> => {
  if (mode === 'node') return node;
  if (mode === 'builder' || mode === 'preview') return pages(mode);
  const module = mode === 'directory' ? MODULES.directory : MODULES.card;
  return {
    // The profiles are published by node/publish.mjs: the demo's or the operator's own.
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
    plugins: [
      ...(module === MODULES.card ? [withoutDirectoryStrings()] : []),
      ...literalsAndIds(),
      shortLitErrors(),
      supportedBrowsers(),
      noLitVersionGlobals(),
      sizeBudget(module.budget),
    ],
  };
});
