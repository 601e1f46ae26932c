import {noChange, render, type PropertyValues} from 'lit';
import {clampLevel} from './card-templates.js';
import {directoryItems, directoryView, listKey} from './directory-templates.js';
import {countries, haystack, matcher, readCountries, withCountries, type CountryNames} from './directory-search.js';
import {afterPaint, nextTask} from './frames.js';
import {inLang} from './localization.js';
import {LoadError} from '../shared/load-error.js';
import {fetchJson, profilesFolder} from './profile-loader.js';
import {LogoPacer} from './logo-pacer.js';
import type {Lang, Profile} from '../shared/profile-types.js';
import {validateProfile} from '../shared/profile-validation.js';
import {PrerenderedElement} from './prerendered.js';
import {focusForNow, keepFocus} from './retry-focus.js';
import {safeUrl} from '../shared/safe-url.js';
import {linkRefused} from '../shared/link-rule.js';
import {untranslated} from '../shared/translation-coverage.js';
import {styles} from './partner-directory.styles.js';
import {version} from './version.js';

type View =
  | {status: 'loading'}
  /**
   * `folder`: what the entries' relative logo paths are relative to. While
   * `checking`, the index's first entries are checked and the rest are being
   * checked: the list's first screen is drawn from those (see `load`).
   */
  | {status: 'checking' | 'loaded'; entries: Profile[]; folder: URL}
  | {status: 'error'; kind: string};

/**
 * Everything the list shows that a keystroke must not recompute: one per
 * loaded index, language, link pattern and heading level.
 */
interface Prepared {
  entries: Profile[];
  lang: Lang;
  href?: string;
  level: number;
  /** How many entries were checked when it was prepared: a list whose checking went on is prepared again in place. */
  count: number;
  /** Per entry, its folded search text: made on the first search, not on the first render. */
  hay?: string[];
  countries: [string, string][];
}

/**
 * A list is drawn, and shown again after a search, a frame at a time past its
 * first screen, so that no frame is long and a keystroke is answered in the
 * next one. Per frame: at most this much script drawing items (their style
 * and layout follow in the same frame)…
 */
const DRAW_MS = 6;
const DRAW_PER_FRAME = 36;
/**
 * …or this many items shown again, whose layout is the frame's main cost
 * (about 0.1 ms each); an item hidden counts a quarter of one (taking its
 * boxes down, about 0.025 ms in Chromium).
 */
const SHOW_PER_FRAME = 120;
const HIDE_COST = 0.25;
/**
 * The promise: however slowly frames come, a list is complete this long after
 * its drawing (or a search's showing) started. A frame no longer does a larger
 * share because it came late: the frames came late because of the last one's
 * layout (about 0.2 ms an item in Chromium), so a larger share made the next
 * later still (300 items and 150 ms a frame). Instead, when frames come too
 * slowly for the share above to finish in time (WebKitGTK without a GPU; a
 * busy machine), each takes its part of what is left over the time left, and
 * what is left halfway is done at once. WebKitGTK spends about 2 ms of script
 * an item (Lit's templates; 1,000 are 2 s of script alone), so it completes
 * 1,000 in 2.2 to 2.5 s however they are spread: 2 s, the promise before,
 * could not hold there. How slowly frames come is the median of the last three
 * intervals between their starts: one frame held up (logos arriving, the
 * page's own work) made the next draw 130 items at once, and its layout held
 * that one up too; the shorter of two (the rule before) took every frame for
 * the quickest when they came unevenly, and the time the share itself took was
 * left out, so on a busy machine the list fell behind and 412 items were left
 * for the last frame.
 */
const COMPLETE_WITHIN = 3000;
const PACED_WITHIN = COMPLETE_WITHIN * 0.5;
/** Items drawn between two checks of whether the first screen is full. */
const BATCH = 12;
/**
 * After a search, at least this many matches count as a screenful (shown at
 * once). The list's own first screen is only what reaches below the window:
 * drawing 24 there at least put twice the items and their layout into the task
 * before the first frame (Chromium, 800×600: 12 fill it).
 */
const FIRST_SCREEN_MIN = 24;
/** A list this short is drawn at once: it fits in one frame, and frames would only make it later. */
const AT_ONCE = 100;

/** Script per task while the index is checked (see `load`). */
const SLICE_MS = 8;

