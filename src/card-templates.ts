import {html, nothing, type TemplateResult} from 'lit';
import {msg, str} from '@lit/localize';
import {pick, type Picked} from '../shared/pick.js';
import {countryName, formatFact} from './format.js';
import type {ErrorKind} from '../shared/load-error.js';
import type {Fact, Lang, Logo, Organisation, Profile, Text} from '../shared/profile-types.js';
import {safeUrl} from '../shared/safe-url.js';

/**
 * The card's templates, one small function per piece, free of element state so
 * the element stays a thin shell. They must run inside `inLang()` so `msg()`
 * answers in the card's language.
 */

export interface CardContext {
  lang: Lang;
  /** Heading level of the card's name, 1–6. */
  level: number;
  /** What relative URLs in the profile (the logo) are relative to: the profile file. */
  assetBase: URL;
  /** Checked http(s) URLs, or undefined. */
  href?: string;
  backHref?: string;
  /**
   * Countries and key figures drawn as a no-break space, which keeps their
   * line, and filled in a frame later: see `<partner-card>`'s `#show`.
   */
  intlLater?: boolean;
}

export type Variant = 'full' | 'compact';

/** A `heading-level` attribute as a usable level: 1–6, 2 when unreadable. */
export const clampLevel = (level: number) => Math.min(Math.max(Math.trunc(level) || 2, 1), 6);

/** Text that fell back to English is marked so screen readers switch voice and sites can style it. */
const text = (picked: Picked<string>) => (picked.fallback ? html`<span lang="en" part="fallback">${picked.value}</span>` : picked.value);

const heading = (level: number, content: unknown, part: string) =>
  html`<div class="name" role="heading" aria-level=${Math.min(level, 6)} part=${part}>${content}</div>`;

/**
 * The logo. In a compact card the partner's name follows at once, so the logo
 * is decorative there (an empty `alt`): a screen reader would otherwise read
 * the name twice in a row. An English stand-in `alt` is marked `lang="en"`.
 */
function logo(logo: Logo | undefined, ctx: CardContext, compact: boolean) {
  const src = logo && safeUrl(logo.src, ctx.assetBase);
  if (!src) return nothing;
  const alt = compact ? {value: '', fallback: false} : pick(logo.alt, ctx.lang);
  // `loading` before `src`: Lit sets them in this order, and WebKit starts the request as `src` is set.
  return html`<img
    class="logo"
    part="logo"
    loading=${compact ? 'lazy' : 'eager'}
    src=${src.href}
    alt=${alt.value}
    lang=${alt.fallback ? 'en' : nothing}
    width=${logo.width}
    height=${logo.height}
  />`;
}

/** A link to a partner's website, labelled with its host name, which says where it goes (always an absolute URL). */
function website(url: string | undefined, ctx: CardContext) {
  const safe = safeUrl(url, ctx.assetBase);
  return safe ? html`<a part="website" href=${safe.href}>${safe.hostname.replace(/^www\./, '')}</a>` : nothing;
}

/** A no-break space: keeps the line of a country or figure that is drawn a frame later. */
const LATER = '\xa0';

const factValue = (fact: Fact, ctx: CardContext) =>
  'text' in fact ? text(pick(fact.text, ctx.lang)) : ctx.intlLater ? LATER : formatFact(fact, ctx.lang);

const country = (code: string, ctx: CardContext) => (ctx.intlLater ? LATER : countryName(code, ctx.lang));

function facts(list: Fact[] | undefined, ctx: CardContext, title: unknown) {
  if (!list?.length) return nothing;
  return html`<section>
    ${title}
    <dl part="facts">
      ${list.map(
        (fact) => html`<div part="fact">
          <dt>${text(pick(fact.label, ctx.lang))}</dt>
          <dd>${factValue(fact, ctx)}</dd>
        </div>`,
      )}
    </dl>
  </section>`;
}

function paragraphs(p: Profile['description'], lang: Lang) {
  if (!p) return nothing;
  const picked = pick(p, lang);
  return html`<div
    class="prose"
    part=${picked.fallback ? 'description fallback' : 'description'}
    lang=${picked.fallback ? 'en' : nothing}
  >
    ${picked.value.map((line) => html`<p>${line}</p>`)}
  </div>`;
}

const sectionTitle = (level: number, title: string) =>
  html`<div class="section-title" role="heading" aria-level=${Math.min(level, 6)}>${title}</div>`;

function organisation(org: Organisation, ctx: CardContext) {
  return html`<li class="organisation" part="organisation">
    ${heading(ctx.level + 2, text(pick(org.name, ctx.lang)), 'organisation-name')}
    ${paragraphs(org.description, ctx.lang)}
    ${facts(org.facts, ctx, nothing)}
    ${org.website ? html`<p class="meta">${website(org.website, ctx)}</p>` : nothing}
  </li>`;
}

function countryAndName(profile: Profile, ctx: CardContext, short?: Text) {
  const shortName = short && pick(short, ctx.lang);
  return html`<p class="meta">
    ${shortName ? html`<span part="short-name">${text(shortName)}</span>` : nothing}
    <span part="country">${country(profile.country, ctx)}</span>
    ${website(profile.website, ctx)}
  </p>`;
}

