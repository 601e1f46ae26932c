// npm run i18n:check — what is not translated yet, in one table.
//
//   npm run i18n:check                      interface strings and the demo profiles
//   npm run i18n:check -- --warn            report only, exit 0 whatever is missing
//   npm run i18n:check -- --interface-only  locales/ alone: the card's and the
//                                           pages' words (the build runs this;
//                                           a page string to review does not
//                                           stop it)
//   npm run i18n:check -- path/to/partners  profiles in other folders
//   options: --locales DIR, --src DIR (defaults: locales, src)
//
// Exit code 1 when anything is missing (unless --warn), 2 on bad usage.
import {readFileSync, readdirSync, existsSync, statSync} from 'node:fs';
import {join, relative} from 'node:path';
import {untranslated} from '../../shared/translation-coverage.js';
import {RECORD, readRecord, staleTexts} from '../../node/translation-record.mjs';
import {englishStrings, pagesXliff} from '../../node/page-strings.mjs';
import {elementText, readPagesXliff, readXliff, samePlaceholders} from '../../shared/xliff.mjs';
import {say} from '../../node/terminal-text.mjs';
import {readArgs, runAsCommand} from '../../node/command-line.mjs';

const USAGE = 'Usage: npm run i18n:check -- [--warn] [--interface-only] [--locales <dir>] [--src <dir>] [<profiles folder>…]';

