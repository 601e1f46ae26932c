import {expect, fixtureSync, html, oneEvent, waitUntil} from '@open-wc/testing';
import type {PartnerCard} from '../src/partner-card.js';
import type {PartnerDirectory} from '../src/partner-directory.js';
import {sameMarkup} from '../src/prerendered.js';
import {FIXTURES, SAMPLES, search, textOf, warnings} from './support/helpers.js';

// Pages with a card prerendered by the test server exactly as `npm run
// prerender` writes it (test/support/fault-server.mjs, /prerendered/…).
type PageWindow = Window & {
  __before: {height: number; border: string; name: Element | null; items: Element[]};
  __events: string[];
  __warnings: string[];
  __violations?: string[];
};

async function page(path: string, sandbox?: string) {
  const frame = fixtureSync<HTMLIFrameElement>(
    sandbox === undefined
      ? html`<iframe src=${path} style="width: 900px; height: 1200px; border: 0"></iframe>`
      : html`<iframe src=${path} sandbox=${sandbox} style="width: 900px; height: 1200px; border: 0"></iframe>`,
  );
  await oneEvent(frame, 'load');
  const doc = frame.contentDocument!;
  return {frame, doc, win: frame.contentWindow as PageWindow, card: doc.querySelector('partner-card') as PartnerCard};
}

/** Loads the element's module into the page, as its script tag would, and waits for the element's first update. */
async function upgrade(doc: Document, card: PartnerCard | PartnerDirectory) {
  const tag = card.localName;
  const script = doc.createElement('script');
  script.type = 'module';
  script.src = `/dist/${tag}.js`;
  doc.head.append(script);
  await waitUntil(() => doc.defaultView!.customElements.get(tag), `the module defines <${tag}>`, {timeout: 5000});
  await card.updateComplete;
}

