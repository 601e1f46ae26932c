/**
 * Finding `<partner-card>` and `<partner-directory>` in a site's HTML, for the
 * prerenderer, as a browser's tree will have them: the page is read by parse5,
 * which follows the HTML standard's parsing rules (comments closed by `--!>`,
 * `<!--<script>` inside a script, implied end tags, raw text, template
 * contents, foreign content), so a tag is filled exactly when a browser makes
 * an element of it. The page is never written out again: each tag is given by
 * its offsets in the source, so every byte outside it stays as it was.
 */
import {
  defaultTreeAdapter,
  html as spec,
  Parser,
  Tokenizer,
  type Token,
  type DefaultTreeAdapterTypes as T,
  type TreeAdapter,
  type DefaultTreeAdapterMap,
} from 'parse5';

export const TAGS = ['partner-card', 'partner-directory'] as const;
export type TagName = (typeof TAGS)[number];

export interface FoundTag {
  name: TagName;
  /** Offsets: `<` of the start tag, just after its `>`, `<` of the end tag, just after its `>`. */
  start: number;
  contentStart: number;
  contentEnd: number;
  end: number;
  /** Where the page's own content starts: after what an earlier run wrote first in the tag (its shadow root and JSON-LD). */
  keptStart: number;
  /** 1-based line of the start tag, for messages. */
  line: number;
  /** Attributes as the browser reads them: names in lower case, character references decoded, the first of two with one name. */
  /** The tag's attributes as the page gives them (the first of a repeated one); absent ones are undefined. */
  attrs: Partial<Record<string, string>>;
  /** The nearest non-blank `lang` around the tag (its own not included; shadow roots crossed to their hosts); undefined when none. */
  inheritedLang?: string;
}

export interface FoundTags {
  tags: FoundTag[];
  /** Problems that stop the page from being written. */
  problems: string[];
  /** What looks like a card where a browser makes none (a comment, a script's text, a template): left alone. */
  warnings: string[];
}

/**
 * parse5 7 checks each attribute of a start tag against every earlier one on
 * it (a linear search), so a tag with n attributes costs n² time: 150,000 on
 * one `<div>` (1 MB) took 115 s. The prerenderer's parser keeps a tag's names
 * in a Set once it has SET_FROM of them, so each check is constant and a page
 * is read in time linear in its size; below that the search is cheaper than a
 * Set per tag (1 MB of ordinary HTML: 245 ms with a Set on every tag, 216
 * without). The tree is parse5's own: a repeated name is dropped (the first
 * one wins), as the standard says. Set on the prerenderer's own tokenizer
 * (`LocatingParser`), as the step below: parse5 is shared with the process
 * (Lit's server rendering parses its templates with it), and nothing of it is
 * changed for anyone else. Without the internals this relies on (a later
 * parse5), nothing is changed, and `npm run bench`'s attribute rows show it.
 */
interface TokenizerInternals {
  currentToken: {attrs: T.Element['attrs']} | null;
  currentAttr: {name: string};
  _leaveAttrName: ((this: TokenizerInternals) => void) | undefined;
  getCurrentLocation: ((this: TokenizerInternals, offset: number) => object | null) | undefined;
}
const namesOf = new WeakMap<object, Set<string>>();
const SET_FROM = 32;

/** parse5's two steps that the prerenderer's tokenizer wraps. */
interface TokenizerSteps {
  leaveAttrName: (this: TokenizerInternals) => void;
  getCurrentLocation: (this: TokenizerInternals, offset: number) => object | null;
}

