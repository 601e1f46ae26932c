import {allLocales, sourceLocale} from './generated/locale-codes.js';
import type {Lang} from '../shared/profile-types.js';

/**
 * Which language a card speaks, and noticing when that changes.
 *
 * Each card resolves its own language, so a Danish and an English card can sit
 * on one page: its own `lang`, else the nearest ancestor's `lang` (shadow roots
 * are crossed to their hosts, as `lang` inheritance does in the flat tree of a
 * page built from components), else English.
 */

/** `da-DK`, `DA`, `da_DK` → `da`; anything the card is not translated into → `en`. */
export function normaliseLang(tag: string | null | undefined): Lang {
  const primary = (tag ?? '').trim().toLowerCase().split(/[-_]/)[0];
  return (allLocales as readonly string[]).includes(primary) ? (primary as Lang) : sourceLocale;
}

/**
 * The `lang` in force at `el`: `own` (its own, passed in because a property
 * set a moment ago is not reflected to the attribute yet), else an
 * ancestor's across shadow roots, else `<html lang>`.
 */
export function resolveLang(el: Element, own: string | null | undefined): Lang {
  let lang = own;
  for (let node: Node | null = el; !lang?.trim() && node;) {
    node = node instanceof ShadowRoot ? node.host : node.parentNode;
    lang = node instanceof Element ? node.getAttribute('lang') : undefined;
  }
  if (lang?.trim()) return normaliseLang(lang);
  // A card that is not in the document yet still follows the page's language.
  return normaliseLang(document.documentElement.lang);
}

export interface LangListener {
  /** Called after any `lang` attribute changed anywhere the listener can see. */
  langMayHaveChanged(): void;
}

// One observer per page, whatever the number of cards: a `lang` change is rare,
// and re-resolving every card then is cheaper than an observer each.
const listeners = new Set<LangListener>();
let observer: MutationObserver | undefined;
const options: MutationObserverInit = {attributes: true, attributeFilter: ['lang'], subtree: true};

/** Starts telling `listener` about `lang` changes in the document and in the shadow roots around `el`. */
export function observeLang(listener: LangListener, el: Element) {
  listeners.add(listener);
  observer ??= new MutationObserver(() => {
    listeners.forEach((l) => {
      l.langMayHaveChanged();
    });
  });
  observer.observe(document, options);
  for (let root = el.getRootNode(); root instanceof ShadowRoot; root = root.host.getRootNode()) {
    observer.observe(root, options);
  }
}

export function unobserveLang(listener: LangListener) {
  listeners.delete(listener);
  if (!listeners.size) {
    observer?.disconnect();
    observer = undefined;
  }
}
