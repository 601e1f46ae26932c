import {expect, fixture, fixtureSync, html} from '@open-wc/testing';
import {formatFact, formatNumber} from '../src/format.js';
import {inLang} from '../src/localization.js';
import {normaliseLang} from '../src/inherited-lang.js';
import type {PartnerCard} from '../src/partner-card.js';
import {$, $$, figures, FIXTURES, SAMPLES, settle, settled, textOf, warnings} from './support/helpers.js';

const nextFrame = () => new Promise((r) => requestAnimationFrame(() => setTimeout(r)));

describe('Languages: which language a card speaks', () => {
  let htmlLang: string | null;
  beforeEach(() => (htmlLang = document.documentElement.getAttribute('lang')));
  afterEach(() => {
    if (htmlLang === null) document.documentElement.removeAttribute('lang');
    else document.documentElement.setAttribute('lang', htmlLang);
  });

  it('normalises language tags and falls back to English', () => {
    expect(normaliseLang('da')).to.equal('da');
    expect(normaliseLang('da-DK')).to.equal('da');
    expect(normaliseLang(' DA_dk ')).to.equal('da');
    expect(normaliseLang('en-GB')).to.equal('en');
    expect(normaliseLang('de')).to.equal('en');
    expect(normaliseLang('')).to.equal('en');
    expect(normaliseLang(undefined)).to.equal('en');
  });

  it('renders the whole card in Danish with lang="da"', async () => {
    const {el} = await settled(
      html`<partner-card lang="da" partner="region-southern-denmark" base=${SAMPLES} back-href="/"></partner-card>`,
    );
    expect(el.resolvedLang).to.equal('da');
    expect($(el, '[part~="card"]')!.getAttribute('lang')).to.equal('da');
    expect(textOf($(el, '[part="name"]')!)).to.equal('Region Syddanmark');
    expect(textOf($(el, '[part="country"]')!)).to.equal('Danmark');
    expect(textOf($(el, '.section-title')!)).to.equal('Nøgletal');
    expect(textOf($(el, '[part="back-link"]')!)).to.equal('← Tilbage til partnerne');
    expect($<HTMLImageElement>(el, 'img')!.alt).to.equal('Region Syddanmarks logo');
    const f = figures(el);
    expect(f['Indbyggere']).to.equal('ca. 1,2 mio.');
    expect(f['Ansatte']).to.equal('ca. 25.000');
    expect(f['Udgifter til sundhedsvæsenet']).to.equal('ca. 2,8 mia. € om året');
    expect(f['Elektroniske meddelelser']).to.equal('ca. 6 mio. om måneden');
    expect(f['Driftsbudget']).to.equal('ca. 790 mio. € om året');
    expect(f['Ambulante patienter']).to.equal('ca. 900.000 om året');
    expect(f['Stiftet af']).to.equal('OUH og Syddansk Universitet');
  });

  it('takes the language of the nearest ancestor, across shadow roots, else <html lang>', async () => {
    document.documentElement.lang = 'da-DK';
    const outer = await fixture<HTMLElement>(html`<section lang="en"><div></div></section>`);
    const host = outer.querySelector('div')!;
    const root = host.attachShadow({mode: 'open'});
    root.innerHTML = `<partner-card partner="region-southern-denmark" base="${SAMPLES}"></partner-card>`;
    const inShadow = root.querySelector('partner-card') as PartnerCard;
    await settle(inShadow);
    expect(inShadow.resolvedLang).to.equal('en');

    const loose = await fixture<PartnerCard>(html`<partner-card partner="region-southern-denmark" base=${SAMPLES}></partner-card>`);
    expect(loose.resolvedLang).to.equal('da');
  });

  it('follows a lang change on an ancestor inside another shadow root', async () => {
    const host = await fixture<HTMLElement>(html`<div></div>`);
    const root = host.attachShadow({mode: 'open'});
    root.innerHTML = `<section lang="en"><div><partner-card partner="region-southern-denmark" base="${SAMPLES}"></partner-card></div></section>`;
    const el = root.querySelector('partner-card') as PartnerCard;
    await settle(el);
    expect(textOf($(el, '[part="name"]')!)).to.equal('Region of Southern Denmark');
    root.querySelector('section')!.setAttribute('lang', 'da');
    await nextFrame();
    expect(el.resolvedLang).to.equal('da');
    expect(textOf($(el, '[part="name"]')!)).to.equal('Region Syddanmark');
  });

  it('marks an English stand-in logo text lang="en" in a Danish card', async () => {
    const profile = {
      id: 'x',
      name: 'X',
      country: 'DK',
      summary: 'S',
      // A profile given as an object is read relative to the page: the logo beside it.
      logo: {src: 'demo/embed/partners/region-southern-denmark.svg', alt: {en: 'X logo'}, width: 240, height: 64},
    };
    const {el} = await settled(html`<partner-card lang="da" .profile=${profile}></partner-card>`);
    const logo = $<HTMLImageElement>(el, 'img')!;
    expect(logo.alt).to.equal('X logo');
    expect(logo.getAttribute('lang')).to.equal('en');
    expect(el.untranslated).to.include('$.logo.alt');
  });

  it('shows two cards in two languages side by side', async () => {
    const wrapper = fixtureSync<HTMLElement>(html`<div>
      <partner-card lang="da" partner="region-southern-denmark" base=${SAMPLES}></partner-card>
      <partner-card lang="en" partner="region-southern-denmark" base=${SAMPLES}></partner-card>
    </div>`);
    const [da, en] = [...wrapper.querySelectorAll('partner-card')];
    await Promise.all([settle(da), settle(en)]);
    expect(textOf($(da, '[part="name"]')!)).to.equal('Region Syddanmark');
    expect(textOf($(da, '.section-title')!)).to.equal('Nøgletal');
    expect(textOf($(en, '[part="name"]')!)).to.equal('Region of Southern Denmark');
    expect(textOf($(en, '.section-title')!)).to.equal('Key figures');
  });

  it('follows changes of its own lang, of an ancestor and of <html lang>', async () => {
    document.documentElement.lang = 'en';
    const wrapper = fixtureSync<HTMLElement>(
      html`<div><partner-card partner="region-southern-denmark" base=${SAMPLES}></partner-card></div>`,
    );
    const el = wrapper.querySelector('partner-card')!;
    await settle(el);
    const name = () => textOf($(el, '[part="name"]')!);
    expect(name()).to.equal('Region of Southern Denmark');

    document.documentElement.lang = 'da';
    await nextFrame();
    expect(name()).to.equal('Region Syddanmark');

    wrapper.setAttribute('lang', 'en');
    await nextFrame();
    expect(name()).to.equal('Region of Southern Denmark');

    el.lang = 'da';
    await el.updateComplete;
    expect(el.getAttribute('lang')).to.equal('da');
    expect(name()).to.equal('Region Syddanmark');

    el.removeAttribute('lang');
    await el.updateComplete;
    expect(name()).to.equal('Region of Southern Denmark');
  });

  it('marks English that stands in for missing Danish, and reports it once', async () => {
    let el!: PartnerCard;
    const warned = await warnings(async () => {
      ({el} = await settled(html`<partner-card lang="da" partner="english-only" base=${FIXTURES}></partner-card>`));
    });
    const summary = $(el, '[part="summary"] [part="fallback"]')!;
    expect(summary.getAttribute('lang')).to.equal('en');
    const description = $(el, '[part~="description"]')!;
    expect(description.getAttribute('lang')).to.equal('en');
    expect(description.getAttribute('part')).to.equal('description fallback');
    // The interface itself stays Danish.
    expect(textOf($(el, '.section-title')!)).to.equal('Nøgletal');
    expect(figures(el)['Budget']).to.equal('1,5 mio. € om året');
    expect(el.untranslated).to.deep.equal([
      '$.summary',
      '$.description',
      '$.facts[0].label',
      '$.facts[1].label',
      '$.facts[2].label',
      '$.facts[2].text',
      '$.organisations[0].name',
    ]);
    expect(warned.filter((w) => w.includes('translation-missing'))).to.have.length(1);
    expect(warned.join()).to.contain('translation-missing (da): $.summary, $.description');

    // Switching away and back shows the same gaps without warning again.
    const again = await warnings(async () => {
      el.lang = 'en';
      await el.updateComplete;
      expect(el.untranslated).to.deep.equal([]);
      expect($$(el, '[part~="fallback"]')).to.have.length(0);
      el.lang = 'da';
      await el.updateComplete;
    });
    expect(el.untranslated).to.have.length(7);
    expect(again.filter((w) => w.includes('translation-missing'))).to.have.length(0);
  });

  it('marks fallback text in the compact variant too', async () => {
    const {el} = await settled(html`<partner-card variant="compact" lang="da" partner="english-only" base=${FIXTURES}></partner-card>`);
    expect($(el, '[part="summary"] [part="fallback"]')!.getAttribute('lang')).to.equal('en');
    expect(el.untranslated).to.include('$.summary');
  });

  it('reports nothing for the fully translated sample', async () => {
    let el!: PartnerCard;
    const warned = await warnings(async () => {
      ({el} = await settled(html`<partner-card lang="da" partner="region-southern-denmark" base=${SAMPLES}></partner-card>`));
    });
    expect(el.untranslated).to.deep.equal([]);
    expect($$(el, '[part~="fallback"]')).to.have.length(0);
    expect(warned.join()).not.to.contain('translation-missing');
  });
});

