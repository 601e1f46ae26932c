import MagicString from 'magic-string';

/**
 * Leaves the directory's strings (ids `directory.*`) out of @lit/localize's
 * generated templates for a locale: one object holds every string of the
 * project, and no bundler can tree-shake an object's members.
 * @param {string} code
 */
export function dropDirectoryStrings(code) {
  const s = new MagicString(code);
  for (const m of code.matchAll(/^[ \t]*'directory\.[^']+':\s*(?:str)?`(?:[^`\\]|\\.)*`,?\n/gm)) s.remove(m.index, m.index + m[0].length);
  return s;
}

/**
 * The card's module leaves out the directory's Danish strings (used in the
 * directory's files only).
 * @returns {import('vite').Plugin}
 */
export function withoutDirectoryStrings() {
  return {
    name: 'partner-card:without-directory-strings',
    apply: 'build',
    enforce: 'pre',
    transform(code, id) {
      if (!/\/src\/generated\/locales\/[^/]+\.ts$/.test(id)) return null;
      const s = dropDirectoryStrings(code);
      return {code: s.toString(), map: s.generateMap({hires: true})};
    },
  };
}
