// A page's encoding as a browser finds it (the HTML standard's sniffing: a BOM,
// then <meta charset> or http-equiv in the first 1,024 bytes), by jsdom's
// html-encoding-sniffer, and its text decoded by whatwg-encoding (the
// Encoding Standard's names; iconv-lite's decoders). The prerenderer then
// writes into:
// - UTF-8 pages (declared, or undeclared and valid UTF-8) as text, as before;
// - pages in a single-byte encoding: every byte outside the tags kept as it
//   was (each byte is one character there, so the text's offsets are the
//   bytes'), and what is written inside them in ASCII (character references
//   and \u escapes), which every one of these encodings reads alike;
// - nothing else: a multi-byte or stateful legacy encoding (Shift_JIS,
//   ISO-2022-JP, EUC-*, GBK, Big5, UTF-16…) is refused by name, since a byte
//   written into it can change how the bytes after it are read.
import sniff from 'html-encoding-sniffer';
import {decode} from 'whatwg-encoding';

/**
 * The Encoding Standard's labels of encodings that whatwg-encoding cannot
 * decode (ISO-2022-JP and those the standard reads as "replacement"): the
 * sniffer passes over them as if nothing were declared, where a browser
 * decodes the page in them. A page declaring one is refused by that name.
 */
const UNDECODABLE =
  /<meta[^>]+charset\s*=\s*["']?\s*(csiso2022jp|iso-2022-jp|csiso2022kr|iso-2022-kr|iso-2022-cn|iso-2022-cn-ext|hz-gb-2312|replacement)\b/i;

/** The Encoding Standard's single-byte encodings, by the names the sniffer gives. */
const SINGLE_BYTE = new Set([
  'IBM866',
  'ISO-8859-2',
  'ISO-8859-3',
  'ISO-8859-4',
  'ISO-8859-5',
  'ISO-8859-6',
  'ISO-8859-7',
  'ISO-8859-8',
  'ISO-8859-8-I',
  'ISO-8859-10',
  'ISO-8859-13',
  'ISO-8859-14',
  'ISO-8859-15',
  'ISO-8859-16',
  'KOI8-R',
  'KOI8-U',
  'macintosh',
  'windows-874',
  'windows-1250',
  'windows-1251',
  'windows-1252',
  'windows-1253',
  'windows-1254',
  'windows-1255',
  'windows-1256',
  'windows-1257',
  'windows-1258',
  'x-mac-cyrillic',
]);

/** Why an undeclared page cannot be read: it is not UTF-8, and the browser's guess depends on its language settings. */
export const UNDECLARED =
  'declares no encoding and is not UTF-8, so browsers guess it from their language settings: declare it (<meta charset="…"> in the first 1,024 bytes), or convert the page to UTF-8';

/**
 * @typedef {{encoding: 'UTF-8', text: string} | {encoding: string, text: string, singleByte: true} | {problem: string, text?: string}} Page
 * @param {Uint8Array} bytes @returns {Page}
 */
export function readPage(bytes) {
  const declared = UNDECODABLE.exec(Buffer.from(bytes.subarray(0, 1024)).toString('latin1'))?.[1];
  const found = declared ? declared.toUpperCase() : sniff(bytes, {defaultEncoding: ''});
  if (!found || found === 'UTF-8') {
    // A BOM stays a character of the text, so that it is written back.
    const decoder = new TextDecoder('utf-8', {fatal: !found, ignoreBOM: true});
    try {
      return {encoding: 'UTF-8', text: decoder.decode(bytes)};
    } catch {
      return {problem: UNDECLARED};
    }
  }
  if (SINGLE_BYTE.has(found)) return {encoding: found, text: decode(bytes, found), singleByte: true};
  return {
    // Decoded only to see whether the page holds a tag at all (its ASCII is enough for that).
    text: declared ? Buffer.from(bytes).toString('latin1') : decode(bytes, found),
    problem: `is in ${found}, which the prerenderer does not write into (a multi-byte or stateful encoding: a byte written there can change how the rest is read); convert the page to UTF-8 (<meta charset="utf-8">)`,
  };
}

/**
 * `html` written in ASCII, as every single-byte encoding reads it: each other
 * character as a character reference, but inside a JSON-LD script, where
 * references are not read, as a JSON \u escape.
 * @param {string} html
 */
export function asciiOnly(html) {
  const reference = (/** @type {string} */ c) => `&#x${(c.codePointAt(0) ?? 0).toString(16)};`;
  const escape = (/** @type {string} */ c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;
  return html
    .split(/(<script type="application\/ld\+json">[^]*?<\/script>)/)
    .map((part, i) => (i % 2 ? part.replace(/[^\0-\x7f]/g, escape) : part.replace(/[^\0-\x7f]/gu, reference)))
    .join('');
}

/**
 * The page's bytes with each edit's text put in place of its range, the ranges
 * being character offsets in a single-byte page's decoded text, and so its
 * byte offsets. The texts must be ASCII.
 * @param {Uint8Array} bytes @param {{start: number, end: number, text: string}[]} edits in order
 */
export function spliceBytes(bytes, edits) {
  /** @type {Uint8Array[]} */
  const parts = [];
  let from = 0;
  for (const {start, end, text} of edits) {
    parts.push(bytes.subarray(from, start), Buffer.from(text, 'latin1'));
    from = end;
  }
  parts.push(bytes.subarray(from));
  return Buffer.concat(parts);
}
