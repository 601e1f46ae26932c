/**
 * The embed builder's own words, in English and Danish. The builder is a page
 * of the project site, not part of the module partners load, so its strings
 * are kept out of locales/da.xlf (whose every string is bundled into the
 * module). The type makes a missing Danish string a build error.
 */
const en = {
  title: 'Embed a partner card',
  intro: 'Pick your organisation and how the card should look, check the preview, then copy the code into your web page (an “HTML” or “embed” block in most editors).',
  otherLanguage: 'På dansk',
  options: 'Options',
  find: 'Find your organisation',
  findHint: 'Type part of the name, short name or country.',
  partner: 'Organisation',
  noMatch: 'No organisation matches “{query}”.',
  language: 'Language of the card',
  english: 'English',
  danish: 'Danish',
  variant: 'Layout',
  full: 'Full profile',
  compact: 'Compact (for lists)',
  headingLevel: 'Heading level of the name',
  headingHint: 'Use the level that fits where the card sits on your page: 2 under the page title is usual.',
  href: 'Link of the card (optional)',
  hrefHint: 'The compact card becomes one link to this address.',
  backHref: '“Back to partners” link (optional)',
  backHrefHint: 'Adds a link back to this address at the end of the full card.',
  badLink: 'Give a web address that starts with https:// or http://, or a path on your site that starts with /.',
  prerender: 'Write the card into the code',
  prerenderHint: 'The card shows at once, without JavaScript and even when the project site is down; the script then keeps it up to date. Take a new code when the profile changes a lot.',
  preview: 'Preview',
  code: 'Your code',
  codeLabel: 'Code to paste into your page',
  copy: 'Copy code',
  copied: 'Copied. Paste it into your page.',
  copyFailed: 'Could not copy: the code is selected, press Ctrl+C (⌘C on a Mac).',
  waiting: 'Loading the profile… the code below does not yet carry the card.',
  failed: 'This profile cannot be shown ({reason}). The code below has no card written into it.',
  share: 'Link to these choices',
  shareHint: 'Send this address to a partner: it opens this page with the same choices.',
  csp: 'Your site sends a Content-Security-Policy?',
  cspHint: 'Add these sources to it:',
  version: 'Version {version}, pinned with an integrity hash: your page runs exactly this code until you take a new one.',
  indexFailed: 'The list of organisations could not be loaded ({reason}). Reload the page to try again.',
  unknownPartner: 'There is no organisation “{id}” in the list: pick one below.',
  moduleFailed: 'The card’s script {module} did not load, or its bytes do not match its integrity hash: this deployment is broken. Run npm run check-deploy against it.',
};

export type StringKey = keyof typeof en;

const da: Record<StringKey, string> = {
  title: 'Indlejr et partnerkort',
  intro: 'Vælg jeres organisation og kortets udseende, se eksemplet, og kopiér så koden ind på jeres webside (i de fleste redaktører en “HTML”- eller “indlejr”-blok).',
  otherLanguage: 'In English',
  options: 'Valg',
  find: 'Find jeres organisation',
  findHint: 'Skriv en del af navnet, forkortelsen eller landet.',
  partner: 'Organisation',
  noMatch: 'Ingen organisation passer til “{query}”.',
  language: 'Kortets sprog',
  english: 'Engelsk',
  danish: 'Dansk',
  variant: 'Udseende',
  full: 'Hele profilen',
  compact: 'Kompakt (til lister)',
  headingLevel: 'Overskriftsniveau for navnet',
  headingHint: 'Brug det niveau, der passer til kortets plads på siden: 2 under sidens titel er det almindelige.',
  href: 'Kortets link (valgfrit)',
  hrefHint: 'Det kompakte kort bliver ét link til denne adresse.',
  backHref: 'Link “Tilbage til partnerne” (valgfrit)',
  backHrefHint: 'Tilføjer et link tilbage til denne adresse nederst i det fulde kort.',
  badLink: 'Angiv en webadresse, der begynder med https:// eller http://, eller en sti på jeres websted, der begynder med /.',
  prerender: 'Skriv kortet ind i koden',
  prerenderHint: 'Kortet vises med det samme, uden JavaScript og også når projektets websted er nede; scriptet holder det derefter opdateret. Hent en ny kode, når profilen ændres meget.',
  preview: 'Eksempel',
  code: 'Jeres kode',
  codeLabel: 'Kode, der skal indsættes på jeres side',
  copy: 'Kopiér koden',
  copied: 'Kopieret. Indsæt den på jeres side.',
  copyFailed: 'Kunne ikke kopiere: koden er markeret, tryk Ctrl+C (⌘C på en Mac).',
  waiting: 'Henter profilen … koden nedenfor indeholder endnu ikke kortet.',
  failed: 'Profilen kan ikke vises ({reason}). Koden nedenfor har intet kort skrevet ind.',
  share: 'Link til disse valg',
  shareHint: 'Send adressen til en partner: den åbner denne side med de samme valg.',
  csp: 'Sender jeres websted en Content-Security-Policy?',
  cspHint: 'Tilføj disse kilder til den:',
  version: 'Version {version}, låst med en integritets-hash: jeres side kører præcis denne kode, indtil I henter en ny.',
  indexFailed: 'Listen over organisationer kunne ikke hentes ({reason}). Genindlæs siden for at prøve igen.',
  unknownPartner: 'Der er ingen organisation “{id}” på listen: vælg en nedenfor.',
  moduleFailed: 'Kortets script {module} blev ikke hentet, eller dets bytes passer ikke til integritets-hashen: denne udgivelse er i stykker. Kør npm run check-deploy mod den.',
};

export type UiLang = 'en' | 'da';

/** Both dictionaries, for the test that their placeholders agree. */
export const strings = {en, da};

/** The string `key` in `lang`, with `{name}` placeholders filled in. */
export function text(lang: UiLang, key: StringKey, values: Record<string, string> = {}): string {
  return (lang === 'da' ? da : en)[key].replace(/\{(\w+)\}/g, (_, name: string) => values[name] ?? '');
}
