// The index of a folder's profiles (index.json, what <partner-directory> and
// the embed builder load): one compact entry per valid profile, sorted by
// English name, and the partners' countries named in each language. Made
// from the profiles wherever it is needed (`index`, `publish`, `prerender`,
// the Eleventy plugin), so no copy of it is kept by hand, and compared with a
// copy that was (`indexDifferences`).
import localize from '../lit-localize.json' with {type: 'json'};
import {untranslated} from '../shared/translation-coverage.js';

/** The languages profiles are translated into (lit-localize.json). */
export const TARGET_LANGS = /** @type {string[]} */ (localize.targetLocales);

/** JSON with every object's keys in order, so that two equal values read alike. @param {unknown} value @returns {string} */
const canonical = (value) =>
  JSON.stringify(value, (_, v) =>
    v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : 1))) : v,
  );

/** @param {string | {en: string}} text */
const english = (text) => (typeof text === 'string' ? text : text.en);

/** Every language a list is drawn in: English and the targets. */
const LANGS = ['en', ...TARGET_LANGS];

/**
 * The partners' countries in every language, each language's list sorted by
 * name in that language: `{en: [["DK", "Denmark"], …], da: [["DK", "Danmark"], …]}`.
 * The directory draws its first screen and sorts its country filter from them,
 * without the page's first Intl object (tens of ms in Chromium, which an index
 * that arrived quickly waited for before its first screen). Node's own Intl
 * names them, as the browser would.
 * @param {string[]} codes
 * @returns {Record<string, [string, string][]>}
 */
export function countryNames(codes) {
  const unique = [...new Set(codes)];
  return Object.fromEntries(
    LANGS.map((lang) => {
      const names = new Intl.DisplayNames(lang, {type: 'region'});
      const {compare} = new Intl.Collator(lang);
      /** @type {[string, string][]} */
      const list = unique.map((code) => [code, names.of(code) ?? code]);
      return [lang, list.sort((a, b) => compare(a[1], b[1]))];
    }),
  );
}

/**
 * @param {any[]} profiles valid profiles
 * @returns {{version: 1, countries: Record<string, [string, string][]>, partners: {id: string, name: unknown, shortName?: unknown, country: string, summary: unknown, logo?: unknown}[]}}
 */
export function indexOf(profiles) {
  const partners = profiles.map(({id, name, shortName, country, summary, logo}) => ({
    id,
    name,
    ...(shortName && {shortName}),
    country,
    summary,
    ...(logo && {logo}),
  }));
  partners.sort((a, b) => english(a.name).localeCompare(english(b.name), 'en'));
  return {version: 1, countries: countryNames(partners.map((p) => p.country)), partners};
}

/**
 * index.json's text, as `index` and `publish` write it: one partner a line, so
 * that a changed profile is one changed line in a site's history, and no
 * indentation, which made an index of 1,000 partners 17 % larger (0.74 against
 * 0.63 MB) for the directory to decode and parse before its first screen.
 * @param {ReturnType<typeof indexOf>} index
 */
export const indexText = ({partners, ...rest}) =>
  `${JSON.stringify(rest).slice(0, -1)},"partners":[${partners.map((p) => `\n${JSON.stringify(p)}`).join(',')}\n]}\n`;

/**
 * Every text without a translation, per language: `where` names the profile.
 * @param {{where: string, profile: any}[]} files
 * @returns {{where: string, lang: string, path: string}[]}
 */
export function untranslatedTexts(files) {
  return files.flatMap(({where, profile}) =>
    TARGET_LANGS.flatMap((lang) => untranslated(profile, lang).map(({path}) => ({where, lang, path}))),
  );
}

/**
 * How an index kept somewhere (`kept`, parsed JSON) differs from the one the
 * profiles make (`made`), in plain words, one line per difference: a partner
 * missing from it, one it lists without a profile, and each entry's field
 * whose value is not the profile's. Empty when they agree.
 * @param {unknown} kept @param {ReturnType<typeof indexOf>} made
 * @returns {string[]}
 */
export function indexDifferences(kept, made) {
  const {partners: list, countries} = /** @type {{partners?: unknown, countries?: unknown}} */ (kept ?? {});
  if (!Array.isArray(list)) return ['it has no "partners" list'];
  /** @type {Map<string, Record<string, unknown>>} */
  const listed = new Map();
  for (const entry of list) {
    if (entry && typeof entry === 'object' && typeof entry.id === 'string') listed.set(entry.id, entry);
  }
  const differences = [];
  const ids = new Set(made.partners.map((p) => p.id));
  for (const entry of made.partners) {
    const old = listed.get(entry.id);
    if (!old) {
      differences.push(`${entry.id} is missing (its profile is there)`);
      continue;
    }
    const fields = new Set([...Object.keys(entry), ...Object.keys(old)]);
    for (const field of fields) {
      if (canonical(/** @type {Record<string, unknown>} */ (entry)[field]) !== canonical(old[field]))
        differences.push(`${entry.id}: its ${field} is not the profile's`);
    }
  }
  for (const id of listed.keys()) if (!ids.has(id)) differences.push(`${id} is listed, but there is no such profile`);
  // Which countries, not their names: another Node's Intl may name one otherwise ("Turkey", "Türkiye").
  const codes = (/** @type {unknown} */ names) =>
    Array.isArray(names)
      ? names
          .map((pair) => (Array.isArray(pair) ? pair[0] : undefined))
          .sort()
          .join()
      : undefined;
  if (!countries || typeof countries !== 'object') differences.push('it has no "countries" (their names in each language)');
  else
    for (const [lang, names] of Object.entries(made.countries)) {
      if (codes(/** @type {Record<string, unknown>} */ (countries)[lang]) !== codes(names))
        differences.push(`its "countries" in "${lang}" are not the profiles' countries`);
    }
  return differences;
}
