import {expect, fixtureSync, html, oneEvent} from '@open-wc/testing';
import type {PartnerCard} from '../src/partner-card.js';
import {$, $$, noteIntlObjects, SAMPLES, textOf} from './support/helpers.js';

/** The sample's numeric figures as the card writes them in English, its own and its organisations'. */
const NUMBERS = [
  'about 1.2 million',
  'about 25,000',
  'about €2.8B a year',
  '4',
  '800',
  'about 6 million a month',
  '50',
  'about €790M a year',
  'about 105,000 a year',
  'about 900,000 a year',
];

// A file of its own: a page makes its first Intl object once (the card keeps
// what it made), and this test must see the card's profile arrive before it.
describe('<partner-card>: a profile that is there before the first Intl object', () => {
  it("draws its name in a frame before the page's first Intl object, its country and figures after; updateComplete and the load event wait for them", async () => {
    // Preloaded as the embed builder writes it, and loaded before the card asks: the card's response is there at once.
    const href = new URL(`${SAMPLES}region-southern-denmark.json`, location.href).href;
    const link = Object.assign(document.createElement('link'), {rel: 'preload', as: 'fetch', crossOrigin: 'anonymous', href});
    await new Promise((resolve, reject) => {
      link.onload = resolve;
      link.onerror = reject;
      document.head.append(link);
    });
    const seen: string[] = [];
    const restore = noteIntlObjects(seen);
    try {
      const el = fixtureSync<PartnerCard>(html`<partner-card lang="en" partner="region-southern-denmark" base=${SAMPLES}></partner-card>`);
      let first: {country: string; figures: string[]} | undefined;
      const loadedDrawn = new Promise<void>((resolve) => {
        new MutationObserver((_, observer) => {
          if (!$(el, '[part="name"]')) return;
          observer.disconnect();
          // What a stand-in holds is left for later; the rest as the card writes it.
          const later = (el: Element) => (el.textContent === '\xa0' ? 'later' : textOf(el));
          first = {country: later($(el, '[part="country"]')!), figures: $$(el, '[part="fact"] dd').map(later)};
          seen.push('name drawn');
          requestAnimationFrame(() => seen.push('frame'));
          resolve();
        }).observe(el.shadowRoot!, {childList: true, subtree: true});
      });
      const loaded = oneEvent(el, 'partner-card-load').then(() => textOf($(el, '[part="country"]')!));
      await loadedDrawn;
      expect(textOf($(el, '[part="name"]')!)).to.equal('Region of Southern Denmark');
      // A no-break space each, which keeps their lines.
      expect(first?.country, 'country left for later').to.equal('later');
      await el.updateComplete;
      const after = $$(el, '[part="fact"] dd').map(textOf);
      const came = (later: boolean) => after.filter((_, i) => (first?.figures[i] === 'later') === later);
      expect(came(true), 'the numbers come later').to.deep.equal(NUMBERS);
      expect(
        first?.figures.filter((value) => value !== 'later'),
        'the worded figures are there at once',
      ).to.deep.equal(came(false));
      expect(seen.slice(0, 3), 'in this order').to.deep.equal(['name drawn', 'frame', 'Intl object']);
      expect(textOf($(el, '[part="country"]')!), 'updateComplete waits for the country').to.equal('Denmark');
      expect(await loaded, "the load event's listeners see the whole card").to.equal('Denmark');
    } finally {
      restore();
      link.remove();
    }
  });
});
