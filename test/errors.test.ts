import {expect, fixture, html, waitUntil} from '@open-wc/testing';
import type {PartnerCard} from '../src/partner-card.js';
import type {Profile} from '../shared/profile-types.js';
import {$, FIXTURES, requested, requestsFor, SAMPLES, settle, settled, slowLog, textOf, warnings} from './support/helpers.js';

/** Renders a card, waits for its error, and returns what a user and a developer would see. */
async function failing(template: ReturnType<typeof html>) {
  let result!: Awaited<ReturnType<typeof settled>>;
  const warned = await warnings(async () => {
    result = await settled(template);
  });
  const {el, event} = result;
  expect(event.type).to.equal('partner-card-error');
  const box = $(el, '[part~="error"]')!;
  expect(box, 'error box').to.exist;
  return {el, detail: event.detail as {kind: string; message: string}, shown: textOf(box), warned: warned.join('\n')};
}

describe('<partner-card>: errors', () => {
  it('rejects a malformed id before any request (invalid-id)', async () => {
    performance.clearResourceTimings();
    for (const id of ['../secrets', 'https://evil.example/x', 'Region', 'a--b', '', 'x'.repeat(65)]) {
      const {detail, shown, warned} = await failing(html`<partner-card lang="en" partner=${id} base=${SAMPLES}></partner-card>`);
      expect(detail.kind, id).to.equal('invalid-id');
      // The value as written, and what an id looks like; no value: how to give one.
      expect(shown).to.equal(
        id
          ? `“${id}” is not a partner id: use lower-case letters, digits and hyphens, e.g. region-southern-denmark.`
          : 'No partner given: add partner="…" with its id, e.g. region-southern-denmark.',
      );
      expect(warned).to.contain('invalid-id');
      if (id) expect(warned).to.contain(`partner="${id}"`);
    }
    expect((await requested()).filter((name) => name.includes('.json'))).to.have.length(0);
  });

  it('names the bad value in Danish too', async () => {
    const {shown} = await failing(html`<partner-card lang="da" partner="Kiel Maritime Cluster" base=${SAMPLES}></partner-card>`);
    expect(shown).to.equal(
      '“Kiel Maritime Cluster” er ikke et partner-id: brug små bogstaver, tal og bindestreger, f.eks. region-southern-denmark.',
    );
    const none = await failing(html`<partner-card lang="da" base=${SAMPLES}></partner-card>`);
    expect(none.shown).to.equal('Ingen partner angivet: tilføj partner="…" med dens id, f.eks. region-southern-denmark.');
  });

  it('says when there is no such partner (not-found), in Danish too', async () => {
    const {detail, shown, warned, el} = await failing(
      html`<partner-card lang="da" partner="no-such-partner" base=${SAMPLES}></partner-card>`,
    );
    expect(detail.kind).to.equal('not-found');
    expect(detail.message).to.contain('404');
    expect(shown).to.equal('Der findes ingen partner “no-such-partner”.');
    expect(warned).to.contain('no-such-partner');
    expect($(el, '[part="retry"]')).to.equal(null);
  });

  it('treats 410 Gone as not-found', async () => {
    const {detail} = await failing(html`<partner-card partner="gone" base="/status/410/"></partner-card>`);
    expect(detail.kind).to.equal('not-found');
  });

  it('reports server errors as network errors with a working retry', async () => {
    const {el, detail, shown} = await failing(
      html`<partner-card lang="en" partner="region-southern-denmark" base=${`/flaky/retry-${Date.now()}${SAMPLES}`}></partner-card>`,
    );
    expect(detail.kind).to.equal('network');
    expect(detail.message).to.contain('503');
    expect(shown).to.contain('Check your connection and try again.');
    const retry = $<HTMLButtonElement>(el, 'button[part="retry"]')!;
    expect(textOf(retry)).to.equal('Try again');
    const next = settle(el);
    retry.click();
    const after = await next;
    expect(after.type, JSON.stringify(after.detail)).to.equal('partner-card-load');
    expect(textOf($(el, '[part="name"]')!)).to.equal('Region of Southern Denmark');
  });

  it('reports a cross-origin profile without CORS permission as a network error', async () => {
    const otherOrigin = `${location.protocol}//127.0.0.1:${location.port}`;
    const {detail} = await failing(
      html`<partner-card partner="region-southern-denmark" base=${`${otherOrigin}${SAMPLES}`}></partner-card>`,
    );
    expect(detail.kind).to.equal('network');
  });

  it('reports an unreachable server as a network error', async () => {
    // Port 9 (discard) on loopback: nothing listens, the connection is refused at once.
    const {detail} = await failing(html`<partner-card partner="region-southern-denmark" base="http://127.0.0.1:9/"></partner-card>`);
    expect(detail.kind).to.equal('network');
  });

  it('gives up after the timeout attribute and says so (network)', async () => {
    const started = performance.now();
    const {detail, el} = await failing(
      html`<partner-card timeout="300" partner="region-southern-denmark" base=${`/slow/3000/alias/timeout-${Date.now()}${SAMPLES}`}></partner-card>`,
    );
    expect(detail.kind).to.equal('network');
    expect(detail.message).to.contain('no answer within 0.3 s');
    expect(performance.now() - started).to.be.below(2500);
    expect($(el, '[part="retry"]')).to.exist;
  });

  it('keeps the default timeout when the attribute is not a positive number', async () => {
    const {event} = await settled(
      html`<partner-card timeout="soon" partner="region-southern-denmark" base=${`/slow/400/alias/bad-timeout-${Date.now()}${SAMPLES}`}></partner-card>`,
    );
    expect(event.type).to.equal('partner-card-load');
  });

  it('reports malformed JSON as invalid-profile', async () => {
    const {detail, shown, warned} = await failing(html`<partner-card lang="en" partner="broken-json" base=${FIXTURES}></partner-card>`);
    expect(detail.kind).to.equal('invalid-profile');
    expect(detail.message).to.contain('not JSON');
    expect(shown).to.equal('This partner profile contains errors.');
    expect(warned).to.contain('broken-json');
  });

  it('names the missing required field (invalid-profile)', async () => {
    const {detail, warned} = await failing(html`<partner-card partner="missing-summary" base=${FIXTURES}></partner-card>`);
    expect(detail.kind).to.equal('invalid-profile');
    expect(detail.message).to.contain('$.summary is missing');
    expect(warned).to.contain('$.summary');
  });

  it('refuses a profile whose id is not its file name', async () => {
    const {detail} = await failing(html`<partner-card partner="wrong-id" base=${FIXTURES}></partner-card>`);
    expect(detail.kind).to.equal('invalid-profile');
    expect(detail.message).to.contain('$.id');
  });

  it('refuses an invalid .profile object and names the field', async () => {
    const {detail, shown} = await failing(
      html`<partner-card lang="da" .profile=${{id: 'x', name: 'X', country: 'Denmark', summary: 'S'}}></partner-card>`,
    );
    expect(detail.kind).to.equal('invalid-profile');
    expect(detail.message).to.contain('$.country');
    expect(shown).to.equal('Partnerprofilen indeholder fejl.');
  });

  it('leaves out optional fields that are wrong, says which, and shows the rest', async () => {
    let event!: CustomEvent;
    let el!: PartnerCard;
    const warned = await warnings(async () => {
      ({el, event} = await settled(html`<partner-card partner="english-only" base=${FIXTURES}></partner-card>`));
    });
    expect(event.type).to.equal('partner-card-load');
    expect(warned.join()).to.contain('$.organisations[1] is invalid');
    expect((event as CustomEvent<Profile>).detail.organisations).to.have.length(1);
    // The logo's src is a javascript: URL: no image at all.
    expect($(el, 'img')).to.equal(null);
  });

  it('keeps the request of a card moved while loading, aborts that of a card removed, and asks again when it comes back', async () => {
    const key = `removed-${Date.now()}`;
    // Slow enough that the card is removed long before the answer, even on a busy machine.
    const base = `/slow/1500/alias/${key}${SAMPLES}`;
    // A spy, not a stub: the real fetch goes out; the test keeps each request's signal.
    const signals: AbortSignal[] = [];
    const realFetch = window.fetch.bind(window);
    window.fetch = (input, init) => {
      if (init?.signal) signals.push(init.signal);
      return realFetch(input, init);
    };
    try {
      const wrapper = await fixture<HTMLElement>(html`<div></div>`);
      const el = Object.assign(document.createElement('partner-card'), {base, partner: 'region-southern-denmark'});
      wrapper.append(el);
      await waitUntil(async () => (await slowLog(key)).seen.length === 1, 'the request reached the server', {timeout: 5000});
      // Moved elsewhere in one go (disconnected and connected at once): the request stays.
      const inner = wrapper.appendChild(document.createElement('div'));
      inner.append(el);
      await new Promise((r) => setTimeout(r, 0));
      expect(
        signals.map((signal) => signal.aborted),
        'moved',
      ).to.deep.equal([false]);
      el.remove();
      await new Promise((r) => setTimeout(r, 0));
      expect(signals.map((signal) => signal.aborted)).to.deep.equal([true]);
      wrapper.append(el);
      expect((await settle(el)).type).to.equal('partner-card-load');
      expect(signals.map((signal) => signal.aborted)).to.deep.equal([true, false]);
      // (That the server sees the first request dropped is tested in network-faults.test.ts.)
      // Moving a loaded card does not fetch again.
      performance.clearResourceTimings();
      document.body.append(el);
      await new Promise((r) => setTimeout(r, 50));
      expect(await requestsFor(`${base}region-southern-denmark.json`)).to.equal(0);
      el.remove();
    } finally {
      window.fetch = realFetch;
    }
  });

  it('"Try again" bypasses the HTTP cache: the request says no-cache to every cache on the way', async () => {
    const key = `bypass-${Date.now()}`;
    const {el} = await failing(
      html`<partner-card partner="region-southern-denmark" base=${`/count/${key}/flaky/${key}${SAMPLES}`}></partner-card>`,
    );
    const next = settle(el);
    $<HTMLButtonElement>(el, '[part="retry"]')!.click();
    expect((await next).type).to.equal('partner-card-load');
    const all = (await (await fetch(`/count-log/${key}`)).json()) as {path: string; cacheControl: string}[];
    const log = all.filter((entry) => entry.path.endsWith('.json'));
    expect(log).to.have.length(2);
    expect(log[0].cacheControl, 'first request').not.to.contain('no-cache');
    expect(log[1].cacheControl, 'the retry').to.contain('no-cache');
  });
});
