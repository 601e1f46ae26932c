/**
 * Pages of older partner sites in single-byte encodings (windows-1252,
 * ISO-8859-2), prerendered by `partner-card prerender` (test/support/encoded-pages.mjs)
 * and served without a charset, so each page's <meta charset> decides. Every
 * engine must read the page's own text as written (its bytes kept) and the
 * prerendered card exactly as the profile says: Danish letters, €, typographic
 * quotes, and a name in a script the encoding lacks (Greek), in the card and
 * in its JSON-LD. No script runs in these pages: this is what the prerendered
 * HTML alone shows.
 */
import {expect, fixtureSync, html, oneEvent} from '@open-wc/testing';

interface Profile {
  name: {en: string; da: string};
  shortName: string;
  summary: {en: string; da: string};
}
let profile: Profile;
before(async () => {
  profile = (await (await fetch('/test/fixtures/encodings/odense-lab.json')).json()) as Profile;
});

const PAGES = {
  'windows-1252': 'København og Århus: prisen er 10 € – “gratis” for børn',
  'ISO-8859-2': 'Łódź, Košice és Győr: žluťoučký kůň',
};

describe('Prerendered into pages in single-byte encodings', () => {
  for (const [encoding, own] of Object.entries(PAGES)) {
    it(`${encoding}: the page's own text as written, the card and its JSON-LD as the profile says`, async () => {
      const frame = fixtureSync<HTMLIFrameElement>(html`<iframe src=${`/test/generated/encodings/${encoding}.html`}></iframe>`);
      await oneEvent(frame, 'load');
      const doc = frame.contentDocument!;
      expect(doc.characterSet.toLowerCase()).to.equal(encoding.toLowerCase());
      expect(doc.getElementById('own')!.textContent).to.equal(own);
      expect(doc.title).to.equal(own);
      const [full, compact] = [...doc.querySelectorAll('partner-card')].map((card) => card.shadowRoot!);
      expect(full.querySelector('[part="name"]')!.textContent).to.equal(profile.name.da);
      expect(full.querySelector('[part="summary"]')!.textContent).to.equal(profile.summary.da);
      expect(full.querySelector('[part="short-name"]')!.textContent).to.equal(profile.shortName);
      expect(compact.querySelector('[part="name"]')!.textContent).to.equal(profile.name.en);
      expect(compact.querySelector('[part="summary"]')!.textContent).to.equal(profile.summary.en);
      const jsonLd = JSON.parse(doc.querySelector('script[type="application/ld+json"]')!.textContent) as {
        name: string;
        description: string;
      };
      expect(jsonLd.name).to.equal(profile.name.da);
      expect(jsonLd.description).to.equal(profile.summary.da);
    });
  }
});
