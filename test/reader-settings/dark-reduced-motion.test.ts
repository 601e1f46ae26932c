import {expect, fixtureSync, html, oneEvent, waitUntil} from '@open-wc/testing';
import type {PartnerCard} from '../../src/partner-card.js';
import type {PartnerDirectory} from '../../src/partner-directory.js';
import {
  $,
  axeViolations,
  faintFieldBorders,
  faintHighlights,
  focusRingShare,
  readerSettings,
  SAMPLES,
  settle,
  settled,
  tabTo,
} from '../support/helpers.js';

// Runs in the group "dark-reduced-motion": Firefox and WebKit were started
// with both settings, Chromium emulates them (node/launchers.mjs).
const lightness = (rgb: string) =>
  rgb
    .match(/\d+/g)!
    .slice(0, 3)
    .reduce((sum, n) => sum + Number(n), 0) / 3;

describe('A reader who prefers dark mode and reduced motion', () => {
  before(async () => {
    expect(await readerSettings({colorScheme: 'dark', reducedMotion: 'reduce'})).to.equal(true);
    // The settings are really in force in this engine, not merely asked for.
    expect(matchMedia('(prefers-color-scheme: dark)').matches, 'dark').to.equal(true);
    expect(matchMedia('(prefers-reduced-motion: reduce)').matches, 'reduced motion').to.equal(true);
  });
  after(() => readerSettings({}));

  it('nothing moves: no animation or transition in any state', async () => {
    const loading = fixtureSync<PartnerCard>(
      html`<partner-card partner="region-southern-denmark" base=${`/slow/300${SAMPLES}`}></partner-card>`,
    );
    await loading.updateComplete;
    expect(loading.shadowRoot!.getAnimations()).to.have.length(0);
    await settle(loading);
    for (const el of loading.shadowRoot!.querySelectorAll('*')) {
      const style = getComputedStyle(el);
      expect(style.animationName, el.className).to.equal('none');
      expect(parseFloat(style.transitionDuration), el.className).to.equal(0);
    }
  });

  it('gets a dark card with light text', async () => {
    const {el} = await settled(html`<partner-card partner="region-southern-denmark" base=${SAMPLES}></partner-card>`);
    const card = getComputedStyle($(el, '[part~="card"]')!);
    expect(lightness(card.backgroundColor)).to.be.below(80);
    expect(lightness(card.color)).to.be.above(180);
  });

  it('gets dark directory cards, and sees the focus ring round the card taken with Tab', async () => {
    const el = fixtureSync<PartnerDirectory>(
      html`<partner-directory lang="en" base="/test/fixtures/directory/" href="/p/{id}/" style="width: 900px"></partner-directory>`,
    );
    await oneEvent(el, 'partner-directory-load');
    await el.updateComplete;
    const card = el.shadowRoot!.querySelector('li [part~="card"]')!;
    expect(lightness(getComputedStyle(card).backgroundColor)).to.be.below(80);
    el.shadowRoot!.querySelector<HTMLElement>('[part="country"]')!.focus();
    const share = await focusRingShare(
      () => card.getBoundingClientRect(),
      () => tabTo(card.querySelector('a')!, 'Tab from the country filter takes the first card'),
    );
    expect(share).to.be.above(0.8);
  });

  for (const [path, ready] of [
    ['/dist/embed.html?partner=region-southern-denmark&lang=da&variant=compact', '#embed-code'],
    ['/pages/translate/translate.html', '#texts textarea'],
  ] as const) {
    it(`axe finds nothing on ${path} in dark mode (contrast included)`, async function () {
      // The page has 8 s to be ready; axe then reads every node, which took WebKitGTK several seconds more
      // with three engines on two cores (a clean-clone CI run timed out at mocha's 10 s). As the other axe tests.
      this.timeout(30000);
      const frame = fixtureSync<HTMLIFrameElement>(html`<iframe src=${path} style="width: 1100px; height: 800px; border: 0"></iframe>`);
      await oneEvent(frame, 'load');
      const doc = frame.contentDocument!;
      await waitUntil(() => (doc.querySelector<HTMLTextAreaElement>(ready)?.value ?? '').length > 0, `${path} is ready`, {timeout: 8000});
      expect(frame.contentWindow!.matchMedia('(prefers-color-scheme: dark)').matches).to.equal(true);
      expect(await axeViolations(doc)).to.deep.equal([]);
      if (path.includes('embed')) expect(faintFieldBorders(doc), "every field's edge at 3:1").to.deep.equal([]);
    });
  }

  it('the translator preview outlines the texts still in English at 3:1 or more in dark mode', async () => {
    const frame = fixtureSync<HTMLIFrameElement>(
      html`<iframe src="/pages/translate/translate.html" style="width: 1100px; height: 800px"></iframe>`,
    );
    await oneEvent(frame, 'load');
    const doc = frame.contentDocument!;
    const json = doc.getElementById('json') as HTMLTextAreaElement;
    json.value = await (await fetch('/test/fixtures/partners/english-only.json')).text();
    json.dispatchEvent(new Event('input'));
    const target = () => doc.getElementById('target') as PartnerCard | null;
    await waitUntil(() => target()?.shadowRoot?.querySelector('[part~="fallback"]'), 'texts in English are highlighted', {timeout: 8000});
    expect(faintHighlights(doc)).to.deep.equal([]);
  });
});
