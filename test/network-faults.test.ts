import {expect, fixtureSync, html, waitUntil} from '@open-wc/testing';
import type {PartnerCard} from '../src/partner-card.js';
import {$, requestsFor, SAMPLES, settle, slowLog, textOf, unique, warnings} from './support/helpers.js';

const ID = 'region-southern-denmark';

/** Shows a card for `base`, collects every event it fires for a while, and what it warned. */
async function outcome(base: string, settleMs = 150) {
  const events: CustomEvent[] = [];
  let el!: PartnerCard;
  const warned = await warnings(async () => {
    el = fixtureSync<PartnerCard>(html`<partner-card lang="en" partner=${ID} base=${base}></partner-card>`);
    el.addEventListener('partner-card-load', (e) => events.push(e));
    el.addEventListener('partner-card-error', (e) => events.push(e));
    await settle(el);
    await new Promise((r) => setTimeout(r, settleMs));
  });
  return {el, events, warned: warned.join('\n'), error: events[0]?.detail as {kind: string; message: string}};
}

// Real server behaviour from the dev server's fault routes (test/support/fault-server.mjs).
const FAULTS: Array<[string, string, string, RegExp]> = [
  ['404 Not Found', `/status/404/`, 'not-found', /HTTP 404/],
  ['410 Gone', `/status/410/`, 'not-found', /HTTP 410/],
  ['500 Internal Server Error', `/status/500/`, 'network', /HTTP 500/],
  ['503 Service Unavailable', `/status/503/`, 'network', /HTTP 503/],
  ['a redirect to a missing file', `/redirect/status/404/`, 'not-found', /HTTP 404/],
  ['an empty body', `/body/empty/`, 'invalid-profile', /empty/],
  ['an HTML page instead of JSON', `/body/html/`, 'invalid-profile', /HTML, not JSON/],
  ['truncated JSON', `/body/truncated/`, 'invalid-profile', /not JSON/],
  ['a connection cut in the middle of the body', `/cut${SAMPLES}`, 'network', /connection broke|failed/],
  ['a server that does not answer', `http://127.0.0.1:9/`, 'network', /request failed/],
];

describe('Broken networks: every fault ends in the right error, once', () => {
  for (const [what, base, kind, message] of FAULTS) {
    it(`${what} → ${kind}`, async () => {
      const {el, events, error, warned} = await outcome(base);
      expect(events.map((e) => e.type)).to.deep.equal(['partner-card-error']);
      expect(error.kind).to.equal(kind);
      expect(error.message).to.match(message);
      expect(warned).to.contain(kind);
      // The address asked for, so a wrong `base` (a card bundled without one) is found from the console alone.
      const requested = new URL(`${ID}.json`, new URL(base, location.href)).href;
      expect(warned, 'the warning names the address requested').to.contain(`: ${requested}`);
      expect(error.message).to.contain(requested);
      expect(textOf($(el, '[part="error-message"]')!)).to.have.length.greaterThan(10);
      expect(!!$(el, '[part="retry"]')).to.equal(kind === 'network');
    });
  }

  it('a redirect to the profile is followed', async () => {
    const {events} = await outcome(`/redirect${SAMPLES}`);
    expect(events.map((e) => e.type)).to.deep.equal(['partner-card-load']);
  });

  it('JSON served with another content type still loads: the body decides', async () => {
    const served = await fetch(`/body/text-json/${ID}.json`);
    expect(served.headers.get('content-type')).to.match(/^text\/plain/);
    const {events} = await outcome(`/body/text-json/`);
    expect(events.map((e) => e.type)).to.deep.equal(['partner-card-load']);
  });

  it('going offline is a network error, and retry works once back online', async () => {
    // The one fault a page cannot produce on its own: fetch itself failing.
    const realFetch = window.fetch.bind(window);
    window.fetch = () => Promise.reject(new TypeError('Failed to fetch'));
    let result: Awaited<ReturnType<typeof outcome>>;
    try {
      result = await outcome(`/alias/${unique('offline')}${SAMPLES}`);
    } finally {
      window.fetch = realFetch;
    }
    expect(result.error.kind).to.equal('network');
    const next = settle(result.el);
    $<HTMLButtonElement>(result.el, '[part="retry"]')!.click();
    expect((await next).type).to.equal('partner-card-load');
  });

  it('a cut connection can be retried when the server recovers', async () => {
    const {el, error} = await outcome(`/cut${SAMPLES}`);
    expect(error.kind).to.equal('network');
    el.base = SAMPLES; // the "server" is back
    expect((await settle(el)).type).to.equal('partner-card-load');
  });
});

