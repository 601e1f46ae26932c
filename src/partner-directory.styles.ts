import {css} from 'lit';
import {cardStyles, srOnly} from './partner-card.styles.js';

/**
 * The directory: controls above a responsive grid of compact cards, drawn
 * with the card's own rules. No `content-visibility: auto` on the items: it
 * clipped the focus ring drawn outside each card and left off-screen cards
 * empty in Chromium's accessibility tree, so a screen reader's list of
 * headings or links held only the partners near the top.
 */
const directory = css`
  :host {
    display: block;
  }
  :host([hidden]) {
    display: none;
  }
  .controls {
    display: flex;
    flex-wrap: wrap;
    gap: 0.75rem 1.5rem;
    align-items: end;
    font: inherit;
  }
  label {
    display: grid;
    gap: 0.25rem;
    font-weight: 600;
  }
  input,
  select,
  button {
    font: inherit;
    padding: 0.375rem 0.5rem;
  }
  .controls[hidden],
  .list[hidden] {
    display: none;
  }
  .status {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5rem 1rem;
    margin: 0.75rem 0;
  }
  .error {
    padding: 0.75rem 1rem;
    border-inline-start: 4px solid var(--partner-card-error-color, #c4302b);
  }
  .count {
    margin: 0;
  }
  .list {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(min(100%, var(--partner-directory-min-column, 17rem)), 1fr));
    gap: var(--partner-directory-gap, 1rem);
  }
  /* The cards follow the reader's light or dark preference, as a lone
     <partner-card> does; the controls follow the page. Items are blocks with
     the card at full height (not grids): showing 1,000 again after a search
     lays out in about half the time. The margin keeps a card scrolled to by
     its #partner-id from being flush with the window: its focus ring is drawn
     outside it. */
  .list > li {
    color-scheme: light dark;
    display: block;
    scroll-margin-block: 0.5rem;
  }
  .list > li > .card {
    block-size: 100%;
  }
  .list > [hidden] {
    display: none;
  }
`;

export const styles = [directory, srOnly, cardStyles];
