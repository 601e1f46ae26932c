import {noChange, render, type PropertyValues} from 'lit';
import {clampLevel, errorCard, loadedCard, loadingCard, shadowContent, statusText, type Variant} from './card-templates.js';
import {intlReady, prepareCountryNames} from './format.js';
import {afterPaint} from './frames.js';
import {inLang} from './localization.js';
import {LoadError, type ErrorKind} from '../shared/load-error.js';
import {DEFAULT_TIMEOUT, loadProfile, profilesFolder} from './profile-loader.js';
import type {Lang, Profile} from '../shared/profile-types.js';
import {isPartnerId, validateProfile} from '../shared/profile-validation.js';
import {PrerenderedElement, sameMarkup} from './prerendered.js';
import {keepFocus} from './retry-focus.js';
import {linkRefused} from '../shared/link-rule.js';
import {untranslated} from '../shared/translation-coverage.js';
import {styles} from './partner-card.styles.js';
import {version} from './version.js';

/**
 * How long the card waits for a frame before it makes the page's first Intl
 * object anyway (see `#show`): long enough for a busy engine's frame, short
 * for a hidden page, which draws none.
 */
const FRAME_WAIT = 1000;

/** How the card's warnings say that a link was refused (shared/link-rule.ts). */
const REFUSED = 'is refused: not a safe http(s) link';

/** Detail of `partner-card-error`. */
export interface PartnerCardErrorDetail {
  kind: ErrorKind;
  /** For developers, in English: what went wrong and where. The card shows a localised text. */
  message: string;
}

type View = {status: 'loading'} | {status: 'loaded'; profile: Profile; assetBase: URL} | {status: 'error'; kind: ErrorKind};

/**
 * A partner organisation's profile card, loaded by id and shown in English or
 * Danish.
 *
 * @element partner-card
 *
 * @attr {string} partner - Profile id: lower-case letters, digits and single hyphens, at most 64 characters.
 * @attr {string} base - Folder the profiles live in, resolved against the page. Default: `partners/` next to this script.
 * @attr {string} lang - Language of the card (`en`, `da`, `da-DK`…). Default: the nearest `lang` around the card, else English.
 * @attr {"full" | "compact"} variant - `full` (default): the whole profile. `compact`: logo, name, country and summary, for lists.
 * @attr {number} heading-level - Heading level of the partner's name, 1–6 (default 2). Section headings are one level below, organisation names two; none goes below 6, so from 5 on the levels run together (at 6 every heading of the card is level 6): use 1–4 to keep the structure.
 * @attr {string} href - Compact variant: where the card links to; the whole card becomes one link.
 * @attr {string} back-href - Full variant: adds a "Back to partners" link to this URL at the end.
 * @attr {number} timeout - Milliseconds to wait for the profile before showing a network error (default 10000).
 *
 * @fires {CustomEvent<Profile>} partner-card-load - The profile is shown; `detail` is the validated profile.
 * @fires {CustomEvent<PartnerCardErrorDetail>} partner-card-error - The profile cannot be shown; `detail.kind` is `invalid-id`, `not-found`, `network` or `invalid-profile`.
 *
 * @csspart card - The card's box, in every state (also `loading` or `error`).
 * @csspart loading - The placeholder while the profile loads.
 * @csspart error - The error message box.
 * @csspart error-message - The sentence that says what went wrong.
 * @csspart retry - The "Try again" button after a network error.
 * @csspart header - Logo, name and meta line of the full card.
 * @csspart logo - The partner's logo.
 * @csspart name - The partner's name (a heading).
 * @csspart link - Compact variant with `href`: the link on the name that covers the card.
 * @csspart short-name - The partner's short name.
 * @csspart country - The country's name.
 * @csspart website - A link to a website.
 * @csspart summary - The one-paragraph summary.
 * @csspart description - The description's paragraphs.
 * @csspart facts - A list of key figures (`dl`).
 * @csspart fact - One key figure (label and value).
 * @csspart organisations - The list of member organisations.
 * @csspart organisation - One member organisation.
 * @csspart organisation-name - A member organisation's name.
 * @csspart back-link - The "Back to partners" link.
 * @csspart fallback - Text shown in English because the card's language is missing from the profile.
 *
 * @cssprop [--partner-card-background=light-dark(#fff, #1b2129)] - Card background; light or dark follows the card's `color-scheme`.
 * @cssprop [--partner-card-color=light-dark(#1c2430, #e8edf3)] - Text colour.
 * @cssprop [--partner-card-muted-color] - Secondary text: country, labels (default: text colour mixed 70% into the background).
 * @cssprop [--partner-card-accent-color=light-dark(#0b63b6, #7cbcff)] - Links, focus ring and the button.
 * @cssprop [--partner-card-border-color] - Borders and separators (default: text colour, 16%).
 * @cssprop [--partner-card-figure-background] - Background of each key figure and of the placeholder's bars (default: text colour, 5% for figures, 14% for bars).
 * @cssprop [--partner-card-error-color=#c4302b] - The error box's accent.
 * @cssprop [--partner-card-radius=12px] - Corner radius.
 * @cssprop [--partner-card-padding=1.25rem] - Inner spacing.
 * @cssprop [--partner-card-shadow] - The card's shadow; `none` for a flat card.
 * @cssprop [--partner-card-logo-height=3.5rem] - Height of the logo in the full variant.
 * @cssprop [--partner-card-min-height=auto] - Space to reserve, e.g. for a full card whose height you know.
 */
