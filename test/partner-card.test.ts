import {expect, fixture, fixtureSync, html, oneEvent, waitUntil} from '@open-wc/testing';
import {PartnerCard} from '../src/partner-card.js';
// The directory's links are checked here too (the same-tab promise).
import '../src/directory.js';
import type {Profile} from '../shared/profile-types.js';
import type {PartnerCardErrorDetail} from '../src/partner-card.js';
import {$, $$, figures, FIXTURES, requested, requestsFor, SAMPLES, settle, settled, tabTo, textOf, warnings} from './support/helpers.js';

describe('<partner-card>: the full profile', () => {
  it('renders the Region of Southern Denmark sample with all its parts', async () => {
    const {el, event} = await settled(html`<partner-card partner="region-southern-denmark" base=${SAMPLES} lang="en"></partner-card>`);
    expect(event.type).to.equal('partner-card-load');
    const name = $(el, '[part="name"]')!;
    expect(textOf(name)).to.equal('Region of Southern Denmark');
    expect(name.getAttribute('role')).to.equal('heading');
    expect(name.getAttribute('aria-level')).to.equal('2');
    expect(textOf($(el, '[part="country"]')!)).to.equal('Denmark');
    expect(textOf($(el, '[part="short-name"]')!)).to.equal('RSD');
    expect(textOf($(el, '[part="summary"]')!)).to.match(/^One of Denmark's five regions/);
    expect($$(el, 'article > [part="description"] > p')).to.have.length(4);
    const website = $<HTMLAnchorElement>(el, 'header [part="website"]')!;
    expect(website.href).to.equal('https://regionsyddanmark.dk/');
    expect(textOf(website)).to.equal('regionsyddanmark.dk');
    expect($$(el, '[part="organisation"]')).to.have.length(2);
    expect(textOf($(el, '[part="organisation-name"]')!)).to.equal('Odense University Hospital (OUH)');
    expect($(el, '[part="back-link"]')).to.equal(null);
  });

  it('resolves the logo next to the profile file and gives it its size', async () => {
    const {el} = await settled(html`<partner-card partner="region-southern-denmark" base=${SAMPLES}></partner-card>`);
    const logo = $<HTMLImageElement>(el, 'img[part="logo"]')!;
    expect(logo.src).to.equal(new URL(`${SAMPLES}region-southern-denmark.svg`, location.href).href);
    expect(logo.getAttribute('width')).to.equal('240');
    expect(logo.getAttribute('height')).to.equal('64');
    expect(logo.alt).to.equal('Region of Southern Denmark logo');
    if (!logo.complete) await oneEvent(logo, 'load');
    expect(logo.naturalWidth).to.be.greaterThan(0);
  });

  it('shows key figures as a definition list formatted in English', async () => {
    const {el} = await settled(html`<partner-card partner="region-southern-denmark" base=${SAMPLES} lang="en"></partner-card>`);
    const dl = $(el, 'dl[part="facts"]')!;
    expect(dl.querySelectorAll('dt').length).to.equal(dl.querySelectorAll('dd').length);
    const f = figures(el);
    expect(f['Inhabitants']).to.equal('about 1.2 million');
    expect(f['Employees']).to.equal('about 25,000');
    expect(f['Health service expenditure']).to.equal('about €2.8B a year');
    expect(f['Hospital units']).to.equal('4');
    expect(f['Collaborating GPs']).to.equal('800');
    expect(f['Electronic messages']).to.equal('about 6 million a month');
    expect(f['Clinical departments']).to.equal('50');
    expect(f['Operating budget']).to.equal('about €790M a year');
    expect(f['Inpatients']).to.equal('about 105,000 a year');
    expect(f['Digital maturity']).to.equal('HIMSS Stage 6');
  });

  it('adds a "Back to partners" link with back-href, and leaves out an unsafe one', async () => {
    const {el} = await settled(
      html`<partner-card partner="region-southern-denmark" base=${SAMPLES} lang="en" back-href="/partners/"></partner-card>`,
    );
    const back = $<HTMLAnchorElement>(el, '[part="back-link"]')!;
    expect(back.href).to.equal(new URL('/partners/', location.href).href);
    expect(textOf(back)).to.equal('← Back to partners');
    const seen = await warnings(async () => {
      el.backHref = 'javascript:alert(1)';
      await el.updateComplete;
    });
    expect($(el, '[part="back-link"]')).to.equal(null);
    expect(seen.join()).to.contain('back-href');
  });

  it('uses heading-level for the name and the levels below it for sections', async () => {
    const {el} = await settled(html`<partner-card partner="region-southern-denmark" base=${SAMPLES} heading-level="3"></partner-card>`);
    expect($(el, '[part="name"]')!.getAttribute('aria-level')).to.equal('3');
    expect($(el, '.section-title')!.getAttribute('aria-level')).to.equal('4');
    expect($(el, '[part="organisation-name"]')!.getAttribute('aria-level')).to.equal('5');
    el.headingLevel = 9;
    await el.updateComplete;
    expect($(el, '[part="name"]')!.getAttribute('aria-level')).to.equal('6');
    expect($(el, '[part="organisation-name"]')!.getAttribute('aria-level')).to.equal('6');
    el.setAttribute('heading-level', 'nonsense');
    await el.updateComplete;
    expect($(el, '[part="name"]')!.getAttribute('aria-level')).to.equal('2');
  });
});

describe('<partner-card variant="compact">', () => {
  it('shows only logo, name, country and summary', async () => {
    const {el} = await settled(html`<partner-card variant="compact" partner="region-southern-denmark" base=${SAMPLES}></partner-card>`);
    expect($(el, 'img[part="logo"]')!.getAttribute('loading')).to.equal('lazy');
    expect(textOf($(el, '[part="name"]')!)).to.equal('Region of Southern Denmark');
    expect(textOf($(el, '[part="country"]')!)).to.equal('Denmark');
    expect($(el, '[part="summary"]')).to.exist;
    expect($(el, '[part="facts"]')).to.equal(null);
    expect($(el, '[part="description"]')).to.equal(null);
    expect($(el, '[part="organisations"]')).to.equal(null);
    expect($$(el, 'a')).to.have.length(0);
  });

  it('with href, is one link on the name stretched over the whole card', async () => {
    const {el} = await settled(
      html`<partner-card variant="compact" partner="region-southern-denmark" base=${SAMPLES} href="/partners/rsd/" style="width: 400px"></partner-card>`,
    );
    const links = $$<HTMLAnchorElement>(el, 'a');
    expect(links).to.have.length(1);
    expect(links[0].getAttribute('part')).to.equal('link');
    expect(links[0].closest('[part="name"]')).to.exist;
    expect(links[0].href).to.equal(new URL('/partners/rsd/', location.href).href);
    // A click anywhere on the card, here its bottom-right corner, lands on the link.
    const card = $(el, '[part~="card"]')!.getBoundingClientRect();
    const hit = el.shadowRoot!.elementFromPoint(card.right - 8, card.bottom - 8);
    expect(hit).to.equal(links[0]);
  });

  it('is one tab stop, with a visible focus ring round the whole card', async () => {
    const {el} = await settled(
      html`<button>before</button><partner-card variant="compact" partner="region-southern-denmark" base=${SAMPLES} href="/p/"></partner-card><button>after</button>`,
    );
    (el.previousElementSibling as HTMLElement).focus();
    const link = $<HTMLAnchorElement>(el, 'a')!;
    await tabTo(link, 'Tab from the button before takes the link');
    const ring = getComputedStyle(link, '::after');
    expect(ring.outlineStyle).to.equal('solid');
    expect(ring.outlineWidth).to.equal('2px');
    await tabTo(el.nextElementSibling!, 'Tab from the link leaves the card for the button after');
  });

  it('keeps its height from placeholder to loaded card, so nothing below jumps', async () => {
    const wrapper = fixtureSync<HTMLElement>(html`<div style="width: 420px">
      <partner-card variant="compact" partner="region-southern-denmark" base=${`/alias/height/${SAMPLES.slice(1)}`}></partner-card>
    </div>`);
    const el = wrapper.querySelector('partner-card')!;
    await el.updateComplete;
    expect($(el, '[aria-busy="true"]')).to.exist;
    const before = el.getBoundingClientRect().height;
    await settle(el);
    const logo = $<HTMLImageElement>(el, 'img')!;
    if (!logo.complete) await oneEvent(logo, 'load');
    expect(el.getBoundingClientRect().height).to.be.closeTo(before, 1);
  });
});

describe('<partner-card>: on the host page', () => {
  it('inherits the page font and nothing else of the page style', async () => {
    const style = document.createElement('style');
    style.textContent = `
      .host-page { font-family: Georgia, serif; font-size: 23px; line-height: 3; letter-spacing: 0.3em; }
      .card, .name, p, dl, section, header, article, [role=heading] { display: none !important; }
      * { color: rgb(255, 0, 255) !important; }`;
    document.head.append(style);
    try {
      const {el} = await settled(
        html`<div class="host-page" style="display:block !important"><partner-card partner="region-southern-denmark" base=${SAMPLES}></partner-card></div>`,
      );
      const name = $(el, '[part="name"]')!;
      const computed = getComputedStyle(name);
      expect(computed.fontFamily).to.contain('Georgia');
      // The page's size is the card's 1em: the summary is set in it, the name larger.
      expect(getComputedStyle($(el, '[part="summary"]')!).fontSize).to.equal('23px');
      expect(parseFloat(computed.fontSize)).to.be.closeTo(23 * 1.375, 0.5);
      expect(computed.letterSpacing).to.equal('normal');
      expect(computed.display).to.equal('block');
      expect(computed.color).not.to.equal('rgb(255, 0, 255)');
      expect(name.getBoundingClientRect().height).to.be.greaterThan(0);
      expect($(el, 'dl')!.getBoundingClientRect().height).to.be.greaterThan(0);
    } finally {
      style.remove();
    }
  });

  it('reserves --partner-card-min-height while loading and keeps it as a minimum', async () => {
    const el = fixtureSync<PartnerCard>(
      html`<partner-card style="--partner-card-min-height: 1500px" partner="region-southern-denmark" base=${`/slow/300${SAMPLES}`}></partner-card>`,
    );
    await el.updateComplete;
    expect($(el, '[aria-busy="true"]')).to.exist;
    expect(el.getBoundingClientRect().height).to.be.closeTo(1500, 1);
    await settle(el);
    expect(el.getBoundingClientRect().height).to.be.at.least(1500);
  });

  it('fits a 280 px column without overflowing it', async () => {
    const {el} = await settled(
      html`<div style="width: 280px"><partner-card lang="da" partner="region-southern-denmark" base=${SAMPLES}></partner-card></div>`,
    );
    const card = $(el, '[part~="card"]')!;
    expect(el.getBoundingClientRect().width).to.equal(280);
    expect(card.scrollWidth).to.be.at.most(card.clientWidth);
    for (const child of el.shadowRoot!.querySelectorAll('*')) {
      expect(child.getBoundingClientRect().right, child.outerHTML.slice(0, 60)).to.be.at.most(el.getBoundingClientRect().right + 0.5);
    }
  });
});

describe('<partner-card>: where profiles come from', () => {
  it('looks next to its own module by default', async () => {
    performance.clearResourceTimings();
    const {el, event} = await settled(html`<partner-card partner="no-such-default"></partner-card>`);
    expect((event as CustomEvent<PartnerCardErrorDetail>).detail.kind).to.equal('not-found');
    const moduleFolder = new URL('../src/partners/no-such-default.json', import.meta.url).href;
    // Browsers add a resource entry a little after the response (Firefox later than the others).
    await waitUntil(
      () => performance.getEntriesByType('resource').some((entry) => entry.name === moduleFolder),
      `a request for ${moduleFolder}`,
      {timeout: 3000},
    );
    expect(el.partner).to.equal('no-such-default');
  });

  it('reads base relative to the page, with or without the trailing slash', async () => {
    const {event} = await settled(html`<partner-card partner="region-southern-denmark" base="demo/embed/partners"></partner-card>`);
    expect(event.type).to.equal('partner-card-load');
  });

  it('falls back to the default folder when base is not an http(s) URL', async () => {
    let event!: CustomEvent;
    const seen = await warnings(async () => {
      ({event} = await settled(html`<partner-card partner="region-southern-denmark" base="javascript:alert(1)//"></partner-card>`));
    });
    expect((event as CustomEvent<PartnerCardErrorDetail>).detail.kind).to.equal('not-found');
    expect(seen.join()).to.contain('base');
  });

  it('loads a profile from another origin that allows it with CORS', async () => {
    const otherOrigin = `${location.protocol}//127.0.0.1:${location.port}`;
    expect(otherOrigin).not.to.equal(location.origin);
    const {el, event} = await settled(
      html`<partner-card partner="region-southern-denmark" base=${`${otherOrigin}/cors${SAMPLES}`}></partner-card>`,
    );
    expect(event.type).to.equal('partner-card-load');
    expect($<HTMLImageElement>(el, 'img')!.src.startsWith(otherOrigin)).to.equal(true);
  });

  it('fetches a profile once for many cards on one page', async () => {
    const base = `/alias/many-cards${SAMPLES}`;
    performance.clearResourceTimings();
    const wrapper = fixtureSync<HTMLElement>(html`<div>
      ${Array.from({length: 6}, () => html`<partner-card variant="compact" partner="region-southern-denmark" base=${base}></partner-card>`)}
    </div>`);
    const cards = [...wrapper.querySelectorAll('partner-card')];
    const events = await Promise.all(cards.map(settle));
    expect(events.every((e) => e.type === 'partner-card-load')).to.equal(true);
    const late = await settled(html`<partner-card partner="region-southern-denmark" base=${base}></partner-card>`);
    expect(late.event.type).to.equal('partner-card-load');
    expect(await requestsFor(`${base}region-southern-denmark.json`)).to.equal(1);
  });

  it('renders a profile passed as the .profile property without any request', async () => {
    const profile: Profile = {
      id: 'handed-over',
      name: {en: 'Handed Over Hospital', da: 'Overdraget Hospital'},
      country: 'NO',
      summary: 'Given to the card by the host page.',
      facts: [{label: 'Beds', value: 1234}],
    };
    performance.clearResourceTimings();
    const {el, event} = await settled(html`<partner-card lang="da" .profile=${profile}></partner-card>`);
    expect(event.detail).to.deep.equal(profile);
    expect(textOf($(el, '[part="name"]')!)).to.equal('Overdraget Hospital');
    expect(textOf($(el, '[part="country"]')!)).to.equal('Norge');
    expect(figures(el)['Beds']).to.equal('1.234');
    expect((await requested()).filter((name) => name.includes('.json'))).to.have.length(0);
  });

  it('follows a change of partner and ignores the answer for the old one', async () => {
    const el = await fixture<PartnerCard>(html`<partner-card base=${SAMPLES} partner="region-southern-denmark"></partner-card>`);
    const events: string[] = [];
    el.addEventListener('partner-card-load', (e) => events.push(e.detail.id));
    el.addEventListener('partner-card-error', (e) => events.push(e.detail.kind));
    el.base = FIXTURES;
    el.partner = 'english-only';
    await settle(el);
    await new Promise((r) => setTimeout(r, 100));
    expect(events).to.deep.equal(['english-only']);
    expect(textOf($(el, '[part="name"]')!)).to.equal('Example Telehealth Lab');
  });
});

describe('<partner-card>: events', () => {
  it('fires partner-card-load once, bubbling and composed, with the profile', async () => {
    const host = await fixture<HTMLElement>(html`<div></div>`);
    const root = host.attachShadow({mode: 'open'});
    const seen: CustomEvent[] = [];
    const listener = (e: CustomEvent) => seen.push(e);
    document.addEventListener('partner-card-load', listener);
    try {
      const card = Object.assign(document.createElement('partner-card'), {base: SAMPLES, partner: 'region-southern-denmark'});
      root.append(card);
      await settle(card);
      await new Promise((r) => setTimeout(r, 50));
    } finally {
      document.removeEventListener('partner-card-load', listener);
    }
    expect(seen).to.have.length(1);
    expect(seen[0].bubbles && seen[0].composed).to.equal(true);
    const {detail} = seen[0] as CustomEvent<Profile>;
    expect(detail.id).to.equal('region-southern-denmark');
    expect(detail.organisations).to.have.length(2);
  });

  it('fires partner-card-error once, bubbling and composed, with kind and message', async () => {
    const seen: CustomEvent[] = [];
    const listener = (e: CustomEvent) => seen.push(e);
    document.addEventListener('partner-card-error', listener);
    try {
      await warnings(() => settled(html`<partner-card partner="no-such-partner" base=${SAMPLES}></partner-card>`));
      await new Promise((r) => setTimeout(r, 50));
    } finally {
      document.removeEventListener('partner-card-error', listener);
    }
    expect(seen).to.have.length(1);
    expect(seen[0].bubbles && seen[0].composed).to.equal(true);
    expect(seen[0].detail).to.deep.equal({
      kind: 'not-found',
      message: `HTTP 404: ${new URL(`${SAMPLES}no-such-partner.json`, location.href).href}`,
    });
  });
});

describe('<partner-card>: registration', () => {
  it('is defined once; another copy of the script (the built module) neither throws nor redefines', async () => {
    const defined = customElements.get('partner-card');
    expect(defined).to.equal(PartnerCard);
    const notes: string[] = [];
    const info = console.info;
    console.info = (...args: unknown[]) => notes.push(args.join(' '));
    try {
      const built = '/dist/partner-card.js';
      await import(/* @vite-ignore */ built);
    } finally {
      console.info = info;
    }
    expect(customElements.get('partner-card')).to.equal(defined);
    expect(notes.join()).to.contain('already defined');
  });

  /** Adds the built module `file` to the frame's page, as its script tag would, and resolves once it has run and `tag` is defined there. */
  async function addModule(win: Window, file: string, tag: string) {
    const script = win.document.createElement('script');
    script.type = 'module';
    script.src = `/dist/${file}`;
    // A module script's load event comes after it has run (a fixed pause was too short on a busy machine).
    const ran = oneEvent(script, 'load');
    win.document.head.append(script);
    await ran;
    expect(!!win.customElements.get(tag), `${file} defines <${tag}>`).to.equal(true);
  }

  async function blankPage() {
    const frame = fixtureSync<HTMLIFrameElement>(html`<iframe src="/test/fixtures/modules/no-module.html"></iframe>`);
    await oneEvent(frame, 'load');
    const win = frame.contentWindow! as Window & typeof globalThis;
    const notes: string[] = [];
    win.console.info = (...args: unknown[]) => notes.push(args.join(' '));
    return {win, notes};
  }

  it("partner-card.js defines the card alone; partner-directory.js, loaded after it, adds the directory and keeps the card's first definition", async () => {
    const {win, notes} = await blankPage();
    await addModule(win, 'partner-card.js', 'partner-card');
    const card = win.customElements.get('partner-card');
    // Booleans, not the classes: chai's message for a class from another frame takes forever to write.
    expect(!!win.customElements.get('partner-directory'), 'the card module defines no directory').to.equal(false);
    await addModule(win, 'partner-directory.js', 'partner-directory');
    expect(win.customElements.get('partner-card') === card, "the card's first definition stays").to.equal(true);
    expect(notes.join('\n')).to.contain('<partner-card> is already defined on this page');
  });

  it('partner-directory.js defines both elements; partner-card.js loaded after it stays quiet apart from a note', async () => {
    const {win, notes} = await blankPage();
    await addModule(win, 'partner-directory.js', 'partner-directory');
    const card = win.customElements.get('partner-card');
    expect(!!card, 'the directory module defines the card too').to.equal(true);
    await addModule(win, 'partner-card.js', 'partner-card');
    expect(win.customElements.get('partner-card') === card, "the card's first definition stays").to.equal(true);
    expect(notes.join('\n')).to.contain('<partner-card> is already defined on this page');
    const el = win.document.body.appendChild(win.document.createElement('partner-card'));
    el.setAttribute('partner', 'region-southern-denmark');
    el.setAttribute('base', '/demo/embed/partners/');
    await waitUntil(() => el.shadowRoot?.querySelector('[part="name"]'), 'the card shows its partner', {timeout: 5000});
  });
});

describe('Links open in the same tab', () => {
  /** Every link a card or list draws, read through its shadow root. */
  const links = (el: Element) => [...el.shadowRoot!.querySelectorAll('a')];

  it('no link of a full card, a compact card or the directory has a target (README: no target=_blank to guard)', async () => {
    const {el: full} = await settled(
      html`<partner-card partner="region-southern-denmark" base=${SAMPLES} back-href="/partners/" lang="en"></partner-card>`,
    );
    const {el: compact} = await settled(
      html`<partner-card partner="region-southern-denmark" base=${SAMPLES} variant="compact" href="/partners/rsd/"></partner-card>`,
    );
    // (The committed fixture: demo/embed/partners/ has no index.json in a clean clone.)
    const list = fixtureSync(html`<partner-directory base="/test/fixtures/directory/" href="/partners/{id}/"></partner-directory>`);
    const loaded = await Promise.race([oneEvent(list, 'partner-directory-load'), oneEvent(list, 'partner-directory-error')]);
    expect(loaded.type, 'the list loaded').to.equal('partner-directory-load');
    const all = [full, compact, list].flatMap(links);
    // The website, the sub-units' websites, the link back; the compact card's; the list's.
    expect(links(full).length, 'the full card has its links').to.be.above(2);
    expect(links(compact)).to.have.length(1);
    expect(links(list).length).to.be.above(0);
    expect(all.filter((a) => a.hasAttribute('target')).map((a) => a.outerHTML)).to.deep.equal([]);
  });
});
