import {expect, fixtureSync, html, oneEvent} from '@open-wc/testing';
import type {PartnerCard} from '../../src/partner-card.js';
import type {PartnerDirectory} from '../../src/partner-directory.js';
import {$, focusRingShare, readerSettings, SAMPLES, settled, tabTo} from '../support/helpers.js';

// Runs in the group "forced-colors": Firefox was started with forced colours,
// Chromium emulates them. WebKitGTK has no forced-colours mode at all: there
// every test here is skipped, and the report lists each skip (README says so).
describe('A reader with forced colours (Windows high contrast)', () => {
  beforeEach(async function () {
    if (!(await readerSettings({forcedColors: 'active'}))) this.skip();
    expect(matchMedia('(forced-colors: active)').matches).to.equal(true);
  });
  after(() => readerSettings({}));

  it('sees the card border and the focus ring', async () => {
    const {el} = await settled(
      html`<button>before</button><partner-card variant="compact" partner="region-southern-denmark" base=${SAMPLES} href="/p/" style="width: 400px; margin: 8px"></partner-card>`,
    );
    const card = $(el, '[part~="card"]')!;
    expect(getComputedStyle(card).borderTopStyle).to.equal('solid');
    expect(getComputedStyle(card).borderTopWidth).to.equal('1px');
    (el.previousElementSibling as HTMLElement).focus();
    const share = await focusRingShare(
      () => card.getBoundingClientRect(),
      () => tabTo(card.querySelector('a')!, 'Tab from the button before takes the card'),
    );
    expect(share).to.be.above(0.8);
  });

  it('sees the placeholder: outlined bars and the word "Loading"', async () => {
    const el = fixtureSync<PartnerCard>(
      html`<partner-card lang="da" partner="region-southern-denmark" base="/slow/3000/demo/embed/partners/"></partner-card>`,
    );
    await el.updateComplete;
    const label = $(el, '.loading-label')!;
    expect(label.getBoundingClientRect().height).to.be.above(0);
    expect(label.textContent).to.equal('Henter partnerprofil…');
    const bar = $(el, '.summary .skeleton')!;
    expect(getComputedStyle(bar).outlineStyle).to.equal('solid');
    el.remove();
  });

  it('sees the focus ring round a directory card taken with Tab', async () => {
    const el = fixtureSync<PartnerDirectory>(
      html`<partner-directory lang="en" base="/test/fixtures/directory/" href="/p/{id}/" style="width: 320px; margin: 8px"></partner-directory>`,
    );
    await oneEvent(el, 'partner-directory-load');
    await el.updateComplete;
    const card = el.shadowRoot!.querySelector('li [part~="card"]')!;
    el.shadowRoot!.querySelector<HTMLElement>('[part="country"]')!.focus();
    const share = await focusRingShare(
      () => card.getBoundingClientRect(),
      () => tabTo(card.querySelector('a')!, 'Tab from the country filter takes the first card'),
    );
    expect(share).to.be.above(0.8);
  });
});
