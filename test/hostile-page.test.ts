import {expect, fixtureSync, html, oneEvent, waitUntil} from '@open-wc/testing';
import type {PartnerCard} from '../src/partner-card.js';
import type {PartnerDirectory} from '../src/partner-directory.js';
import {$, $$, SAMPLES, search, settle, settled, tabTo} from './support/helpers.js';

describe('Hostile pages: a strict Content-Security-Policy', () => {
  it('renders every state of card and directory with no violation under script-src/style-src self and Trusted Types', async () => {
    const frame = fixtureSync<HTMLIFrameElement>(
      html`<iframe src="/csp/test/fixtures/csp/page.html" style="width: 900px; height: 1200px"></iframe>`,
    );
    await oneEvent(frame, 'load');
    const win = frame.contentWindow as Window & {__violations: string[]};
    const cards = [...frame.contentDocument!.querySelectorAll('partner-card')] as PartnerCard[];
    await waitUntil(() => cards.every((c) => c.shadowRoot?.querySelector('[part~="card"]:not(.loading)')), 'all cards settled', {
      timeout: 5000,
    });
    expect(cards[0].shadowRoot!.querySelector('[part="name"]')!.textContent).to.equal('Region Syddanmark');
    expect(cards[1].shadowRoot!.querySelector('a[part="link"]')).to.exist;
    expect(cards[2].shadowRoot!.querySelector('[part~="error"]')).to.exist;
    // The network error, with its button: "Try again" works under the policy too.
    await waitUntil(() => cards[3].shadowRoot!.querySelector('[part="retry"]'), 'the network error shows', {timeout: 5000});
    cards[3].shadowRoot!.querySelector<HTMLButtonElement>('[part="retry"]')!.click();
    await waitUntil(() => cards[3].shadowRoot!.querySelector('[part="retry"]'), 'the retry fails again', {timeout: 5000});
    const dir = frame.contentDocument!.querySelector('partner-directory') as PartnerDirectory;
    await waitUntil(() => dir.shadowRoot?.querySelectorAll('li').length === 5, 'the directory lists its partners', {timeout: 5000});
    await search(dir, 'malmo');
    expect(dir.shadowRoot!.querySelectorAll('li:not([hidden])')).to.have.length(1);
    expect(getComputedStyle(dir.shadowRoot!.querySelector('li [part~="card"]')!).borderTopStyle).to.equal('solid');
    const logo = cards[0].shadowRoot!.querySelector('img')!;
    await waitUntil(() => logo.complete && logo.naturalWidth > 0, 'the logo loads under img-src self', {timeout: 5000});
    // Styles really apply (constructable stylesheets are allowed by style-src).
    expect(getComputedStyle(cards[0].shadowRoot!.querySelector('[part~="card"]')!).borderTopStyle).to.equal('solid');
    expect(win.__violations).to.deep.equal([]);

    // The policy is really in force and the listener really listens.
    frame.contentDocument!.body.setAttribute('style', 'color: red');
    await waitUntil(() => win.__violations.length > 0, 'an inline style is reported', {timeout: 5000});
    expect(win.__violations[0]).to.match(/^style-src/);
  });
});

describe('Hostile pages: global CSS aimed at everything', () => {
  it('survives * { all: unset }, hidden divs, huge fonts and !important colours, and leaks nothing out', async () => {
    const wrapper = fixtureSync<HTMLElement>(html`<section><p class="neighbour">Text of the host page.</p></section>`);
    const neighbour = wrapper.querySelector('p')!;
    const style = document.createElement('style');
    style.textContent = `
      * { all: unset !important; box-sizing: content-box !important; }
      div:not(:has(partner-card)), p, article, dl, ul { display: none !important; }
      section { display: block !important; font-size: 48px !important; color: rgb(255, 0, 255) !important; }
      img { width: 2000px !important; }`;
    // What a leaking stylesheet would change (sizes may move with the scrollbar).
    const looks = () => {
      const c = getComputedStyle(neighbour);
      return [
        'color',
        'font-family',
        'font-size',
        'font-weight',
        'line-height',
        'letter-spacing',
        'display',
        'margin-top',
        'box-sizing',
        'background-color',
        'text-decoration-line',
      ].map((k) => `${k}: ${c.getPropertyValue(k)}`);
    };
    const before = looks();
    const el = Object.assign(document.createElement('partner-card'), {partner: 'region-southern-denmark', base: SAMPLES});
    wrapper.append(el);
    await settle(el);
    // Nothing of the card's own style reaches the page.
    expect(looks()).to.deep.equal(before);
    document.head.append(style);
    try {
      await el.updateComplete;
      const card = $(el, '[part~="card"]')!;
      expect(getComputedStyle(card).display).to.equal('grid');
      expect(card.getBoundingClientRect().height).to.be.greaterThan(200);
      expect(getComputedStyle(card).boxSizing).to.equal('border-box');
      expect(getComputedStyle(card).color).not.to.equal('rgb(255, 0, 255)');
      const logo = $(el, 'img')!.getBoundingClientRect();
      expect(logo.width).to.be.below(400);
      expect(card.scrollWidth).to.be.at.most(card.clientWidth);
    } finally {
      style.remove();
    }
  });
});

// Dark mode, reduced motion and forced colours: test/reader-settings/ (engines launched with them).
describe('Hostile pages: zoom and keyboard', () => {
  it('at 200% zoom in a 320 px column, nothing sticks out', async () => {
    const {el} = await settled(
      html`<div style="zoom: 2; width: 320px"><partner-card lang="da" partner="region-southern-denmark" base=${SAMPLES} back-href="/"></partner-card></div>`,
    );
    const card = $(el, '[part~="card"]')!;
    expect(card.scrollWidth).to.be.at.most(card.clientWidth);
    const right = el.getBoundingClientRect().right;
    for (const child of el.shadowRoot!.querySelectorAll('*')) {
      expect(child.getBoundingClientRect().right, child.className).to.be.at.most(right + 1);
    }
  });

  it('keyboard order follows reading order, with every link reachable', async () => {
    const {el} = await settled(html`<partner-card partner="region-southern-denmark" base=${SAMPLES} back-href="/"></partner-card>`);
    const links = $$<HTMLAnchorElement>(el, 'a');
    expect(links.map((a) => a.getAttribute('part'))).to.deep.equal(['website', 'website', 'back-link']);
    links[0].focus();
    for (const next of links.slice(1)) {
      await tabTo(next, 'Tab goes on to the next link');
      expect(getComputedStyle(next).outlineStyle).to.equal('solid');
    }
  });
});
