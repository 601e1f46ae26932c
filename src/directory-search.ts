import {pick} from '../shared/pick.js';
import {countryName} from './format.js';
import type {Lang, Profile} from '../shared/profile-types.js';

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

/** The countries present, as [code, name] sorted by name in `lang`. */
export function countries(entries: Profile[], lang: Lang): [string, string][] {
  const codes = [...new Set(entries.map((e) => e.country))];
  return codes.map((code): [string, string] => [code, countryName(code, lang)]).sort((a, b) => a[1].localeCompare(b[1], lang));
}
