// XLIFF 1.2, the one module that reads, writes and escapes it: the profile
// texts (profile-xliff.mjs, import-profiles.mjs), the pages' words
// (node/page-strings.mjs) and the translator preview all go through it.
// Plain JavaScript with no Node import: Node runs it and the preview loads it.
import {XMLParser, XMLValidator} from 'fast-xml-parser';

/**
 * XML text: `&`, `<`, `>` escaped, so `]]>` or markup in a text stays text;
 * a carriage return as a reference, since XML parsers turn a literal one into
 * a line feed. @param {string} text
 */
export const escapeXml = (text) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\r/g, '&#13;');

/** An attribute's value, for `name="…"`. @param {string} text */
export const escapeAttr = (text) => escapeXml(text).replace(/"/g, '&quot;');

/** A text with `{name}` placeholders as XLIFF inline content: each becomes `<x id="name"/>`. @param {string} text */
export const withPlaceholders = (text) => escapeXml(text).replace(/\{(\w+)\}/g, '<x id="$1"/>');

/** The sorted names of a text's `{name}` placeholders, comma-separated. @param {string} text */
export const placeholderNames = (text) =>
  [...text.matchAll(/\{(\w+)\}/g)]
    .map((m) => m[1])
    .sort()
    .join(',');

/** @param {string} a @param {string} b */
export const samePlaceholders = (a, b) => placeholderNames(a) === placeholderNames(b);

/**
 * @typedef {object} WriteUnit
 * @property {[string, string][]} attributes the trans-unit's, in order (`id` first)
 * @property {string} source XML content (escaped; see escapeXml, withPlaceholders)
 * @property {string} [target] XML content; none: no `<target>`
 * @property {[string, string][]} [targetAttributes]
 * @property {{from: string, text: string}[]} notes plain text
 */

/** @param {[string, string][]} attributes */
const attrs = (attributes) => attributes.map(([name, value]) => ` ${name}="${escapeAttr(value)}"`).join('');

/**
 * One XLIFF 1.2 document: a `<file>` per entry, its attributes in the given
 * order (tools and diffs read them as written), its units in `<body>`.
 * @param {{attributes: [string, string][], units: WriteUnit[]}[]} files
 */
export function writeXliff(files) {
  const lines = ['<?xml version="1.0" encoding="UTF-8"?>', '<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">'];
  for (const file of files) {
    lines.push(`  <file${attrs(file.attributes)}>`, '    <body>');
    for (const unit of file.units) {
      lines.push(`      <trans-unit${attrs(unit.attributes)}>`, `        <source>${unit.source}</source>`);
      if (unit.target !== undefined) lines.push(`        <target${attrs(unit.targetAttributes ?? [])}>${unit.target}</target>`);
      for (const note of unit.notes) lines.push(`        <note from="${escapeAttr(note.from)}">${escapeXml(note.text)}</note>`);
      lines.push('      </trans-unit>');
    }
    lines.push('    </body>', '  </file>');
  }
  lines.push('</xliff>', '');
  return lines.join('\n');
}

/**
 * XLIFF 1.2 as translation tools write it back: well-formed or the place it
 * is not, XLIFF 1.2 or the version it is, and every trans-unit, in groups or
 * not, with its `<file>`'s `original`. A DOCTYPE or entity declaration is
 * refused with its line.
 * @param {string} xml
 * @param {string[]} [rawElements] elements kept as their XML text (placeholders and all)
 * @returns {{units: {file: string, unit: any}[]} | {error: string}}
 */
export function readXliff(xml, rawElements = []) {
  // A DTD may declare entities that read other files or grow without end (billion laughs);
  // XLIFF 1.2 needs none. Refused before any parser reads it.
  const declaration = /<!(DOCTYPE|ENTITY)\b/i.exec(xml);
  if (declaration) {
    const line = xml.slice(0, declaration.index).split('\n').length;
    return {
      error: `line ${line}: <!${declaration[1].toUpperCase()}> is not allowed in an XLIFF file (a DTD can define entities that read other files): delete that declaration, or export the file again without one`,
    };
  }
  // fast-xml-parser 5 points to a separate validator package, which this project cannot install; this one works as documented.
  // eslint-disable-next-line @typescript-eslint/no-deprecated
  const valid = XMLValidator.validate(xml);
  if (valid !== true) {
    // A bare & is the mistake of someone editing the file by hand: say how to write it.
    const ampersand = /'&'|entity/i.test(valid.err.msg) ? ': write & as &amp; and < as &lt; inside a text' : '';
    return {error: `line ${valid.err.line}, column ${valid.err.col}: not well-formed XML (${valid.err.msg})${ampersand}`};
  }
  const parser = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '@',
    textNodeName: '#text',
    trimValues: false,
    parseTagValue: false,
    parseAttributeValue: false,
    processEntities: true,
    // Deprecated for a hand-made entity decoder; this option still decodes what translation tools write (&nbsp; and the like).
    // eslint-disable-next-line @typescript-eslint/no-deprecated
    htmlEntities: true,
    // Tools may write the XLIFF namespace with a prefix (`<xlf:trans-unit>`): the names count.
    removeNSPrefix: true,
    stopNodes: rawElements.map((name) => `*.${name}`),
    isArray: (name) => ['file', 'group', 'trans-unit'].includes(name),
  });
  let root;
  try {
    root = parser.parse(xml).xliff;
  } catch (error) {
    return {error: `not readable as XLIFF (${/** @type {Error} */ (error).message})`};
  }
  if (!root || typeof root !== 'object') return {error: 'not an XLIFF file (no <xliff> element)'};
  if (root['@version'] !== '1.2')
    return {error: `XLIFF version ${root['@version'] ?? '(none)'}, not 1.2: export the file from your tool as XLIFF 1.2`};
  /** @type {{file: string, unit: any}[]} */
  const units = [];
  /** @param {any} container @param {string} file */
  const collect = (container, file) => {
    for (const group of container?.group ?? []) collect(group, file);
    for (const unit of container?.['trans-unit'] ?? []) units.push({file, unit});
  };
  for (const file of root.file ?? []) collect(file.body, String(file['@original'] ?? ''));
  return {units};
}

