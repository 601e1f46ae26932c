import {fixtureSync, html, oneEvent, waitUntil} from '@open-wc/testing';
import {executeServerCommand, sendKeys, sendMouse} from '@web/test-runner-commands';
import type {TemplateResult} from 'lit';
import '../../src/directory.js';
import type {PartnerCard} from '../../src/partner-card.js';
import type {PartnerDirectory} from '../../src/partner-directory.js';

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
  return (el.shadowRoot ?? el).textContent.replace(/[\s\u00a0\u202f]+/g, ' ').trim();
}

/** The first element in `el`'s shadow root that matches, typed as the caller expects. */
export function $<T extends Element = HTMLElement>(el: Element, selector: string): T | null {
  return el.shadowRoot!.querySelector<T>(selector);
}
export const $$ = <T extends Element = HTMLElement>(el: Element, selector: string) => [...el.shadowRoot!.querySelectorAll<T>(selector)];

/** Figures as label → value, read from the card's definition lists. */
export function figures(el: Element): Record<string, string> {
  return Object.fromEntries($$(el, 'dl > div').map((row) => [textOf(row.querySelector('dt')!), textOf(row.querySelector('dd')!)]));
}

/** The URLs this page requested since the last clearResourceTimings(); browsers add entries a little after the response. */
export async function requested(): Promise<string[]> {
  await new Promise((r) => setTimeout(r, 50));
  return performance.getEntriesByType('resource').map((entry) => entry.name);
}

/** How many requests this page made for URLs ending with `suffix`. */
export const requestsFor = async (suffix: string) => (await requested()).filter((name) => name.endsWith(suffix)).length;

/** Captures console.warn calls while `work` runs; `each` sees each one as it is made. */
export async function warnings(work: () => Promise<unknown>, each?: (warning: string) => void): Promise<string[]> {
  const seen: string[] = [];
  const original = console.warn;
  console.warn = (...args: unknown[]) => {
    seen.push(args.join(' '));
    each?.(seen[seen.length - 1]);
  };
  try {
    await work();
  } finally {
    console.warn = original;
  }
  return seen;
}

/**
 * Puts a reader's settings in force for this page (see browser-commands.mjs);
 * false when this engine cannot have them, so the test can skip and say so.
 */
export async function readerSettings(settings: {colorScheme?: string; reducedMotion?: string; forcedColors?: string}): Promise<boolean> {
  // The command answers nothing (undefined) when the runner has no such command.
  const applied: unknown = await executeServerCommand<boolean, typeof settings>('reader-settings', settings);
  return applied === true;
}

/** A picture of the viewport, read pixel by pixel (CSS pixels, as getBoundingClientRect gives them). */
export async function screenshot(): Promise<(x: number, y: number) => number[]> {
  const png = await executeServerCommand<string, undefined>('screenshot');
  const image = new Image();
  image.src = `data:image/png;base64,${png}`;
  await image.decode();
  const canvas = Object.assign(document.createElement('canvas'), {width: image.naturalWidth, height: image.naturalHeight});
  const context = canvas.getContext('2d', {willReadFrequently: true})!;
  context.drawImage(image, 0, 0);
  const scale = image.naturalWidth / innerWidth;
  return (x, y) => [...context.getImageData(Math.round(x * scale), Math.round(y * scale), 1, 1).data.slice(0, 3)];
}

/**
 * Points on a ring `offset` px outside `box`, along its four sides, leaving
 * out the rounded corners: where a focus ring drawn outside the box shows.
 */
export function ringPoints(box: DOMRect, offset: number): [number, number][] {
  const points: [number, number][] = [];
  for (let x = box.left + 16; x < box.right - 16; x += 8) points.push([x, box.top - offset], [x, box.bottom + offset]);
  for (let y = box.top + 16; y < box.bottom - 16; y += 8) points.push([box.left - offset, y], [box.right + offset, y]);
  return points;
}

/**
 * The share of the points round `box` whose colour `focus()` visibly changes
 * (by more than 40 in some channel): 0 when a focus ring is clipped away.
 *
 * The ring is drawn in the frame after focus; a busy machine's screenshot can
 * still show an older frame (WebKitGTK under load in a clean-clone run: no
 * point changed two frames after Tab). So pictures are taken again, a frame
 * apart, until the ring is there or `limit` ms have passed: the best share.
 */
