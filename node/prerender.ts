/**
 * Prerendering in Node: a `<partner-card>` tag in a site's HTML gets its
 * content written inside it as declarative shadow DOM, so the card is there at
 * first paint, without JavaScript and when the project site is down. Drawn by
 * Lit's server renderer from the very templates and styles the element uses
 * (card-templates.ts, partner-card.styles.ts): the two cannot drift.
 *
 * Built by `npm run build` into `dist/prerender.js`; `npm run prerender` is
 * its command line. Sites that render in Node import `prerenderHTML` or
 * `renderCard` from there.
 */
import {render} from '@lit-labs/ssr';
import {collectResultSync} from '@lit-labs/ssr/lib/render-result.js';
import {createHash} from 'node:crypto';
import {clampLevel, loadedCard, shadowContent, type Variant} from '../src/card-templates.js';
import {directoryItems, directoryView, listKey} from '../src/directory-templates.js';
import {countries} from '../src/directory-search.js';
import {normaliseLang} from '../src/inherited-lang.js';
import {parseFragment, type DefaultTreeAdapterTypes} from 'parse5';
import {findTags, wellFormed, type FoundTag} from './html-tags.js';
import {serializeChildren, type TreeReader} from '../shared/html-serialize.js';
import {organisationJsonLd} from '../shared/json-ld.js';
import type {Lang} from '../shared/profile-types.js';
import {isPartnerId, validateProfile} from '../shared/profile-validation.js';
import {safeUrl} from '../shared/safe-url.js';
import {LoadError} from '../shared/load-error.js';
import {didYouMean} from '../shared/closest.js';
import {isFolderAddress, LINK_RULE, linkRefused} from '../shared/link-rule.js';
import {styles} from '../src/partner-card.styles.js';
import {styles as directoryStyles} from '../src/partner-directory.styles.js';
import {inLang} from '../src/localization.js';

export {MAX_DEPTH} from './html-tags.js';
export {LINK_RULE};

type P5Node = DefaultTreeAdapterTypes.Node;
type P5Element = DefaultTreeAdapterTypes.Element;
type P5Text = DefaultTreeAdapterTypes.TextNode;
type P5Template = DefaultTreeAdapterTypes.Template;

const hash = (text: string) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;

/** The card's stylesheet as one `<style>` text: the same for every card and partner. */
export const STYLE_TEXT = styles.map((sheet) => sheet.cssText).join('');
/** The directory's, likewise. */
export const DIRECTORY_STYLE_TEXT = directoryStyles.map((sheet) => sheet.cssText).join('');

/** The `style-src` sources that allow the prerendered `<style>`s under a strict Content-Security-Policy. */
export const STYLE_HASH = hash(STYLE_TEXT);
export const DIRECTORY_STYLE_HASH = hash(DIRECTORY_STYLE_TEXT);

export interface CardOptions {
  /** The profile (validated here as the card validates it). */
  profile: unknown;
  /** The tag's `partner`: the profile must have this id. */
  partner: string;
  /** Folder of the profiles as the browser will reach it (an absolute URL, or a path from the site root): the logo is next to the profile. */
  base: string;
  lang?: string;
  variant?: string;
  headingLevel?: string | number;
  href?: string;
  backHref?: string;
}

/** Stands in for the site's own origin while a path from its root is resolved. */
const SITE_ROOT = 'http://site-root.partner-card.invalid/';

/** parse5's tree, for the one serialiser (comments, Lit's markers among them, are left out by it). */
const parse5Tree: TreeReader<P5Node> = {
  children: (node) => ('childNodes' in node ? node.childNodes : []),
  kind: (node) => ('tagName' in node ? 'element' : node.nodeName === '#text' ? 'text' : 'other'),
  name: (node) => (node as P5Element).tagName,
  attributes: (node) => (node as P5Element).attrs.map((a) => ({name: a.prefix ? `${a.prefix}:${a.name}` : a.name, value: a.value})),
  text: (node) => (node as P5Text).value,
  content: (node) => (node as P5Template).content,
};

/**
 * The profiles' folder as the browser will reach it. A path from the site
 * root ("/embed/partners/") stays one: it is resolved against a stand-in
 * origin that is cut off the output again.
 */
function folder(base: string): URL {
  const url = isFolderAddress(base) && safeUrl(base.trim().replace(/\/?$/, '/'), SITE_ROOT);
  if (!url) throw new Error(baseProblem(base) ?? 'base is refused');
  return url;
}

/** What is wrong with `base` as the profiles' folder, or undefined when the prerenderer takes it. */
export function baseProblem(base: unknown): string | undefined {
  if (typeof base === 'string' && isFolderAddress(base) && safeUrl(base.trim().replace(/\/?$/, '/'), SITE_ROOT)) return undefined;
  return `base ${JSON.stringify(base)} is not an absolute http(s) URL or a path from the site root ("/…"): ${LINK_RULE}`;
}