describe('Prerendered cards: there at first paint', () => {
  it('with JavaScript off: the card is complete and styled, with JSON-LD for crawlers', async () => {
    const {doc, card} = await page('/prerendered/test/fixtures/prerender/card.html', 'allow-same-origin');
    expect(doc.defaultView!.customElements.get('partner-card'), 'no script ran').to.equal(undefined);
    const root = card.shadowRoot!;
    expect(textOf(root.querySelector('[part="name"]')!)).to.equal('Region Syddanmark');
    expect(root.querySelectorAll('[part="organisation"]')).to.have.length(2);
    expect(getComputedStyle(root.querySelector('[part~="card"]')!).borderTopStyle).to.equal('solid');
    expect(card.getBoundingClientRect().height).to.be.above(600);
    const jsonLd = JSON.parse(card.querySelector('script[type="application/ld+json"]')!.textContent) as {'@type': string; name: string};
    expect(jsonLd['@type']).to.equal('Organization');
    expect(jsonLd.name).to.equal('Region Syddanmark');
  });

  it('the module takes it over unseen: same nodes, same height, one heading, no loading state, one load event', async () => {
    const {doc, win, card} = await page('/prerendered/test/fixtures/prerender/card.html');
    const name = card.shadowRoot!.querySelector('[part="name"]')!;
    // The reader is in the middle of the card: a link has the focus, a sentence is selected.
    const website = card.shadowRoot!.querySelector<HTMLAnchorElement>('[part="website"]')!;
    website.focus();
    const summary = card.shadowRoot!.querySelector('[part="summary"]')!;
    doc.getSelection()!.selectAllChildren(summary);
    const below = doc.getElementById('below')!.getBoundingClientRect().top;
    await upgrade(doc, card);
    await waitUntil(() => win.__events.length > 0, 'the live profile is checked', {timeout: 5000});
    await new Promise((r) => setTimeout(r, 100));
    expect(win.__events).to.deep.equal(['partner-card-load']);
    expect(card.shadowRoot!.querySelector('[part="name"]') === name, 'the same name node').to.equal(true);
    expect(card.shadowRoot!.querySelectorAll('[role="heading"][aria-level="2"]')).to.have.length(1);
    expect(card.shadowRoot!.querySelector('[aria-busy]')).to.equal(null);
    expect(card.getBoundingClientRect().height).to.equal(win.__before.height);
    expect(doc.getElementById('below')!.getBoundingClientRect().top).to.equal(below);
    expect(card.shadowRoot!.activeElement === website, 'focus kept').to.equal(true);
    expect(doc.getSelection()!.toString()).to.equal(summary.textContent);
  });

  // What the take-over relies on from Lit, public API only (src/prerendered.ts): render() answering
  // noChange draws nothing, while Lit's own update (reflecting properties) goes on. A Lit release
  // that changed either fails here.
  it('while it keeps the prerendered card, Lit adds nothing to the shadow root, and properties still reflect', async () => {
    const {doc, win, card} = await page('/prerendered/test/fixtures/prerender/card.html');
    const before = [...card.shadowRoot!.children].filter((el) => el.localName !== 'style');
    await upgrade(doc, card);
    await waitUntil(() => win.__events.length > 0, 'the live profile is checked', {timeout: 5000});
    // A full card draws no link of its own from href: the markup stays the same, so the card is kept.
    card.href = '/partners/region-southern-denmark.html';
    await card.updateComplete;
    const after = [...card.shadowRoot!.children];
    expect(after.length === before.length && after.every((el, i) => el === before[i]), 'the same elements, none added').to.equal(true);
    expect(card.getAttribute('href')).to.equal('/partners/region-southern-denmark.html');
  });

  it('shows what changed since the page was built, keeping the focus', async () => {
    const {doc, win, card} = await page('/prerendered/test/fixtures/prerender/card.html?stale=1');
    expect(textOf(card.shadowRoot!.querySelector('[part="summary"]')!)).to.equal('Et ældre resumé.');
    card.shadowRoot!.querySelector<HTMLAnchorElement>('[part="back-link"]')!.focus();
    await upgrade(doc, card);
    await waitUntil(() => win.__events.length > 0, 'the live profile is checked', {timeout: 5000});
    await card.updateComplete;
    expect(textOf(card.shadowRoot!.querySelector('[part="summary"]')!)).to.match(/^En af Danmarks fem regioner/);
    expect(card.shadowRoot!.querySelectorAll('[part~="card"]'), 'one card, not two').to.have.length(1);
    expect(card.shadowRoot!.activeElement?.getAttribute('part')).to.equal('back-link');
  });

  it('keeps the prerendered card when the project site fails, and says so in the console', async () => {
    const {doc, win, card} = await page('/prerendered/test/fixtures/prerender/card-offline.html');
    const name = card.shadowRoot!.querySelector('[part="name"]')!;
    await upgrade(doc, card);
    await waitUntil(() => win.__warnings.some((w) => w.includes('prerendered content stays')), 'a warning', {timeout: 5000});
    await new Promise((r) => setTimeout(r, 100));
    expect(win.__warnings.join('\n')).to.match(/network: HTTP 503: http:\/\/\S+\.json; the prerendered content stays/);
    expect(card.shadowRoot!.querySelector('[part="name"]') === name, 'the same card').to.equal(true);
    expect(card.shadowRoot!.querySelector('[part~="error"]')).to.equal(null);
    expect(win.__events).to.deep.equal([]);
  });

  it('keeps a prerendered card whose partner the project site no longer has (404), and the console names both likely causes', async () => {
    const {doc, win, card} = await page('/prerendered/test/fixtures/prerender/card-gone.html');
    const name = card.shadowRoot!.querySelector('[part="name"]')!;
    await upgrade(doc, card);
    await waitUntil(() => win.__warnings.some((w) => w.includes('prerendered content stays')), 'a warning', {timeout: 5000});
    expect(win.__warnings.join('\n')).to.contain(
      '/region-southern-denmark.json (wrong id or base, or partner removed); the prerendered content stays',
    );
    expect(card.shadowRoot!.querySelector('[part="name"]') === name, 'the same card').to.equal(true);
    expect(card.shadowRoot!.querySelector('[part~="error"]')).to.equal(null);
  });

  it('under a strict CSP with the printed style hashes: card and list styled at first paint, no violation', async () => {
    const {doc, win, card} = await page('/prerendered-csp/test/fixtures/prerender/card-csp.html');
    expect(win.__before.border, 'styled before the module ran').to.equal('solid');
    await waitUntil(() => win.__events.length > 0, 'the module checks the live profile', {timeout: 5000});
    expect(win.__events).to.deep.equal(['partner-card-load']);
    expect(card.getBoundingClientRect().height).to.equal(win.__before.height);
    const list = doc.querySelector('partner-directory')!;
    await waitUntil(() => list.shadowRoot!.querySelector('[part="list"][aria-busy="false"]'), 'the list is taken over', {timeout: 5000});
    expect(getComputedStyle(list.shadowRoot!.querySelector('li [part~="card"]')!).borderTopStyle).to.equal('solid');
    expect(win.__violations).to.deep.equal([]);
  });
});