/**
 * Inline XLIFF as the code writes it: `<x id="name"/>` → `{name}`, other tags
 * (a tool's `<g>`, `<mrk>`) dropped with their text kept, entities decoded,
 * CDATA as it is. @param {unknown} raw the element's XML text
 */
export function inlineText(raw) {
  // parseTagValue is off: an element's text is a string, or nothing.
  return (typeof raw === 'string' ? raw : '')
    .split(/(<!\[CDATA\[[^]*?\]\]>)/)
    .map((part, i) =>
      i % 2
        ? part.slice('<![CDATA['.length, -']]>'.length)
        : part
            .replace(/<x\b[^>]*?\bid="([^"]*)"[^>]*\/>/g, '{$1}')
            .replace(/<[^>]+>/g, '')
            .replace(/&(#x[0-9a-f]+|#\d+|lt|gt|quot|apos|amp);/gi, (_, /** @type {string} */ name) =>
              name[0] === '#'
                ? String.fromCodePoint(Number(/^#x/i.test(name) ? `0${name.slice(1)}` : name.slice(1)))
                : /** @type {Record<string, string>} */ ({lt: '<', gt: '>', quot: '"', apos: "'", amp: '&'})[name.toLowerCase()],
            ),
    )
    .join('');
}

/**
 * An element's text as readXliff() gives it: the string itself, or under
 * `#text` when the element has attributes (a target's state); undefined for
 * no element. With the element kept raw, that is its XML text.
 * @param {unknown} node
 * @returns {string | undefined}
 */
export const elementText = (node) =>
  node && typeof node === 'object' ? /** @type {{'#text'?: string}} */ (node)['#text'] : /** @type {string | undefined} */ (node);

/** @typedef {{source: string, target: string | undefined, review: boolean}} PageUnit */

/**
 * Every unit of a pages XLIFF file (locales/pages.<lang>.xlf), by page and
 * key; `{error}` when it cannot be read. Tools write targets with attributes,
 * `<x/>` with `equiv-text`, and `<g>` or `<mrk>` around words: the text and
 * the placeholders are what count.
 * @param {string} xml
 * @returns {{pages: Partial<Record<string, Record<string, PageUnit>>>} | {error: string}}
 */
export function readPagesXliff(xml) {
  const read = readXliff(xml, ['source', 'target']);
  if ('error' in read) return read;
  /** @type {Partial<Record<string, Record<string, PageUnit>>>} */
  const pages = {};
  for (const {file, unit} of read.units) {
    (pages[file] ??= {})[unit['@id']] = {
      source: inlineText(elementText(unit.source)),
      target: unit.target === undefined ? undefined : inlineText(elementText(unit.target)),
      review: typeof unit.target === 'object' && /^needs-/.test(unit.target['@state'] ?? ''),
    };
  }
  return {pages};
}

/**
 * The translations of one page that can be used: a target that keeps the
 * English's placeholders. The rest shows in English (npm run i18n:check lists it).
 * @param {Record<string, PageUnit>} units
 * @returns {Record<string, string>}
 */
export function usableTranslations(units) {
  /** @type {Record<string, string>} */
  const strings = {};
  for (const [key, unit] of Object.entries(units)) {
    if (unit.target?.trim() && samePlaceholders(unit.source, unit.target)) strings[key] = unit.target;
  }
  return strings;
}
