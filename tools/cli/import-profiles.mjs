// partner-card xliff import <file.xlf> <folder>
//
// Writes each non-empty target of an XLIFF file made by
// `partner-card xliff export` into its profile as the Danish text, and
// changes nothing else: other fields, key order and the file's layout stay,
// and a profile with nothing new is not touched. Refused, each naming its
// unit: a target whose English source no longer matches the profile (the
// partner changed the English since the export: the old Danish would be
// stale), an id that matches no text, markup inside a text; and a file that
// is not well-formed XLIFF 1.2. The profiles are checked as `partner-card
// index` checks them. On any error no file is written and the exit code
// is 1. Records what each imported text was translated from
// (.translated-from.json) for `npm run i18n:check`.
import {existsSync, readFileSync} from 'node:fs';
import {join, relative} from 'node:path';
import {writeAllOrNone} from '../../node/safe-files.mjs';
import {partOfCommand, readArgs, usageError} from '../../node/command-line.mjs';
import {say} from '../../node/terminal-text.mjs';
import {readXliff as readXliffUnits} from '../../shared/xliff.mjs';
import {englishMark, parsePath, profileUnits, withTranslations} from '../../shared/profile-xliff.mjs';
import {profileProblems, readProfiles} from '../../node/profile-files.mjs';
import {readRecord, recordFile} from '../../node/translation-record.mjs';
import {indexOf, indexText} from '../../node/partner-index.mjs';
import {publishedCopies, staleIn} from '../../node/publish.mjs';
import {checkout, readSiteConfig} from '../../node/site-config.mjs';

/** @typedef {{id: string, source: string, target?: string, state?: string, mark?: string, problem?: string}} XliffUnit */

/**
 * The trans-units of an XLIFF 1.2 document, or the reason it is not one.
 * @param {string} xml
 * @returns {{units: XliffUnit[]} | {error: string}}
 */
export function readXliff(xml) {
  const read = readXliffUnits(xml);
  return 'error' in read ? read : {units: read.units.map(({unit}) => readUnit(unit))};
}

/** Text content of an element read by the parser; undefined if it holds elements. @param {unknown} node */
function textOf(node) {
  if (node === undefined) return '';
  if (typeof node === 'string') return node;
  if (node && typeof node === 'object') {
    const keys = Object.keys(node).filter((k) => !k.startsWith('@'));
    if (keys.every((k) => k === '#text')) return String(/** @type {{'#text'?: string | number}} */ (node)['#text'] ?? '');
  }
  return undefined;
}

/** @param {any} unit @returns {XliffUnit} */
function readUnit(unit) {
  const id = String(unit['@id'] ?? '');
  const mark = typeof unit['@extradata'] === 'string' ? unit['@extradata'] : undefined;
  for (const part of /** @type {const} */ (['source', 'target'])) {
    if (Array.isArray(unit[part])) return {id, source: '', problem: `it has ${unit[part].length} <${part}> elements: keep one`};
  }
  const source = textOf(unit.source);
  // No <target> at all is an untranslated unit, as an empty one.
  const target = textOf(unit.target);
  const state = typeof unit.target === 'object' ? unit.target?.['@state'] : undefined;
  const markup = (/** @type {unknown} */ node) =>
    Object.keys(/** @type {object} */ (node))
      .filter((k) => !k.startsWith('@') && k !== '#text')
      .map((k) => `<${k}>`)
      .join(', ');
  if (source === undefined)
    return {id, source: '', problem: `its source holds markup (${markup(unit.source)}): profile texts are plain text`};
  if (target === undefined)
    return {id, source, problem: `its target holds markup (${markup(unit.target)}): write plain text only (your tool may have added tags)`};
  return {id, source, target, ...(state && {state}), ...(mark && {mark})};
}

export const HELP = `Usage: partner-card xliff import <file.xlf> <folder>

Writes each filled target of a file made by partner-card xliff export into its
profile as the Danish text, and changes nothing else (key order and layout
stay). Refuses, naming the unit, a target whose English changed since the
export, an id that matches no text, and markup in a text; on any problem no
file is written.`;
const USAGE = HELP.split('\n')[0];

