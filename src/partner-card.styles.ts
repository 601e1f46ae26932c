import {css} from 'lit';

/**
 * The card's look. Colours, spacing and shape come from `--partner-card-*`
 * custom properties (documented on the element) so a site can theme the card
 * without reaching into the shadow root; everything else is private.
 *
 * Light and dark defaults follow the card's `color-scheme` (the user's
 * preference unless the site sets `color-scheme` on the element). The card
 * inherits the page's font, but resets the text properties that host pages
 * change globally (line height, spacing, alignment) so it reads the same
 * everywhere. Every rule here is shipped to every partner page: keep it terse.
 *
 * Only `host` belongs to the `<partner-card>` element; `cardStyles` is the card
 * box, shared with `<partner-directory>`, which renders its compact cards into
 * its own shadow root next to its controls: so every selector sits under `.card`.
 */
const host = css`
  :host {
    color-scheme: light dark;
    display: block;
  }
  :host([hidden]) {
    display: none;
  }
`;

/** Heard, not seen; 1 px and clipped, so its text never widens the page. For the card's and the directory's live regions. */
export const srOnly = css`
  .sr {
    position: absolute;
    inline-size: 1px;
    block-size: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }
`;

export const cardStyles = css`
  .card,
  .card * {
    box-sizing: border-box;
    margin: 0;
    padding: 0;
  }
  .card {
    --_bg: var(--partner-card-background, light-dark(#fff, #1b2129));
    --_fg: var(--partner-card-color, light-dark(#1c2430, #e8edf3));
    --_accent: var(--partner-card-accent-color, light-dark(#0b63b6, #7cbcff));
    /* The quieter colours are mixed from text and background, so a site that
       sets only those two still gets a coherent card. */
    --_muted: var(--partner-card-muted-color, color-mix(in srgb, var(--_fg) 70%, var(--_bg)));
    --_line: var(--partner-card-border-color, color-mix(in srgb, var(--_fg) 16%, var(--_bg)));
    --_soft: var(--partner-card-figure-background, color-mix(in srgb, var(--_fg) 5%, var(--_bg)));
    --_radius: var(--partner-card-radius, 12px);
    position: relative;
    display: grid;
    /* A card stretched to its neighbours' height (a directory row) keeps the spare room at the end. */
    align-content: start;
    gap: 1rem;
    padding: var(--partner-card-padding, 1.25rem);
    border: 1px solid var(--_line);
    border-radius: var(--_radius);
    background: var(--_bg);
    color: var(--_fg);
    box-shadow: var(--partner-card-shadow, 0 2px 12px #0001);
    font: inherit;
    line-height: 1.5;
    letter-spacing: normal;
    text-align: start;
    white-space: normal;
    overflow-wrap: anywhere;
    min-block-size: var(--partner-card-min-height, auto);
  }
  .card header,
  .card .meta {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0 1rem;
  }
  /* Still bars (no animation: nothing to distract, nothing to switch off).
     Each bar is one line box tall, so the placeholder is exactly as tall as
     the text to come; the visible bar is its padded-in middle. */
  .card .skeleton {
    display: inline-block;
    vertical-align: top;
    block-size: 1lh;
    padding-block: 0.25lh;
    inline-size: 100%;
    /* By default stronger than the figure tiles: a placeholder should be seen as one. */
    background: var(--partner-card-figure-background, color-mix(in srgb, var(--_fg) 14%, var(--_bg)));
    background-clip: content-box;
  }
  .card .name .skeleton {
    inline-size: 60%;
  }
  .card .meta .skeleton {
    inline-size: 25%;
  }

  .card .logo {
    display: block;
    block-size: var(--partner-card-logo-height, 3.5rem);
    inline-size: auto;
    max-inline-size: 100%;
    object-fit: contain;
  }
  .card [role='heading'],
  .card .name {
    font-weight: 700;
    line-height: 1.25;
  }
  .card .name {
    font-size: 1.375em;
  }
  .card .meta,
  .card dt {
    color: var(--_muted);
    font-size: 0.875em;
  }
  .card a {
    color: var(--_accent);
  }
  /* A card itself takes the focus only from the element's script (after "Try again", or arrived at by its
     #id): a ring whenever it has it, as the engines' guess for :focus-visible differs after a click. */
  .card :focus-visible,
  .card:focus {
    outline: 2px solid var(--_accent);
    outline-offset: 2px;
  }
  .card .prose,
  .card ul,
  .card li {
    display: grid;
    gap: 0.75rem;
  }
  .card dl {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(min(100%, 11rem), 1fr));
    gap: 0.5rem;
    margin-block-start: 0.5rem;
  }
  .card dl > div {
    display: flex;
    flex-direction: column-reverse;
    justify-content: flex-end;
    padding: 0.625rem 0.75rem;
    border-radius: 8px;
    background: var(--_soft);
  }
  .card dd {
    font-size: 1.125em;
    font-weight: 700;
  }
  .card ul {
    list-style: none;
  }
  .card li {
    padding-block-start: 0.75rem;
    border-block-start: 1px solid var(--_line);
  }

  /* Compact: logo above name, country and a summary of exactly three lines,
     so every card in a list has the same height before and after loading,
     whatever the logo's shape. */
  .card.compact .logo {
    block-size: 2.5rem;
  }
  .card .skeleton.logo {
    inline-size: 6rem;
  }
  .card.compact .name,
  .card li .name {
    font-size: 1.125em;
  }
  .card.compact .summary {
    font-size: 0.9375em;
    block-size: 4.5em;
    display: -webkit-box;
    -webkit-box-orient: vertical;
    -webkit-line-clamp: 3;
    overflow: hidden;
  }
  /* The name's link covers the whole card: one link, one tab stop. */
  .card .stretched {
    color: inherit;
  }
  .card .stretched::after {
    content: '';
    position: absolute;
    inset: 0;
    border-radius: inherit;
  }
  /* …so the focus ring goes round the card, not round the name alone. */
  .card .stretched:focus-visible {
    outline: none;
  }
  .card .stretched:focus-visible::after {
    outline: 2px solid var(--_accent);
    outline-offset: 2px;
  }

  .card.error {
    border-inline-start: 4px solid var(--partner-card-error-color, #c4302b);
  }
  .card button {
    justify-self: start;
    font: inherit;
    font-weight: 600;
    padding: 0.375rem 1rem;
    border: 1px solid;
    border-radius: 99px;
    background: none;
    color: var(--_accent);
    cursor: pointer;
  }
  .card .loading-label {
    display: none;
  }
  /* Forced colours paint no backgrounds: outline the bars and say in words what they mean. */
  @media (forced-colors: active) {
    .card .skeleton {
      outline: 1px solid CanvasText;
      outline-offset: -0.25lh;
    }
    .card .name .skeleton {
      display: none;
    }
    .card .loading-label {
      display: inline;
    }
  }
`;

export const styles = [host, srOnly, cardStyles];