/** The prerenderer's own two steps, around parse5's. */
function lighterTokenizer({leaveAttrName, getCurrentLocation}: TokenizerSteps) {
  return {
    _leaveAttrName(this: TokenizerInternals) {
      const token = this.currentToken;
      if (!token || token.attrs.length < SET_FROM) {
        leaveAttrName.call(this);
        return;
      }
      let names = namesOf.get(token);
      if (!names) namesOf.set(token, (names = new Set(token.attrs.map((a) => a.name))));
      if (names.has(this.currentAttr.name)) return;
      names.add(this.currentAttr.name);
      // parse5's own step (the attribute and its source location), against no earlier attribute.
      const attrs = token.attrs;
      token.attrs = [];
      leaveAttrName.call(this);
      attrs.push(...token.attrs);
      token.attrs = attrs;
    },

    /**
     * Source locations for tags and comments only. parse5 asks for one at
     * offset 0 or -1 for an attribute (it keeps them by name on their tag: a
     * tag with 150,000 attributes took twice parse5's time without locations),
     * for each run of text or of white space, and for the end of the page; none
     * of them is read (text inside a script or a comment is found between its
     * element's tags). Tags and comments ask at 1 or more, past their `<`.
     * An object for every run of text, made and collected: 1 MB of ordinary
     * HTML read in 1.17 to 1.27 times parse5's time with them, 1.13 to 1.17
     * without (three runs each, alternated).
     */
    getCurrentLocation(this: TokenizerInternals, offset: number) {
      return offset > 0 ? getCurrentLocation.call(this, offset) : null;
    },
  } satisfies Partial<TokenizerInternals>;
}

const parse5Steps = Tokenizer.prototype as unknown as TokenizerInternals;
/** Undefined in a parse5 without the internals this relies on. */
const LIGHTER_TOKENIZER =
  typeof parse5Steps._leaveAttrName === 'function' && typeof parse5Steps.getCurrentLocation === 'function'
    ? lighterTokenizer({leaveAttrName: parse5Steps._leaveAttrName, getCurrentLocation: parse5Steps.getCurrentLocation})
    : undefined;

/**
 * Browsers stop nesting elements at 512 (Chromium and WebKit make deeper ones
 * siblings; Firefox nests further): past it there is no one tree to agree
 * with. It also bounds the work per tag, since the standard's scope checks
 * walk the open elements: a page of unclosed tags costs linear time, not
 * quadratic.
 */
export const MAX_DEPTH = 512;

/** parse5's stack of open elements, as far as its scope checks read it. */
interface ScopeInternals {
  tagIDs: spec.TAG_ID[];
  stackTop: number;
  hasInDynamicScope: (this: ScopeInternals, tagID: spec.TAG_ID, scope: unknown) => boolean;
}

class TooDeep extends Error {
  /** `at`: where the element too deep starts in the page. */
  constructor(readonly at: number) {
    super('too deep');
  }
}

/** Where the element parse5 made last starts: kept until the next one only. */
let lastStart = 0;

/** Elements whose content the browser reads as text, never as tags (with scripting on, as for a page that runs the card). */
const TEXT_ONLY = new Set(['script', 'style', 'textarea', 'title', 'xmp', 'iframe', 'noembed', 'noframes', 'noscript', 'plaintext']);

/** What `findTags` reads of a page's tree, gathered while parse5 builds it, in the order it made them. */
interface Gathered {
  /** Cards, directories, selects, elements read as text, and comments: what can hold a tag or a mention of one. */
  nodes: (T.Element | T.CommentNode)[];
  /** Each template's content, to its template: the way up from inside one. */
  hosts: Map<T.DocumentFragment, T.Template>;
}

/** The elements `findTags` gathers. */
const GATHERED = new Set(['partner-card', 'partner-directory', 'select', ...TEXT_ONLY]);

/** Nodes whose source locations `findTags` reads: those it gathers, comments, and a card's own templates (`earlierOutputEnd`). */
const LOCATED = new Set([...GATHERED, '#comment', 'template']);

/**
 * parse5's own tree, with source locations only where they are read (kept on
 * every node, they cost twice parse5's time without them; 1 MB: 334 ms
 * against 147, most of it in keeping a location object alive per node), and
 * the few nodes `findTags` reads gathered as they are made, instead of a walk
 * over the whole tree afterwards (1 MB of ordinary HTML, `findTags` against
 * parse5 alone, alternated: 1.26 to 1.40 times with the walk, 1.03 to 1.09
 * with nothing read at all, 1.13 to 1.24 gathering).
 */