describe('Prerendered directories: the whole list at first paint', () => {
  const items = (dir: Element) => [...dir.shadowRoot!.querySelectorAll('li')];

  it('with JavaScript off: every partner listed, styled', async () => {
    const {doc} = await page('/prerendered/test/fixtures/prerender/directory.html', 'allow-same-origin');
    const dir = doc.querySelector('partner-directory')!;
    expect(items(dir)).to.have.length(25);
    expect(dir.shadowRoot!.querySelectorAll('[part="name"] a[part="link"]')).to.have.length(25);
    expect(textOf(dir.shadowRoot!.querySelector('[part="count"]')!)).to.equal('25 partners');
    expect(getComputedStyle(dir.shadowRoot!.querySelector('li [part~="card"]')!).borderTopStyle).to.equal('solid');
  });

  it('the module keeps the same list items, and search and country filter work on them', async () => {
    const {doc, win} = await page('/prerendered/test/fixtures/prerender/directory.html');
    const dir = doc.querySelector('partner-directory') as PartnerDirectory;
    const before = items(dir);
    const height = dir.getBoundingClientRect().height;
    await upgrade(doc, dir);
    await waitUntil(() => win.__events.length > 0, 'the live index is in', {timeout: 5000});
    await dir.updateComplete;
    expect(win.__events).to.deep.equal(['partner-directory-load']);
    const after = items(dir);
    expect(after.length === before.length && after.every((li, i) => li === before[i]), 'the same nodes').to.equal(true);
    expect(dir.getBoundingClientRect().height).to.equal(height);
    // Their logos stay the browser's to load, lazily: no box stands in for any.
    const logos = [...dir.shadowRoot!.querySelectorAll('[part="logo"]')];
    expect(logos.length).to.be.above(0);
    expect(logos.every((logo) => logo.matches('img[src][loading="lazy"]'))).to.equal(true);
    await search(dir, 'malmo');
    expect(
      items(dir)
        .filter((li) => !li.hidden)
        .map((li) => textOf(li.querySelector('[part="name"]')!)),
    ).to.deep.equal(['Synthetic Telehealth Centre Malmö 06']);
    expect(textOf(dir.shadowRoot!.querySelector('[part="count"]')!)).to.equal('1 partner');
  });

  it('draws the list afresh when the live index differs from the prerendered one, with no item twice', async () => {
    const {doc, win} = await page('/prerendered/test/fixtures/prerender/directory.html?stale=1');
    const dir = doc.querySelector('partner-directory') as PartnerDirectory;
    expect(textOf(items(dir)[0].querySelector('[part="summary"]')!)).to.equal('An older summary.');
    await upgrade(doc, dir);
    await waitUntil(() => win.__events.length > 0, 'the live index is in', {timeout: 5000});
    await dir.updateComplete;
    expect(items(dir)).to.have.length(25);
    expect(textOf(items(dir)[0].querySelector('[part="summary"]')!)).to.not.equal('An older summary.');
  });

  it('keeps what the reader typed into the prerendered search box before the module came', async () => {
    const {doc, win} = await page('/prerendered/test/fixtures/prerender/directory.html');
    const dir = doc.querySelector('partner-directory') as PartnerDirectory;
    dir.shadowRoot!.querySelector<HTMLInputElement>('[part="search"]')!.value = 'tromso';
    await upgrade(doc, dir);
    await waitUntil(() => win.__events.length > 0, 'the live index is in', {timeout: 5000});
    await dir.updateComplete;
    expect(dir.shadowRoot!.querySelector<HTMLInputElement>('[part="search"]')!.value).to.equal('tromso');
    expect(items(dir).filter((li) => !li.hidden)).to.have.length(1);
  });

  it('keeps the prerendered list when the index cannot be loaded, with a warning', async () => {
    const {doc, win} = await page('/prerendered/test/fixtures/prerender/directory-offline.html');
    const dir = doc.querySelector('partner-directory') as PartnerDirectory;
    const before = items(dir);
    await upgrade(doc, dir);
    await waitUntil(() => win.__warnings.some((w) => w.includes('prerendered content stays')), 'a warning', {timeout: 5000});
    expect(items(dir).length === before.length && items(dir).every((li, i) => li === before[i]), 'the same list').to.equal(true);
    expect(dir.shadowRoot!.querySelector('[part~="error"]')).to.equal(null);
  });
});