export class PartnerCard extends PrerenderedElement {
  /** The release this script is (`customElements.get('partner-card').version`): what support asks a partner for. */
  static readonly version = version;
  static override styles = styles;

  // Declared without decorators: the static map is smaller in the bundle.
  static override properties = {
    partner: {reflect: true},
    base: {reflect: true},
    variant: {reflect: true},
    headingLevel: {attribute: 'heading-level', type: Number, reflect: true},
    href: {reflect: true},
    backHref: {attribute: 'back-href', reflect: true},
    timeout: {type: Number},
    profile: {attribute: false},
    view: {state: true},
  };

  /** Profile id, e.g. `region-southern-denmark`. */
  partner = '';
  /** Folder URL of the profiles. */
  base?: string;
  variant: Variant = 'full';
  headingLevel = 2;
  href?: string;
  backHref?: string;
  timeout = DEFAULT_TIMEOUT;
  /** A profile object to show instead of fetching one by `partner`. */
  profile?: unknown;

  private view: View = {status: 'loading'};
  #controller?: AbortController;
  /** `href` and `back-href` after the URL check, worked out once per change, not per render. */
  #links: {href?: string; backHref?: string} = {};

  /** The language the card is shown in, after normalising (`en` or `da`). */
  get resolvedLang(): Lang {
    return this.currentLang;
  }

  /**
   * JSON paths of the profile texts shown in English because the card's
   * language is missing, e.g. `["$.summary", "$.facts[2].label"]`; empty in
   * English or when all is translated. For translators' previews.
   */
  get untranslated(): string[] {
    return this.#missing;
  }

  #missing: string[] = [];
  /** What this card has already warned about: language and missing paths. */
  #warned = new Set<string>();

  override connectedCallback() {
    super.connectedCallback();
    // A card that left the page while loading gave up its request: ask again.
    if (this.view.status === 'loading' && this.#controller?.signal.aborted) void this.load();
  }

  override disconnectedCallback() {
    super.disconnectedCallback();
    // A card moved elsewhere is disconnected and connected in one go: only a
    // card that stays out of the page gives up its request.
    queueMicrotask(() => this.isConnected || this.#controller?.abort());
  }

  protected override willUpdate(changed: PropertyValues) {
    super.willUpdate(changed);
    if (changed.has('href')) this.#links.href = this.#checkedUrl(this.href, 'href');
    if (changed.has('backHref')) this.#links.backHref = this.#checkedUrl(this.backHref, 'back-href');
    if (changed.has('partner') || changed.has('base') || changed.has('profile')) void this.load();
    if (changed.has('view') || changed.has('currentLang')) this.#checkTranslation();
  }

  /** Notes the texts shown in English instead of the card's language, and says so once. */
  #checkTranslation() {
    const {view, currentLang: lang} = this;
    this.#missing = view.status === 'loaded' ? untranslated(view.profile, lang).map((text) => text.path) : [];
    const key = lang + String(this.#missing);
    if (this.#missing.length && !this.#warned.has(key)) {
      this.#warned.add(key);
      this.#warn(`translation-missing (${lang}): ${this.#missing.join(', ')}`);
    }
  }

  /** Loads the profile again, e.g. after a network error (the "Try again" button does this). */
  retry() {
    this.#holdFocus = !!this.shadowRoot?.activeElement;
    void this.load(true);
  }

  /** True while a retry started from the focused "Try again" is under way (see `keepFocus`). */
  #holdFocus = false;

  protected override updated() {
    if (this.#holdFocus) this.#holdFocus = keepFocus(this, '[part~="card"]') && this.view.status === 'loading';
  }

  /** The one place that decides where the profile comes from and what state follows. */
  private async load(fresh = false) {
    this.#controller?.abort();
    const controller = (this.#controller = new AbortController());
    this.view = {status: 'loading'};
    try {
      if (this.profile !== undefined) {
        const {profile, dropped} = validateProfile(this.profile);
        this.#show(profile, new URL(document.baseURI), dropped);
        return;
      }
      if (!isPartnerId(this.partner)) {
        throw new LoadError('invalid-id', this.partner ? 'not a partner id' : 'no partner attribute');
      }
      const url = new URL(`${this.partner}.json`, this.#folder());
      const request = loadProfile(url, this.partner, controller.signal, this.timeout > 0 ? this.timeout : undefined, fresh);
      // While the request is out, in a task after the placeholder's frame (see prepareCountryNames). Not when
      // the response is in already (preloaded, say): the card is drawn first, its Intl texts after (see #show).
      void afterPaint(FRAME_WAIT).then(() => {
        if (!performance.getEntriesByName(url.href).length) prepareCountryNames(this.currentLang);
      });
      const {profile, dropped} = await request;
      if (!controller.signal.aborted) this.#show(profile, url, dropped);
    } catch (error) {
      if (controller.signal.aborted) return;
      // Anything else thrown here is a bug in a profile we did not foresee: still an error state.
      this.#fail(error instanceof LoadError ? error.kind : 'invalid-profile', (error as Error).message);
    }
  }

  /** The profiles' folder; a refused `base` falls back to the default, with a warning. */
  #folder(): URL {
    const folder = profilesFolder(this.base);
    if (folder) return folder;
    this.#warn(`base "${this.base}" ${REFUSED}; using the default`);
    return profilesFolder()!;
  }

  #show(profile: Profile, assetBase: URL, dropped: string[]) {
    if (dropped.length) this.#warn(`left out ${dropped.join(', ')}`);
    this.view = {status: 'loaded', profile, assetBase};
    // A profile that came before the page's first Intl object (preloaded, say) is painted without
    // its country and figures first: that object takes tens of ms. A prerendered card shows them already.
    if (!intlReady() && !this.prerendered)
      this.#intl ??= afterPaint(FRAME_WAIT).then(() => {
        prepareCountryNames(this.currentLang);
        this.#intl = undefined;
        this.requestUpdate();
      });
    void this.#emitAfterRender('partner-card-load', profile);
  }

  #fail(kind: ErrorKind, message: string) {
    // Good content on the page beats an error box over it: the project site may be down for good.
    if (this.prerendered) {
      // A prerendered card whose profile is gone: the page keeps it, and its editor learns why.
      const causes = kind === 'not-found' ? ' (wrong id or base, or partner removed)' : '';
      this.#warn(`${kind}: ${message}${causes}; the prerendered content stays`);
      return;
    }
    this.#warn(`${kind}: ${message}`);
    this.view = {status: 'error', kind};
    void this.#emitAfterRender('partner-card-error', {kind, message} satisfies PartnerCardErrorDetail);
  }

