// The translator preview's own words: English here, Danish (`?ui=da`, or the
// language switch at the top) in locales/pages.da.xlf, where translators keep
// them. They are not part of the card, whose strings are in locales/da.xlf.
import {readPagesXliff, usableTranslations} from '../../shared/xliff.mjs';
import {CHECK_WORDS} from '../../shared/profile-check.mjs';

export const en = {
  title: 'Translator preview',
  lead: 'See a profile exactly as a partner\u2019s website will show it, next to the English original. Type the Danish for each text below: the card changes as you type. Texts that are still in English are highlighted and listed. Nothing you type is sent anywhere: download your work when you are done.',
  otherLanguage: 'På dansk',
  profile: 'Profile',
  published: '{name} (published)',
  indexFailed: 'The list of published profiles could not be loaded ({reason}): paste or drop a profile file below.',
  wordsFailed: 'This page’s Danish words could not be read ({reason}), so it shows in English.',
  logoMissing:
    'The logo {file} is not in the published folder yet, so the card shows none: send the logo with the profile, to sit beside it.',
  fileLabel: 'Choose a file',
  fieldName: 'Name',
  fieldShortName: 'Short name',
  fieldLogoAlt: 'Description of the logo (for screen readers)',
  fieldSummary: 'Summary',
  fieldDescription: 'Description, paragraph {n}',
  fieldFact: 'Key figure {n}: {part}',
  fieldOrganisation: 'Organisation {n}: {part}',
  partLabel: 'label',
  partText: 'text',
  partName: 'name',
  ownFile: 'Your file (paste or drop it below)',
  language: 'Language',
  danish: 'Danish (da)',
  english: 'English (en)',
  layout: 'Layout',
  full: 'Full profile',
  compact: 'Compact (lists)',
  checkTitle: 'Check your file',
  checkLabel: 'Paste the profile JSON here, or drop a .json file on the box',
  englishOriginal: 'English original',
  missingTitle: 'Still in English',
  missingPath: 'Where in the file (JSON path)',
  missingText: 'English text to translate',
  nothingToTranslate: 'English is the original: nothing to translate.',
  missingCount: '{count} text(s) are shown in English because {language} is missing.',
  allTranslated: 'Everything is translated into {language}.',
  problemsCount: '{count} problem(s) to fix before sending this file:',
  noProblems: 'No problems found: the file follows the profile format.',
  editTitle: 'Translate here',
  editIntro:
    'Each text of the profile, in the order the card shows it: the English, then a box for the Danish. Use Tab to go from box to box.',
  editOnlyDanish: 'Choose Danish above to translate here.',
  emptyKept: 'Empty: the card shows the English.',
  waiting: 'The Danish {field} shows once every paragraph of it has Danish.',
  downloadTitle: 'Take your work away',
  downloadJson: 'Download the profile ({file})',
  downloadXliff: 'Download for a translation tool (XLIFF)',
  downloadHint:
    'Send the profile file to the project (or put it in the profiles folder). The XLIFF file opens in Poedit, OmegaT, memoQ and other translation tools; see locales/README.md.',
  edited: '{count} text(s) changed here.',
  loadFailed: 'The profile could not be loaded ({reason}).',
  // The file's problems, worded as the command line words them (shared/profile-check.mjs).
  ...CHECK_WORDS,
};

/** @typedef {((key: keyof typeof en, values?: Partial<Record<string, string | number>>) => string) & {lang: (key: keyof typeof en) => string, failure: string}} Say */

/**
 * This page's words in `ui`: the translations come from
 * locales/pages.<ui>.xlf, where translators keep them (npm run i18n:extract
 * adds new English there), read by the same module as the build reads the
 * builder's (shared/xliff.mjs): a target that keeps the English's placeholders
 * counts. The rest, or a file that cannot be read, shows in English, with a
 * console warning that names the problem.
 * @param {'en' | 'da'} ui
 * @param {URL} [file] where the translations are (tests point elsewhere)
 * @returns {Promise<Say>}
 */
export async function pageWords(ui, file = new URL(`../../locales/pages.${ui}.xlf`, import.meta.url)) {
  /** @type {Partial<Record<keyof typeof en, string>>} */
  const translated = {};
  /** Why the translations could not be read, for the page to say; empty when they could. */
  let failure = '';
  // Published (partner-card publish), the page carries its Danish, read from the XLIFF as it was bundled.
  if (ui !== 'en' && typeof PREVIEW_DANISH !== 'undefined') Object.assign(translated, PREVIEW_DANISH);
  else if (ui !== 'en') {
    try {
      const response = await fetch(file);
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      const read = readPagesXliff(await response.text());
      if ('error' in read) throw new Error(read.error);
      Object.assign(translated, usableTranslations(read.pages['translator-preview'] ?? {}));
    } catch (error) {
      failure = /** @type {Error} */ (error).message;
      console.warn(`translator preview: ${file.pathname} could not be read (${failure}); the page shows in English.`);
    }
  }
  /** @type {Say} */
  const say = (key, values = {}) => (translated[key] || en[key]).replace(/\{(\w+)\}/g, (_, name) => String(values[name] ?? ''));
  // The language a string is shown in, for `lang`: a screen reader must not read an English stand-in as Danish.
  say.lang = (key) => (translated[key] ? ui : 'en');
  say.failure = failure;
  return say;
}
