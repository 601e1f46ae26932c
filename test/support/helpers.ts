import {fixtureSync, html, oneEvent} from '@open-wc/testing';
import type {TemplateResult} from 'lit';
import '../../src/index.js';
import type {PartnerCard} from '../../src/partner-card.js';

/** The real sample profiles, as the demo publishes them. */
export const SAMPLES = '/demo/embed/partners/';
/** Broken and special-purpose profiles made for the tests. */
export const FIXTURES = '/test/fixtures/partners/';

/**
 * Renders `template` and waits until its card has loaded or failed. The
 * listeners are in place before the card's first update, so a profile that
 * is already cached (or passed as a property) cannot fire unseen.
 */
export async function settled(template: TemplateResult): Promise<{el: PartnerCard; event: CustomEvent}> {
  const wrapper = fixtureSync<HTMLElement>(html`<div>${template}</div>`);
  const el = wrapper.querySelector('partner-card') as PartnerCard;
  const event = await settle(el);
  await el.updateComplete;
  return {el, event};
}

/** Waits for the card's next load or error event. */
export function settle(el: PartnerCard): Promise<CustomEvent> {
  return Promise.race([oneEvent(el, 'partner-card-load'), oneEvent(el, 'partner-card-error')]);
}

/** The card's visible text with all kinds of spaces made plain (Intl uses no-break spaces). */
export function textOf(el: Element): string {
  return (el.shadowRoot ?? el).textContent!.replace(/[\s\u00a0\u202f]+/g, ' ').trim();
}

export const $ = <T extends Element = HTMLElement>(el: Element, selector: string) =>
  el.shadowRoot!.querySelector<T>(selector);
export const $$ = <T extends Element = HTMLElement>(el: Element, selector: string) => [
  ...el.shadowRoot!.querySelectorAll<T>(selector),
];

/** Figures as label → value, read from the card's definition lists. */
export function figures(el: Element): Record<string, string> {
  return Object.fromEntries(
    $$(el, 'dl > div').map((row) => [textOf(row.querySelector('dt')!), textOf(row.querySelector('dd')!)]),
  );
}

/** The URLs this page requested since the last clearResourceTimings(); browsers add entries a little after the response. */
export async function requested(): Promise<string[]> {
  await new Promise((r) => setTimeout(r, 50));
  return performance.getEntriesByType('resource').map((entry) => entry.name);
}

/** How many requests this page made for URLs ending with `suffix`. */
export const requestsFor = async (suffix: string) => (await requested()).filter((name) => name.endsWith(suffix)).length;

/** Captures console.warn calls while `work` runs. */
export async function warnings(work: () => Promise<unknown>): Promise<string[]> {
  const seen: string[] = [];
  const original = console.warn;
  console.warn = (...args: unknown[]) => seen.push(args.join(' '));
  try {
    await work();
  } finally {
    console.warn = original;
  }
  return seen;
}
