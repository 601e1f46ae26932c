import {readFileSync} from 'node:fs';
import MagicString from 'magic-string';

/**
 * A short code per msg() id, from the ids in an XLIFF file: sorted, then
 * numbered in base 36, so the codes only change when the ids do.
 * @param {string} xliff
 */
export function idCodes(xliff) {
  const ids = [...xliff.matchAll(/<trans-unit id="([^"]+)"/g)].map((m) => m[1]);
  return new Map([...new Set(ids)].sort().map((id, i) => [id, i.toString(36)]));
}

/**
 * Writes each known id as its code: `{id: 'error.network'}` in the source and
 * `'error.network': …` in @lit/localize's generated templates.
 * @param {string} code
 * @param {Map<string, string>} codes
 */
export function shortenIds(code, codes) {
  const s = new MagicString(code);
  for (const m of code.matchAll(/\bid:\s*'([^']+)'|^[ \t]*'([^']+)':/gm)) {
    // One of the two groups matched: the source's `id:` or the generated templates' key.
    const [, inSource, inTemplates] = /** @type {[string, string | undefined, string]} */ (/** @type {unknown} */ (m));
    const id = inSource ?? inTemplates;
    const short = codes.get(id);
    const at = m.index + m[0].indexOf(`'${id}'`);
    if (short) s.overwrite(at, at + id.length + 2, `'${short}'`);
  }
  return s.hasChanged() ? s : undefined;
}

/**
 * The readable msg() ids are for translators; at run time any unique key
 * does. Each becomes a short code, the same in the code and in the generated
 * Danish templates (the ids come from the XLIFF, so the codes are stable).
 * @param {string} xliffFile
 * @returns {import('vite').Plugin}
 */
export function shortMsgIds(xliffFile) {
  /** @type {Map<string, string>} */
  let codes = new Map();
  return {
    name: 'partner-card:short-msg-ids',
    apply: 'build',
    enforce: 'pre',
    buildStart() {
      codes = idCodes(readFileSync(xliffFile, 'utf8'));
    },
    transform(code, id) {
      if (!/\/src\/.*\.ts$/.test(id)) return null;
      const s = shortenIds(code, codes);
      return s ? {code: s.toString(), map: s.generateMap({hires: true})} : null;
    },
  };
}
