import {expect, fixtureSync, html, oneEvent} from '@open-wc/testing';
import type {PartnerDirectory} from '../src/partner-directory.js';
import {$$, noteIntlObjects, search, textOf, warnings} from './support/helpers.js';

// The index names its countries (`partner-card index` writes them), so the
// directory draws its list without the page's first Intl object. This fixture's
// names are not what Intl says ("Kingdom of Denmark", and the Danish list out of
// alphabetical order), so that a directory that asked Intl shows otherwise.
const NAMED = '/test/fixtures/directory-countries/';
const PLAIN = '/test/fixtures/directory/';

async function directory(base: string, lang = 'en') {
  const el = fixtureSync<PartnerDirectory>(html`<partner-directory lang=${lang} base=${base}></partner-directory>`);
  await Promise.race([oneEvent(el, 'partner-directory-load'), oneEvent(el, 'partner-directory-error')]);
  await el.updateComplete;
  return el;
}
const countriesShown = (el: PartnerDirectory) => $$(el, '[part="card"] [part="country"]').map(textOf);
const choices = (el: PartnerDirectory) => $$(el, '[part="country"] option').map(textOf).slice(1);
const visible = (el: PartnerDirectory) =>
  $$(el, '[part="item"]')
    .filter((li) => li.getBoundingClientRect().height > 0)
    .map((li) => li.id);

/** Notes every Intl object made and every `localeCompare` (it makes a collator the first time). */
function noteIntl(seen: string[]) {
  const restore = noteIntlObjects(seen);
  const localeCompare = Object.getOwnPropertyDescriptor(String.prototype, 'localeCompare')!.value as (
    this: string,
    ...args: unknown[]
  ) => number;
  String.prototype.localeCompare = function (this: string, ...args: unknown[]) {
    seen.push('localeCompare');
    return localeCompare.apply(this, args);
  };
  return () => {
    restore();
    String.prototype.localeCompare = localeCompare;
  };
}

// A file of its own: the page's first Intl object is made once, and the first test must come before it.
describe("<partner-directory>: the index's country names", () => {
  it('draws its cards and country filter from the names in index.json, making no Intl object', async () => {
    const seen: string[] = [];
    const restore = noteIntl(seen);
    try {
      const el = await directory(NAMED);
      expect(countriesShown(el)).to.deep.equal(['Kingdom of Denmark', 'Sweden', 'Spain']);
      expect(choices(el)).to.deep.equal(['Kingdom of Denmark', 'Spain', 'Sweden']);
      expect(seen, 'Intl asked while the list was drawn').to.deep.equal([]);
      // The names are searched as shown.
      await search(el, 'kingdom');
      expect(visible(el)).to.deep.equal(['sonderborg-telehealth']);
      expect(seen, 'Intl asked by the search').to.deep.equal([]);
      // An index without names is drawn with Intl's: the notes above would have seen it.
      let plain!: PartnerDirectory;
      await warnings(async () => {
        plain = await directory(PLAIN);
      });
      expect(countriesShown(plain)).to.include('Denmark');
      expect(seen, 'Intl asked for an index without names').to.include('Intl object');
    } finally {
      restore();
    }
  });

  it("follows the index's order of each language, and its names after a change of language", async () => {
    const el = await directory(NAMED, 'da');
    expect(choices(el)).to.deep.equal(['Sverige', 'Kongeriget Danmark', 'Spanien']);
    expect(countriesShown(el)).to.deep.equal(['Kongeriget Danmark', 'Sverige', 'Spanien']);
    el.lang = 'en';
    await el.updateComplete;
    expect(choices(el)).to.deep.equal(['Kingdom of Denmark', 'Spain', 'Sweden']);
    expect(countriesShown(el)).to.deep.equal(['Kingdom of Denmark', 'Sweden', 'Spain']);
  });

  it("keeps each directory's names to itself", async () => {
    let [named, plain] = [] as PartnerDirectory[];
    await warnings(async () => {
      [named, plain] = await Promise.all([directory(NAMED), directory(PLAIN)]);
    });
    expect(countriesShown(named)[0]).to.equal('Kingdom of Denmark');
    expect(countriesShown(plain)).to.include('Denmark').and.not.include('Kingdom of Denmark');
    await search(plain, 'kingdom');
    expect(visible(plain)).to.deep.equal([]);
  });

  it('warns of names of another shape and names the countries with Intl', async () => {
    let el!: PartnerDirectory;
    const warned = await warnings(async () => {
      el = await directory('/test/fixtures/directory-countries-bad/');
    });
    expect(warned.join('\n')).to.contain('index.json: "countries" is not lists of [code, name]');
    expect(countriesShown(el)).to.deep.equal(['Denmark', 'Sweden']);
    expect(choices(el)).to.deep.equal(['Denmark', 'Sweden']);
  });
});
