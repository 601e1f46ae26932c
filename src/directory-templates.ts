import {html, nothing, type TemplateResult} from 'lit';
import {msg, str} from '@lit/localize';
import {compactCard, type CardContext} from './card-templates.js';
import type {Lang, Profile} from '../shared/profile-types.js';

/**
 * The directory's templates, free of element state, so that
 * `<partner-directory>` and the prerenderer draw the same. They must run
 * inside `inLang()` so `msg()` answers in the list's language.
 */

export interface DirectoryView {
  lang: Lang;
  status: 'loading' | 'loaded' | 'error';
  query: string;
  country: string;
  /** The country filter's choices, [code, name] sorted by name. */
  countries: [string, string][];
  /** How many partners pass the filter, of how many. */
  shown: number;
  total: number;
  /** What the live region says, when not the status line's text (while a search is typed, the count before it). */
  spoken?: string;
  /** Identifies a prerendered list (see `listKey`), so the element can keep its items. */
  key?: string;
  /** The element's handlers; the prerenderer has none. */
  on?: {focus: () => void; filter: () => void; retry: () => void};
}

/**
 * The live region, the controls, the status line and, given `items`, the
 * list with them in it. The element draws its list itself (see
 * `<partner-directory>`); the prerenderer draws it here.
 */
export function directoryView(v: DirectoryView, items?: unknown): TemplateResult {
  const {lang} = v;
  const loaded = v.status === 'loaded';
  const failed = v.status === 'error';
  const status = failed
    ? msg('The list of partners could not be loaded.', {
        id: 'directory.error',
        desc: 'Shown instead of the partner list when it cannot be loaded; a "Try again" button follows.',
      })
    : loaded
      ? v.total
        ? countText(v.shown)
        : msg('There are no partners in the list yet.', {
            id: 'directory.empty',
            desc: 'Shown instead of the partner list when the list has no partners at all.',
          })
      : msg('Loading partners…', {
          id: 'directory.loading',
          desc: 'Shown (and announced to screen readers) while the list of partners loads.',
        });
  // The live region is one node for the directory's life, in every state:
  // loading, the count, the error. Only its text changes, so screen readers
  // announce each change. It is apart from the status line that is seen, so
  // that a search typed is announced once, when typing pauses.
  return html`<p class="sr" role="status" lang=${lang}>${v.spoken ?? status}</p>
    <div part="controls" class="controls" lang=${lang} ?hidden=${failed}>
      <label
        >${msg('Search partners', {id: 'directory.search', desc: 'Label of the search box above the partner list.'})}
        <input
          part="search"
          type="search"
          .value=${v.query}
          @focus=${v.on?.focus}
          @input=${v.on?.filter}
      /></label>
      <label
        >${msg('Country', {id: 'directory.country', desc: 'Label of the country filter above the partner list.'})}
        <select part="country" @change=${v.on?.filter}>
          <option value="">${msg('All countries', {id: 'directory.all-countries', desc: 'First choice of the country filter: no filter.'})}</option>
          ${v.countries.map(([code, name]) => html`<option value=${code} ?selected=${code === v.country}>${name}</option>`)}
        </select></label
      >
    </div>
    <div class=${failed ? 'status error' : 'status'} part=${failed ? 'error' : nothing} lang=${lang}>
      <p part="count" class="count">${status}</p>
      ${
        failed
          ? html`<button part="retry" type="button" @click=${v.on?.retry}>${msg('Try again', {id: 'button.retry', desc: 'Button that loads the partner profile again after a network error.'})}</button>`
          : nothing
      }
    </div>
    ${items ? html`<ul class="list" part="list" aria-busy="false" data-key=${v.key ?? ''}>${items}</ul>` : nothing}`;
}

/** One list item per partner, each a compact card linking to `link(id)`, with the partner's id as its own (for `#id` links). */
export const directoryItems = (entries: Profile[], ctx: CardContext, link: (id: string) => string | undefined) =>
  entries.map((entry) => html`<li part="item" id=${entry.id}>${compactCard(entry, {...ctx, href: link(entry.id)})}</li>`);

/**
 * A short fingerprint of what a drawn list shows (entries, language, link
 * pattern, heading level): prerendered items whose key matches the live
 * index's are kept instead of drawn again.
 */
export function listKey(list: {entries: Profile[]; lang: Lang; href?: string; level: number}): string {
  let hash = 0x811c9dc5;
  for (const char of JSON.stringify([list.entries, list.lang, list.href ?? '', list.level]))
    hash = Math.imul(hash ^ char.charCodeAt(0), 0x1000193);
  return String(hash);
}

/**
 * "12 partners", "1 partner", "12 partnere". A whole number above 0 takes the
 * singular for 1 alone in English and Danish (and in every language with only
 * these two forms), so no Intl.PluralRules, whose first object in a page took
 * tens of ms in the frame after the list's first screen (Chromium).
 */
export function countText(count: number): string {
  if (!count)
    return msg('No partners match your search.', {
      id: 'directory.count.none',
      desc: 'Announced when the search and filter leave no partner.',
    });
  return count === 1
    ? msg(str`${count} partner`, {
        id: 'directory.count.one',
        desc: 'Number of partners shown, singular form (used where the language says "1 partner"). The placeholder is the number.',
      })
    : msg(str`${count} partners`, {
        id: 'directory.count.other',
        desc: 'Number of partners shown, plural form. The placeholder is the number.',
      });
}
