/**
 * The code a partner pastes into their page, made from the builder's
 * choices. Pure functions of their arguments: the builder page and the tests
 * use the same ones.
 */
import {linkRefused} from '../../shared/link-rule.js';
import {profilePreload} from '../../shared/profile-preload.mjs';
import {domTree, serializeChildren} from '../../shared/html-serialize.js';
import {escapeAttribute as escapeAttr} from '../../shared/html-escape.mjs';

export {linkRefused};

export interface EmbedChoices {
  partner: string;
  lang: 'en' | 'da';
  variant: 'full' | 'compact';
  headingLevel: number;
  /** Compact variant: where the card links to. */
  href: string;
  /** Full variant: the "Back to partners" link. */
  backHref: string;
  /** Whether the card is written into the code as declarative shadow DOM. */
  prerender: boolean;
}

export const DEFAULT_CHOICES: EmbedChoices = {
  partner: '',
  lang: 'en',
  variant: 'full',
  headingLevel: 2,
  href: '',
  backHref: '',
  prerender: true,
};

/** The release this builder belongs to (node/release.mjs makes it, vite.config.ts bundles it). */
export interface Release {
  version: string;
  module: string;
  integrity: string;
  styleHashes: {card: string; directory: string};
}

/** The `<partner-card>` attributes for these choices: only those that differ from the card's defaults, and always the language (the partner's page may have another). */
export function cardAttributes(choices: EmbedChoices): string {
  const attrs: [string, string][] = [
    ['partner', choices.partner],
    ['lang', choices.lang],
  ];
  if (choices.variant === 'compact') attrs.push(['variant', 'compact']);
  if (choices.headingLevel !== 2) attrs.push(['heading-level', String(choices.headingLevel)]);
  const link = choices.variant === 'compact' ? choices.href.trim() : choices.backHref.trim();
  if (link && !linkRefused(link)) attrs.push([choices.variant === 'compact' ? 'href' : 'back-href', link]);
  return attrs.map(([name, value]) => `${name}="${escapeAttr(value)}"`).join(' ');
}

/**
 * The shadow root of a card that has drawn its profile, as declarative shadow
 * DOM: its style first (byte for byte the prerenderer's, so the CSP hash in
 * README and release.json allows it), then its content without Lit's
 * comment markers, as `npm run prerender` writes it: with the same
 * serialiser (html-serialize.ts), so the bytes are the prerenderer's in every
 * browser. Tests pass older browsers' rules as `serialize`.
 */
export function declarativeShadowRoot(
  root: ShadowRoot,
  styleText: string,
  serialize = (copy: HTMLTemplateElement) => serializeChildren(copy.content, domTree),
): string {
  // Comments are removed as nodes from a copy, never by a pattern over the markup: browsers
  // that leave < and > unescaped in attribute values would let a "<!--" in a link or a
  // name match across the markup and take a quote, an attribute or the rest of a page with it.
  const copy = document.createElement('template');
  copy.content.append(...[...root.childNodes].map((node) => node.cloneNode(true)));
  const walker = document.createTreeWalker(copy.content, NodeFilter.SHOW_COMMENT);
  const comments: Node[] = [];
  while (walker.nextNode()) comments.push(walker.currentNode);
  for (const comment of comments) comment.parentNode!.removeChild(comment);
  return `<template shadowrootmode="open"><style>${styleText}</style>${serialize(copy)}</template>`;
}

/**
 * The whole embed code: the pinned module, then the card with its
 * prerendered content when there is one (`prerendered`: the shadow root and,
 * for a full card, its JSON-LD, as `npm run prerender` writes them).
 *
 * Without it, a preload of the profile comes first: the card asks for its
 * profile only once its module has run, so the page would wait for the module
 * and then for the profile, one after the other (`profilePreload`).
 */
export function embedCode(moduleUrl: string, release: Release, choices: EmbedChoices, prerendered = ''): string {
  const preload = prerendered ? '' : `${profilePreload(new URL(`partners/${choices.partner}.json`, moduleUrl).href)}\n`;
  return (
    preload +
    `<script type="module" src="${escapeAttr(moduleUrl)}" integrity="${release.integrity}" crossorigin="anonymous"></script>\n` +
    `<partner-card ${cardAttributes(choices)}>${prerendered}</partner-card>\n`
  );
}

/** The choices kept in the builder's address, so a link can carry them. */
export function choicesFromQuery(params: URLSearchParams): EmbedChoices {
  const level = Number(params.get('heading-level'));
  return {
    partner: params.get('partner') ?? '',
    lang: params.get('lang') === 'da' ? 'da' : 'en',
    variant: params.get('variant') === 'compact' ? 'compact' : 'full',
    headingLevel: Number.isInteger(level) && level >= 1 && level <= 6 ? level : 2,
    href: params.get('href') ?? '',
    backHref: params.get('back-href') ?? '',
    prerender: params.get('prerender') !== 'no',
  };
}

export function queryFromChoices(choices: EmbedChoices, ui?: string): string {
  const params = new URLSearchParams();
  if (choices.partner) params.set('partner', choices.partner);
  params.set('lang', choices.lang);
  if (choices.variant !== 'full') params.set('variant', choices.variant);
  if (choices.headingLevel !== 2) params.set('heading-level', String(choices.headingLevel));
  if (choices.variant === 'compact' && choices.href) params.set('href', choices.href);
  if (choices.variant === 'full' && choices.backHref) params.set('back-href', choices.backHref);
  if (!choices.prerender) params.set('prerender', 'no');
  if (ui && ui !== choices.lang) params.set('ui', ui);
  return `?${params}`;
}

/** The sources a strict Content-Security-Policy on the partner's page needs for the card from `origin`. */
export function cspSources(origin: string, release: Release): string {
  return [`script-src ${origin}`, `connect-src ${origin}`, `img-src ${origin}`, `style-src ${release.styleHashes.card}`].join('; ');
}
