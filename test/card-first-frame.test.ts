import {expect, fixtureSync, html} from '@open-wc/testing';
import type {PartnerCard} from '../src/partner-card.js';
import {$, noteIntlObjects, SAMPLES, settle} from './support/helpers.js';

// A file of its own: a page makes its first Intl object once (the card keeps
// what it made), and this test must see the card make it.
describe('<partner-card>: the first frame', () => {
  it("draws its placeholder in a frame before it makes the page's first Intl object, while the request is out, and then the profile whole", async () => {
    const seen: string[] = [];
    const restore = noteIntlObjects(seen);
    try {
      // The profile 2 s away (a busy machine's frames can be slow): what happens before it arrives is the card's own doing.
      const el = fixtureSync<PartnerCard>(
        html`<partner-card lang="en" partner="region-southern-denmark" base=${`/slow/2000${SAMPLES}`}></partner-card>`,
      );
      await el.updateComplete;
      expect($(el, '[part~="loading"]'), 'the placeholder is drawn').to.not.equal(null);
      seen.push('placeholder drawn');
      requestAnimationFrame(() => seen.push('frame'));
      // The card as its profile is first drawn: made while the request was out, the Intl object leaves nothing for later.
      let country: string | undefined;
      new MutationObserver((_, observer) => {
        if (!$(el, '[part="name"]')) return;
        observer.disconnect();
        country = $(el, '[part="country"]')?.textContent;
      }).observe(el.shadowRoot!, {childList: true, subtree: true});
      await settle(el);
      expect(seen.slice(0, 3), 'in this order').to.deep.equal(['placeholder drawn', 'frame', 'Intl object']);
      expect(country, 'the country written in the first drawing of the profile').to.equal('Denmark');
    } finally {
      restore();
    }
  });
});