export async function focusRingShare(box: () => DOMRect, focus: () => Promise<unknown>, limit = 3000): Promise<number> {
  const before = await screenshot();
  await focus();
  const inner = ringPoints(box(), 2);
  const outer = ringPoints(box(), 3);
  const points = inner.map((point, i) => [point, outer[i]]);
  const started = performance.now();
  let best = 0;
  do {
    await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
    const after = await screenshot();
    // Just outside the box, where the rings are drawn (2 px wide, 1–4 px off
    // the box, depending on the box they are drawn round): a place counts when
    // either of two depths changed.
    const differs = (x: number, y: number) => {
      const [a, b] = [before(x, y), after(x, y)];
      return a.some((value, i) => Math.abs(value - b[i]) > 40);
    };
    const changed = points.filter(([[x1, y1], [x2, y2]]) => differs(x1, y1) || differs(x2, y2));
    best = Math.max(best, changed.length / points.length);
  } while (best <= 0.8 && performance.now() - started < limit);
  return best;
}

/**
 * Presses `key` once for the page, and expects `state()` to become `expected`.
 * WebKitGTK's WebDriver at times loses a key: pressed again right after
 * itself, or right after `focus()` (a clean-clone run: the list's first
 * ArrowDown never arrived). A key is pressed again only while nothing has
 * changed for `wait` ms; any change must be the expected one, so a key that
 * moves two steps, or one the page ignores (`tries` presses, no change), fails.
 */
export async function pressFor(key: string, state: () => string, expected: string, what: string, tries = 3, wait = 3000): Promise<void> {
  const before = state();
  for (let i = 0; i < tries; i++) {
    await sendKeys({press: key});
    const until = performance.now() + wait;
    while (state() === before && performance.now() < until) await new Promise((r) => setTimeout(r, 20));
    if (state() !== before) {
      if (state() !== expected) throw new Error(`${what}: ${key} gave ${state()}, not ${expected}`);
      return;
    }
  }
  throw new Error(`${what}: ${key} pressed ${tries} times, ${wait} ms apart, and nothing changed (${before})`);
}

/**
 * How long a directory's first logos may take to be put in once its list is
 * loaded: they are put in the frame after the frame in which their cards are
 * seen near the window, and the list itself is bound to 3 s. On a busy
 * machine WebKitGTK draws few frames (a clean-clone run with two CPU-bound
 * jobs ran past 3 s), so the list's bound and two more seconds.
 */
export const FIRST_LOGOS_WITHIN = 5000;

