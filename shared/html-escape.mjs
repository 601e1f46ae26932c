// Escaping for HTML as the standard's serialiser writes it, `<` and `>` in
// attribute values too (browsers do since 2025). Plain JavaScript, so that the
// serialiser (prerenderer, embed builder) and the profile preload, which the
// benchmark writes from Node as it is, escape by one rule.

/** @type {Record<string, string>} */
const ESCAPES = {'&': '&amp;', '<': '&lt;', '>': '&gt;', '\u00a0': '&nbsp;', '"': '&quot;'};

/** Text between tags. @param {string} text */
export const escapeText = (text) => text.replace(/[&<>\u00a0]/g, (c) => ESCAPES[c]);

/** An attribute value, written between double quotes. @param {string} text */
export const escapeAttribute = (text) => text.replace(/[&<>"\u00a0]/g, (c) => ESCAPES[c]);