/** @param {string[]} args @returns {number} exit code */
export function main(args) {
  const parsed = readArgs({args, allowPositionals: true}, USAGE);
  if (!parsed) return 2;
  const [file, folder, ...rest] = parsed.positionals;
  if (!file) return usageError('name the translated XLIFF file and the folder of profiles', USAGE);
  if (!folder) return usageError(`name the folder of profiles to import ${file} into`, USAGE);
  if (rest.length) return usageError(`one file and one folder: "${rest[0]}" is one argument too many`, USAGE);
  let xml;
  try {
    xml = readFileSync(file, 'utf8');
  } catch {
    say.error(`error: ${file} cannot be read.`);
    return 1;
  }
  const read = readXliff(xml);
  if ('error' in read) {
    say.error(`error: ${file}: ${read.error}. Nothing was imported.`);
    return 1;
  }
  let profiles;
  try {
    profiles = readProfiles(folder);
  } catch {
    say.error(`error: ${folder}: there is no such folder.`);
    return 1;
  }
  /** @type {string[]} */
  const errors = [...profiles.errors.map((e) => `${e} (fix the profile first)`)];
  const byId = new Map(profiles.files.map((f) => [f.profile.id, f]));
  const record = readRecord(folder);
  const recorded = JSON.stringify(record);
  /** @type {Map<string, Map<string, string>>} texts to write, by partner */
  const writes = new Map();
  const count = {imported: 0, unchanged: 0, empty: 0, refused: 0};
  /** @type {Set<string>} */
  const ids = new Set();
  const refuse = (/** @type {string} */ id, /** @type {string} */ why) => {
    count.refused++;
    errors.push(`unit "${id}": ${why}`);
  };
  for (const unit of read.units) {
    if (ids.has(unit.id)) {
      refuse(unit.id, 'appears twice in the file: keep one');
      continue;
    }
    ids.add(unit.id);
    if (unit.problem) {
      refuse(unit.id, unit.problem);
      continue;
    }
    const at = unit.id.indexOf(':');
    const partner = unit.id.slice(0, at);
    const path = unit.id.slice(at + 1);
    if (at < 1 || !parsePath(path)) {
      refuse(
        unit.id,
        'its id is not "<partner>:<JSON path>" as partner-card xliff export writes it: was the id edited? Ids must stay as exported',
      );
      continue;
    }
    const profile = byId.get(partner);
    if (!profile) {
      refuse(
        unit.id,
        `there is no profile "${partner}" in ${folder} (the partner was removed, or the unit's id was edited: ids must stay as exported)`,
      );
      continue;
    }
    const current = profileUnits(profile.profile).find((u) => u.path === path);
    if (!current) {
      refuse(
        unit.id,
        `matches no text of ${profile.where}: the field was removed or is now the same in every language, or the unit's id was edited (ids must stay as exported)`,
      );
      continue;
    }
    if (unit.source !== current.source) {
      // The export's fingerprint of the English says which side moved: the file's source, or the profile.
      const editedInFile = unit.mark !== undefined && unit.mark !== englishMark(unit.source);
      if (editedInFile && unit.mark === englishMark(current.source)) {
        refuse(
          unit.id,
          `its English source was edited in the file (it reads "${unit.source}"; the export wrote "${current.source}", which the profile still has). Sources must stay as exported: restore it, and put your words in the target`,
        );
      } else if (editedInFile || unit.mark === undefined) {
        refuse(
          unit.id,
          `its English source ("${unit.source}") is not the profile's ("${current.source}"): either the partner changed the English since the export (export again and translate this text anew) or the source was edited in the file (restore it)`,
        );
      } else {
        refuse(
          unit.id,
          `the English changed since the export: it was "${unit.source}", it is now "${current.source}". The Danish was made for the old English and is not written: export again and translate this text anew`,
        );
      }
      continue;
    }
    if (!unit.target) {
      count.empty++;
      continue;
    }
    if (unit.target === current.target) {
      count.unchanged++;
      // A reviewed target (its state no longer "needs-review-translation") confirms the Danish for this English.
      if (
        unit.state &&
        unit.state !== 'needs-review-translation' &&
        record[partner]?.[path] !== undefined &&
        record[partner][path] !== current.source
      ) {
        (record[partner] ??= {})[path] = current.source;
      }
      continue;
    }
    count.imported++;
    const texts = writes.get(partner) ?? new Map();
    texts.set(path, unit.target);
    writes.set(partner, texts);
    (record[partner] ??= {})[path] = current.source;
  }
  /** @type {[string, string][]} */
  const changed = [];
  /** @type {string[]} */
  const waiting = [];
  for (const [partner, texts] of writes) {
    const {file: path, where, text} = /** @type {{file: string, where: string, text: string}} */ (byId.get(partner));
    const result = withTranslations(text, texts);
    for (const list of result.waiting) {
      waiting.push(`${where}: ${list}: not every paragraph has Danish yet; the Danish list is written once all have`);
      for (const key of [...texts.keys()].filter((k) => k.startsWith(`${list}[`))) {
        const translated = record[partner];
        if (translated) Reflect.deleteProperty(translated, key);
        count.imported--;
      }
    }
    if (result.json === text) continue;
    const problems = profileProblems(result.json, path.split('/').pop() ?? path);
    errors.push(...problems.map((p) => `${where} after the import${p}`));
    changed.push([path, result.json]);
  }
  const summary = `${count.imported} text(s) imported, ${count.unchanged} unchanged, ${count.empty} without a translation, ${count.refused} refused.`;
  for (const line of waiting) say.warn(`waiting: ${line}`);
  if (errors.length) {
    for (const error of errors) say.error(`error: ${error}`);
    say.error(`${summary} Because of the error(s) above, no file was written.`);
    return 1;
  }
  // The folder's index.json holds the names and summaries: it changes with them, in the same write.
  const indexFile = join(folder, 'index.json');
  const indexed = changed.length > 0 && existsSync(indexFile);
  if (indexed) {
    const after = new Map(profiles.files.map((f) => [f.file, f.profile]));
    for (const [path, json] of changed) after.set(path, JSON.parse(json));
    changed.push([indexFile, indexText(indexOf([...after.values()]))]);
  }
  // Partners whose only entries were lists still waiting leave no trace.
  const cleaned = Object.fromEntries(Object.entries(record).filter(([, paths]) => paths && Object.keys(paths).length));
  try {
    writeAllOrNone(JSON.stringify(cleaned) !== recorded ? [...changed, recordFile(folder, cleaned)] : changed);
  } catch (error) {
    say.error(`error: ${/** @type {Error} */ (error).message}. No file was written.`);
    return 1;
  }
  const profilesChanged = changed.length - (indexed ? 1 : 0);
  say.log(`${summary} ${profilesChanged} profile(s) changed${indexed ? `; ${relative('.', indexFile)} made anew from them` : ''}.`);
  // Last: a published copy of these profiles now shows the old texts until it is published again.
  const texts = new Map(profiles.files.map((f) => [f.profile.id, f.text]));
  for (const [path, json] of changed) {
    const entry = profiles.files.find((f) => f.file === path);
    if (entry) texts.set(entry.profile.id, json);
  }
  let kept = {};
  try {
    kept = readSiteConfig(process.cwd());
  } catch {
    // a broken config is the commands' that read it to name
  }
  const stale = publishedCopies(folder, kept, checkout()).filter(({out}) => staleIn(out, texts).length);
  if (stale.length)
    say.log(
      `${stale.map(({out}) => `${relative('.', out) || out}/`).join(' and ')} still show${stale.length === 1 ? 's' : ''} the old texts: run ${[...new Set(stale.map(({command}) => command))].join(', then ')} to publish them.`,
    );
  return 0;
}

partOfCommand(import.meta, 'import-profiles.mjs', 'xliff import');
