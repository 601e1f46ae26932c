import {expect, fixtureSync, html, oneEvent} from '@open-wc/testing';
import type {PartnerDirectory} from '../src/partner-directory.js';
import {noteIntlObjects, textOf} from './support/helpers.js';

// A file of its own: a page makes its first Intl object once (the directory
// keeps what it made), and this test must see the directory make it.
describe('<partner-directory>: the first frame', () => {
  it("draws its loading line in a frame before it makes the page's first Intl object", async () => {
    const seen: string[] = [];
    const restore = noteIntlObjects(seen);
    try {
      // The index 2 s away (a busy machine's frames can be slow): what happens before it arrives is the directory's own doing.
      const el = fixtureSync<PartnerDirectory>(
        html`<partner-directory lang="en" base="/slow/2000/test/fixtures/directory/"></partner-directory>`,
      );
      const loaded = oneEvent(el, 'partner-directory-load');
      await el.updateComplete;
      expect(textOf(el.shadowRoot!.querySelector('[part="count"]')!), 'the loading line is drawn').to.equal('Loading partners…');
      seen.push('loading line drawn');
      requestAnimationFrame(() => seen.push('frame'));
      await loaded;
      expect(seen.slice(0, 3), 'in this order').to.deep.equal(['loading line drawn', 'frame', 'Intl object']);
    } finally {
      restore();
    }
  });
});
