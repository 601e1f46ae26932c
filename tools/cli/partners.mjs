// npm run partners [-- FOLDER] [--out FILE]
//
// Checks every profile in FOLDER (default demo/embed/partners) against the
// published JSON Schema and writes FOLDER/index.json for <partner-directory>:
// one compact entry per partner (id, name, short name, country, summary,
// logo), sorted by English name. Problems name the file, the JSON path and
// what is wrong in plain words; any invalid profile means exit code 1 and no
// index is written. Texts without a translation are warnings.
import {readFileSync, readdirSync} from 'node:fs';
import {join, relative} from 'node:path';
import {isProfileFile, readProfiles} from '../../node/profile-files.mjs';
import {untranslated} from '../../shared/translation-coverage.js';
import {writeAllOrNone} from '../../node/safe-files.mjs';
import {say} from '../../node/terminal-text.mjs';
import {readArgs, runAsCommand} from '../../node/command-line.mjs';

const USAGE = 'Usage: npm run partners -- [<folder>] [--out <file>]';

/** @param {string[]} args @returns {number} exit code */
export function main(args) {
  const read = readArgs({args, options: {out: {type: 'string'}}, allowPositionals: true}, USAGE);
  if (!read || read.positionals.length > 1) {
    if (read) console.error(USAGE);
    return 2;
  }
  const out = read.values.out;
  const folder = read.positionals[0] ?? 'demo/embed/partners';
  const index = out ?? join(folder, 'index.json');
  const {targetLocales} = JSON.parse(readFileSync(new URL('../../lit-localize.json', import.meta.url), 'utf8'));

  const files = readdirSync(folder).filter(isProfileFile);
  const {files: valid, errors} = readProfiles(folder);
  const warnings = [];
  const entries = [];

  for (const {where, profile} of valid) {
    for (const lang of targetLocales) {
      for (const text of untranslated(profile, lang)) warnings.push(`${where}: ${text.path} has no "${lang}" text (English is shown).`);
    }
    const {id, name, shortName, country, summary, logo} = profile;
    entries.push({id, name, ...(shortName && {shortName}), country, summary, ...(logo && {logo})});
  }

  for (const w of warnings) say.warn(`warning: ${w}`);
  for (const e of errors) say.error(`error: ${e}`);
  const invalid = new Set(errors.map((e) => e.split(':')[0])).size;
  if (errors.length) {
    console.error(`\n${invalid} of ${files.length} profile(s) invalid: ${relative('.', index)} was not written.`);
    return 1;
  }
  const english = (/** @type {string | {en: string}} */ text) => (typeof text === 'string' ? text : text.en);
  entries.sort((a, b) => english(a.name).localeCompare(english(b.name), 'en'));
  try {
    writeAllOrNone([[index, `${JSON.stringify({version: 1, partners: entries}, null, 1)}\n`]]);
  } catch (error) {
    say.error(`error: ${/** @type {Error} */ (error).message}: ${relative('.', index)} was not written.`);
    return 1;
  }
  console.log(
    `${files.length} profile(s) valid, ${warnings.length} warning(s); wrote ${relative('.', index)} with ${entries.length} partner(s).`,
  );
  return 0;
}

await runAsCommand(import.meta, main);
