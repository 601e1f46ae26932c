// What each Danish profile text was translated from: the side record that
// lets `npm run i18n:check` find Danish made from an older English.
//
// It lives beside the profiles, in `<folder>/.translated-from.json`:
//   {"region-southern-denmark": {"$.summary": "<the English it was translated from>"}}
// `npm run i18n:import-profiles` writes it for every text it imports. The
// profiles themselves do not change format (the card never reads this file),
// and a text without an entry (translated by hand in the JSON) is simply not
// checked. Dotfiles are not published (node/publish.mjs copies profiles and logos only) nor read as
// profiles.
import {existsSync, readFileSync} from 'node:fs';
import {join} from 'node:path';
import {profileUnits} from '../shared/profile-xliff.mjs';

export const RECORD = '.translated-from.json';

/** @typedef {Partial<Record<string, Record<string, string>>>} TranslationRecord */

/** @param {string} folder @returns {TranslationRecord} */
export function readRecord(folder) {
  const file = join(folder, RECORD);
  // Keyed by partner id, and an id may be "constructor" or "prototype": without a prototype, record[id] is only ever the record's own.
  /** @type {TranslationRecord} */
  const record = Object.create(null);
  if (!existsSync(file)) return record;
  try {
    const read = JSON.parse(readFileSync(file, 'utf8'));
    return read && typeof read === 'object' && !Array.isArray(read) ? Object.assign(record, read) : record;
  } catch (error) {
    throw new Error(
      `${file} is not valid JSON (${/** @type {Error} */ (error).message}): restore it from version control, or delete it to start afresh`,
    );
  }
}

/**
 * The record's file and text, for writing with the profiles: sorted, one entry a
 * line, so that a change shows plainly in version control.
 * @param {string} folder @param {TranslationRecord} record @returns {[string, string]}
 */
export function recordFile(folder, record) {
  const sorted = Object.fromEntries(
    Object.entries(record)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .flatMap(([partner, paths]) =>
        paths && Object.keys(paths).length
          ? [
              [
                partner,
                Object.fromEntries(
                  Object.keys(paths)
                    .sort()
                    .map((path) => [path, paths[path]]),
                ),
              ],
            ]
          : [],
      ),
  );
  return [join(folder, RECORD), `${JSON.stringify(sorted, null, 2)}\n`];
}

/**
 * Danish texts whose English changed since they were translated.
 * @param {TranslationRecord} record
 * @param {any} profile
 * @returns {{id: string, path: string, was: string, now: string}[]}
 */
export function staleTexts(record, profile) {
  const seen = record[profile.id] ?? {};
  return profileUnits(profile)
    .filter((unit) => unit.target && unit.path in seen && seen[unit.path] !== unit.source)
    .map((unit) => ({id: unit.id, path: unit.path, was: seen[unit.path], now: unit.source}));
}