/** A link stays as written (the page resolves it as the element does), once the link rule allows it. */
function link(value: string | undefined, name: string): string | undefined {
  if (!value) return undefined;
  if (linkRefused(value)) throw new Error(`${name}="${value}" is refused. ${LINK_RULE}`);
  return value.trim();
}

/** `content()` drawn in `lang` by Lit's server renderer as a declarative shadow root with its style. */
function shadowRoot(style: string, lang: Lang, content: () => unknown): string {
  // The templates are made inside inLang() too: msg() answers when a template is made.
  // A lone surrogate in a profile's text cannot be written to a page (UTF-8 has none): U+FFFD, as a browser shows it.
  const drawn = wellFormed(inLang(lang, () => collectResultSync(render(content()))));
  // Read back and written by the one serialiser the embed builder also uses: the same bytes.
  const markup = serializeChildren<P5Node>(parseFragment(drawn), parse5Tree).replaceAll(SITE_ROOT, '/');
  return `<template shadowrootmode="open"><style>${style}</style>${markup}</template>`;
}

/**
 * A card's content as it goes inside its tag: the shadow root (`<template
 * shadowrootmode="open">`, its `<style>`, then exactly what the element draws
 * for these attributes) and, for a full card, schema.org JSON-LD.
 * @throws Error naming the problem when the profile is invalid or a URL is refused.
 */
export function renderCard(options: CardOptions): {html: string; dropped: string[]} {
  const {partner} = options;
  if (!isPartnerId(partner)) throw new Error(`partner="${partner}" is not a partner id`);
  const assetBase = new URL(`${partner}.json`, folder(options.base));
  const {profile, dropped} = validateProfile(options.profile, partner);
  const lang = normaliseLang(options.lang);
  const variant: Variant = options.variant === 'compact' ? 'compact' : 'full';
  const ctx = {
    lang,
    level: clampLevel(Number(options.headingLevel ?? 2)),
    assetBase,
    href: link(options.href, 'href'),
    backHref: link(options.backHref, 'back-href'),
  };
  let html = shadowRoot(STYLE_TEXT, lang, () => shadowContent('', loadedCard(profile, variant, ctx)));
  if (variant === 'full') {
    const logo = profile.logo && safeUrl(profile.logo.src, assetBase)?.href.replace(SITE_ROOT, '/');
    html += organisationJsonLd(profile, lang, logo);
  }
  return {html, dropped};
}

export interface DirectoryOptions {
  /** The index (`index.json`: `{partners: [...]}`); entries are validated as the directory validates them. */
  index: unknown;
  /** Folder of `index.json` as the browser will reach it. */
  base: string;
  lang?: string;
  href?: string;
  headingLevel?: string | number;
}

/**
 * A directory's content as it goes inside its tag: the whole list (controls,
 * status line, every partner's compact card) as a declarative shadow root.
 * @throws Error naming the problem when the index has no list or a URL is refused.
 */
export function renderDirectory(options: DirectoryOptions): {html: string; dropped: string[]} {
  const partners = (options.index as {partners?: unknown} | null)?.partners;
  if (!Array.isArray(partners)) throw new Error('index.json has no "partners" list');
  const dropped: string[] = [];
  const entries = partners.flatMap((entry, i) => {
    try {
      return [validateProfile(entry).profile];
    } catch (error) {
      dropped.push(`partners[${i}]: ${(error as Error).message}`);
      return [];
    }
  });
  const lang = normaliseLang(options.lang);
  const level = clampLevel(Number(options.headingLevel ?? 2));
  const pattern = link(options.href, 'href');
  const ctx = {lang, level, assetBase: folder(options.base)};
  // Checked once filled, as the live list checks it: a pattern can be harmless and its result not (`{id}:…` with an id such as "javascript").
  const linkOf = (id: string) => {
    const filled = pattern?.replace('{id}', encodeURIComponent(id));
    if (filled && linkRefused(filled)) {
      const why = `the link of "${id}" (href="${filled}" is refused: ${LINK_RULE})`;
      if (!dropped.includes(why)) dropped.push(why);
      return undefined;
    }
    return filled;
  };
  const items = () => directoryItems(entries, ctx, linkOf);
  const view = {
    lang,
    status: 'loaded' as const,
    query: '',
    country: '',
    countries: countries(entries, lang),
    shown: entries.length,
    total: entries.length,
    key: listKey({entries, lang, href: options.href, level}),
  };
  return {html: shadowRoot(DIRECTORY_STYLE_TEXT, lang, () => directoryView(view, items())), dropped};
}

