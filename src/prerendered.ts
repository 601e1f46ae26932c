import type {PropertyValues} from 'lit';
import {LangAwareElement} from './lang-aware-element.js';

/**
 * Taking over content that `npm run prerender` wrote into the page as
 * declarative shadow DOM, with Lit's public API only. Lit would draw its
 * template beside it (two cards), so an element upgraded over a prerendered
 * shadow root draws after the prerendered nodes, and draws nothing (its
 * `render()` answers `noChange` while `keeping`) as long as
 * `keepPrerendered()` says so (the live data is loading, or shows the same);
 * then the prerendered nodes go in one go, the focus going back where it was.
 */
export abstract class PrerenderedElement extends LangAwareElement {
  /** True while the shadow root shows what was prerendered, not what Lit drew. */
  protected prerendered = false;

  /** True during an update that keeps the prerendered content: `render()` must answer `noChange`. */
  protected keeping = false;

  /** The nodes that were prerendered, as the page gave them. */
  protected prerenderedNodes: ChildNode[] = [];

  /** Whether the prerendered content must stay as it is for this update. */
  protected abstract keepPrerendered(): boolean;

  /** Takes the prerendered nodes away before Lit draws: all of them, unless an element keeps some. */
  protected clearPrerendered(_root: ShadowRoot) {
    for (const node of this.prerenderedNodes) node.remove();
  }

  override connectedCallback() {
    // Before the first connection only a declarative shadow root exists: Lit attaches its own later.
    if (!this.hasUpdated && this.shadowRoot && !this.prerendered) {
      this.prerendered = true;
      this.prerenderedNodes = [...this.shadowRoot.childNodes];
    }
    super.connectedCallback();
    if (this.prerendered) {
      // Lit has now adopted the same rules as a constructed stylesheet: the inline copy can go unseen.
      this.shadowRoot!.querySelector('style')?.remove();
      // Lit aimed its drawing before the root's first child, a prerendered node: it draws after them instead.
      if (!this.hasUpdated) this.renderOptions.renderBefore = null;
    }
  }

  protected override update(changed: PropertyValues) {
    if (!this.prerendered) {
      super.update(changed);
      return;
    }
    if (this.keepPrerendered()) {
      // Lit's own update (reflected attributes, its place in the root), drawing nothing.
      this.keeping = true;
      try {
        super.update(changed);
        return;
      } finally {
        this.keeping = false;
      }
    }
    const root = this.renderRoot as ShadowRoot;
    const focus = focusPath(root);
    this.clearPrerendered(root);
    this.prerendered = false;
    super.update(changed);
    restoreFocus(root, focus);
  }
}

/**
 * Markup as a reader meets it: without comments (Lit's markers), and with
 * this page's own origin cut from URLs, so a
 * prerendered `/embed/x.svg` and a drawn `https://site/embed/x.svg` agree.
 */
export const sameMarkup = (html: string) => html.replace(/<!--[^]*?-->/g, '').replaceAll(`="${location.origin}/`, '="/');

/** Where the focus is in `root`, as element-child indexes (none: no focus), to find the same place after a redraw. */
export function focusPath(root: ShadowRoot): number[] {
  const path: number[] = [];
  // An element at the top of the shadow root has no parent element: the walk ends there.
  for (let el = root.activeElement; el; el = el.parentElement) path.unshift([...el.parentNode!.children].indexOf(el));
  return path;
}

export function restoreFocus(root: ShadowRoot, path: number[]) {
  let el: {children?: HTMLCollection; focus?: () => void} | undefined = root;
  // An index past the end (the drawing changed) gives undefined, and the walk stops.
  for (const i of path) el = el?.children?.[i];
  el?.focus?.();
}