/** The prerendered markup for these attributes, from the same code as `npm run prerender`. */
async function prerendered(attrs: Record<string, string>): Promise<DocumentFragment> {
  const text = await (await fetch(`/prerender-card?${new URLSearchParams(attrs)}`)).text();
  const holder = document.createElement('template');
  holder.innerHTML = text;
  return (holder.content.querySelector('template') as HTMLTemplateElement).content;
}

/** The markup of a prerendered fragment as the element finds it: its inline style already gone (the element adopted the same rules). */
const holderOf = (fragment: DocumentFragment) => {
  const div = document.createElement('div');
  div.append(fragment.cloneNode(true));
  div.querySelector('style')?.remove();
  return div.innerHTML;
};

/** Markup without Lit's comment markers, the style, and with the page's origin cut from URLs. */
const markup = (root: DocumentFragment | ShadowRoot) => {
  const copy = document.createElement('div');
  for (const node of root.childNodes) if (!(node instanceof HTMLStyleElement)) copy.append(node.cloneNode(true));
  return copy.innerHTML.replace(/<!--[\s\S]*?-->/g, '').replaceAll(location.origin, '');
};

describe('Prerendered cards: the same markup as the browser draws', () => {
  const CASES: Record<string, string>[] = [
    {partner: 'region-southern-denmark', lang: 'en'},
    {partner: 'region-southern-denmark', lang: 'da', 'back-href': '/partners/'},
    {partner: 'region-southern-denmark', lang: 'da', variant: 'compact', href: '/p/rsd/'},
    {partner: 'region-southern-denmark', lang: 'en', variant: 'compact', 'heading-level': '4'},
    {partner: 'region-southern-denmark', lang: 'en', 'heading-level': '5'},
    {partner: 'english-only', lang: 'da', base: FIXTURES},
    {partner: 'english-only', lang: 'da', base: FIXTURES, variant: 'compact'},
  ];
  for (const attrs of CASES) {
    it(JSON.stringify(attrs), async () => {
      const base = 'base' in attrs ? attrs.base : SAMPLES;
      // The card as the built module draws it (the module partners load), for the same attributes.
      const {doc} = await page('/test/fixtures/prerender/blank.html');
      await waitUntil(() => doc.defaultView!.customElements.get('partner-card'), 'the module loads', {timeout: 5000});
      const el = doc.createElement('partner-card');
      for (const [name, value] of Object.entries({...attrs, base})) el.setAttribute(name, value);
      const loaded = oneEvent(el, 'partner-card-load');
      await warnings(async () => {
        doc.body.append(el);
        await loaded;
        await el.updateComplete;
      });
      let fragment!: DocumentFragment;
      await warnings(async () => {
        fragment = await prerendered({...attrs, base});
      });
      const [a, b] = [markup(fragment), markup(el.shadowRoot!)];
      const at = Array.from(a).findIndex((c, i) => c !== b[i]);
      expect(a, `differs at ${at}: …${a.slice(at - 60, at + 60)}… vs …${b.slice(at - 60, at + 60)}…`).to.equal(b);
      // What the element itself compares when it takes a prerendered card over.
      expect(sameMarkup(holderOf(fragment)), 'as the element compares').to.equal(sameMarkup(el.shadowRoot!.innerHTML));
      if (attrs.partner === 'english-only') expect(fragment.querySelector('[part="fallback"][lang="en"]')).to.exist;
    });
  }
});
