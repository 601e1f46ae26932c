// The project pages' own words (the embed builder and the translator preview)
// for translators: English in the code, the other languages in
// locales/pages.<lang>.xlf, one <file> per page, as the card's words are in
// locales/<lang>.xlf. They are not in that file because every string there is
// bundled into the card's module, which partners' pages load.
//
//   tools/cli/extract-page-strings.mjs adds new English and keeps every
//   translation (npm run i18n:extract)
//
// A placeholder `{query}` in the code is `<x id="query"/>` in the XLIFF, so
// translation tools protect it.
import {readFileSync} from 'node:fs';
import {join} from 'node:path';
import {pathToFileURL} from 'node:url';
import {transformWithOxc} from 'vite';
import {readPagesXliff, usableTranslations, withPlaceholders, writeXliff} from '../shared/xliff.mjs';

const root = new URL('../', import.meta.url).pathname;

/** Each page: where its English is, and what translators are told about it and its placeholders. */
export const PAGES = {
  'embed-builder': {
    english: 'pages/embed-builder/builder-english.ts',
    where: 'The embed builder (embed.html on the project site), where a partner picks options and copies the code for their website.',
    placeholders: {
      query: 'what the person typed into the search box',
      reason: 'why it failed, in English, as the browser reports it',
      version: 'the card’s version number, such as 0.1.0',
      id: 'a partner id from the page address, such as region-southern-denmark',
      module: 'the address of the card’s script',
      example: 'an existing partner id, such as region-southern-denmark',
      texts: 'the English texts, each in quotes, separated by commas',
      count: 'a number, 2 or more',
    },
    notes: {
      otherLanguage: 'The link to this page in the other language, written in that language: the Danish page links to English.',
      partner: 'Label of the list of organisations.',
      variant: 'Label of the choice between a full card and a compact one.',
      codeLabel: 'Label of the box that holds the code (read by screen readers).',
      copy: 'Button.',
      copied: 'Said after the Copy button copied the code.',
      share: 'Label of the address that opens this page with the same choices.',
      csp: 'A heading for web developers: keep “Content-Security-Policy” as it is.',
      closest: 'Above a short list of organisations whose names are close to the one asked for.',
    },
  },
  'translator-preview': {
    english: 'pages/translate/translate-strings.js',
    where: 'The translator preview (pages/translate/translate.html), where a translator types the Danish of a profile beside the English.',
    placeholders: {
      count: 'a number',
      language: 'the name of the language, such as “Danish (da)”',
      field: 'the name of a part of the profile, such as “description”',
      file: 'a file name, such as region-southern-denmark.json or logo.svg',
      name: 'a partner’s name, such as Region Syddanmark',
      n: 'a number, counted from 1',
      part: 'which part: the translation of “label”, “text” or “name” (partLabel, partText, partName), or a description paragraph',
      reason: 'why it failed, in English, as the browser reports it',
      value: 'a value from the profile file as it is written there, such as "Sweden" or 12',
      choices: 'the allowed values, such as "full" or "compact", joined with the translation of “or” (checkOr)',
      type: 'the kind of value expected: the translation of one of typeObject … typeBoolean',
      length: 'a number',
      max: 'a number',
      min: 'a number',
      key: 'the name of a field in the file, such as summary: keep it as it is, it is what the file must say',
      expected: 'what is wrong at that place: the translation of one of jsonLiteral … jsonUnknown',
      line: 'a line number',
      column: 'a column number',
      word: 'true, false or null: keep it as it is',
      char: 'the character found, in quotes',
    },
    notes: {
      otherLanguage: 'The link to this page in the other language, written in that language: the Danish page links to English.',
      checkOr: 'The word between allowed values: “full” or “compact”.',
      checkNotHere:
        'A problem in a profile file. Every check… text follows the place in the file, such as $.summary, and comes before an English description of that field.',
      jsonInvalid: 'A problem in a profile file that is not valid JSON (a comma, quote or bracket wrong or missing).',
      published: 'The published profile in the list of profiles to preview: keep the partner’s name in the page’s language.',
      checkLabel: 'Label of the box for a profile file; a button “Choose file” follows it.',
      missingPath: 'Column heading.',
      missingText: 'Column heading.',
    },
  },
};

/** @typedef {Record<string, string>} Strings key → text with `{name}` placeholders */
/** @typedef {import('../shared/xliff.mjs').PageUnit} PageUnit */

/** The English of every page, read from the code. @returns {Promise<Record<string, Strings>>} */
export async function englishStrings() {
  /** @type {Record<string, Strings>} */
  const pages = {};
  for (const [page, {english}] of Object.entries(PAGES)) {
    const file = join(root, english);
    const code = readFileSync(file, 'utf8');
    // TypeScript is stripped by Vite (the build's one bundler); plain JavaScript is imported as it is.
    const url = file.endsWith('.ts')
      ? `data:text/javascript;base64,${Buffer.from((await transformWithOxc(code, file, {lang: 'ts'})).code).toString('base64')}`
      : pathToFileURL(file).href;
    pages[page] = (await import(url)).en;
  }
  return pages;
}

/** The XLIFF file for `lang`. @param {string} lang @param {string} [localesDir] */
export const pagesXliff = (lang, localesDir = join(root, 'locales')) => join(localesDir, `pages.${lang}.xlf`);

/**
 * The pages' XLIFF with the code's English: new strings without a target,
 * every translation kept, one whose English changed marked for review,
 * strings gone from the code dropped.
 * @param {Record<string, Strings>} english
 * @param {Partial<Record<string, Partial<Record<string, PageUnit>>>>} existing
 * @param {string} lang
 */
export function writePagesXliff(english, existing, lang) {
  const files = Object.entries(english).map(([page, strings]) => {
    const {where, placeholders, notes} = PAGES[/** @type {keyof typeof PAGES} */ (page)];
    /** @type {import('../shared/xliff.mjs').WriteUnit[]} */
    const units = Object.entries(strings).map(([key, source]) => {
      const old = existing[page]?.[key];
      const review = old?.target !== undefined && (old.review || old.source !== source);
      const names = [...new Set([...source.matchAll(/\{(\w+)\}/g)].map((m) => m[1]))];
      const said = /** @type {Record<string, string>} */ (notes)[key];
      const note = [
        where,
        said,
        ...names.map(
          (name) =>
            `Placeholder ${name}: ${/** @type {Partial<Record<string, string>>} */ (placeholders)[name] ?? 'a value the page fills in'}.`,
        ),
      ]
        .filter(Boolean)
        .join(' ');
      return {
        attributes: [['id', key]],
        source: withPlaceholders(source),
        ...(old?.target !== undefined && {
          target: withPlaceholders(old.target),
          targetAttributes: review ? [['state', 'needs-review-translation']] : [],
        }),
        notes: [{from: 'developer', text: note}],
      };
    });
    return {
      attributes: /** @type {[string, string][]} */ ([
        ['original', page],
        ['source-language', 'en'],
        ['target-language', lang],
        ['datatype', 'plaintext'],
      ]),
      units,
    };
  });
  return writeXliff(files);
}

/**
 * The translations of `page` into `lang` that can be used: a target that keeps
 * the English's placeholders. The rest shows in English (npm run i18n:check lists it).
 * @param {string} page @param {string} lang @param {string} [localesDir]
 * @returns {Strings}
 */
export function translations(page, lang, localesDir) {
  const file = pagesXliff(lang, localesDir);
  const read = readPagesXliff(readFileSync(file, 'utf8'));
  if ('error' in read) throw new Error(`${file}: ${read.error}`);
  return usableTranslations(read.pages[page] ?? {});
}