/** The pause in typing after which the number of matches is announced: a screen reader is not interrupted at every key. */
const SPEAK_AFTER = 700;

/** Query parameters that keep the filter in the page URL (prefixed: the page owns the rest). */
const Q = 'partner-search';
const C = 'partner-country';

/**
 * A searchable list of every partner as compact cards, from one request for
 * `partners/index.json`. The cards are drawn in the directory's own shadow root
 * (not one `<partner-card>` element each): 1,000 elements with a shadow root,
 * a validation and an update cycle each cost twice the plain markup.
 *
 * @element partner-directory
 *
 * @attr {string} href - Where each card links to: a pattern in which `{id}` stands for the partner's id, such as `/partners/{id}.html`
 * @attr {string} base - Folder of `index.json` (and the profiles). Default: `partners/` next to this script.
 * @attr {string} lang - Language of the list and its cards. Default: the nearest `lang` around it, else English.
 * @attr {number} heading-level - Heading level of every card's name, 1–6 (default 2).
 * @attr {boolean} url-state - Keep the search and country filter in the page URL, so a filtered list can be shared.
 *
 * @fires {CustomEvent<{count: number}>} partner-directory-load - The list is complete (a long one is drawn a frame at a time); `detail.count` is the number of partners.
 * @fires {CustomEvent<{kind: string, message: string}>} partner-directory-error - The index could not be loaded.
 *
 * @csspart controls - The search box and country filter.
 * @csspart search - The search input.
 * @csspart country - The country select.
 * @csspart count - The status line: loading, the number of partners shown, or the error (a live region of its own announces it, once typing pauses).
 * @csspart list - The list (`ul`) of cards.
 * @csspart item - One list item.
 * @csspart card - A compact card: the same look, custom properties (`--partner-card-*`) and parts as a compact `<partner-card>`.
 * @csspart logo - A card's logo; until it is asked for (as its card comes near the window), an empty box of its size stands in.
 * @csspart name - A card's heading.
 * @csspart link - The link on the name that covers the card.
 * @csspart country - A card's country.
 * @csspart summary - A card's summary.
 * @csspart fallback - Text shown in English because the list's language is missing from the entry.
 * @csspart error - The status line and "Try again" when the list cannot be loaded.
 * @csspart retry - The "Try again" button.
 *
 * @cssprop [--partner-directory-min-column=17rem] - Narrowest column of the grid.
 * @cssprop [--partner-directory-gap=1rem] - Space between cards.
 */
export class PartnerDirectory extends PrerenderedElement {
  /** The release this script is, as `PartnerCard.version`. */
  static readonly version = version;
  static override styles = styles;
  static override properties = {
    href: {reflect: true},
    base: {reflect: true},
    headingLevel: {attribute: 'heading-level', type: Number, reflect: true},
    urlState: {attribute: 'url-state', type: Boolean, reflect: true},
    query: {attribute: false},
    country: {attribute: false},
    view: {state: true},
  };

  href?: string;
  base?: string;
  headingLevel = 2;
  urlState = false;
  /** The search text (also set from the URL with `url-state`). */
  query = '';
  /** The selected country code, or '' for all. */
  country = '';

  private view: View = {status: 'loading'};
  private controller?: AbortController;
  private prepared?: Prepared;
  /** Which entries pass the search and country filter, in index order. */
  private shown: boolean[] = [];
  /** The prepared list last drawn: the list is drawn once per `Prepared`. */
  private drawn?: Prepared;
  /** The index and language last warned about: a redraw for a new `href` or heading level says nothing new. */
  private warned?: [Profile[], Lang];

  /**
   * The list (`ul`) is the directory's own, not its template's, so that a
   * prerendered one stays where it is: moving 1,000 items into a new list
   * cost a full layout of them. Lit draws the controls before it.
   */
  private list?: HTMLElement;
  /** What the prerendered items the list still holds (not drawn by Lit) show, when it is what the live index would. */
  private kept?: Prepared;