  /** Listeners see the card as it now looks; an event for a load that was since replaced is dropped. */
  async #emitAfterRender(type: string, detail: unknown) {
    const controller = this.#controller;
    await this.updateComplete;
    if (controller !== this.#controller) return;
    this.dispatchEvent(new CustomEvent(type, {detail, bubbles: true, composed: true}));
  }

  #warn(problem: string) {
    console.warn(`<partner-card ${this.profile ? 'profile' : `partner="${this.partner}"`}>: ${problem}`);
  }

  /** The link as written, once the link rule allows it: the page resolves it as the prerenderer leaves it. */
  #checkedUrl(value: string | undefined, name: string): string | undefined {
    if (!value?.trim()) return undefined;
    if (!linkRefused(value)) return value.trim();
    this.#warn(`${name} "${value}" ${REFUSED}; left out`);
    return undefined;
  }

  /**
   * A prerendered card stays while the live profile loads (or failed), and
   * for good when it shows the same: Lit draws the live one into a detached
   * element to compare. Only a real change replaces the prerendered nodes.
   */
  protected keepPrerendered(): boolean {
    if (this.view.status !== 'loaded') return true;
    const fresh = document.createElement('div');
    // (A loaded card has no event listeners: no render options needed.)
    render(this.render(), fresh);
    return sameMarkup(fresh.innerHTML) === sameMarkup((this.renderRoot as ShadowRoot).innerHTML);
  }

  /** Set while a card drawn without its Intl texts waits for them (see `#show`). */
  #intl?: Promise<void>;

  /** Resolves once the card is drawn whole, its countries and figures in. */
  protected override async getUpdateComplete(): Promise<boolean> {
    // The update asked for may be the one that leaves them for later.
    await super.getUpdateComplete();
    await this.#intl;
    return super.getUpdateComplete();
  }

  protected override render() {
    if (this.keeping) return noChange;
    const {view, currentLang: lang} = this;
    const variant: Variant = this.variant === 'compact' ? 'compact' : 'full';
    return inLang(lang, () => {
      const kind = view.status === 'error' ? view.kind : 'network';
      // One live region for the card's life, before the box: only its text changes.
      return shadowContent(statusText(view.status, kind, this.partner), this.#box(view, lang, variant));
    });
  }

  #box(view: View, lang: Lang, variant: Variant) {
    if (view.status === 'loading') return loadingCard(variant, lang);
    if (view.status === 'error')
      return errorCard(view.kind, this.partner, lang, () => {
        this.retry();
      });
    return loadedCard(view.profile, variant, {
      lang,
      level: clampLevel(this.headingLevel),
      assetBase: view.assetBase,
      intlLater: !!this.#intl,
      ...this.#links,
    });
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'partner-card': PartnerCard;
  }
  interface GlobalEventHandlersEventMap {
    'partner-card-load': CustomEvent<Profile>;
    'partner-card-error': CustomEvent<PartnerCardErrorDetail>;
  }
}
