import MagicString from 'magic-string';

/**
 * Removes the translator notes of msg() calls (`, desc: '…'` in the options
 * object): they are for extraction into locales/ only, and no page needs them
 * at run time. A single-quoted string, escapes and all, is what src/ writes.
 * @param {string} code
 */
export function stripNotes(code) {
  if (!code.includes('desc:')) return undefined;
  const s = new MagicString(code);
  for (const m of code.matchAll(/,\s*desc:\s*'(?:[^'\\]|\\.)*'/g)) s.remove(m.index, m.index + m[0].length);
  return s.hasChanged() ? s : undefined;
}

/** @returns {import('vite').Plugin} */
export function stripTranslatorNotes() {
  return {
    name: 'partner-card:strip-translator-notes',
    apply: 'build',
    enforce: 'pre',
    transform(code, id) {
      if (!/\/src\/.*\.ts$/.test(id)) return null;
      const s = stripNotes(code);
      return s ? {code: s.toString(), map: s.generateMap({hires: true})} : null;
    },
  };
}
