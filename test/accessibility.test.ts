import {expect, fixture, html} from '@open-wc/testing';
import type {PartnerCard} from '../src/partner-card.js';
import {FIXTURES, SAMPLES, settled} from './support/helpers.js';

// axe checks every state a user can meet, in both languages and both variants.
describe('Accessibility', () => {
  for (const lang of ['en', 'da']) {
    for (const variant of ['full', 'compact']) {
      it(`a loaded ${variant} card in ${lang}`, async () => {
        const {el} = await settled(html`<partner-card lang=${lang} variant=${variant} href="/p/" back-href="/" partner="region-southern-denmark" base=${SAMPLES}></partner-card>`);
        await expect(el).to.be.accessible();
      });
    }

    for (const variant of ['full', 'compact']) {
      it(`a loading ${variant} card in ${lang}`, async () => {
        const el = await fixture<PartnerCard>(html`<partner-card lang=${lang} variant=${variant} partner="region-southern-denmark" base="/slow/2000/demo/embed/partners/"></partner-card>`);
        await el.updateComplete;
        expect(el.shadowRoot!.querySelector('[aria-busy="true"]')).to.exist;
        await expect(el).to.be.accessible();
      });

      it(`an error ${variant} card with its retry button in ${lang}`, async () => {
        const {el} = await settled(html`<partner-card lang=${lang} variant=${variant} partner="region-southern-denmark" base="/status/500/"></partner-card>`);
        expect(el.shadowRoot!.querySelector('[part="retry"]')).to.exist;
        await expect(el).to.be.accessible();
      });
    }

    it(`a card with English fallback text in ${lang}`, async () => {
      const {el} = await settled(html`<partner-card lang=${lang} partner="english-only" base=${FIXTURES}></partner-card>`);
      await expect(el).to.be.accessible();
    });
  }
});
