// partner-card index [FOLDER] [--out FILE]
//
// Checks every profile in FOLDER (default: the kept settings' profiles; in a
// checkout, the demo's) against the
// published JSON Schema and writes FOLDER/index.json for <partner-directory>:
// one compact entry per partner (id, name, short name, country, summary,
// logo), sorted by English name. Problems name the file, the JSON path and
// what is wrong in plain words; any invalid profile means exit code 1 and no
// index is written. Texts without a translation are warnings.
import {existsSync, readdirSync} from 'node:fs';
import {join, relative} from 'node:path';
import {isProfileFile, outOverInput, readProfiles} from '../../node/profile-files.mjs';
import {indexOf, indexText, untranslatedTexts} from '../../node/partner-index.mjs';
import {writeAllOrNone} from '../../node/safe-files.mjs';
import {own, say} from '../../node/terminal-text.mjs';
import {partOfCommand, readArgs, usageError} from '../../node/command-line.mjs';
import {DEMO_PROFILES, readSiteConfig} from '../../node/site-config.mjs';

export const HELP = `Usage: partner-card index [<folder>] [--out <file>]

Checks every profile in the folder against the profile schema and writes the
folder's index.json, which <partner-directory> loads. Each problem names the
file, the JSON path and what is wrong; any invalid profile means no index.
A text without Danish is a warning.

Arguments:
  <folder>      the profiles; default: "profiles" in partner-card.config.json
Options:
  --out <file>  write the index there instead of <folder>/index.json`;
const USAGE = HELP.split('\n')[0];

/** @param {string[]} args @returns {number} exit code */
export function main(args) {
  const read = readArgs({args, options: {out: {type: 'string'}}, allowPositionals: true}, USAGE);
  if (!read) return 2;
  if (read.positionals.length > 1) return usageError(`one folder at a time: "${read.positionals[1]}" is one argument too many`, USAGE);
  const out = read.values.out;
  /** @type {string | undefined} */
  let folder = read.positionals[0];
  try {
    folder ??= readSiteConfig(process.cwd()).profiles ?? (existsSync(DEMO_PROFILES) ? relative('.', DEMO_PROFILES) : undefined);
  } catch (error) {
    return usageError(/** @type {Error} */ (error).message, USAGE);
  }
  if (!folder) return usageError('name the folder of profiles (or keep it as "profiles" in partner-card.config.json)', USAGE);
  const over = out && outOverInput(out, [folder]);
  if (over) return usageError(over, USAGE);
  const index = out ?? join(folder, 'index.json');

  let files, valid, errors;
  try {
    files = readdirSync(folder).filter(isProfileFile);
    ({files: valid, errors} = readProfiles(folder));
  } catch {
    say.error(`error: ${folder}: there is no such folder, or it cannot be read.`);
    return 1;
  }
  // An empty index would empty the directory on every page that loads it.
  if (!files.length) {
    say.error(
      `error: ${folder}: there are no profiles (<id>.json files) in this folder, so no index was written. Name the folder that holds them.`,
    );
    return 1;
  }
  const warnings = untranslatedTexts(valid).map(({where, lang, path}) => `${where}: ${path} has no "${lang}" text (English is shown).`);
  for (const w of warnings) say.warn(`warning: ${w}`);
  for (const e of errors) say.error(`error: ${e}`);
  const invalid = new Set(errors.map((e) => e.split(':')[0])).size;
  if (errors.length) {
    own.error('');
    say.error(`${invalid} of ${files.length} profile(s) invalid: ${relative('.', index)} was not written.`);
    return 1;
  }
  const made = indexOf(valid.map((v) => v.profile));
  try {
    writeAllOrNone([[index, indexText(made)]]);
  } catch (error) {
    say.error(`error: ${/** @type {Error} */ (error).message}: ${relative('.', index)} was not written.`);
    return 1;
  }
  say.log(
    `${files.length} profile(s) valid, ${warnings.length} warning(s); wrote ${relative('.', index)} with ${made.partners.length} partner(s).`,
  );
  return 0;
}

partOfCommand(import.meta, 'partners.mjs', 'index');