describe('Formatting numbers with Intl', () => {
  const plain = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ');

  it('writes small numbers in full and millions and more compactly', () => {
    expect(plain(formatNumber(800, 'en'))).to.equal('800');
    expect(plain(formatNumber(25000, 'en'))).to.equal('25,000');
    expect(plain(formatNumber(25000, 'da'))).to.equal('25.000');
    expect(plain(formatNumber(2.5, 'da'))).to.equal('2,5');
    expect(plain(formatNumber(1_200_000, 'en'))).to.equal('1.2 million');
    expect(plain(formatNumber(1_200_000, 'da'))).to.equal('1,2 mio.');
    expect(plain(formatNumber(2.8e9, 'en', 'EUR'))).to.equal('€2.8B');
    expect(plain(formatNumber(2.8e9, 'da', 'EUR'))).to.equal('2,8 mia. €');
    expect(plain(formatNumber(45_000, 'da', 'DKK'))).to.equal('45.000 kr.');
    expect(plain(formatNumber(-3, 'en'))).to.equal('-3');
  });

  it('puts the words around a figure in the card language', () => {
    const fact = {label: 'x', value: 105000, per: 'year' as const, approximate: true};
    expect(plain(inLang('en', () => formatFact(fact, 'en')))).to.equal('about 105,000 a year');
    expect(plain(inLang('da', () => formatFact(fact, 'da')))).to.equal('ca. 105.000 om året');
    const monthly = {label: 'x', value: 6e6, per: 'month' as const};
    expect(plain(inLang('da', () => formatFact(monthly, 'da')))).to.equal('6 mio. om måneden');
  });
});