/** @param {string[]} args @returns {Promise<number>} exit code */
export async function main(args) {
  const read = readArgs(
    {
      args,
      options: {warn: {type: 'boolean'}, 'interface-only': {type: 'boolean'}, locales: {type: 'string'}, src: {type: 'string'}},
      allowPositionals: true,
    },
    USAGE,
  );
  if (!read) return 2;
  const {values, positionals: folders} = read;
  const localesDir = values.locales ?? 'locales';
  const srcDir = values.src ?? 'src';
  const profileDirs = values['interface-only'] ? [] : folders.length ? folders : ['demo/embed/partners'];
  const {targetLocales} = JSON.parse(readFileSync('lit-localize.json', 'utf8'));

  /** One row per gap: what kind, where, and the English that shows instead. */
  /** @type {{lang: string, kind: string, where: string, english: string}[]} */
  const rows = [];
  /** @param {string} lang @param {string} kind @param {string} where @param {string | undefined} english */
  const gap = (lang, kind, where, english) => rows.push({lang, kind, where, english: english ?? ''});
  const totals = {strings: 0, pageStrings: 0, files: 0, texts: 0, stale: 0};

  // --- Interface strings: XLIFF files from `npm run i18n:extract` -----------------
  const placeholders = (/** @type {string | undefined} */ xml) =>
    [...(xml ?? '').matchAll(/<x id="(\d+)"/g)]
      .map((m) => m[1])
      .sort()
      .join(',');
  const codeIds = new Map();
  for (const file of walk(srcDir).filter((f) => /\.ts$/.test(f) && !f.includes('generated'))) {
    const code = readFileSync(file, 'utf8');
    // Calls only: msg( followed by a string or a str``/html`` template, not msg() in comments.
    for (const call of code.matchAll(/\bmsg\(\s*(?:'|"|`|str`|html`)/g)) {
      const rest = code.slice(call.index, call.index + 400);
      const id = rest.match(/\bid:\s*'([^']+)'/)?.[1];
      const line = code.slice(0, call.index).split('\n').length;
      if (id) codeIds.set(id, `${relative('.', file)}:${line}`);
      else gap('all', 'msg() without an id', `${relative('.', file)}:${line}`, 'give it {id: …, desc: …}');
    }
  }

  for (const lang of targetLocales) {
    const file = join(localesDir, `${lang}.xlf`);
    if (!existsSync(file)) {
      gap(lang, 'no XLIFF file', file, 'run npm run i18n:extract');
      continue;
    }
    // Source and target keep their inline <x/> placeholders as raw text.
    const read = readXliff(readFileSync(file, 'utf8'), ['source', 'target']);
    if ('error' in read) {
      gap(lang, 'broken XML', `${file}:${/^line (\d+)/.exec(read.error)?.[1] ?? 1}`, read.error);
      continue;
    }
    const units = read.units.map(({unit}) => ({
      id: String(unit['@id']),
      source: elementText(unit.source),
      target: elementText(unit.target),
      note: [unit.note].flat().map(elementText).join(' '),
    }));
    totals.strings = Math.max(totals.strings, units.length);
    for (const unit of units) {
      const where = `${file} ${unit.id}`;
      if (!unit.target?.trim()) gap(lang, 'interface string', where, unit.source);
      else if (placeholders(unit.source) !== placeholders(unit.target)) {
        gap(lang, 'placeholder lost or added', where, `${unit.source}  →  ${unit.target}`);
      }
      if (!unit.note.trim()) gap(lang, 'no translator note', where, unit.source);
      if (!codeIds.has(unit.id)) gap(lang, 'not in the code any more', where, 'run npm run i18n:extract');
    }
    for (const [id, at] of codeIds) {
      if (!units.some((u) => u.id === id)) gap(lang, 'not extracted yet', `${at} ${id}`, 'run npm run i18n:extract');
    }
  }

  // --- The project pages' own words: locales/pages.<lang>.xlf ---------------------
  const pageEnglish = await englishStrings();
  for (const lang of targetLocales) {
    const file = pagesXliff(lang, localesDir);
    if (!existsSync(file)) {
      gap(lang, 'no XLIFF file', file, 'run npm run i18n:extract');
      continue;
    }
    const read = readPagesXliff(readFileSync(file, 'utf8'));
    if ('error' in read) {
      gap(lang, 'broken XML', file, read.error);
      continue;
    }
    for (const [page, strings] of Object.entries(pageEnglish)) {
      totals.pageStrings += lang === targetLocales[0] ? Object.keys(strings).length : 0;
      /** @type {Partial<Record<string, import('../../shared/xliff.mjs').PageUnit>>} */
      const units = read.pages[page] ?? {};
      for (const [key, english] of Object.entries(strings)) {
        const unit = units[key];
        // Page and key first: a long path is what the table clips.
        const where = `${page} ${key} in ${relative('.', file)}`;
        if (!unit) gap(lang, 'not extracted yet', where, 'run npm run i18n:extract');
        else if (!unit.target?.trim()) gap(lang, 'page string', where, english);
        else if (!samePlaceholders(unit.target, english)) gap(lang, 'placeholder lost or added', where, `${english}  →  ${unit.target}`);
        else if (unit.source !== english || unit.review)
          gap(lang, 'page string: English newer', where, `${english}  (translated from: ${unit.source})`);
      }
      for (const key of Object.keys(units)) {
        if (!(key in strings))
          gap(lang, 'not in the code any more', `${page} ${key} in ${relative('.', file)}`, 'run npm run i18n:extract');
      }
    }
    for (const page of Object.keys(read.pages)) {
      if (!(page in pageEnglish)) gap(lang, 'not in the code any more', `${page} in ${relative('.', file)}`, 'run npm run i18n:extract');
    }
  }

  // --- Profile texts: every {en: …} without the language ------------------------
  for (const dir of profileDirs) {
    // The record of what each Danish text was translated from (npm run i18n:import-profiles writes it).
    /** @type {import('../../node/translation-record.mjs').TranslationRecord} */
    let record = {};
    try {
      record = readRecord(dir);
    } catch (error) {
      gap('all', 'translation record unreadable', join(dir, RECORD), /** @type {Error} */ (error).message);
    }
    for (const file of walk(dir).filter((f) => f.endsWith('.json') && !f.endsWith('index.json') && !f.split('/').pop()?.startsWith('.'))) {
      totals.files++;
      let profile;
      try {
        profile = JSON.parse(readFileSync(file, 'utf8'));
      } catch (error) {
        gap('all', 'profile is not JSON', file, /** @type {Error} */ (error).message);
        continue;
      }
      for (const text of profile && typeof profile === 'object' ? staleTexts(record, profile) : []) {
        totals.stale++;
        gap('da', 'profile text: Danish older', `${relative('.', file)} ${text.path}`, `${text.now}  (translated from: ${text.was})`);
      }
      for (const lang of targetLocales) {
        for (const text of untranslated(profile, lang)) {
          totals.texts++;
          gap(lang, 'profile text', `${relative('.', file)} ${text.path}`, Array.isArray(text.en) ? text.en.join(' ') : String(text.en));
        }
      }
    }
  }

  // --- Report ---------------------------------------------------------------------
  const clip = (/** @type {string} */ s, /** @type {number} */ n) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);
  const columns = [
    ['lang', 4],
    ['kind', 26],
    ['where', 64],
    ['english', 52],
  ];
  if (rows.length) {
    const line = (/** @type {string[]} */ cells) =>
      cells
        .map((c, i) => clip(c, Number(columns[i][1])).padEnd(Number(columns[i][1])))
        .join('  ')
        .trimEnd();
    say.log(line(['lang', 'what is missing', 'where', 'English (shown instead)']));
    say.log(line(columns.map(([, n]) => '-'.repeat(Number(n)))));
    for (const row of rows) say.log(line([row.lang, row.kind, row.where, row.english.replace(/\s+/g, ' ')]));
    say.log('');
    for (const row of rows.filter((r) => r.kind === 'profile text: Danish older')) {
      const [now, was] = row.english.split('  (translated from: ');
      // A line each: `say` escapes a line break in the data, so none can start a line of its own.
      say.log(`${row.where}: the Danish was translated from`);
      say.log(`  "${was.slice(0, -1)}"`);
      say.log('but the English is now');
      say.log(`  "${now}"`);
      say.log('Update the Danish (npm run i18n:export-profiles marks it for review).');
      say.log('');
    }
  }
  const interfaceGaps = rows.filter((r) => !r.kind.startsWith('profile')).length;
  say.log(
    `Translation check (${targetLocales.join(', ')}): ` +
      `${totals.strings} interface strings and ${totals.pageStrings} page strings, ${interfaceGaps} interface problem(s); ` +
      (profileDirs.length
        ? `${totals.files} profile file(s), ${totals.texts} text(s) without translation, ${totals.stale} translated from an English that has changed since.`
        : 'profiles not checked.'),
  );
  // The build stops on what would show wrongly, not on a translation waiting for
  // review: a developer's changed English must not block every build until a
  // translator has looked (the page shows the older Danish meanwhile).
  const toReview = (/** @type {{kind: string}} */ row) => row.kind === 'page string: English newer';
  const blocking = values['interface-only'] ? rows.filter((row) => !toReview(row)) : rows;
  // The last line says what the exit code says.
  if (blocking.length && !values.warn) {
    say.log(
      `${blocking.length} row(s) above to fix: exit code 1. Translate them (see locales/README.md), or run with --warn for a report only.`,
    );
    return 1;
  }
  if (rows.some(toReview)) say.log('Rows marked "English newer" are for translators to review; the build goes on meanwhile.');
  say.log(
    rows.length
      ? `${rows.length} row(s) above reported; nothing stops the build: exit code 0.`
      : 'Nothing to translate or fix: exit code 0.',
  );
  return 0;
}

/** Every file under `dir` (or `dir` itself when it is a file). @param {string} dir @returns {string[]} */
function walk(dir) {
  if (!existsSync(dir)) return [];
  if (!statSync(dir).isDirectory()) return [dir];
  return readdirSync(dir, {recursive: true, encoding: 'utf8'})
    .map((f) => join(dir, f))
    .filter((f) => statSync(f).isFile());
}

await runAsCommand(import.meta, main);
