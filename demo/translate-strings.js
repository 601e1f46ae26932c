// The translator preview's own words, in English and Danish (`?ui=da`, or the
// language switch at the top). Kept beside the page: they are not part of the
// card, whose strings are in locales/da.xlf.
const en = {
  title: 'Translator preview',
  lead: 'See a profile exactly as a partner\u2019s website will show it, next to the English original. Type the Danish for each text below: the card changes as you type. Texts that are still in English are highlighted and listed. Nothing you type is sent anywhere: download your work when you are done.',
  otherLanguage: 'På dansk',
  profile: 'Profile',
  published: 'Region of Southern Denmark (published)',
  ownFile: 'Your file (paste or drop it below)',
  language: 'Language',
  danish: 'Danish (da)',
  english: 'English (en)',
  layout: 'Layout',
  full: 'Full profile',
  compact: 'Compact (lists)',
  checkTitle: 'Check your file',
  checkLabel: 'Paste the profile JSON here, drop a .json file on the box, or',
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
  editIntro: 'Each text of the profile, in the order the card shows it: the English, then a box for the Danish. Use Tab to go from box to box.',
  editOnlyDanish: 'Choose Danish above to translate here.',
  emptyKept: 'Empty: the card shows the English.',
  waiting: 'The Danish {field} shows once every paragraph of it has Danish.',
  downloadTitle: 'Take your work away',
  downloadJson: 'Download the profile ({file})',
  downloadXliff: 'Download for a translation tool (XLIFF)',
  downloadHint: 'Send the profile file to the project (or put it in the profiles folder). The XLIFF file opens in Poedit, OmegaT, memoQ and other translation tools; see locales/README.md.',
  edited: '{count} text(s) changed here.',
  loadFailed: 'The profile could not be loaded ({reason}).',
};

/** @type {Record<keyof typeof en, string>} */
const da = {
  title: 'Oversætterens forhåndsvisning',
  lead: 'Se en profil præcis som en partners websted viser den, ved siden af den engelske original. Skriv den danske tekst til hver tekst nedenfor: kortet ændres, mens du skriver. Tekster, der stadig er på engelsk, er fremhævet og listet. Intet af det, du skriver, sendes nogen steder hen: hent dit arbejde, når du er færdig.',
  otherLanguage: 'In English',
  profile: 'Profil',
  published: 'Region Syddanmark (udgivet)',
  ownFile: 'Din fil (indsæt eller træk den herned)',
  language: 'Sprog',
  danish: 'Dansk (da)',
  english: 'Engelsk (en)',
  layout: 'Udseende',
  full: 'Hele profilen',
  compact: 'Kompakt (lister)',
  checkTitle: 'Tjek din fil',
  checkLabel: 'Indsæt profilens JSON her, træk en .json-fil over på feltet, eller',
  englishOriginal: 'Engelsk original',
  missingTitle: 'Stadig på engelsk',
  missingPath: 'Sted i filen (JSON-sti)',
  missingText: 'Engelsk tekst, der skal oversættes',
  nothingToTranslate: 'Engelsk er originalen: intet at oversætte.',
  missingCount: '{count} tekst(er) vises på engelsk, fordi {language} mangler.',
  allTranslated: 'Alt er oversat til {language}.',
  problemsCount: '{count} problem(er) skal rettes, før filen sendes:',
  noProblems: 'Ingen problemer fundet: filen følger profilformatet.',
  editTitle: 'Oversæt her',
  editIntro: 'Hver tekst i profilen i den rækkefølge, kortet viser dem: den engelske og derefter et felt til den danske. Brug Tab til at gå fra felt til felt.',
  editOnlyDanish: 'Vælg dansk ovenfor for at oversætte her.',
  emptyKept: 'Tomt: kortet viser den engelske tekst.',
  waiting: 'Den danske {field} vises, når alle dens afsnit har dansk.',
  downloadTitle: 'Tag dit arbejde med',
  downloadJson: 'Hent profilen ({file})',
  downloadXliff: 'Hent til et oversættelsesværktøj (XLIFF)',
  downloadHint: 'Send profilfilen til projektet (eller læg den i profilmappen). XLIFF-filen kan åbnes i Poedit, OmegaT, memoQ og andre oversættelsesværktøjer; se locales/README.md.',
  edited: '{count} tekst(er) ændret her.',
  loadFailed: 'Profilen kunne ikke hentes ({reason}).',
};

/** Both dictionaries, for the test that they have the same keys and placeholders. */
export const strings = {en, da};

/** The text for `key`; English where the Danish is missing, never nothing. @param {'en' | 'da'} ui @param {keyof typeof en} key @param {Record<string, string | number>} [values] */
export function say(ui, key, values = {}) {
  const text = (ui === 'da' ? da : en)[key] ?? en[key];
  return text.replace(/\{(\w+)\}/g, (_, name) => String(values[name] ?? ''));
}
