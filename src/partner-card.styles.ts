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
 */
export const styles = css`
  :host {
    --_bg: var(--partner-card-background, light-dark(#fff, #1b2129));
    --_fg: var(--partner-card-color, light-dark(#1c2430, #e8edf3));
    --_accent: var(--partner-card-accent-color, light-dark(#0b63b6, #7cbcff));
    /* The quieter colours are mixed from text and background, so a site that
       sets only those two still gets a coherent card. */
    --_muted: var(--partner-card-muted-color, color-mix(in srgb, var(--_fg) 70%, var(--_bg)));
    --_line: var(--partner-card-border-color, color-mix(in srgb, var(--_fg) 16%, var(--_bg)));
    --_soft: var(--partner-card-figure-background, color-mix(in srgb, var(--_fg) 5%, var(--_bg)));
    --_radius: var(--partner-card-radius, 12px);
    color-scheme: light dark;
    display: block;
  }
  :host([hidden]) {
    display: none;
  }
  * {
    box-sizing: border-box;
    margin: 0;
    padding: 0;
  }
  .card {
    position: relative;
    display: grid;
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
  header,
  .meta {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0 1rem;
  }
  /* Still bars (no animation: nothing to distract, nothing to switch off).
     Each bar is one line box tall, so the placeholder is exactly as tall as
     the text to come; the visible bar is its padded-in middle. */
  .skeleton {
    display: inline-block;
    vertical-align: top;
    block-size: 1lh;
    padding-block: 0.25lh;
    inline-size: 100%;
    background: var(--_soft);
    background-clip: content-box;
  }
  .name .skeleton {
    inline-size: 60%;
  }
  .meta .skeleton {
    inline-size: 25%;
  }

  .logo {
    display: block;
    block-size: var(--partner-card-logo-height, 3.5rem);
    inline-size: auto;
    max-inline-size: 100%;
    object-fit: contain;
  }
  [role='heading'],
  .name {
    font-weight: 700;
    line-height: 1.25;
  }
  .name {
    font-size: 1.375em;
  }
  .meta,
  dt {
    color: var(--_muted);
    font-size: 0.875em;
  }
  a {
    color: var(--_accent);
  }
  :focus-visible {
    outline: 2px solid var(--_accent);
    outline-offset: 2px;
  }
  .prose,
  ul,
  li {
    display: grid;
    gap: 0.75rem;
  }
  dl {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(min(100%, 11rem), 1fr));
    gap: 0.5rem;
    margin-block-start: 0.5rem;
  }
  dl > div {
    display: flex;
    flex-direction: column-reverse;
    justify-content: flex-end;
    padding: 0.625rem 0.75rem;
    border-radius: 8px;
    background: var(--_soft);
  }
  dd {
    font-size: 1.125em;
    font-weight: 700;
  }
  ul {
    list-style: none;
  }
  li {
    padding-block-start: 0.75rem;
    border-block-start: 1px solid var(--_line);
  }

  /* Compact: logo above name, country and a summary of exactly three lines,
     so every card in a list has the same height before and after loading,
     whatever the logo's shape. */
  .compact .logo {
    block-size: 2.5rem;
  }
  .skeleton.logo {
    inline-size: 6rem;
  }
  .compact .name,
  li .name {
    font-size: 1.125em;
  }
  .compact .summary {
    font-size: 0.9375em;
    block-size: 4.5em;
    display: -webkit-box;
    -webkit-box-orient: vertical;
    -webkit-line-clamp: 3;
    overflow: hidden;
  }
  /* The name's link covers the whole card: one link, one tab stop. */
  .stretched {
    color: inherit;
  }
  .stretched::after {
    content: '';
    position: absolute;
    inset: 0;
    border-radius: inherit;
  }
  /* …so the focus ring goes round the card, not round the name alone. */
  .stretched:focus-visible {
    outline: none;
  }
  .stretched:focus-visible::after {
    outline: 2px solid var(--_accent);
    outline-offset: 2px;
  }

  .error {
    border-inline-start: 4px solid var(--partner-card-error-color, #c4302b);
  }
  button {
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
  .sr {
    position: absolute;
    clip-path: inset(50%);
    white-space: nowrap;
  }
`;
