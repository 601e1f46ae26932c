// XLIFF 1.2 as translation tools write it back, read the one way for the
// profile import (import-profiles.mjs) and for the pages' words
// (page-strings.mjs): well-formed or the place it is not, XLIFF 1.2 or the
// version it is, and every trans-unit, in groups or not, with its <file>. A
// DOCTYPE or entity declaration is refused with its line.
import {XMLParser, XMLValidator} from 'fast-xml-parser';

/**
 * @param {string} xml
 * @param {string[]} [rawElements] elements kept as their XML text (placeholders and all)
 * @returns {{units: {file: string, unit: any}[]} | {error: string}}
 */
export function xliffUnits(xml, rawElements = []) {
  // A DTD may declare entities that read other files or grow without end (billion laughs);
  // XLIFF 1.2 needs none. Refused before any parser reads it.
  const declaration = /<!(DOCTYPE|ENTITY)\b/i.exec(xml);
  if (declaration) {
    const line = xml.slice(0, declaration.index).split('\n').length;
    return {error: `line ${line}: <!${declaration[1].toUpperCase()}> is not allowed in an XLIFF file (a DTD can define entities that read other files): delete that declaration, or export the file again without one`};
  }
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
    htmlEntities: true,
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
  if (root['@version'] !== '1.2') return {error: `XLIFF version ${root['@version'] ?? '(none)'}, not 1.2: export the file from your tool as XLIFF 1.2`};
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