/** The focused element of `doc`, looked for through shadow roots. */
export function focusedIn(doc: Document = document): Element | null {
  let active = doc.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

const names = new WeakMap<Element, string>();
let named = 0;
/** A name per element for `pressFor`'s states, numbered: two alike elements get different names. */
function nameOf(el: Element | null): string {
  if (!el) return 'nothing';
  if (!names.has(el)) {
    const part = el.getAttribute('part') ?? el.getAttribute('data-path');
    const text = el.textContent.trim().slice(0, 30);
    names.set(el, `<${el.localName}${el.id ? `#${el.id}` : ''}${part ? ` ${part}` : ''}> "${text}" (${++named})`);
  }
  return names.get(el)!;
}

/**
 * Presses Tab and expects the focus on `target`, through `pressFor`: a Tab
 * WebKitGTK's WebDriver lost is pressed again, a focus that went anywhere
 * else fails at once, naming where it went.
 */
export const tabTo = (target: Element, what: string): Promise<void> =>
  pressFor('Tab', () => nameOf(focusedIn(target.ownerDocument)), nameOf(target), what);

interface AxeWindow {
  axe?: {run(context: Document, options: object): Promise<{violations: {id: string; impact: string; nodes: {target: string[]}[]}[]}>};
}

/**
 * axe-core run inside a framed page itself, with every rule (WCAG and best
 * practices: landmarks, one h1, heading order), as `id (impact): targets`.
 */
export async function axeViolations(doc: Document): Promise<string[]> {
  const script = doc.createElement('script');
  script.src = '/node_modules/axe-core/axe.min.js';
  doc.head.append(script);
  await oneEvent(script, 'load');
  const {violations} = await (doc.defaultView as Window & AxeWindow).axe!.run(doc, {resultTypes: ['violations']});
  return violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

/** A name no other test or run uses: keeps server logs and caches apart. */
export const unique = (name: string) => `${name}-${Date.now()}-${Math.random().toString(36).slice(2, 7)}`;

/** What the fault server did with the /slow/ requests whose path holds `key`. */
export const slowLog = async (key: string): Promise<{seen: string[]; abandoned: string[]; served: string[]}> =>
  (await fetch(`/fault-log/${key}`)).json() as Promise<{seen: string[]; abandoned: string[]; served: string[]}>;

/** The contrast ratio of two computed colours (`rgb(…)`), as WCAG counts it. */
export function contrast(a: string, b: string): number {
  const luminance = (color: string) => {
    const [r, g, bl] = (color.match(/[\d.]+/g) ?? ['0', '0', '0']).slice(0, 3).map((v) => {
      const c = Number(v) / 255;
      return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r + 0.7152 * g + 0.0722 * bl;
  };
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (light + 0.05) / (dark + 0.05);
}

/**
 * The translator preview's highlights of texts still in English (part
 * `fallback` in the Danish card) whose outline is under 3:1 against the card
 * or against its own fill (WCAG 1.4.11), as `text: ratios`.
 */
export function faintHighlights(doc: Document): string[] {
  const root = doc.getElementById('target')!.shadowRoot!;
  const card = getComputedStyle(root.querySelector('[part~="card"]')!).backgroundColor;
  return [...root.querySelectorAll('[part~="fallback"]')].flatMap((el) => {
    const style = getComputedStyle(el);
    const fill = style.backgroundColor;
    const [onCard, onFill] = [contrast(style.outlineColor, card), contrast(style.outlineColor, fill)];
    return onCard < 3 || onFill < 3 || style.outlineStyle === 'none'
      ? [`${el.textContent.slice(0, 20)}: ${onCard.toFixed(2)}:1 against the card, ${onFill.toFixed(2)}:1 against the fill`]
      : [];
  });
}

/** Form fields of `doc` whose border is under 3:1 against the field or the page (WCAG 1.4.11), as `id: ratios`. */
export function faintFieldBorders(doc: Document): string[] {
  const page = getComputedStyle(doc.body).backgroundColor.startsWith('rgba(0, 0, 0, 0)')
    ? getComputedStyle(doc.documentElement).backgroundColor
    : getComputedStyle(doc.body).backgroundColor;
  return [...doc.querySelectorAll<HTMLElement>('input:not([type="radio"]):not([type="checkbox"]):not([type="file"]), select, textarea')]
    .filter((el) => el.getClientRects().length)
    .flatMap((el) => {
      const style = getComputedStyle(el);
      const [field, outside] = [contrast(style.borderTopColor, style.backgroundColor), contrast(style.borderTopColor, page)];
      return field < 3 || outside < 3
        ? [`${el.id || el.localName}: ${field.toFixed(2)}:1 against the field, ${outside.toFixed(2)}:1 against the page`]
        : [];
    });
}

/**
 * Pushes "Intl object" to `seen` each time the page makes an `Intl.DisplayNames`,
 * `NumberFormat`, `Collator` or `PluralRules` (the kinds the elements could
 * make), until the returned function puts the engine's own back. Subclasses on
 * `Intl`: the elements' code finds them there as it would the engine's.
 */
export function noteIntlObjects(seen: string[]): () => void {
  const kinds = ['DisplayNames', 'NumberFormat', 'Collator', 'PluralRules'] as const;
  const own = Object.fromEntries(kinds.map((kind) => [kind, Intl[kind]]));
  for (const kind of kinds) {
    const Kind = Intl[kind] as new (...args: unknown[]) => object;
    Object.assign(Intl, {
      [kind]: class extends Kind {
        constructor(...args: unknown[]) {
          seen.push('Intl object');
          super(...args);
        }
      },
    });
  }
  return () => Object.assign(Intl, own);
}

/** A click with the pointer (not `el.click()`, which the engines do not count as the reader's input) on `el`'s middle. */
export async function clickOn(el: Element): Promise<void> {
  const box = el.getBoundingClientRect();
  await sendMouse({type: 'click', position: [Math.round(box.left + box.width / 2), Math.round(box.top + box.height / 2)]});
}

/** Types `text` into a directory's search box; returns after the keystroke's update, before any frame (`search` waits for the whole list). */
export async function typed(el: PartnerDirectory, text: string): Promise<void> {
  const input = el.shadowRoot!.querySelector<HTMLInputElement>('[part="search"]')!;
  input.value = text;
  input.dispatchEvent(new Event('input'));
  while (el.isUpdatePending) await Promise.resolve();
}

/** Types `text` into a directory's search box and waits until its list is complete. */
export async function search(el: PartnerDirectory, text: string): Promise<void> {
  await typed(el, text);
  await el.updateComplete;
}

/**
 * Runs `work` with the test's page hidden, as a reader who switches tabs or minimises the window (see the
 * `page-visibility` command), and shows it again whatever happens. The window manager's answer comes after
 * the command's (WebKitGTK's minimised window): each state is waited for.
 */
export async function whileHidden(work: () => Promise<void>): Promise<void> {
  const visibility = (state: DocumentVisibilityState) =>
    waitUntil(() => document.visibilityState === state, `the page is ${state}`, {timeout: 5000});
  await executeServerCommand('page-visibility', {hidden: true});
  try {
    await visibility('hidden');
    await work();
  } finally {
    await executeServerCommand('page-visibility', {hidden: false});
    await visibility('visible');
  }
}
