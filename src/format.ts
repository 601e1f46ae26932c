import {msg, str} from '@lit/localize';
import type {Lang, NumericFact} from '../shared/profile-types.js';

/**
 * Formatting of profile values for one card language. Numbers, money and
 * country names come from `Intl`, so translators never assemble them; only the
 * words around them ("about", "a year") are UI strings in `locales/`.
 */

// Intl constructors are slow compared with formatting; a directory page
// formats thousands of values with a handful of distinct option sets.
const cache = new Map<string, Intl.NumberFormat | Intl.DisplayNames>();
function cached<T extends Intl.NumberFormat | Intl.DisplayNames>(key: string, make: () => T): T {
  let hit = cache.get(key) as T | undefined;
  if (!hit) cache.set(key, (hit = make()));
  return hit;
}

const intlNames = (lang: Lang) => cached(`r${lang}`, () => new Intl.DisplayNames(lang, {type: 'region'}));
let regionNames: (lang: Lang) => Pick<Intl.DisplayNames, 'of'> = intlNames;

/**
 * Country names to use before Intl's: the directory's, from its index (see
 * `readCountries`). Intl names only the codes `names` does not, and is not
 * asked for before then; `prepareCountryNames` (the card's) still makes it.
 */
export const preferCountryNames = (names: (lang: Lang, code: string) => string | undefined) => {
  regionNames = (lang) => ({of: (code) => names(lang, code) ?? intlNames(lang).of(code)});
};

/**
 * Builds what `countryName()` needs. The first Intl object of a page, of any
 * kind, takes tens of ms in Chromium (the engine lists its locales; a
 * NumberFormat first leaves this one a few ms). Called in a task of its own
 * while a request is in flight, that time is spent waiting anyway; called
 * before the placeholder's first frame, it would hold that frame back.
 */
export const prepareCountryNames = (lang: Lang) => void intlNames(lang);

/** Whether the page has its first Intl object: from then on, formatting costs little. */
export const intlReady = () => cache.size > 0;

/** The country's name in `lang` ("Denmark", "Danmark"); the code itself if Intl has no name. */
export function countryName(code: string, lang: Lang): string {
  try {
    return regionNames(lang).of(code) ?? code;
  } catch {
    return code;
  }
}

/**
 * Millions and more read best in compact form. English spells the word out
 * ("1.2 million"); Danish prose uses the abbreviations ("1,2 mio.", "2,8 mia. €").
 */
const COMPACT_DISPLAY: Partial<Record<Lang, 'short' | 'long'>> = {da: 'short'};
const COMPACT_FROM = 1e6;

/** A number or amount of money, without the words around it. */
export function formatNumber(value: number, lang: Lang, currency?: string): string {
  const compact = Math.abs(value) >= COMPACT_FROM;
  const options: Intl.NumberFormatOptions = {
    // The minimum too: WebKit otherwise keeps a currency's default minimum, "€790.0M".
    minimumFractionDigits: 0,
    maximumFractionDigits: compact ? 1 : Number.isInteger(value) ? 0 : 2,
    ...(compact && {notation: 'compact', compactDisplay: COMPACT_DISPLAY[lang] ?? 'long'}),
    ...(currency && {style: 'currency', currency, currencyDisplay: 'narrowSymbol'}),
  };
  // Any well-formed three-letter code is accepted by Intl (unknown ones print as the code).
  return cached(`n${lang}${JSON.stringify(options)}`, () => new Intl.NumberFormat(lang, options)).format(value);
}

/** A numeric fact as a phrase: "about €2.8B a year", "ca. 2,8 mia. € om året". */
export function formatFact(fact: NumericFact, lang: Lang): string {
  let text = formatNumber(fact.value, lang, fact.unit);
  if (fact.approximate)
    text = msg(str`about ${text}`, {
      id: 'figure.about',
      desc: 'An approximate key figure, e.g. "about 25,000". The placeholder is the formatted number.',
    });
  if (fact.per === 'year')
    text = msg(str`${text} a year`, {
      id: 'figure.per-year',
      desc: 'A key figure per year, e.g. "about €2.8B a year". The placeholder is the formatted amount.',
    });
  if (fact.per === 'month')
    text = msg(str`${text} a month`, {
      id: 'figure.per-month',
      desc: 'A key figure per month, e.g. "6 million a month". The placeholder is the formatted amount.',
    });
  return text;
}