export interface PrerenderOptions {
  /** The profile for an id, or undefined when there is none. */
  profile(id: string): unknown;
  /** The index of all partners (`index.json`), for `<partner-directory>`; undefined when there is none. */
  index?(): unknown;
  /** Folder of the profiles as the browser will reach them, for tags without a `base` attribute. */
  base?: string;
  /**
   * Where the profiles are published (an absolute URL: the kept `url` and `partners/`), when known: a tag
   * whose base is elsewhere gets a warning, since its logo and profile would not be found there.
   */
  published?: string;
  /** The ids there are profiles for: a tag naming another is answered with the closest of them. */
  ids?(): Iterable<string>;
  /**
   * A profile's problems worded for its file and with the fix
   * (`partners/x.json: $.summary is missing: add "summary"…`), said instead of
   * the renderer's own words when the profile cannot be shown.
   */
  explain?(id: string): string[];
}

export interface PrerenderResult {
  html: string;
  /**
   * What changed, in order: each range of `source` (from `start` to `end`, in its characters) and the
   * text written there. `html` is `source` with these in place; a page in another encoding than
   * UTF-8 is written from them, byte by byte.
   */
  edits: {start: number; end: number; text: string}[];
  /** How many tags (cards and directories) got prerendered content. */
  cards: number;
  /** Problems that stop the page from being written, each naming the tag. */
  errors: string[];
  /** Fields left out of a profile (it is still shown), and cards a browser does not make, each naming the tag. */
  warnings: string[];
  /** `<partner-card>` tags without `partner`, left for their page's script (a profile page reading its address), each named. */
  left: string[];
}

/** Where `base` points when that is not `published` (a path from the site root is taken on `published`'s site), else undefined. */
function baseElsewhere(base: string, published: string): string | undefined {
  const at = safeUrl(base.trim().replace(/\/?$/, '/'), published)?.href;
  return at && at !== new URL(published).href ? at : undefined;
}

/** `render()`, or its error in the words `explain` has for the profile when the profile is what was refused. */
function renderWorded<T>(options: PrerenderOptions, partner: string, render: () => T): T {
  try {
    return render();
  } catch (error) {
    const worded = error instanceof LoadError && error.kind === 'invalid-profile' ? options.explain?.(partner) : undefined;
    if (worded?.length) throw new Error(worded.join('; '));
    throw error;
  }
}

const describe = (tag: FoundTag) => `line ${tag.line}: <${tag.name}${tag.attrs.partner ? ` partner="${tag.attrs.partner}"` : ''}>`;

/**
 * Writes a prerendered card into every `<partner-card>` tag of a page, and the
 * whole list into every `<partner-directory>`, and changes nothing else.
 */
export function prerenderHTML(source: string, options: PrerenderOptions): PrerenderResult {
  const {tags, problems, warnings} = findTags(source);
  const errors = [...problems];
  let html = '';
  let from = 0;
  let cards = 0;
  const left: string[] = [];
  const edits: PrerenderResult['edits'] = [];
  for (const tag of tags) {
    const {attrs} = tag;
    if (tag.name === 'partner-card' && !('partner' in attrs)) {
      // A page whose script sets the partner later: nothing is wrong, so no warning.
      left.push(describe(tag));
      continue;
    }
    try {
      const base = attrs.base ?? options.base;
      if (!base)
        throw new Error("no base attribute and no --base (the Eleventy plugin's base option): say where the browser finds the profiles");
      const misplaced = options.published && baseElsewhere(base, options.published);
      if (misplaced) {
        const file = tag.name === 'partner-directory' ? 'index.json' : `${attrs.partner ?? ''}.json and its logo`;
        warnings.push(
          `${describe(tag)}: base "${base}" is ${misplaced}, but the profiles are published at ${options.published}: ${file} would not be found there`,
        );
      }
      const lang = attrs.lang?.trim() || tag.inheritedLang;
      const headingLevel = attrs['heading-level'];
      let rendered: {html: string; dropped: string[]};
      if (tag.name === 'partner-directory') {
        const index = options.index?.();
        if (index === undefined) throw new Error('there is no index.json of the partners (partner-card index writes it)');
        rendered = renderDirectory({index, base, lang, href: attrs.href, headingLevel});
      } else {
        const partner = attrs.partner ?? '';
        const profile = options.profile(partner);
        if (profile === undefined) throw new Error(`there is no profile "${partner}"${didYouMean(partner, options.ids?.() ?? [])}`);
        rendered = renderWorded(options, partner, () =>
          renderCard({
            profile,
            partner: attrs.partner ?? '',
            base,
            lang,
            variant: attrs.variant,
            headingLevel,
            href: attrs.href,
            backHref: attrs['back-href'],
          }),
        );
      }
      const {html: content, dropped} = rendered;
      if (dropped.length) warnings.push(`${describe(tag)}: left out ${dropped.join(', ')}`);
      // What an earlier run wrote is replaced, so a second run changes nothing.
      html += source.slice(from, tag.contentStart) + content + source.slice(tag.keptStart, tag.contentEnd);
      edits.push({start: tag.contentStart, end: tag.keptStart, text: content});
      from = tag.contentEnd;
      cards++;
    } catch (error) {
      errors.push(`${describe(tag)}: ${(error as Error).message}`);
    }
  }
  return {html: html + source.slice(from), edits, cards, errors, warnings, left};
}