function gatheringAdapter(into: Gathered): TreeAdapter<DefaultTreeAdapterMap> {
  return {
    ...defaultTreeAdapter,
    createElement(tagName, namespaceURI, attrs) {
      const element = defaultTreeAdapter.createElement(tagName, namespaceURI, attrs);
      if (GATHERED.has(tagName)) into.nodes.push(element);
      return element;
    },
    createCommentNode(data) {
      const comment = defaultTreeAdapter.createCommentNode(data);
      into.nodes.push(comment);
      return comment;
    },
    setTemplateContent(template, content) {
      defaultTreeAdapter.setTemplateContent(template, content);
      into.hosts.set(content, template);
    },
    setNodeSourceCodeLocation(node, location) {
      if (LOCATED.has(node.nodeName)) node.sourceCodeLocation = location;
    },
  };
}

/**
 * parse5's parser, refusing an element made while more than MAX_DEPTH are
 * open, as browsers count: the stack of open elements, read in constant time
 * (walking each new element's ancestors made 500-deep nesting cost 2.3 times
 * ordinary HTML). parse5 copies each element's location into a new object
 * before offering it to the tree (1 MB: 960 ms of 6.7 s in a profile, and
 * garbage to collect): here only an element whose location is read gets it.
 */
class LocatingParser extends Parser<DefaultTreeAdapterMap> {
  constructor(...args: ConstructorParameters<typeof Parser<DefaultTreeAdapterMap>>) {
    super(...args);
    if (LIGHTER_TOKENIZER) Object.assign(this.tokenizer, LIGHTER_TOKENIZER);
    const stack = this.openElements as unknown as ScopeInternals;
    const inScope = stack.hasInDynamicScope;
    if (typeof inScope === 'function' && Array.isArray(stack.tagIDs)) {
      /**
       * The standard asks, at every `<div>`, `<p>`, `<ul>` and the like, whether a `<p>` is open "in
       * button scope": parse5 walks the open elements to find out, 500 of them under 500 nested
       * `<div>`s, where three quarters of its time went. When no open element has the name at all
       * (a native search of the stack's tag numbers), the answer is no: the walk would stop at the
       * `<html>` at the bottom, which every scope includes.
       */
      stack.hasInDynamicScope = function (this: ScopeInternals, tagID: spec.TAG_ID, scope: unknown) {
        if (this.tagIDs[0] === spec.TAG_ID.HTML && this.tagIDs.lastIndexOf(tagID, this.stackTop) === -1) return false;
        return inScope.call(this, tagID, scope);
      };
    }
  }

  override _attachElementToTree(element: T.Element, location: Token.LocationWithAttributes | null) {
    if (location) lastStart = location.startOffset;
    // The open elements (html first) are the new one's ancestors, and the new one is nested one deeper.
    if (this.openElements.stackTop + 2 > MAX_DEPTH) throw new TooDeep(lastStart);
    super._attachElementToTree(element, LOCATED.has(element.nodeName) ? location : null);
  }
}

/** `text` with each lone surrogate replaced by U+FFFD (parse5 throws on two trailing ones in a row). */
export const wellFormed = (text: string) =>
  text.replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd');

const isTag = (name: string): name is TagName => (TAGS as readonly string[]).includes(name);
const LOOKS_LIKE_A_TAG = /<partner-(?:card|directory)(?=[\s/>])/gi;

const attr = (el: T.Element, name: string) => el.attrs.find((a) => a.name === name)?.value;

