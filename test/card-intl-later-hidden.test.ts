import {expect, fixtureSync, html, oneEvent} from '@open-wc/testing';
import type {PartnerCard} from '../src/partner-card.js';
import {$, SAMPLES, textOf, whileHidden} from './support/helpers.js';

// A file of its own, as card-intl-later.test.ts: the card must meet a page
// without Intl objects, here one that draws no frames.
describe('<partner-card>: a profile that is there before the first Intl object, in a hidden tab', () => {
  it('still writes its country and figures, and fires its load event, without animation frames', async () => {
    const profile: unknown = await (await fetch(`${SAMPLES}region-southern-denmark.json`)).json();
    await whileHidden(async () => {
      // Passed as a property: the profile is there before the card's first update.
      const el = fixtureSync<PartnerCard>(html`<partner-card lang="en" .profile=${profile}></partner-card>`);
      // The card waits a second for a frame; a hidden page may hold its timers back a second more. (Chromium and
      // WebKitGTK draw no frames in a hidden tab; Firefox draws about one a second, so there this passes either way.)
      const country = await Promise.race([
        oneEvent(el, 'partner-card-load').then(() => textOf($(el, '[part="country"]')!)),
        new Promise((resolve) => setTimeout(resolve, 5000, 'no load event within 5 s')),
      ]);
      expect(document.visibilityState, 'still hidden when the card was whole').to.equal('hidden');
      expect(country).to.equal('Denmark');
    });
  });
});