export function fullCard(profile: Profile, ctx: CardContext): TemplateResult {
  const name = text(pick(profile.name, ctx.lang));
  return html`<article class="card full" part="card" lang=${ctx.lang}>
    <header part="header">
      ${logo(profile.logo, ctx, false)}
      <div class="title">${heading(ctx.level, name, 'name')} ${countryAndName(profile, ctx, profile.shortName)}</div>
    </header>
    <p class="summary" part="summary">${text(pick(profile.summary, ctx.lang))}</p>
    ${paragraphs(profile.description, ctx.lang)}
    ${facts(profile.facts, ctx, sectionTitle(ctx.level + 1, msg('Key figures', {id: 'heading.key-figures', desc: 'Heading above the list of key figures of a partner (inhabitants, employees, budget…).'})))}
    ${
      profile.organisations?.length
        ? html`<section>
          ${sectionTitle(ctx.level + 1, msg('Organisations', {id: 'heading.organisations', desc: 'Heading above the member organisations of a partner, such as its hospitals and research centres.'}))}
          <ul part="organisations">
            ${profile.organisations.map((org) => organisation(org, ctx))}
          </ul>
        </section>`
        : nothing
    }
    ${
      ctx.backHref
        ? html`<a class="back" part="back-link" href=${ctx.backHref}><span aria-hidden="true">←</span> ${msg('Back to partners', {id: 'link.back-to-partners', desc: 'Link at the end of a full partner profile, back to the list of all partners.'})}</a>`
        : nothing
    }
  </article>`;
}

export function compactCard(profile: Profile, ctx: CardContext): TemplateResult {
  const name = text(pick(profile.name, ctx.lang));
  return html`<article class="card compact" part="card" lang=${ctx.lang}>
    ${logo(profile.logo, ctx, true)}
    <div class="body">
      ${heading(ctx.level, ctx.href ? html`<a class="stretched" part="link" href=${ctx.href}>${name}</a>` : name, 'name')}
      <p class="meta"><span part="country">${country(profile.country, ctx)}</span></p>
      <p class="summary" part="summary">${text(pick(profile.summary, ctx.lang))}</p>
    </div>
  </article>`;
}

/**
 * Placeholder in the shape of the card to come, so nothing jumps when it
 * arrives. What it says is announced by the element's one live region
 * (`statusText`); the label here is only for forced colours, where the bars'
 * backgrounds are not painted.
 */
export function loadingCard(variant: Variant, lang: Lang): TemplateResult {
  return html`<div class="card ${variant} loading" part="card loading" aria-busy="true" lang=${lang}>
    <span class="skeleton logo"></span>
    <div class="body">
      <div class="name"><span class="skeleton"></span><span class="loading-label" aria-hidden="true">${loadingText()}</span></div>
      <p class="meta"><span class="skeleton"></span></p>
      <p class="summary"><span class="skeleton"></span> <span class="skeleton"></span></p>
    </div>
  </div>`;
}

const loadingText = () =>
  msg('Loading partner profile…', {
    id: 'status.loading',
    desc: 'Announced to screen readers while a partner profile loads; also shown on the placeholder in high-contrast (forced colours) mode.',
  });

function errorText(kind: ErrorKind, partner: string): string {
  switch (kind) {
    case 'invalid-id':
      // The value as the page wrote it, and what an id looks like: the page's editor can fix it from the card alone.
      return partner
        ? msg(str`“${partner}” is not a partner id: use lower-case letters, digits and hyphens, e.g. region-southern-denmark.`, {
            id: 'error.invalid-id',
            desc: 'Error in the card when its partner attribute is not an id. The placeholder is the value as the page wrote it; keep the example id as it is.',
          })
        : msg('No partner given: add partner="…" with its id, e.g. region-southern-denmark.', {
            id: 'error.no-partner',
            desc: 'Error in the card when it has no partner attribute. Keep partner="…" and the example id as they are.',
          });
    case 'not-found':
      return msg(str`There is no partner “${partner}”.`, {
        id: 'error.not-found',
        desc: 'Error in the card when the profile does not exist. The placeholder is the partner id.',
      });
    case 'invalid-profile':
      return msg('This partner profile contains errors.', {
        id: 'error.invalid-profile',
        desc: 'Error in the card when the profile file is broken or incomplete.',
      });
    case 'network':
      return msg('The profile could not be loaded. Check your connection and try again.', {
        id: 'error.network',
        desc: 'Error in the card when the network or the server failed; a "Try again" button follows.',
      });
  }
}

/**
 * The error box. Its sentence is announced by the element's live region, which
 * stays in place from state to state; here it is hidden from assistive
 * technology so it is not read twice.
 */
export function errorCard(kind: ErrorKind, partner: string, lang: Lang, retry: () => void): TemplateResult {
  return html`<div class="card error" part="card error" lang=${lang}>
    <p part="error-message" aria-hidden="true">${errorText(kind, partner)}</p>
    ${
      kind === 'network'
        ? html`<button part="retry" type="button" @click=${retry}>${msg('Try again', {id: 'button.retry', desc: 'Button that loads the partner profile again after a network error.'})}</button>`
        : nothing
    }
  </div>`;
}

/** A loaded card in its variant: `<partner-card>` and the prerenderer both draw it with this. */
export const loadedCard = (profile: Profile, variant: Variant, ctx: CardContext): TemplateResult =>
  variant === 'compact' ? compactCard(profile, ctx) : fullCard(profile, ctx);

/**
 * Everything in a card's shadow root: its one live region, then the card box.
 * The prerenderer writes the same, so a card upgraded over prerendered HTML
 * finds exactly what it would have drawn.
 */
export const shadowContent = (status: string, box: unknown): TemplateResult => html`<span class="sr" role="status">${status}</span>${box}`;

/**
 * What the card's live region says in each state: a screen reader announces
 * a change of text in a region that was already there, not a region that
 * arrives together with its text.
 */
export function statusText(status: 'loading' | 'loaded' | 'error', kind: ErrorKind, partner: string): string {
  if (status === 'loading') return loadingText();
  return status === 'error' ? errorText(kind, partner) : '';
}
