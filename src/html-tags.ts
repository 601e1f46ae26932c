/**
 * Finding `<partner-card>` and `<partner-directory>` tags in a site's HTML,
 * for the prerenderer, by their byte offsets: the page is never parsed and
 * written out again, so every byte outside the tags (quotes, letter case,
 * entities, line breaks) stays as it was.
 *
 * Real pages have unquoted and single-quoted attributes, upper-case tags and
 * tags split over lines. A mention of a tag inside a comment, or in the text
 * of <script>, <style>, <textarea>, <title>, <pre>, <xmp> or <template>, is
 * not a tag: those are skipped whole (a <pre> may show the embed code).
 */

export const TAGS = ['partner-card', 'partner-directory'] as const;
export type TagName = (typeof TAGS)[number];

export interface FoundTag {
  name: TagName;
  /** Offsets: `<` of the start tag, just after its `>`, `<` of the end tag, just after its `>`. */
  start: number;
  contentStart: number;
  contentEnd: number;
  end: number;
  /** 1-based line of the start tag, for messages. */
  line: number;
  /** Attributes, names in lower case, values with character references decoded. */
  attrs: Record<string, string>;
  /** The nearest `lang` around the tag (its own not included); undefined when none. */
  inheritedLang?: string;
}

const OPAQUE = new Set(['script', 'style', 'textarea', 'title', 'pre', 'xmp', 'template']);
const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr']);
const NAMED: Record<string, string> = {amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0'};

/** Character references in an attribute value: `&amp;`, `&#45;`, `&#x2d;`. */
export function decodeEntities(value: string): string {
  return value.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, ref: string) => {
    if (ref[0] !== '#') return NAMED[ref.toLowerCase()] ?? whole;
    const code = ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
  });
}

/** The attributes of a start tag from `from` (just after its name) to its `>`; -1 as end when there is none. */
function readAttributes(html: string, from: number): {attrs: Record<string, string>; end: number; selfClosing: boolean} {
  const attrs: Record<string, string> = {};
  const pattern = /\s*(?:(\/?>)|([^\s"'>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?|\/)/y;
  pattern.lastIndex = from;
  for (let m; (m = pattern.exec(html)); ) {
    if (m[1]) return {attrs, end: pattern.lastIndex, selfClosing: m[1] === '/>'};
    if (m[2]) {
      const name = m[2].toLowerCase();
      if (!(name in attrs)) attrs[name] = decodeEntities(m[3] ?? m[4] ?? m[5] ?? '');
    }
  }
  return {attrs, end: -1, selfClosing: false};
}

/** Offset of `</name` (any case) ending in `>`, from `from`; -1 when there is none. */
function closingTag(html: string, name: string, from: number): [number, number] {
  const pattern = new RegExp(`</${name}(?=[\\s/>])[^>]*>`, 'gi');
  pattern.lastIndex = from;
  const m = pattern.exec(html);
  return m ? [m.index, m.index + m[0].length] : [-1, -1];
}

export function findTags(html: string): {tags: FoundTag[]; problems: string[]} {
  const tags: FoundTag[] = [];
  const problems: string[] = [];
  /** Open elements, for the nearest `lang` around a tag. */
  const open: {name: string; lang?: string}[] = [];
  const lineAt = (offset: number) => html.slice(0, offset).split('\n').length;
  let i = 0;
  while ((i = html.indexOf('<', i)) !== -1) {
    if (html.startsWith('<!--', i)) {
      const end = html.indexOf('-->', i + 4);
      i = end === -1 ? html.length : end + 3;
      continue;
    }
    if (html[i + 1] === '!' || html[i + 1] === '?') {
      const end = html.indexOf('>', i);
      i = end === -1 ? html.length : end + 1;
      continue;
    }
    const endTag = /^<\/([a-z][^\s/>]*)[^>]*>/i.exec(html.slice(i, i + 200));
    if (endTag) {
      const name = endTag[1].toLowerCase();
      const at = open.map((e) => e.name).lastIndexOf(name);
      if (at !== -1) open.length = at;
      i += endTag[0].length;
      continue;
    }
    const startTag = /^<([a-z][^\s/>]*)/i.exec(html.slice(i, i + 200));
    if (!startTag) {
      i++;
      continue;
    }
    const name = startTag[1].toLowerCase();
    const {attrs, end, selfClosing} = readAttributes(html, i + startTag[0].length);
    if (end === -1) {
      if ((TAGS as readonly string[]).includes(name)) problems.push(`line ${lineAt(i)}: <${name}> has no ">" (an unfinished start tag)`);
      break;
    }
    if ((TAGS as readonly string[]).includes(name)) {
      const [close, closeEnd] = closingTag(html, name, end);
      if (close === -1) {
        problems.push(`line ${lineAt(i)}: <${name}${attrs.partner ? ` partner="${attrs.partner}"` : ''}> is never closed: add </${name}>`);
        i = end;
        continue;
      }
      const inheritedLang = [...open].reverse().find((e) => e.lang?.trim())?.lang;
      tags.push({name: name as TagName, start: i, contentStart: end, contentEnd: close, end: closeEnd, line: lineAt(i), attrs, inheritedLang});
      i = closeEnd;
      continue;
    }
    if (OPAQUE.has(name) && !selfClosing) {
      const [, closeEnd] = closingTag(html, name, end);
      i = closeEnd === -1 ? html.length : closeEnd;
      continue;
    }
    if (!VOID.has(name) && !selfClosing) open.push({name, lang: attrs.lang});
    i = end;
  }
  return {tags, problems};
}