describe('Requests follow the card', () => {
  it('ten partner changes within milliseconds end on the last id, with the earlier requests aborted', async () => {
    const key = unique('rapid');
    const el = fixtureSync<PartnerCard>(html`<partner-card base=${`/slow/400/alias/${key}${SAMPLES}`}></partner-card>`);
    const events: string[] = [];
    el.addEventListener('partner-card-load', (e) => events.push(`load ${e.detail.id}`));
    el.addEventListener('partner-card-error', (e) => events.push(`error ${e.detail.kind}`));
    for (let i = 0; i < 9; i++) {
      el.partner = `early-${i}`;
      await el.updateComplete;
    }
    el.partner = ID;
    await settle(el);
    await new Promise((r) => setTimeout(r, 600));
    expect(events).to.deep.equal([`load ${ID}`]);
    expect(textOf($(el, '[part="name"]')!)).to.equal('Region of Southern Denmark');
    // Browsers hold back requests (six per host at most; Firefox sends none of
    // these in time) and drop those unsent: whatever reached the server for an
    // early id was abandoned, and none was served. A request can reach the
    // server late on a busy machine, so wait until the server has decided each
    // one (served or abandoned, 400 ms after it arrived) before comparing.
    const early = (list: string[]) => list.filter((path) => path.includes('early-')).sort();
    await waitUntil(
      async () => {
        const {seen, abandoned, served} = await slowLog(key);
        return early(seen).length === early(abandoned).length + early(served).length;
      },
      'the server decided every early request',
      {timeout: 5000},
    );
    const log = await slowLog(key);
    expect(early(log.abandoned)).to.deep.equal(early(log.seen));
    expect(early(log.served)).to.deep.equal([]);
  });

  it('removing a loading card aborts its request', async () => {
    const key = unique('removed');
    // Slow enough, and waited for long enough, that a busy CI machine still removes the card first.
    const el = fixtureSync<PartnerCard>(html`<partner-card partner=${ID} base=${`/slow/2000/alias/${key}${SAMPLES}`}></partner-card>`);
    await waitUntil(async () => (await slowLog(key)).seen.length === 1, 'the request reached the server', {timeout: 5000});
    el.remove();
    await waitUntil(
      async () => (await slowLog(key)).abandoned.length + (await slowLog(key)).served.length > 0,
      'the server is done with it',
      {timeout: 5000},
    );
    const log = await slowLog(key);
    expect(log.abandoned).to.have.length(1);
    expect(log.served).to.have.length(0);
  });

  it('re-adding a loaded card does not fetch again', async () => {
    const base = `/alias/${unique('readd')}${SAMPLES}`;
    const el = fixtureSync<PartnerCard>(html`<partner-card partner=${ID} base=${base}></partner-card>`);
    await settle(el);
    const parent = el.parentElement!;
    el.remove();
    await new Promise((r) => setTimeout(r, 20));
    parent.append(el);
    await new Promise((r) => setTimeout(r, 100));
    expect(await requestsFor(`${base}${ID}.json`)).to.equal(1);
    expect(textOf($(el, '[part="name"]')!)).to.equal('Region of Southern Denmark');
  });
});