/** The start of each line, to turn an offset into a line number without counting from the top each time. */
function lineStarts(html: string): number[] {
  const starts = [0];
  for (let i = html.indexOf('\n'); i !== -1; i = html.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}

/** How many of the ascending `values` are below `limit` (a binary search). */
function countBelow(values: number[], limit: number): number {
  let [low, high] = [0, values.length];
  while (low < high) {
    const mid = (low + high) >> 1;
    if (values[mid] < limit) low = mid + 1;
    else high = mid;
  }
  return low;
}

/** A child holding an earlier run's output: the card's declarative shadow root, then its JSON-LD. */
function earlierOutputEnd(el: T.Element): number | undefined {
  const first = el.childNodes.at(0);
  const second = el.childNodes.at(1);
  if (!first || first.nodeName !== 'template' || attr(first, 'shadowrootmode') !== 'open') return undefined;
  let end = first.sourceCodeLocation?.endTag?.endOffset;
  if (end !== undefined && second?.nodeName === 'script' && attr(second, 'type') === 'application/ld+json') {
    end = second.sourceCodeLocation?.endTag?.endOffset ?? end;
  }
  return end;
}

/** Where a gathered node sits in the page: the nearest non-blank `lang` around it, and whether it is in a template's content. */
interface Place {
  lang: string | undefined;
  inTemplate: boolean;
}

/**
 * The way up from `node` to the page: undefined where a browser makes no part
 * of the page of it (inside a card or a directory, whose content is the
 * page's own and left as it is, or a node not in the tree). Crossing from a
 * template's content to its template, the template's own `lang` is not
 * read: its host's is. A declarative shadow root (an open or closed template
 * not itself inside a template's content) is part of the page.
 */
function placeOf(node: T.ChildNode, hosts: Gathered['hosts']): Place | undefined {
  let lang: string | undefined;
  /** The templates crossed, innermost first. */
  const templates: T.Template[] = [];
  let parent: T.ParentNode | null = node.parentNode;
  while (parent) {
    if (parent.nodeName === '#document') {
      // From the outermost template in: the first that is no shadow root makes the rest template content.
      const inTemplate = templates.some((t) => !['open', 'closed'].includes(attr(t, 'shadowrootmode') ?? ''));
      return {lang, inTemplate};
    }
    if (parent.nodeName === '#document-fragment') {
      const template = hosts.get(parent as T.DocumentFragment);
      if (!template) return undefined;
      templates.push(template);
      parent = template.parentNode;
      continue;
    }
    const el = parent as T.Element;
    if (el.namespaceURI === spec.NS.HTML && isTag(el.tagName)) return undefined;
    const own = attr(el, 'lang');
    if (lang === undefined && own?.trim()) lang = own;
    parent = el.parentNode;
  }
  return undefined;
}

export function findTags(html: string): FoundTags {
  const found: FoundTags = {tags: [], problems: [], warnings: []};
  // A page that never mentions a tag has none: no need to build its tree.
  if (!/<partner-(?:card|directory)/i.test(html)) return found;
  let starts: number[] | undefined;
  // The lines starting at or before `offset`, the first at 0.
  const line = (offset: number) => countBelow((starts ??= lineStarts(html)), offset + 1);
  const gathered: Gathered = {nodes: [], hosts: new Map()};
  lastStart = 0;
  try {
    // A lone surrogate (only a string from code can hold one: a file read as UTF-8 cannot) is read
    // as U+FFFD, one code unit for one, so the offsets still point into `html`.
    LocatingParser.parse(wellFormed(html), {
      sourceCodeLocationInfo: true,
      scriptingEnabled: true,
      treeAdapter: gatheringAdapter(gathered),
    });
  } catch (error) {
    if (!(error instanceof TooDeep)) throw error;
    const {at} = error;
    found.problems.push(
      `line ${line(at)}: more than ${MAX_DEPTH} elements are open here (tags never closed?): browsers do not agree on such a tree, so nothing in this page is prerendered`,
    );
    return found;
  }

  /** Where each mention of a tag starts, in order: text and comments without one are not read. */
  const marks = [...html.matchAll(LOOKS_LIKE_A_TAG)].map((m) => m.index);
  const hasMark = (start: number, end = html.length) => {
    const first = countBelow(marks, start);
    return first < marks.length && marks[first] < end;
  };

  /** Mentions of a tag in the page from `start` to `end`, text a browser never reads as tags. */
  const mentions = (start: number, end: number | undefined, where: string) => {
    for (const m of html.slice(start, end).matchAll(LOOKS_LIKE_A_TAG)) {
      found.warnings.push(
        `line ${line(start + m.index)}: ${m[0].slice(1).toLowerCase()} ${where} is not an element a browser makes; left as it is`,
      );
    }
  };

  /**
   * Where the page stops being read alike: a `<select>` holding more than options. Browsers that follow the
   * current standard (Chromium) read such a select's content as markup (a card inside it is an element; a
   * `<style>` in it is raw text, which can take in the rest of the page), parse5 and the older rules drop
   * it. From there on, no tag is filled (each is named): filling one could put the card's stylesheet into
   * the page's own CSS where Chromium reads text.
   */
  let divergedAt: number | undefined;
  const select = (el: T.Element) => {
    const location = el.sourceCodeLocation;
    if (!location?.startTag) return;
    const inside = html.slice(location.startTag.endOffset, location.endTag?.startOffset ?? location.endOffset);
    for (const m of inside.matchAll(LOOKS_LIKE_A_TAG)) {
      found.warnings.push(
        `line ${line(location.startTag.endOffset + m.index)}: ${m[0].slice(1).toLowerCase()} inside a <select>: only browsers that follow the current standard (Chromium) make it an element; not prerendered, left as it is`,
      );
    }
    if (divergedAt === undefined && /<\/?(?!(?:option|optgroup|hr|select)[\s/>])[a-z]/i.test(inside)) divergedAt = location.startOffset;
  };

  const warnAt = (el: T.Element, where: string) => {
    const at = el.sourceCodeLocation?.startOffset ?? 0;
    found.warnings.push(`line ${line(at)}: ${el.tagName} ${where} is not an element a browser makes; left as it is`);
  };

  const addTag = (el: T.Element, inheritedLang: string | undefined) => {
    const name = el.tagName as TagName;
    const location = el.sourceCodeLocation;
    if (!location?.startTag) return;
    const attrs: Partial<Record<string, string>> = {};
    for (const a of el.attrs) attrs[a.name] ??= a.value;
    const start = location.startTag.startOffset;
    if (!location.endTag) {
      found.problems.push(
        `line ${line(start)}: <${name}${attrs.partner !== undefined ? ` partner="${attrs.partner}"` : ''}> is never closed: add </${name}>`,
      );
      return;
    }
    found.tags.push({
      name,
      start,
      contentStart: location.startTag.endOffset,
      contentEnd: location.endTag.startOffset,
      end: location.endTag.endOffset,
      keptStart: earlierOutputEnd(el) ?? location.startTag.endOffset,
      line: line(start),
      attrs,
      inheritedLang,
    });
  };

  // In the order parse5 made them, which is the page's order.
  for (const node of gathered.nodes) {
    if (node.nodeName === '#comment') {
      const location = node.sourceCodeLocation;
      if (location && hasMark(location.startOffset, location.endOffset) && placeOf(node, gathered.hosts))
        mentions(location.startOffset, location.endOffset, 'in a comment');
      continue;
    }
    const el = node as T.Element;
    const location = el.sourceCodeLocation;
    if (!location) continue;
    if (TEXT_ONLY.has(el.tagName) && !hasMark(location.startTag?.endOffset ?? location.startOffset, location.endTag?.startOffset)) continue;
    const place = placeOf(el, gathered.hosts);
    if (!place) continue;
    if (el.namespaceURI !== spec.NS.HTML) {
      if (isTag(el.tagName)) warnAt(el, `inside <svg> or <math>`);
      continue;
    }
    if (isTag(el.tagName)) {
      if (place.inTemplate) warnAt(el, 'in a <template> (its content is not part of the page)');
      else if (divergedAt !== undefined && location.startOffset > divergedAt)
        found.warnings.push(
          `line ${line(location.startOffset)}: ${el.tagName} comes after the <select> of line ${line(divergedAt)}, which holds more than options: browsers that follow the current standard (Chromium) read the page after it differently; not prerendered, left as it is (keep only <option> and <optgroup> in a <select>)`,
        );
      else addTag(el, place.lang);
    } else if (el.tagName === 'select') select(el);
    // Its text runs from its start tag to its end tag, or to the end of the page.
    else if (location.startTag) mentions(location.startTag.endOffset, location.endTag?.startOffset, `in the text of <${el.tagName}>`);
  }
  return found;
}
