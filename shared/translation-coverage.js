// Which profile texts have no translation into a language. Plain JavaScript
// (typed with JSDoc) so that the card and the maintainers' Node scripts
// share this one implementation.

/**
 * JSON paths (and the English stand-ins) of every text in `value` that has
 * English but nothing in `lang`: `{en: "…"}` objects and `{en: […]}` paragraphs.
 * @param {unknown} value a profile, or any part of one
 * @param {string} lang
 * @param {string} [path]
 * @param {{path: string, en: unknown}[]} [found]
 * @returns {{path: string, en: unknown}[]}
 */
export function untranslated(value, lang, path = '$', found = []) {
  if (Array.isArray(value)) {
    value.forEach((item, i) => untranslated(item, lang, `${path}[${i}]`, found));
  } else if (value && typeof value === 'object') {
    const text = /** @type {Record<string, unknown>} */ (value);
    if ('en' in text) {
      const own = /** @type {{length?: number} | undefined} */ (text[lang]);
      if (!own?.length) found.push({path, en: text.en});
    } else {
      for (const key in text) untranslated(text[key], lang, `${path}.${key}`, found);
    }
  }
  return found;
}
