import {expect, fixtureSync, html, oneEvent, waitUntil} from '@open-wc/testing';
import type {PartnerCard} from '../src/partner-card.js';
import {FIXTURES} from './support/helpers.js';

// The demo's translator preview, loaded as a translator would open it.
describe('Translator preview (demo/translate.html)', () => {
  let frame: HTMLIFrameElement;
  let doc: Document;
  const problems = () => doc.getElementById('problems')!.textContent!;

  async function paste(text: string) {
    const box = doc.getElementById('json') as HTMLTextAreaElement;
    box.value = text;
    box.dispatchEvent(new Event('input'));
  }

  beforeEach(async () => {
    frame = fixtureSync<HTMLIFrameElement>(html`<iframe src="/demo/translate.html" style="width: 1200px; height: 900px"></iframe>`);
    await oneEvent(frame, 'load');
    doc = frame.contentDocument!;
    const card = doc.getElementById('target') as PartnerCard;
    await waitUntil(() => card.shadowRoot?.querySelector('[part="name"]'), 'the published profile shows', {timeout: 5000});
  });

  it('shows the published profile in Danish beside English, with nothing left to translate', async () => {
    const [target, english] = ['target', 'english'].map((id) => doc.getElementById(id) as PartnerCard);
    expect(target.resolvedLang).to.equal('da');
    expect(english.resolvedLang).to.equal('en');
    await waitUntil(() => doc.getElementById('missing-summary')!.textContent!.includes('Everything is translated'));
  });

  it('explains a broken file in plain words, with the place to fix', async () => {
    const text = await (await fetch(`${FIXTURES}english-only.json`)).text();
    await paste(text.replace('"country": "SE"', '"country": "Sweden"').replace('"id": "english-only",', ''));
    await waitUntil(() => problems().includes('problem(s) to fix'), 'problems listed', {timeout: 3000});
    expect(problems()).to.contain('$.id is missing: add "id".');
    expect(problems()).to.contain('$.country is "Sweden", which does not fit. ISO 3166-1 alpha-2 country code');
  });

  it('points at the line of a JSON syntax error', async () => {
    await paste('{\n  "id": "x",\n  "name": "X"\n  "country": "DK"\n}');
    await waitUntil(() => problems().includes('not valid JSON'), 'syntax error shown', {timeout: 3000});
    expect(problems()).to.match(/line 4/);
  });

  it('previews a pasted file and lists what is still in English', async () => {
    const text = await (await fetch(`${FIXTURES}english-only.json`)).text();
    await paste(text);
    const card = doc.getElementById('target') as PartnerCard;
    await waitUntil(() => card.untranslated.length === 7, 'the card shows the pasted profile', {timeout: 3000});
    const rows = [...doc.querySelectorAll('#missing tbody tr')].map((tr) => tr.textContent);
    expect(rows).to.have.length(7);
    expect(rows[0]).to.contain('$.summary').and.contain('A fictitious research lab');
    // The highlighted texts are the card's own fallback parts.
    expect(card.shadowRoot!.querySelectorAll('[part~="fallback"]').length).to.be.greaterThan(0);
  });
});
