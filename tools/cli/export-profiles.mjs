// partner-card xliff export <folder>… --out <file.xlf>
//
// Every translatable text of the profiles in the folders as one XLIFF 1.2
// file (the format of locales/da.xlf) for a translator's own tool: English
// as the source, Danish as the target where there is one, an id naming the
// partner and the JSON path, and a note saying where the text shows. Danish
// made from an older English (.translated-from.json) is marked for review.
// Exit code 1, and no file written, when a folder has no profiles or a
// profile is invalid.
import {relative} from 'node:path';
import {exportXliff, profileUnits} from '../../shared/profile-xliff.mjs';
import {outOverInput, readProfiles} from '../../node/profile-files.mjs';
import {readRecord, staleTexts} from '../../node/translation-record.mjs';
import {partOfCommand, readArgs, usageError} from '../../node/command-line.mjs';
import {say} from '../../node/terminal-text.mjs';
import {writeAllOrNone} from '../../node/safe-files.mjs';

export const HELP = `Usage: partner-card xliff export <folder>… --out <file.xlf>

Writes every translatable text of the profiles as one XLIFF 1.2 file for a
translator's tool: English as the source, the Danish there is as the target
(approved; marked needs-review-translation when its English changed since),
an id naming the partner and the JSON path, a note on where the text shows.

Options:
  --out <file.xlf>  the file to write (replaced whole, never half-written)`;
const USAGE = HELP.split('\n')[0];

/** @param {string[]} args @returns {number} exit code */
export function main(args) {
  const read = readArgs({args, options: {out: {type: 'string'}}, allowPositionals: true}, USAGE);
  if (!read) return 2;
  const {out} = read.values;
  const folders = read.positionals;
  if (!folders.length) return usageError('name at least one folder of profiles', USAGE);
  if (!out) return usageError('--out: name the XLIFF file to write (such as --out partners.da.xlf)', USAGE);
  const over = outOverInput(out, folders);
  if (over) return usageError(over, USAGE);
  /** @type {string[]} */
  const errors = [];
  /** @type {{file: string, profile: any}[]} */
  const profiles = [];
  /** @type {Set<string>} */
  const stale = new Set();
  /** @type {Map<string, string>} */
  const seen = new Map();
  for (const folder of folders) {
    let read;
    try {
      read = readProfiles(folder);
    } catch {
      errors.push(`${folder}: there is no such folder`);
      continue;
    }
    errors.push(...read.errors);
    if (!read.files.length && !read.errors.length) errors.push(`${folder}: there are no profiles (<id>.json) in it`);
    const record = readRecord(folder);
    for (const {where, profile} of read.files) {
      if (seen.has(profile.id)) {
        errors.push(`${where}: the partner "${profile.id}" is also in ${seen.get(profile.id)}: export each partner once`);
        continue;
      }
      seen.set(profile.id, where);
      profiles.push({file: where.split('/').pop() ?? where, profile});
      for (const text of staleTexts(record, profile)) stale.add(text.id);
    }
  }
  let xliff = '';
  if (!errors.length) {
    profiles.sort((a, b) => a.profile.id.localeCompare(b.profile.id));
    try {
      xliff = exportXliff(profiles, {stale});
    } catch (error) {
      errors.push(/** @type {Error} */ (error).message);
    }
  }
  if (errors.length) {
    for (const error of errors) say.error(`error: ${error}`);
    say.error(`${errors.length} problem(s): ${out} was not written.`);
    return 1;
  }
  try {
    // Whole or not at all, and never through a link: translators' tools may be reading the old file.
    writeAllOrNone([[out, xliff]]);
  } catch (error) {
    say.error(`error: ${/** @type {Error} */ (error).message}. ${out} was not written.`);
    return 1;
  }
  const units = profiles.flatMap(({profile}) => profileUnits(profile));
  const done = units.filter((u) => u.target).length;
  say.log(
    `Wrote ${relative('.', out) || out}: ${units.length} text(s) of ${profiles.length} partner(s); ${done} with Danish (${stale.size} of them to review: their English changed), ${units.length - done} without.`,
  );
  return 0;
}

partOfCommand(import.meta, 'export-profiles.mjs', 'xliff export');
