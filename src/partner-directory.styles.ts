import {css} from 'lit';
import {cardStyles} from './partner-card.styles.js';

/**
 * The directory: controls above a responsive grid of compact cards, drawn
 * with the card's own rules. Items off screen skip layout and paint
 * (content-visibility) but keep a size close to a card's, so the scrollbar
 * and scrolling stay steady with 1,000.
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
  .count {
    margin: 0.75rem 0;
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
     lays out in about half the time. */
  .list > li {
    color-scheme: light dark;
    display: block;
    content-visibility: auto;
    contain-intrinsic-size: auto 15rem;
  }
  .list > li > .card {
    block-size: 100%;
  }
  .list > [hidden] {
    display: none;
  }
`;

export const styles = [directory, cardStyles];
