import {expect, fixtureSync, html, oneEvent, waitUntil} from '@open-wc/testing';
import type {PartnerCard} from '../src/partner-card.js';
import type {PartnerDirectory} from '../src/partner-directory.js';
import {axeViolations, warnings} from './support/helpers.js';

/** Opens a demo page in a frame `width` px wide and waits until every card and list has settled. */
async function open(path: string, width = 1280) {
  const frame = fixtureSync<HTMLIFrameElement>(html`<iframe src=${path} style=${`width: ${width}px; height: 800px; border: 0`}></iframe>`);
  await oneEvent(frame, 'load');
  const doc = frame.contentDocument!;
  const settledCard = (card: PartnerCard) => card.shadowRoot?.querySelector('[part~="card"]:not(.loading)');
  const settledList = (dir: PartnerDirectory) => dir.shadowRoot?.querySelector('[part="list"][aria-busy="false"], [part="error"]');
  await waitUntil(
    () =>
      [...doc.querySelectorAll<PartnerCard>('partner-card')].every(settledCard) &&
      [...doc.querySelectorAll<PartnerDirectory>('partner-directory')].every(settledList),
    `${path} settles`,
    {timeout: 8000},
  );
  return {frame, doc, win: frame.contentWindow!};
}

// The network-error card of demo/index.html waits for its timeout (3 s).
const PAGES = [
  '/demo/index.html',
  '/demo/partner-site.html',
  '/demo/partners.html',
  '/demo/partners-da.html',
  '/demo/profile.html?id=region-southern-denmark',
  '/demo/profile.html?id=no-such-partner',
  '/pages/translate/translate.html',
  '/pages/translate/translate.html?ui=da',
  // The same pages prerendered by npm run build (tools/build/demo-prerender.mjs).
  '/demo/generated/partner-site.html',
  '/demo/generated/partners.html',
  '/demo/generated/partners-da.html',
];

describe('Demo pages as a reader meets them', function () {
  this.timeout(20000);

  for (const path of PAGES) {
    it(`${path}: axe finds nothing, every rule (landmarks and an h1 included)`, async () => {
      let violations: string[] = [];
      let page!: Awaited<ReturnType<typeof open>>;
      await warnings(async () => {
        page = await open(path);
        violations = await axeViolations(page.doc);
      });
      // Checked as meant: the cards and lists loaded, but for the pages that show errors on purpose.
      const failed = [...page.doc.querySelectorAll('partner-card, partner-directory')].filter((el) =>
        el.shadowRoot!.querySelector('[part~="error"]'),
      );
      expect(failed.length > 0, 'an error state shows').to.equal(/index\.html|no-such/.test(path));
      expect(violations).to.deep.equal([]);
    });

    // The partner's site has a style of its own; every other page stands on pages/page-base.css.
    if (!path.includes('partner-site')) {
      it(`${path}: its stylesheets load, the pages' shared base included`, async () => {
        let page!: Awaited<ReturnType<typeof open>>;
        await warnings(async () => {
          page = await open(path);
        });
        // An @import that misses leaves an empty sheet and no error: the base's font and padding tell.
        const body = page.win.getComputedStyle(page.doc.body);
        expect(body.fontFamily.startsWith('system-ui'), body.fontFamily).to.equal(true);
        expect(body.paddingTop).to.equal('32px');
      });
    }

    it(`${path}: nothing sticks out at 320 px`, async () => {
      let page!: Awaited<ReturnType<typeof open>>;
      await warnings(async () => {
        page = await open(path, 320);
      });
      const all = (root: Document | ShadowRoot): Element[] =>
        [...root.querySelectorAll('*')].flatMap((el) => [el, ...(el.shadowRoot ? all(el.shadowRoot) : [])]);
      const texts = (root: Node): Text[] =>
        [...root.childNodes].flatMap((n) =>
          n.nodeType === Node.TEXT_NODE
            ? [n as Text]
            : [...texts(n), ...((n as Element).shadowRoot ? texts((n as Element).shadowRoot!) : [])],
        );
      const textRight = (t: Text) => {
        const range = page.doc.createRange();
        range.selectNodeContents(t);
        return range.getBoundingClientRect().right;
      };
      const wide = [
        ...all(page.doc)
          .filter((el) => el.getBoundingClientRect().right > 321)
          .map((el) => `${el.localName}#${el.id}.${el.className}`),
        ...texts(page.doc.body)
          .filter((t) => textRight(t) > 321)
          .map((t) => `"${t.data.trim().slice(0, 40)}" in ${t.parentElement?.localName}`),
      ];
      expect(page.doc.documentElement.scrollWidth, wide.join(', ')).to.be.at.most(320);
    });
  }

  for (const [path, lang, text] of [
    ['/demo/generated/partner-site.html', 'da', 'Region Syddanmark'],
    ['/demo/generated/partners.html', 'en', '25 partners'],
    ['/demo/generated/partners-da.html', 'da', '25 partnere'],
  ]) {
    it(`${path} (built by npm run build) shows its card or list with JavaScript off`, async () => {
      const frame = fixtureSync<HTMLIFrameElement>(
        html`<iframe src=${path} sandbox="allow-same-origin" style="width: 1280px; height: 800px"></iframe>`,
      );
      await oneEvent(frame, 'load');
      const el = frame.contentDocument!.querySelector('partner-card, partner-directory')!;
      expect(el.shadowRoot!.querySelector('[part~="card"]')!.getAttribute('lang')).to.equal(lang);
      expect(el.shadowRoot!.textContent).to.contain(text);
    });
  }

  it('profile.html names what happened when the profile cannot be shown', async () => {
    let page!: Awaited<ReturnType<typeof open>>;
    await warnings(async () => {
      page = await open('/demo/profile.html?id=no-such-partner');
    });
    await waitUntil(() => page.doc.querySelector('h1'), 'a heading');
    expect(page.doc.querySelector('h1')!.textContent).to.equal('This partner profile cannot be shown');
    expect(page.doc.title).to.match(/^This partner profile cannot be shown – /);
  });
});
