import {pick} from '../shared/pick.js';
import {countryName, preferCountryNames} from './format.js';
import type {Lang, Profile} from '../shared/profile-types.js';

/** Country names as an index gives them, and each one's place in its language's order: by language and code. */
export type CountryNames = Map<string, [name: string, rank: number]>;

/** The names of the directory whose list is being drawn or searched (`withCountries`). */
let current: CountryNames | undefined;
preferCountryNames((lang, code) => current?.get(lang + code)?.[0]);

/** Runs `work` with `names` before Intl's: each directory draws its own index's. */
export function withCountries<T>(names: CountryNames | undefined, work: () => T): T {
  const before = current;
  current = names;
  try {
    return work();
  } finally {
    current = before;
  }
}

/**
 * An index's `countries`, `{en: [["DK", "Denmark"], …], da: …}`, each list in
 * its language's order (`partner-card index` writes them): the list is drawn
 * and its country filter sorted without the page's first Intl object, tens of
 * ms in Chromium, which an index that came quickly waited for before its
 * first screen. An index without them gives none; one of another shape, what
 * is wrong with it.
 */
export function readCountries(table: unknown): CountryNames | string {
  const lists = table && typeof table === 'object' ? Object.entries(table) : [];
  const pair = (item: unknown) =>
    Array.isArray(item) &&
    item.length === 2 &&
    item.every((t) => typeof t === 'string') &&
    /^[A-Z]{2}$/.test(item[0]) &&
    /^\P{Cc}{1,100}$/u.test(item[1]);
  if (table !== undefined && (!lists.length || !lists.every(([, list]) => Array.isArray(list) && list.every(pair))))
    return '"countries" is not lists of [code, name] by language; the browser names the countries';
  const names: CountryNames = new Map();
  for (const [lang, list] of lists) (list as [string, string][]).forEach(([code, name], i) => names.set(lang + code, [name, i]));
  return names;
}

/**
 * Narrowing the partner list: search text and country, matched without
 * accents or case, so "sonderborg" finds "Sønderborg" and "aabenraa" finds
 * "Åbenrå". Letters that Unicode does not decompose (ø, æ) are spelled out.
 */
export function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/ø/g, 'o')
    .replace(/æ/g, 'ae')
    .replace(/ß/g, 'ss')
    .replace(/aa/g, 'a');
}

/** Everything a search looks at for one partner, folded, in the list's language. */
export function haystack(entry: Profile, lang: Lang): string {
  const parts = [entry.name, entry.shortName, entry.summary].map((text) => (text ? pick(text, lang).value : ''));
  return fold(`${parts.join(' ')} ${countryName(entry.country, lang)}`);
}

/** A test for haystacks: true when every word of the query is in it. The query is folded once, not per partner. */
export function matcher(query: string): (hay: string) => boolean {
  const words = fold(query).split(/\s+/);
  return (hay) => words.every((word) => hay.includes(word));
}

/** The countries present, as [code, name] sorted by name in `lang`: in the index's order when it gave them all (`withCountries`). */
export function countries(entries: Profile[], lang: Lang): [string, string][] {
  const codes = [...new Set(entries.map((e) => e.country))];
  const rank = (code: string) => current?.get(lang + code)?.[1] ?? NaN;
  const byIndex = codes.every((code) => rank(code) >= 0);
  return codes
    .map((code): [string, string] => [code, countryName(code, lang)])
    .sort(byIndex ? (a, b) => rank(a[0]) - rank(b[0]) : (a, b) => a[1].localeCompare(b[1], lang));
}