  /** The drawing under way, a frame at a time (see `#step`): how to draw items, and the next entry to draw. */
  #drawing?: {entries: Profile[]; draw(from: number, to: number): DocumentFragment; next: number};
  /** The first item that may still wait to be shown or hidden after a search. */
  #pending = 0;
  /** Calls off the frame asked for. */
  #cancelFrame?: () => void;
  /** When the frame under way was asked for: the first frame's interval. */
  #askedAt = 0;
  /** When the last frame started, and the intervals between the last frames' starts (three at most): see `COMPLETE_WITHIN`. */
  #lastStart = 0;
  #periods: number[] = [];
  /** When the list must be complete by (`PACED_WITHIN`), set as it becomes busy. */
  #deadline = 0;
  /** Settles once the list is complete (`getUpdateComplete`). */
  #complete?: {promise: Promise<void>; resolve(): void};
  /** How many items filled the first screen when the list was first drawn: shown at once after a search. */
  #screenful = FIRST_SCREEN_MIN;

  override connectedCallback() {
    super.connectedCallback();
    addEventListener('hashchange', this.#toHash);
    addEventListener('beforeprint', this.#beforePrint);
    const root = this.renderRoot;
    if (!this.list) {
      this.list = root.querySelector('.list') ?? root.appendChild(Object.assign(document.createElement('ul'), {className: 'list'}));
      this.list.setAttribute('part', 'list');
      // Lit keeps its part on the node it draws before: a marker, since the list holds the items' own.
      this.list.before((this.renderOptions.renderBefore = new Comment()));
    }
    // One that left the page while its index was loaded or checked gave it up: it asks again.
    const {status} = this.view;
    if ((status === 'loading' || status === 'checking') && this.controller?.signal.aborted) void this.load();
    // One put back while its list was drawn goes on drawing, with the time to complete it counted from now.
    if (this.#complete) {
      this.#deadline = performance.now() + PACED_WITHIN;
      this.#periods = [];
      this.#schedule();
    }
    if (this.urlState) {
      const params = new URLSearchParams(location.search);
      this.query = params.get(Q) ?? '';
      this.country = params.get(C) ?? '';
    }
  }

  override disconnectedCallback() {
    super.disconnectedCallback();
    removeEventListener('hashchange', this.#toHash);
    removeEventListener('beforeprint', this.#beforePrint);
    clearTimeout(this.#pause);
    this.#spoken = undefined;
    // Out of the page, the list is not drawn on: a removed directory of 20,000 drew the rest into nothing for 9 s
    // (Chromium), the page's own work waiting. A move reconnects it at once (`connectedCallback`).
    this.#cancelFrame?.();
    // A directory moved elsewhere is disconnected and connected in one go: only one that stays out of the
    // page gives up its index (see `connectedCallback`).
    queueMicrotask(() => this.isConnected || this.controller?.abort());
  }

  protected override willUpdate(changed: PropertyValues) {
    super.willUpdate(changed);
    if (!this.hasUpdated || changed.has('base')) void this.load();
    const {view} = this;
    if (view.status === 'loading' || view.status === 'error') return;
    withCountries(this.#names, () => this.prepare(view.entries));
    const matches = this.query.trim() ? matcher(this.query) : undefined;
    const hay = matches && this.haystacks();
    this.shown = view.entries.map((entry, i) => (!this.country || entry.country === this.country) && (!hay || matches(hay[i])));
  }

  /** The entries' search texts; asked for when the search box gets focus, so typing finds them ready. */
  private haystacks(): string[] | undefined {
    const prepared = this.prepared;
    return prepared && (prepared.hay ??= withCountries(this.#names, () => prepared.entries.map((entry) => haystack(entry, prepared.lang))));
  }

  private prepare(entries: Profile[]): Prepared {
    const {currentLang: lang, href} = this;
    const level = clampLevel(this.headingLevel);
    const old = this.prepared;
    if (old?.entries === entries && old.lang === lang && old.href === href && old.level === level) {
      // The same list, longer: its checking went on after its first screen. The items drawn stay.
      if (old.count !== entries.length) Object.assign(old, {count: entries.length, countries: countries(entries, lang), hay: undefined});
      return old;
    }
    return (this.prepared = {entries, lang, href, level, count: entries.length, countries: countries(entries, lang)});
  }

  /** Loads the index again, past the HTTP cache (the error message's button does this). */
  async load(fresh = false) {
    this.controller?.abort();
    const controller = (this.controller = new AbortController());
    this.#checkNow = undefined;
    this.view = {status: 'loading'};
    this.#names = undefined;
    const folder = profilesFolder(this.base) ?? profilesFolder()!;
    try {
      // No Intl object is made while the request is in flight: the index names its countries (`readCountries`).
      const index = (await fetchJson(new URL('index.json', folder), controller.signal, undefined, fresh)) as {
        partners?: unknown;
        countries?: unknown;
      } | null;
      if (!Array.isArray(index?.partners)) throw new LoadError('invalid-profile', 'index.json has no "partners" list');
      const {partners} = index;
      const names = readCountries(index.countries);
      if (typeof names === 'string') console.warn(`<partner-directory>: index.json: ${names}`);
      else this.#names = names;
      const entries: Profile[] = [];
      let next = 0;
      /** Checks entries up to `end`, or until the clock passes `until`; true once all are checked. */
      const check = (end: number, until = Infinity) => {
        const from = next;
        for (; next < Math.min(end, partners.length); next++) {
          // The clock is read every 50 entries (about 0.5 ms of checking), so a slow clock cannot make a task of
          // each, and not before the first: each slice checks some, however late it starts.
          if (next > from && !(next % 50) && performance.now() > until) return false;
          try {
            entries.push(validateProfile(partners[next]).profile);
          } catch (error) {
            console.warn(`<partner-directory>: left out partners[${next}]: ${(error as Error).message}`);
          }
        }
        return next >= partners.length;
      };
      // A newer load (another base, "Try again") replaces this one: its index is no longer the page's.
      const goOn = (after = nextTask) => after().then(() => !controller.signal.aborted);
      // A long list's first screen is drawn from its first 50 entries, in a task of its own, and the rest is
      // checked once it is painted: checking 1,000 took 50 ms before the first card (Chromium, traced), most
      // of it the checking code's first runs. A prerendered list is its own first screen.
      const early = !this.prerendered && partners.length > AT_ONCE;
      if (early) check(50);
      if (early && entries.length) {
        if (!(await goOn())) return;
        this.view = {status: 'checking', entries, folder};
        // A page about to be printed cannot wait for the rest: it is checked at once (see `#beforePrint`).
        this.#checkNow = () => {
          check(Infinity);
          this.view = {status: 'loaded', entries, folder};
        };
        if (!(await goOn(afterPaint))) return;
      }
      // The rest in slices, each a task, so frames are drawn between them: 1,000 at once held one frame for tens of ms.
      while (!check(Infinity, performance.now() + SLICE_MS)) if (!(await goOn())) return;
      this.#checkNow = undefined;
      // The list's first screen (or the rest of the list, after a first screen drawn early) in a task after the checking's.
      await nextTask();
      if (controller.signal.aborted) return;
      // The same array as while checking: the items drawn from its first part stay.
      this.view = {status: 'loaded', entries, folder};
      await this.updateComplete;
      if (controller !== this.controller) return;
      this.emit('partner-directory-load', {count: entries.length});
      this.#toHash();
    } catch (error) {
      if (controller.signal.aborted) return;
      const {kind = 'network', message} = error as Partial<LoadError>;
      // A prerendered list stays: it is complete, only not searchable.
      if (this.prerendered) {
        console.warn(`<partner-directory>: ${kind}: ${message}; the prerendered content stays`);
        return;
      }
      console.warn(`<partner-directory>: ${kind}: ${message}`);
      this.view = {status: 'error', kind};
      this.emit('partner-directory-error', {kind, message});
    }
  }

  private emit(type: string, detail: unknown) {
    this.dispatchEvent(new CustomEvent(type, {detail, bubbles: true, composed: true}));
  }

  /** While a search is typed: what the live region said before it, kept until typing pauses. */
  #spoken?: string;
  #pause?: ReturnType<typeof setTimeout>;

  private filter(query: string, country: string) {
    this.#spoken ??= this.renderRoot.querySelector('[role="status"]')?.textContent ?? '';
    clearTimeout(this.#pause);
    this.#pause = setTimeout(() => {
      this.#spoken = undefined;
      this.requestUpdate();
    }, SPEAK_AFTER);
    this.query = query;
    this.country = country;
    if (!this.urlState) return;
    const url = new URL(location.href);
    for (const [key, value] of [
      [Q, query],
      [C, country],
    ]) {
      if (value) url.searchParams.set(key, value);
      else url.searchParams.delete(key);
    }
    history.replaceState(history.state, '', url);
  }

  protected override render() {
    if (this.keeping) return noChange;
    const {view, currentLang: lang, prepared} = this;
    const loaded = view.status === 'loaded' && prepared;
    return inLang(lang, () =>
      directoryView({
        lang,
        // While the rest is checked, the status line says the list is loading: its count would change under the reader.
        status: view.status === 'checking' ? 'loading' : view.status,
        query: this.query,
        country: this.country,
        countries: loaded ? prepared.countries : [],
        shown: this.shown.filter(Boolean).length,
        total: this.shown.length,
        spoken: this.#spoken,
        on: this.handlers,
      }),
    );
  }

  /** The controls' handlers, made once. */
  private handlers = {
    focus: () => this.haystacks(),
    filter: () => {
      this.filter(...this.controls());
    },
    retry: () => {
      this.retry();
    },
  };

  /** What the search box and the country filter say, drawn or prerendered. */
  private controls(root = this.renderRoot): [string, string] {
    return ['search', 'country'].map((part) => root.querySelector<HTMLInputElement>(`[part="${part}"]`)!.value) as [string, string];
  }

  /**
   * A prerendered list stays until the live index is in (or for good, when it
   * cannot be loaded). Then the controls and the status line are drawn anew,
   * with their handlers, before the prerendered list, which stays in place
   * with its items when they show what the live index would (the same
   * `listKey`); otherwise it is drawn afresh. What the reader typed or picked
   * in the prerendered controls is kept.
   */
  protected keepPrerendered() {
    return this.view.status !== 'loaded';
  }

  protected override clearPrerendered(root: ShadowRoot) {
    const typed = this.controls(root);
    // After this update: a property set while it runs is not drawn.
    if (typed.join(''))
      void this.updateComplete.then(() => {
        this.filter(...typed);
      });
    // The fingerprint (a pass over all entries) is worked out only here, once; stale items go at once.
    if (this.list!.dataset.key === listKey(this.prepared!)) this.kept = this.prepared;
    else this.list!.replaceChildren();
    for (const node of this.prerenderedNodes) if (node !== this.list) node.remove();
  }

  /** "Try again": loads the index past the HTTP cache. */
  private retry() {
    this.holdFocus = !!this.shadowRoot?.activeElement;
    void this.load(true);
  }

  /** True while a retry started from the focused "Try again" is under way (see `keepFocus`). */
  private holdFocus = false;

  /**
   * The cards are drawn into the list apart from the main template, once per
   * loaded index, language, link pattern and heading level; a keystroke only
   * flips `hidden` on the items that change. Re-evaluating 1,000 card
   * templates per keystroke took three frames.
   */
  protected override updated() {
    // During a retry the focus waits on the status line ("Loading partners…", then the count).
    if (this.holdFocus)
      this.holdFocus = keepFocus(this, '[part="count"]') && (this.view.status === 'loading' || this.view.status === 'checking');
    const {view, prepared} = this;
    const list = this.list!;
    list.hidden = view.status === 'error';
    if (view.status === 'loading' || view.status === 'error' || !prepared) {
      this.#drawing = undefined;
      this.#pending = Infinity;
      this.#schedule();
      list.setAttribute('aria-busy', String(view.status === 'loading'));
      return;
    }
    if (this.drawn !== prepared) {
      this.drawn = prepared;
      if (this.kept !== prepared) {
        // Kept items are no template's: a redraw (another language, say) starts from an empty list.
        this.kept = undefined;
        // Logos of the old items still on their way are no longer counted against the new ones'.
        this.#logos.stop();
        this.#logos = new LogoPacer();
        list.replaceChildren();
        this.#startFilling(prepared, view.folder);
      }
    }
    this.#showFirstScreen();
    if (view.status === 'checking') {
      // The rest of the list waits for the rest of the index: it is not complete, and no frame is asked for yet.
      list.setAttribute('aria-busy', 'true');
      return;
    }
    this.warnUntranslated(prepared);
    this.#schedule();
  }

  #logos = new LogoPacer();
  /** The index's country names (see `readCountries`). */
  #names?: CountryNames;
  /** While the index's first screen is shown and the rest is being checked: checks the rest at once. */
  #checkNow?: () => void;
  #beforePrint = () => {
    if (this.#checkNow) {
      this.#checkNow();
      this.#checkNow = undefined;
      this.performUpdate();
    }
    // A list still being drawn (or shown again after a search) is printed whole: the rest at once, as when its time is up.
    if (this.#busy()) {
      this.#cancelFrame?.();
      this.#deadline = 0;
      this.#step();
    }
    this.#logos.putInShown();
  };

  /** The list's items are drawn from now on, a frame at a time after the first screen. */
  #startFilling(prepared: Prepared, folder: URL) {
    const ctx = {lang: prepared.lang, level: prepared.level, assetBase: folder};
    // The link rule is asked once per drawing, not once per partner.
    const pattern = this.href && !linkRefused(this.href) ? this.href : undefined;
    const link = (id: string) => pattern && safeUrl(pattern.replace('{id}', encodeURIComponent(id)), document.baseURI)?.href;
    const {entries} = prepared;
    const names = this.#names;
    const drawing = (this.#drawing = {
      entries,
      next: 0,
      draw: (from: number, to: number) => {
        const fragment = document.createDocumentFragment();
        render(
          withCountries(names, () => inLang(prepared.lang, () => directoryItems(entries.slice(from, to), ctx, link))),
          fragment,
        );
        [...(fragment.children as HTMLCollectionOf<HTMLElement>)].forEach((item, i) => (item.hidden = !this.shown[from + i]));
        this.#logos.hold(fragment);
        return fragment;
      },
    });
    // The first screen at once: batches until the list reaches below the window
    // (a list that is not displayed has no box: its first screen is the least one).
    const below = () => !this.list!.getClientRects().length || this.list!.getBoundingClientRect().bottom > innerHeight;
    // (While the index is checked, its first part is not the whole list however short.)
    const atOnce = this.view.status === 'loaded' && entries.length <= AT_ONCE;
    while (drawing.next < entries.length && (atOnce || !below())) this.#drawBatch();
    this.#screenful = Math.max(FIRST_SCREEN_MIN, drawing.next);
  }

  /** Draws the next few items; returns how many. */
  #drawBatch() {
    const drawing = this.#drawing!;
    const from = drawing.next;
    drawing.next = Math.min(from + BATCH, drawing.entries.length);
    this.list!.append(drawing.draw(from, drawing.next));
    return drawing.next - from;
  }

  /**
   * After a search: the items from the top until a screenful of matches
   * (counting those already shown) is shown are shown or hidden at once; the
   * rest, below the window, a frame at a time. Hiding 950 of 1,000 cards at
   * once held Chromium's frame 20 ms taking their boxes down. When fewer
   * match than a screenful, every item is hidden or shown at once: the
   * list's content hidden in one go instead (`content-visibility`) cost
   * Firefox three times as much (tools/dev/performance-notes.md).
   */
  #showFirstScreen() {
    const items = this.list!.children as HTMLCollectionOf<HTMLElement>;
    this.#pending = Infinity;
    let visible = 0;
    for (let i = 0; i < items.length; i++) {
      if (visible >= this.#screenful) {
        this.#pending = i;
        return;
      }
      const hide = !this.shown[i];
      if (items[i].hidden !== hide) items[i].hidden = hide;
      if (!hide) visible++;
    }
  }

  /** Whether items are left to draw, or to show or hide after a search. */
  #busy() {
    const items = this.list!.children as HTMLCollectionOf<HTMLElement>;
    while (this.#pending < items.length && items[this.#pending].hidden === !this.shown[this.#pending]) this.#pending++;
    return (this.#drawing && this.#drawing.next < this.#drawing.entries.length) || this.#pending < items.length;
  }

  /**
   * Asks for the next frame while items are left, else marks the list
   * complete. A page that is hidden draws no frames: a timer stands in, and
   * the step then does the rest at once.
   */
  #schedule() {
    const busy = this.#busy();
    this.list!.setAttribute('aria-busy', String(busy));
    if (busy) {
      const now = performance.now();
      if (!this.#complete) {
        let resolve!: () => void;
        this.#complete = {promise: new Promise<void>((r) => (resolve = r)), resolve};
        this.#deadline = now + PACED_WITHIN;
        this.#periods = [];
      }
      if (this.#cancelFrame || !this.isConnected) return;
      this.#askedAt = now;
      const run = () => {
        this.#cancelFrame!();
        this.#step();
      };
      const frame = requestAnimationFrame(run);
      const timer = setTimeout(run, 250);
      this.#cancelFrame = () => {
        cancelAnimationFrame(frame);
        clearTimeout(timer);
        this.#cancelFrame = undefined;
      };
      return;
    }
    this.#cancelFrame?.();
    this.#drawing = undefined;
    this.#complete?.resolve();
    this.#complete = undefined;
  }

  /**
   * One frame's share: items drawn or shown again within the frame's budget,
   * or, when more, what is left spread evenly over the frames to come before
   * `PACED_WITHIN` is up at their usual interval; all of it in a hidden page,
   * or once that time is up.
   */
  #step() {
    const start = performance.now();
    const items = this.list!.children as HTMLCollectionOf<HTMLElement>;
    const drawing = this.#drawing;
    // At most what is left: items not drawn yet, and those past the first that may wait to be shown or hidden.
    const left = (drawing ? drawing.entries.length - drawing.next : 0) + Math.max(items.length - this.#pending, 0);
    const periods = this.#periods;
    periods.push(start - (periods.length ? this.#lastStart : this.#askedAt));
    if (periods.length > 3) periods.shift();
    this.#lastStart = start;
    // The lower median: of two, the shorter, so that one frame held up is ignored from the second frame on.
    const period = [...periods].sort((a, b) => a - b)[(periods.length - 1) >> 1];
    const due =
      document.visibilityState === 'hidden' || start >= this.#deadline ? Infinity : (left * period) / (this.#deadline - start + period);
    let changed = 0;
    let cost = 0;
    let drawn = 0;
    // At least one batch a step: on a busy machine the budget may be gone before the first check.
    while (
      this.#busy() &&
      (changed + drawn < due ||
        !(changed + drawn) ||
        (performance.now() - start < DRAW_MS && cost < SHOW_PER_FRAME && drawn < DRAW_PER_FRAME))
    ) {
      if (this.#pending < items.length) {
        const hide = !this.shown[this.#pending];
        items[this.#pending].hidden = hide;
        changed++;
        cost += hide ? HIDE_COST : 1;
      } else drawn += this.#drawBatch();
    }
    this.#schedule();
  }

  /**
   * A link to the page with `#<partner id>` scrolls to that partner's card,
   * once the list is complete and whenever the address's hash changes: the
   * browser's own scrolling to an id does not look into shadow roots.
   */
  #toHash = () => {
    let id: string;
    try {
      id = decodeURIComponent(location.hash.slice(1));
    } catch {
      return; // Not percent-encoding (`#%E0%A4%A`): no partner's id, and no reason to fail the list.
    }
    const item = id && (this.renderRoot as ShadowRoot).getElementById(id);
    if (!item || item.hidden) return;
    item.scrollIntoView();
    // Scrolling moves the view, not where Tab starts from; a native fragment
    // moves both. Focusing the card does (its ring is the card's own, as
    // after "Try again"), unless the reader is typing.
    const card = item.firstElementChild as HTMLElement;
    if (typing()) return;
    focusForNow(card, {preventScroll: true});
  };

  /** Also waits until the list is complete: every item drawn, and shown when it matches the search. */
  protected override async getUpdateComplete(): Promise<boolean> {
    const result = await super.getUpdateComplete();
    await this.#complete?.promise;
    return result;
  }

  /** Once per index and language: which partners show English where the list's language is missing (part `fallback`). */
  private warnUntranslated({entries, lang}: Prepared) {
    if (lang === 'en' || (this.warned?.[0] === entries && this.warned[1] === lang)) return;
    this.warned = [entries, lang];
    const ids = entries.filter((entry) => untranslated(entry, lang).length).map((entry) => entry.id);
    if (ids.length) {
      console.warn(
        `<partner-directory>: translation-missing (${lang}): ${ids.length} partner(s) partly in English: ${ids.slice(0, 10).join(', ')}${ids.length > 10 ? ', …' : ''}`,
      );
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'partner-directory': PartnerDirectory;
  }
}

/** Whether the focus, looked for through shadow roots, is in a field the reader types or chooses in. */
function typing(): boolean {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return !!active && (/^(input|textarea|select)$/.test(active.localName) || (active as HTMLElement).isContentEditable);
}
