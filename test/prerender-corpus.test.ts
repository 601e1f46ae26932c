import {expect, fixtureSync, html, oneEvent, waitUntil} from '@open-wc/testing';

/**
 * The prerenderer held to the browser, not to itself: each page of
 * test/fixtures/prerender-corpus (legacy scripts, comments closed by --!>,
 * implied end tags, raw text, templates, foreign content, a declarative shadow
 * root, a table, WordPress block markup, cards in and after a <select>) and of the small site Eleventy and
 * Astro build at test time (test/support/generated-sites.mjs), prerendered by the test server as
 * `npm run prerender` writes it, must give exactly the cards the prerenderer
 * filled, each with one shadow root, in the language the element resolves, and
 * the element must keep the prerendered nodes when it takes them over.
 */

type CorpusWindow = Window & {__injected?: unknown};

/** Every <partner-card> a browser made of the page, in the document and in other elements' shadow roots. */
function cardsIn(root: Document | ShadowRoot): HTMLElement[] {
  return [...root.querySelectorAll<HTMLElement>('*')].flatMap((el) => [
    ...(el.localName === 'partner-card' && el.namespaceURI === 'http://www.w3.org/1999/xhtml' ? [el] : []),
    ...(el.localName !== 'partner-card' && el.shadowRoot ? cardsIn(el.shadowRoot) : []),
  ]);
}

/** The language the element resolves: its own, else the nearest ancestor's across shadow roots; Danish or English. */
function langOf(card: HTMLElement): string {
  // The card is in a frame: its nodes are not instances of this window's classes, so node types are compared.
  for (let node: Node | null = card; node; node = node.parentNode ?? (node as Partial<ShadowRoot>).host ?? null) {
    const lang = node.nodeType === Node.ELEMENT_NODE ? (node as Element).getAttribute('lang')?.trim() : undefined;
    if (lang) return lang.toLowerCase().split(/[-_]/)[0] === 'da' ? 'da' : 'en';
  }
  return 'en';
}

const pages = (await (await fetch('/prerender-corpus/')).json()) as string[];

describe('Prerendered pages of every shape, read by the browser', () => {
  it('the corpus is there: hand-written shapes, and pages Eleventy and Astro built', () => {
    expect(pages.filter((page) => page.startsWith('test/fixtures/prerender-corpus/')).length).to.be.at.least(6);
    expect(pages.filter((page) => page.startsWith('test/generated/eleventy/')).length).to.be.at.least(2);
    expect(pages.filter((page) => page.startsWith('test/generated/astro/')).length).to.be.at.least(2);
  });

  for (const name of pages) {
    it(`${name}: the cards the prerenderer filled, and only those, each with one shadow root in its language, kept when the module takes over`, async () => {
      const path = `/prerendered/${name}`;
      const answer = await fetch(path);
      const filledByPrerenderer = Number(answer.headers.get('X-Prerendered-Tags'));
      const leftAlone = Number(answer.headers.get('X-Left-Alone-Tags'));
      const frame = fixtureSync<HTMLIFrameElement>(html`<iframe src=${path} style="width: 900px; height: 900px; border: 0"></iframe>`);
      await oneEvent(frame, 'load');
      const doc = frame.contentDocument!;
      const win = frame.contentWindow as CorpusWindow;
      const cards = cardsIn(doc);
      const filled = cards.filter((card) => card.shadowRoot);
      expect(filled.length, 'cards with a shadow root').to.equal(filledByPrerenderer);
      // Every card the browser made, with a partner to show, is one the prerenderer filled, or one it left alone
      // with a warning where browsers read the page differently (in and after a <select> holding more than
      // options: Chromium follows the current standard there, Firefox and WebKit the older rules).
      // (A <selectedcontent> holds the browser's copy of the chosen option's content: the original is the one counted.)
      const empty = cards
        .filter((card) => card.hasAttribute('partner') && !card.shadowRoot && !card.closest('selectedcontent'))
        .map((card) => card.outerHTML.slice(0, 80));
      expect(empty.length, `cards left empty: ${empty.join(', ')}`).to.be.at.most(leftAlone);
      // The page's own styles are the page's: no card's stylesheet became page CSS.
      const own = doc.getElementById('own');
      if (own) expect(getComputedStyle(own).borderStyle, "the page's own div.card").to.equal('none');
      for (const card of filled) {
        expect(card.querySelectorAll(':scope > template[shadowrootmode]').length, 'no second shadow root left as a template').to.equal(0);
        expect(
          card.shadowRoot!.querySelector('article')?.getAttribute('lang'),
          `the language around ${card.outerHTML.slice(0, 80)}`,
        ).to.equal(langOf(card));
      }
      expect(win.__injected, 'no profile text ran as script').to.equal(undefined);
      const articles = filled.map((card) => card.shadowRoot!.querySelector('article'));

      // The module, as the page's script tag would load it; each card checks its live profile once.
      let loaded = 0;
      doc.addEventListener('partner-card-load', () => loaded++);
      const script = doc.createElement('script');
      script.type = 'module';
      script.src = '/dist/partner-card.js';
      doc.head.append(script);
      await waitUntil(() => win.customElements.get('partner-card'), 'the module defines the card', {timeout: 5000});
      await waitUntil(() => loaded >= cards.filter((card) => card.hasAttribute('partner')).length, 'every card checked its live profile', {
        timeout: 10000,
      });
      filled.forEach((card, i) => {
        expect(card.shadowRoot!.querySelector('article') === articles[i], `the prerendered nodes kept (${langOf(card)})`).to.equal(true);
      });
      expect(win.__injected, 'no profile text ran as script').to.equal(undefined);
    });
  }
});
