/** What @lit/localize's id generator becomes: it must never be called, since every msg() has an id. */
export const STUB = `export const generateMsgId = () => { throw new Error('partner-card: msg() without an id'); };`;
const stubId = '\0partner-card:no-msg-ids';

/**
 * Every msg() in src/ has an explicit, readable id (translators see
 * `error.network` in their XLIFF tool, not a hash), so @lit/localize never
 * needs to hash a template at run time: its id generator, which its own
 * modules import as `./id-generation.js`, is left out of the bundle.
 * `npm run i18n:check` fails on any msg() without an id.
 * @returns {import('vite').Plugin}
 */
export function noRuntimeMsgIds() {
  return {
    name: 'partner-card:no-runtime-msg-ids',
    apply: 'build',
    enforce: 'pre',
    resolveId(source, importer) {
      return source === './id-generation.js' && importer?.includes('/@lit/localize/') ? stubId : null;
    },
    load(id) {
      return id === stubId ? STUB : null;
    },
  };
}
