import {LoadError} from './load-error.js';
import type {Fact, Logo, Paragraphs, Profile, Text} from './profile-types.js';

/**
 * Run-time validation of profile JSON, kept in step with
 * `profile.schema.json` (the tests check both against the same samples).
 *
 * Required fields that are missing or wrong make the whole profile invalid:
 * a card without a name or summary would lie. Optional fields that are wrong
 * are dropped one by one, so one typo in a fact does not blank the card; each
 * drop is reported so the author can fix it.
 */

/** A profile that cannot be rendered; the message starts with a JSON path such as `$.summary`. */
const invalidProfile = (path: string, reason: string) => new LoadError('invalid-profile', `${path} ${reason}`);

export interface ValidationResult {
  profile: Profile;
  /** One line per optional field that was left out, e.g. `$.facts[2] is not a valid fact`. */
  dropped: string[];
}

export const PARTNER_ID = /^[a-z0-9]+(-[a-z0-9]+)*$/;
/** A string isPartnerId() accepted. The brand keeps a failed check from narrowing a string to `never`. */
export type PartnerId = string & {readonly brand: 'PartnerId'};

export const isPartnerId = (v: unknown): v is PartnerId => typeof v === 'string' && v.length <= 64 && PARTNER_ID.test(v);

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
// Not blank, and no control character but tab and line breaks (an ESC can make a legacy page's decoder read what follows differently).
const isLine = (v: unknown): v is string => typeof v === 'string' && /\S/.test(v) && !/[\0-\b\v\f\x0e-\x1f\x7f-\x9f]/.test(v);
const isLines = (v: unknown): v is string[] => Array.isArray(v) && v.every(isLine);
const isHttpUrl = (v: unknown): v is string => typeof v === 'string' && /^https?:\/\/\S+$/i.test(v);

const isText = (v: unknown): v is Text => isLine(v) || (isObject(v) && isLine(v.en) && Object.values(v).every(isLine));

const isParagraphs = (v: unknown): v is Paragraphs => isObject(v) && isLines(v.en) && v.en.length > 0 && Object.values(v).every(isLines);

// A fact is a text fact exactly when it has `text` (the schema says the same with `not`).
const isFact = (v: unknown): v is Fact =>
  isObject(v) &&
  isText(v.label) &&
  ('text' in v
    ? isText(v.text)
    : typeof v.value === 'number' &&
      Number.isFinite(v.value) &&
      (v.unit === undefined || (typeof v.unit === 'string' && /^[A-Z]{3}$/.test(v.unit))) &&
      (v.per === undefined || v.per === 'year' || v.per === 'month') &&
      (v.approximate === undefined || typeof v.approximate === 'boolean'));

const isSize = (v: unknown) => Number.isInteger(v) && (v as number) > 0;
/**
 * A logo is a file in the profiles' folder, named by a relative path that
 * stays there: no scheme (no `:`), not from the site root or another host
 * (no leading `/`), no `\\`, no `%` (no encoded `.` or `/`), no control
 * character, no `..` segment. The test is on the text, so what a URL parser
 * would turn into another place (tabs, backslashes, encoded dots) fails it too.
 */
const isImageSrc = (v: unknown) => isLine(v) && /^(?!\/|(.*\/)?\.\.(\/|$))[^:\\%\0-\x1f]+$/.test(v);
const isLogo = (v: unknown): v is Logo => isObject(v) && isImageSrc(v.src) && isText(v.alt) && isSize(v.width) && isSize(v.height);

/** Returns the cleaned value, or undefined when it cannot be used at all. */
type Clean = (v: unknown, path: string, dropped: string[]) => unknown;
const accept =
  (check: (v: unknown) => boolean): Clean =>
  (v) =>
    check(v) ? v : undefined;

// Warnings name the JSON path only: the words for each rule live in the
// published schema and in the maintainers' validator, not in every page's bundle.
const invalid = (path: string) => `${path} is invalid`;

/**
 * A card shows at most this many key figures per list and organisations: more
 * is no longer a card, and 10,000 of them would stall the page. The rest is
 * left out and reported.
 */
export const MAX_ITEMS = 100;

/** A list keeps its valid items; each invalid item is reported on its own. */
const listOf =
  (clean: Clean): Clean =>
  (v, path, dropped) => {
    if (!Array.isArray(v)) return undefined;
    if (v.length > MAX_ITEMS) dropped.push(`${path}[${MAX_ITEMS}…] is over the limit of ${MAX_ITEMS}`);
    return v.slice(0, MAX_ITEMS).flatMap((item, i) => {
      const kept = clean(item, `${path}[${i}]`, dropped);
      if (kept === undefined) dropped.push(invalid(`${path}[${i}]`));
      return kept === undefined ? [] : [kept];
    });
  };

/** Copies each optional field that passes its rule; reports the others. */
function copyOptional(source: Json, target: Json, rules: Record<string, Clean>, path: string, dropped: string[]) {
  for (const [key, clean] of Object.entries(rules)) {
    if (source[key] === undefined) continue;
    const value = clean(source[key], `${path}.${key}`, dropped);
    if (value === undefined) dropped.push(invalid(`${path}.${key}`));
    else target[key] = value;
  }
  return target;
}

const facts = listOf(accept(isFact));
const paragraphs = accept(isParagraphs);
const website = accept(isHttpUrl);

const organisation: Clean = (v, path, dropped) =>
  isObject(v) && isText(v.name) ? copyOptional(v, {name: v.name}, {website, description: paragraphs, facts}, path, dropped) : undefined;

const PROFILE_RULES = {
  shortName: accept(isText),
  logo: accept(isLogo),
  website,
  description: paragraphs,
  facts,
  organisations: listOf(organisation),
};

function required<T>(source: Json, key: string, check: (v: unknown) => v is T): T {
  const value = source[key];
  if (!check(value)) throw invalidProfile(`$.${key}`, value === undefined ? 'is missing' : 'is invalid');
  return value;
}

const isCountry = (v: unknown): v is string => typeof v === 'string' && /^[A-Z]{2}$/.test(v);

/**
 * Validates `data` as the profile with id `expectedId` (the file's id; pass
 * `undefined` for a profile handed over as an object). The input is never
 * modified: the result is a cleaned copy.
 * @throws LoadError (`invalid-profile`) when the profile cannot be rendered.
 */
export function validateProfile(data: unknown, expectedId?: string): ValidationResult {
  if (!isObject(data)) throw invalidProfile('$', 'is not a JSON object');
  const id = required(data, 'id', isPartnerId);
  if (expectedId !== undefined && id !== expectedId) {
    throw invalidProfile('$.id', `is "${id}", not "${expectedId}"`);
  }
  const base: Json = {
    id,
    name: required(data, 'name', isText),
    country: required(data, 'country', isCountry),
    summary: required(data, 'summary', isText),
  };
  const dropped: string[] = [];
  const profile = copyOptional(data, base, PROFILE_RULES, '$', dropped) as unknown as Profile;
  return {profile, dropped};
}
